import type { SyncRun } from './sources';
import Dexie, { type EntityTable } from 'dexie';
import type { Account, AnyRecord, RecordKind } from '@/core/model';
import type { Flag } from '@/core/flags';
import type { NameIndexData } from '@/core/search/name-index';
import type { NoteIndexData } from '@/core/search/note-index';
import type { CountRow, LookupName, LookupRow, PackRow } from './pack-layout';
import { putInto } from './records';

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

/** Derived keys stored beside each account so matching is pure lookups. */
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
  /** Sales records, packed (storage/pack-layout.ts); read and written through storage/records.ts only. */
  packs: Dexie.Table<PackRow, [RecordKind, number]>;
  lookups: Dexie.Table<LookupRow, [LookupName, number]>;
  recordCounts: Dexie.Table<CountRow, RecordKind>;
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
  // 5: sales records packed many to a row, with their lookups beside them (storage/pack-layout.ts):
  // a 100k-row import is a few hundred puts instead of 100k. The records move over here...
  db.version(5)
    .stores({ packs: '[kind+bucket]', lookups: '[lookup+bucket]', recordCounts: 'kind' })
    .upgrade(async (tx) => {
      const tables = { packs: tx.table('packs'), lookups: tx.table('lookups'), recordCounts: tx.table('recordCounts') };
      for (const [kind, table] of OLD_TABLES) await putInto(tables, kind, await tx.table(table).toArray());
    });
  // ...and 6 drops the tables they came from: a version of its own, so each step does one thing
  // (Dexie would also let version 5's upgrade read tables that version 5 itself drops).
  db.version(6).stores(Object.fromEntries(OLD_TABLES.map(([, table]) => [table, null])));
}

/** The tables of sales records before version 5, one record per row. */
const OLD_TABLES: [RecordKind, string][] = [
  ['account', 'accounts'],
  ['contact', 'contacts'],
  ['campaign', 'campaigns'],
  ['deal', 'deals'],
  ['note', 'notes'],
];

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
