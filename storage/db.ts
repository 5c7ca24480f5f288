import type { SyncRun } from './sources';
import Dexie, { type EntityTable } from 'dexie';
import type { Account, AnyRecord, Campaign, Contact, Deal, Note, RecordKind } from '@/core/model';
import type { Flag } from '@/core/flags';
import type { NameIndexData } from '@/core/search/name-index';
import type { NoteIndexData } from '@/core/search/note-index';

/**
 * One matched ticket seen on one day, counted only with the technician's consent (campaign
 * insights). Nothing of the ticket's content: its help desk, id and the account it matched.
 */
export interface TicketView {
  /** YYYY-MM-DD */
  day: string;
  /** `${helpdesk}|${ticketId}` */
  ticketKey: string;
  accountId: string;
  /** The ticket's type as the help desk labels it ("Incident"), when the page shows one. */
  kind?: string;
}

/** A technician's choice of account for a help-desk company the matcher could not settle. */
export interface Pin {
  /** `${helpdesk}|${normalised company or email domain}` */
  key: string;
  accountId: string;
  createdAt: string;
}

/** Derived, indexed keys stored beside each account so matching is pure index lookups. */
export interface StoredAccount extends Account {
  /** Normalised company name. */
  nameKey: string;
  /** Normalised aliases (name included). */
  aliasKeys: string[];
}

/** Where a data source's sync stands: the cursor of a pass in progress, and the watermarks. */
export interface SyncState {
  source: string;
  /** The pass in progress (none between passes). */
  pass?: {
    mode: 'full' | 'incremental';
    startedAt: string;
    /** Incremental passes read records modified since this time. */
    since?: string;
    /** The source's own position: which step (object type), and its paging token. */
    step: number;
    after?: string;
    skipped: number;
    warnings: string[];
  };
  /** Start of the last complete full pass. */
  lastFullAt?: string;
  /** Start of the last complete pass of either kind: the next incremental pass reads from here. */
  watermark?: string;
  /**
   * What the last complete pass reports, written in the same transaction that completes it: a
   * worker stopped before the status says so reports this rather than syncing all over again.
   */
  lastRun?: SyncRun;
}

/** A record read by a full pass in progress, held aside until the pass is complete. */
export interface StagedRecord {
  source: string;
  id: string;
  kind: RecordKind;
  record: AnyRecord;
}

/** Small named values. `dataStamp` changes with every write of sales records. */
export interface MetaRow {
  key: string;
  value: string;
}

/**
 * A saved search index, so the popup opens it instead of rebuilding it: valid while `stamp`
 * equals the data's current stamp and `format` the code's. A cache: losing it costs a rebuild.
 */
export type SearchIndexRow =
  | { part: 'names'; stamp: string; format: number; builtAt: string; data: NameIndexData }
  | { part: 'notes'; stamp: string; format: number; builtAt: string; data: NoteIndexData };

export type BackstoryDB = Dexie & {
  accounts: EntityTable<StoredAccount, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  campaigns: EntityTable<Campaign, 'id'>;
  deals: EntityTable<Deal, 'id'>;
  notes: EntityTable<Note, 'id'>;
  pins: EntityTable<Pin, 'key'>;
  flags: EntityTable<Flag, 'id'>;
  ticketViews: Dexie.Table<TicketView, [string, string]>;
  syncState: EntityTable<SyncState, 'source'>;
  syncStaging: Dexie.Table<StagedRecord, [string, string]>;
  meta: EntityTable<MetaRow, 'key'>;
  searchIndex: Dexie.Table<SearchIndexRow, string>;
};

export const DB_NAME = 'backstory';

/**
 * Schema history. Never edit a released version: add a new one with an upgrade, and a fixture
 * of the old version to tests/fixtures/db/ so the upgrade is tested.
 */
export function defineSchema(db: Dexie): void {
  db.version(1).stores({
    accounts: 'id, source, nameKey, *aliasKeys, *domains',
    contacts: 'id, source, accountId, email',
    campaigns: 'id, source, name',
    deals: 'id, source, accountId, campaignId, closeDate',
    notes: 'id, source, accountId, dealId, date',
    pins: 'key, accountId',
  });
  // 2: flags for sales (an outbox that survives restarts) and consented ticket counts for
  // campaign insights. New tables only: version 1 data is kept as it is.
  db.version(2).stores({
    flags: 'id, status, accountId, createdAt',
    ticketViews: '[day+ticketKey], accountId, day',
  });
  // 3: resumable syncs. A pass writes page by page together with its cursor, so a worker stopped
  // mid-sync resumes where it was; a full pass stages its records until it is complete.
  db.version(3).stores({
    syncState: 'source',
    syncStaging: '[source+id], source',
  });
  // 4: the popup's search index saved between openings, and the stamp of the data it was built
  // from. New tables only.
  db.version(4).stores({
    meta: 'key',
    searchIndex: 'part',
  });
}

export function openDb(name = DB_NAME): BackstoryDB {
  const db = new Dexie(name) as BackstoryDB;
  defineSchema(db);
  return db;
}

let shared: BackstoryDB | undefined;
/** The extension's database. Only extension pages and the background may call this. */
export function getDb(): BackstoryDB {
  shared ??= openDb();
  return shared;
}
