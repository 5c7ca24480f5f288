/**
 * Writing imports to the database, all or nothing: references are resolved and every record
 * is written inside ONE read-write transaction over all tables, so a bad reference, a full disk
 * or any failed write leaves the database exactly as it was. Errors are never caught inside the
 * transaction: catching a Dexie BulkError there would let the rows that did succeed commit.
 */
import { RECORD_KINDS, recordId, type Campaign } from '@/core/model';
import { append } from '@/core/append';
import type { BackupFile } from '@/sources/backup';
import { msg, type ImportError, type ImportMessage, type ImportParse } from '@/sources/import-types';
import { derivedSourceId, nameKey } from '@/sources/rows-to-records';
import type { BackstoryDB } from '../storage/db';
import { deleteRecords, moveDealsToCampaign, recordsByIds } from '../storage/record-store';
import { resolveImports } from './resolve-refs';
import {
  SET_KEY,
  clearSalesData,
  recordTables,
  writeAll,
  type ImportSummary,
  type Progress,
} from '../storage/record-writes';

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
    return await db.transaction('rw', recordTables(db), async () => {
      if (options.replaceAll) await clearSalesData(db);
      const resolved = await resolveImports(db, files);
      if (resolved.errorCount) {
        const reason = msg('unresolved', String(resolved.errorCount), resolved.errors[0]!);
        throw new ImportCommitError(reason, resolved.errors, resolved.errorCount);
      }
      const set = resolved.set;
      for (const b of backups)
        for (const kind of RECORD_KINDS) append(set[SET_KEY[kind]] as unknown[], b.records[SET_KEY[kind]]);
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
