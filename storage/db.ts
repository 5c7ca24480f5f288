import Dexie from 'dexie';
import type { RecordKind } from '@/core/model';
import type { BackstoryDB } from './tables';
import { putInto } from './record-store';

// The row types live in storage/tables.ts so the record store can name them without importing
// the schema (which imports the record store for its version 5 upgrade).
export type * from './tables';

export const DB_NAME = 'backstory';

/**
 * Schema history. Never edit a released version: add a new one with an upgrade, and a fixture
 * of the old version to tests/fixtures/db/ so the upgrade is tested. tests/e2e/upgrade.e2e.ts
 * also upgrades a real Chromium profile of the last release (tests/e2e/released-build.ts).
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
  // 7: parsed import files handed from the options page to the background, which commits them
  // (services/data-writes.ts). A new table only.
  db.version(7).stores({ importStages: 'id' });
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
