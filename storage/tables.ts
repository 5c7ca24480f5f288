/** The rows of Backstory's database and the typed database itself (storage/db.ts declares the schema). */
import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { SyncRun } from './source-configs';
import type { Account, AnyRecord, RecordKind } from '@/core/model';
import type { Flag } from '@/core/flags';
import type { SourceNote } from '@/core/source-notes';
import type { NameIndexData } from '@/core/search/name-index';
import type { NoteIndexData } from '@/core/search/note-index';
import type { TextsIndex } from '@/core/relevance/texts-index';
import type { CountRow, LookupName, LookupRow, PackRow } from './pack-layout';

/**
 * One matched ticket seen on one day, counted only with the technician's consent (campaign
 * insights). Nothing of the ticket's content: its help desk, id and the account it matched.
 */
interface TicketView {
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
    /** Parts left out and the like (a plain string: said by a version before notes had codes). */
    warnings: (SourceNote | string)[];
    /** The source said nothing changed since `version` (a feed's 304): the pass keeps the data. */
    unchanged?: boolean;
    /** What this pass read, as the source names it (a feed's ETag), and when that last changed. */
    version?: string;
    changedAt?: string;
  };
  /** What the last complete pass read, handed back to the source as `known` (sources/live-source.ts). */
  version?: string;
  /** When the source's content last changed, as the source says (a feed's Last-Modified). */
  changedAt?: string;
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
  | { part: 'notes'; stamp: string; format: number; builtAt: string; data: NoteIndexData }
  | RelevanceIndexRow;

/**
 * An account's texts read for the relevance ranking (services/relevance-index.ts), saved in the
 * same table under `relevance:<stamp>:<account id>`: the words of its notes, promises and products
 * sold (sales data, as the records are), never a ticket's. `fingerprint` names the texts it was
 * built from (their ids, in order, and the products sold).
 */
export interface RelevanceIndexRow {
  part: `relevance:${string}`;
  stamp: string;
  format: number;
  builtAt: string;
  fingerprint: string;
  data: TextsIndex;
}

/**
 * Files the options page parsed, handed to the background to commit (the background is the only
 * writer of sales data). Written by the page, read and deleted by the background; what the
 * payload holds is the importer's business (services/data-writes.ts), not the store's.
 */
interface ImportStage {
  id: string;
  createdAt: string;
  /** The parsed files, until they are committed. */
  payload?: unknown;
  /** How the commit ended, once it has. */
  outcome?: unknown;
}

export type BackstoryDB = Dexie & {
  /** Sales records, packed (storage/pack-layout.ts); read and written through storage/record-store.ts only. */
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
  importStages: EntityTable<ImportStage, 'id'>;
};
