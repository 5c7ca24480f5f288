/**
 * Writing sales records in bulk (imports, syncs, the sample, clearing), each write in the
 * transaction of its caller or its own, with the data stamp changed in the same transaction.
 * Nothing here knows files or APIs: services/import.ts commits parsed files through it, and
 * sources/run-sync.ts a sync's pages.
 */
import { RECORD_KINDS, emptyRecordSet, recordId, type Account, type RecordKind, type RecordSet } from '@/core/model';
import { normalizeCompany, normalizeDomain } from '@/core/normalize';
import type { ImportSummary } from '@/core/import-message';

export type { ImportSummary };
import type { BackstoryDB, Pin, StoredAccount } from './db';
import { clearRecords, deleteSource, putRecords, salesTables } from './record-store';
import { touchData } from './data-stamp';

export type Progress = (done: number, total: number) => void;

/** Each kind's list in a RecordSet. */
export const SET_KEY = {
  account: 'accounts',
  contact: 'contacts',
  campaign: 'campaigns',
  deal: 'deals',
  note: 'notes',
} as const;
/** Pins per bulkPut: small enough for steady progress, large enough to stay fast. */
const CHUNK = 500;

/** Sales records, pins, and the meta table whose data stamp every write of them changes. */
const allTables = (db: BackstoryDB) => [...salesTables(db), db.pins, db.meta];
/** The tables of sales records (and pins), for callers that write them in a transaction of their own. */
export const recordTables = allTables;

/** Insert or update records (ids decide), inside a rw transaction over recordTables(db). */
export function upsertRecords(db: BackstoryDB, set: RecordSet): Promise<ImportSummary> {
  return writeAll(db, set, []);
}
const zeroCounts = (): Record<RecordKind, number> => ({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });

/** The match keys stored beside an account, so matching is pure lookups. */
export function withDerivedKeys(account: Account): StoredAccount {
  // Plain loops, each key once in first-seen order (as Sets would), and Object.assign rather than
  // a spread (five times faster over parsed rows in V8): 100k accounts go through here on an import.
  const nameKey = normalizeCompany(account.name);
  const domains: string[] = [];
  for (const d of account.domains) {
    const n = normalizeDomain(d);
    if (n && !domains.includes(n)) domains.push(n);
  }
  const aliasKeys: string[] = nameKey ? [nameKey] : [];
  for (const alias of account.aliases) {
    const k = normalizeCompany(alias);
    if (k && !aliasKeys.includes(k)) aliasKeys.push(k);
  }
  return Object.assign({}, account, { domains, nameKey, aliasKeys });
}

/** Put every record, in chunks, counting which ids were new. Must run inside a rw transaction. */
export async function writeAll(
  db: BackstoryDB,
  set: RecordSet,
  pins: Pin[],
  onProgress?: Progress,
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: zeroCounts(), updated: zeroCounts(), pins: 0, warnings: [] };
  // Later duplicates win, as they would with sequential puts, and are counted once.
  const dedupe = <T>(list: T[], key: (t: T) => string) => [...new Map(list.map((r) => [key(r), r])).values()];
  const plan = RECORD_KINDS.map((kind) => {
    const list = dedupe<{ id: string }>(set[SET_KEY[kind]], (r) => r.id);
    return { kind, records: kind === 'account' ? (list as Account[]).map(withDerivedKeys) : list };
  });
  const uniquePins = dedupe(pins, (p) => p.key);
  const total = plan.reduce((n, p) => n + p.records.length, 0) + uniquePins.length;
  let done = 0;
  onProgress?.(0, total);
  // In the same transaction as the records: a saved search index is stale exactly when they are.
  await touchData(db);
  for (const { kind, records } of plan) {
    if (!records.length) continue;
    // All of a kind at once: each pack row they fall in is read and written once (in chunks,
    // every chunk would rewrite the same rows).
    const before = done;
    const replaced = await putRecords(db, kind, records as never[], (written) => onProgress?.(before + written, total));
    summary.updated[kind] += replaced;
    summary.added[kind] += records.length - replaced;
    done += records.length;
  }
  for (let i = 0; i < uniquePins.length; i += CHUNK) {
    const chunk = uniquePins.slice(i, i + CHUNK);
    await db.pins.bulkPut(chunk);
    summary.pins += chunk.length;
    done += chunk.length;
    onProgress?.(done, total);
  }
  return summary;
}

/**
 * Make `set` the complete content of `source` (e.g. the sample data, source "sample"): records
 * of that source not in the set are removed, all in one transaction. Every record must already
 * carry `source` and its id.
 */
export async function loadRecordSet(
  db: BackstoryDB,
  set: RecordSet,
  source: string,
  onProgress?: Progress,
): Promise<ImportSummary> {
  for (const kind of RECORD_KINDS) {
    for (const r of set[SET_KEY[kind]]) {
      if (r.source !== source || r.id !== recordId(source, r.sourceId)) {
        throw new Error(`loadRecordSet: ${kind} ${r.id} does not belong to source "${source}"`);
      }
    }
  }
  return db.transaction('rw', allTables(db), async () => {
    for (const kind of RECORD_KINDS) await deleteSource(db, kind, source);
    const summary = await writeAll(db, set, [], onProgress);
    // Pins to accounts of this source that no longer exist would point at nothing.
    const kept = new Set(set.accounts.map((a) => a.id));
    await db.pins
      .where('accountId')
      .startsWith(`${source}:`)
      .filter((p) => !kept.has(p.accountId))
      .delete();
    return summary;
  });
}

/** Remove every record of one source (e.g. "sample"). */
export async function removeSource(db: BackstoryDB, source: string): Promise<void> {
  await loadRecordSet(db, emptyRecordSet(), source);
}

/** Every sales record and pin, and the meta rows (the data stamp, written again right after). */
export async function clearSalesData(db: BackstoryDB): Promise<void> {
  await clearRecords(db);
  await db.pins.clear();
  await db.meta.clear();
}

export async function clearAllData(db: BackstoryDB): Promise<void> {
  // The saved search index is a copy of the records: "clear everything" takes it too.
  await db.transaction('rw', [...allTables(db), db.searchIndex], async () => {
    await clearSalesData(db);
    await db.searchIndex.clear();
    await touchData(db);
  });
}
