/**
 * Writing imports to the database, all or nothing: references are resolved and every record
 * is written inside ONE read-write transaction over all tables, so a bad reference, a full disk
 * or any failed write leaves the database exactly as it was. Errors are never caught inside the
 * transaction: catching a Dexie BulkError there would let the rows that did succeed commit.
 */
import {
  RECORD_KINDS,
  emptyRecordSet,
  recordId,
  type Account,
  type Campaign,
  type RecordKind,
  type RecordSet,
} from '@/core/model';
import { normalizeCompany, normalizeDomain } from '@/core/normalize';
import type { BackupFile } from '@/sources/backup';
import { msg, type ImportError, type ImportMessage, type ImportParse } from '@/sources/import-types';
import { derivedSourceId, nameKey } from '@/sources/records';
import type { BackstoryDB, Pin, StoredAccount } from './db';
import {
  clearRecords,
  countRecords,
  deleteRecords,
  deleteSource,
  moveDealsToCampaign,
  putRecords,
  recordsByIds,
  salesTables,
} from './records';
import { resolveImports } from './resolve-refs';
import { touchData } from './data-stamp';

export interface ImportSummary {
  added: Record<RecordKind, number>;
  updated: Record<RecordKind, number>;
  pins: number;
  warnings: ImportMessage[];
}

/**
 * Why nothing was imported: the file's problems, or the storage error that aborted the write.
 * `reason` is what the user reads (translated from its code); `message` is for logs.
 */
export class ImportCommitError extends Error {
  constructor(
    readonly reason: ImportMessage,
    readonly errors: ImportError[] = [],
    readonly errorCount = errors.length,
    options?: { cause?: unknown },
  ) {
    super(`${reason.code}: ${JSON.stringify(reason.args ?? [])}`, options);
    this.name = 'ImportCommitError';
  }
}

export type Progress = (done: number, total: number) => void;

/** Each kind's list in a RecordSet. */
const SET_KEY = {
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

const isBackup = (x: unknown): x is BackupFile => (x as BackupFile).format === 'backstory-backup';

/**
 * Commit parsed files (one, or several at once so deals can point at accounts from another file
 * of the same import) or a backup. Re-importing updates records with the same ids. With
 * `replaceAll`, everything stored before is removed in the same transaction (a full restore).
 */
export async function commitImport(
  db: BackstoryDB,
  parsed: ImportParse | ImportParse[] | BackupFile,
  onProgress?: Progress,
  options: { replaceAll?: boolean } = {},
): Promise<ImportSummary> {
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const backups = items.flatMap((p) => (isBackup(p) ? [p] : p.backup ? [p.backup] : []));
  const files = items.filter((p): p is ImportParse => !isBackup(p) && !p.backup);
  const failed = files.filter((p) => p.errorCount > 0);
  if (failed.length) {
    const errors = failed.flatMap((p) => p.errors);
    const count = failed.reduce((n, p) => n + p.errorCount, 0);
    const names = failed.map((p) => p.file).join(', ');
    throw new ImportCommitError(msg('problems', String(count), names, errors[0]!), errors, count);
  }
  try {
    // Default durability (Dexie's chromeTransactionDurability unset): Chromium has made
    // 'relaxed' the default since version 121, and the wait for the commit is a few ms of the
    // 100k-row import's ~20 s anyway. Durability never touches all-or-nothing: either way the
    // transaction commits whole or not at all.
    return await db.transaction('rw', allTables(db), async () => {
      if (options.replaceAll) await clearSalesData(db);
      const resolved = await resolveImports(db, files);
      if (resolved.errorCount) {
        const reason = msg('unresolved', String(resolved.errorCount), resolved.errors[0]!);
        throw new ImportCommitError(reason, resolved.errors, resolved.errorCount);
      }
      const set = resolved.set;
      for (const b of backups)
        for (const kind of RECORD_KINDS) set[SET_KEY[kind]].push(...(b.records[SET_KEY[kind]] as never[]));
      const summary = await writeAll(
        db,
        set,
        backups.flatMap((b) => b.pins),
        onProgress,
      );
      await foldNameOnlyCampaigns(db, set.campaigns);
      for (const [file, n] of resolved.createdAccounts) summary.warnings.push(msg('accountsCreated', String(n), file));
      if (resolved.createdCampaigns) summary.warnings.push(msg('campaignsCreated', String(resolved.createdCampaigns)));
      return summary;
    });
  } catch (e) {
    throw explain(e);
  }
}

/** What committing these files would do, without writing: for the preview. */
export interface ImportPlan {
  /** Accounts that rows name and that exist nowhere yet, by file: they will be created. */
  createdAccounts: Map<string, number>;
  createdCampaigns: number;
  /** References that will not resolve (the commit would refuse them). */
  errors: ImportError[];
  errorCount: number;
}

/**
 * Resolve the files' references against the stored records in a read-only transaction, as the
 * commit will: what the preview says ("12 accounts will be created from this file") is what
 * the commit then does, unless the data changes in between.
 */
export async function planImport(db: BackstoryDB, files: ImportParse[]): Promise<ImportPlan> {
  const ok = files.filter((p) => p.errorCount === 0 && p.kind !== 'backup');
  if (!ok.length) return { createdAccounts: new Map(), createdCampaigns: 0, errors: [], errorCount: 0 };
  return db.transaction('r', allTables(db), async () => {
    const { createdAccounts, createdCampaigns, errors, errorCount } = await resolveImports(db, ok);
    return { createdAccounts, createdCampaigns, errors, errorCount };
  });
}

/** Put every record, in chunks, counting which ids were new. Must run inside a rw transaction. */
async function writeAll(db: BackstoryDB, set: RecordSet, pins: Pin[], onProgress?: Progress): Promise<ImportSummary> {
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
 * A campaign first seen only by name (in a deal file) was stored under an id derived from its
 * name. When the campaign itself arrives with its own id, its deals move over and the
 * name-only record goes, so the two do not show side by side.
 */
async function foldNameOnlyCampaigns(db: BackstoryDB, campaigns: Campaign[]): Promise<void> {
  const pairs = campaigns
    .map((c) => ({ id: c.id, stubId: recordId(c.source, derivedSourceId('campaign', nameKey(c.name))) }))
    .filter((p) => p.stubId !== p.id);
  if (!pairs.length) return;
  const stubs = await recordsByIds(
    db,
    'campaign',
    pairs.map((p) => p.stubId),
  );
  for (const [i, { id, stubId }] of pairs.entries()) {
    if (!stubs[i]) continue;
    await moveDealsToCampaign(db, stubId, id);
    await deleteRecords(db, 'campaign', [stubId]);
  }
}

/** Storage failures in words a user can act on; the original error stays as the cause. */
function explain(e: unknown): unknown {
  if (e instanceof ImportCommitError) return e;
  // Dexie may wrap the cause (AbortError.inner) or list it per record (BulkError.failures).
  const { inner, failures } = e as { inner?: unknown; failures?: Record<number, unknown> };
  const names = [e, inner, ...Object.values(failures ?? {})].map((x) => (x as { name?: string } | undefined)?.name);
  if (names.includes('QuotaExceededError')) {
    return new ImportCommitError(msg('noSpace'), [], 0, { cause: e });
  }
  return new ImportCommitError(msg('saveFailed', (e as Error)?.message ?? String(e)), [], 0, { cause: e });
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
async function clearSalesData(db: BackstoryDB): Promise<void> {
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

/** Records per kind, optionally of one source only. */
export async function countsByKind(db: BackstoryDB, source?: string): Promise<Record<RecordKind, number>> {
  const counts = zeroCounts();
  await db.transaction('r', allTables(db), async () => {
    for (const kind of RECORD_KINDS) counts[kind] = await countRecords(db, kind, source);
  });
  return counts;
}
