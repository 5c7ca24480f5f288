/**
 * Every write of sales data that a person starts in Options, done by the background: the only
 * writer of sales records (imports, the sample, clearing, removing a source). The options page
 * parses files (that needs the page, and is what a preview shows), hands the parsed files over
 * through the `importStages` table, and asks; the background commits them, refreshes what is
 * derived from the records (the saved search index), and says how it went.
 *
 * A handed-over import outlives a stopped worker: the stage stays until its commit is done, and
 * asking again commits it then (a commit is all or nothing, and importing the same files twice
 * updates records rather than duplicating them).
 */
import type { RecordSet } from '@/core/model';
import type { ImportOutcome } from '@/core/import-message';

export type { ImportOutcome };
import type { ImportParse } from '@/sources/import-types';
import { makeSampleData } from '@/sources/sample-data';
import { forgetSync } from '@/sources/run-sync';
import { forgetRetries } from '@/sources/retry-state';
import type { BackstoryDB } from '@/storage/db';
import { sourcesItem, sourceStatusItem } from '@/storage/source-configs';
import { deleteCredentials, openSecrets } from '@/storage/secrets';
import { refreshSearchIndex } from '@/background-caches/search-snapshot';
import { commitImport, ImportCommitError } from './import';
import { clearAllData, loadRecordSet, removeSource, type ImportSummary, type Progress } from '@/storage/record-writes';
import { importedAtItem, markImported } from './freshness';
import { restoreRecipes } from './recipes';
import { refreshRelevanceIndexes } from './relevance-index';

/** Stages older than this were abandoned (a page closed mid-way): dropped at the next import. */
const STAGE_TTL_MS = 60 * 60 * 1000;

/** The sources a set of parsed files writes ("csv", a backup's own sources). */
function sourcesOf(parses: ImportParse[]): Set<string> {
  return new Set(
    parses.flatMap((p) =>
      p.backup
        ? Object.values(p.backup.records)
            .flat()
            .map((r) => r.source)
        : [p.source],
    ),
  );
}

/**
 * Commit a stage the options page wrote (messaging/ask-data-writes.ts). Its outcome replaces the
 * files in the stage, so a page that lost the answer (the worker stopped) and asks again is told
 * how it went instead of importing twice; a worker stopped before that point commits it again,
 * which updates the same records.
 */
export async function commitStagedImport(
  db: BackstoryDB,
  stageId: string,
  onProgress?: Progress,
): Promise<ImportOutcome> {
  const stage = await db.importStages.get(stageId);
  if (!stage) throw new Error('import-stage-missing');
  if (stage.outcome) return stage.outcome as ImportOutcome;
  const parses = stage.payload as ImportParse[];
  let outcome: ImportOutcome;
  try {
    const summary = await commitImport(db, parses, onProgress);
    // A backup's site recipes, once its records are in (checked with the rest when it was read).
    summary.warnings.push(
      ...(await restoreRecipes(parses.flatMap((p) => (p.backup?.recipes ? [p.backup.recipes] : [])))),
    );
    outcome = { ok: true, summary };
    // The sidebar says how old imported data is: remember when each source was written.
    await markImported(sourcesOf(parses));
  } catch (e) {
    if (!(e instanceof ImportCommitError)) throw e;
    outcome = { ok: false, reason: e.reason, errors: e.errors, count: e.errorCount };
  }
  await db.importStages.put({ id: stageId, createdAt: stage.createdAt, outcome });
  const stale = new Date(Date.now() - STAGE_TTL_MS).toISOString();
  await db.importStages.filter((s) => s.createdAt < stale).delete();
  // The popup opens the saved search index: rebuilt here, once, by the writer, after the answer
  // (a worker stopped before it is done leaves it stale, and the popup rebuilds what is stale);
  // then the relevance indexes of the accounts with most notes (services/relevance-index.ts).
  if (outcome.ok) void refreshDerived(db);
  return outcome;
}

/** Make the sample data the complete content of source "sample". */
export async function loadSample(db: BackstoryDB, set: RecordSet = makeSampleData()): Promise<ImportSummary> {
  const summary = await loadRecordSet(db, set, 'sample');
  await markImported(['sample']);
  void refreshDerived(db);
  return summary;
}

/** Every sales record, pin and the saved search index; the imported sources' dates too. */
export async function clearEverything(db: BackstoryDB): Promise<void> {
  await clearAllData(db);
  await importedAtItem.setValue({});
}

/** A live source, gone: its records, its sync cursor and retry state, its settings and its status. */
export async function removeLiveSource(db: BackstoryDB, sourceId: string): Promise<void> {
  await removeSource(db, sourceId);
  await forgetSync(db, sourceId);
  await forgetRetries(sourceId);
  await deleteCredentials(openSecrets(), sourceId);
  await sourcesItem.setValue((await sourcesItem.getValue()).filter((x) => x.id !== sourceId));
  const status = { ...(await sourceStatusItem.getValue()) };
  delete status[sourceId];
  await sourceStatusItem.setValue(status);
  void refreshDerived(db);
}

/**
 * What is saved beside the records and derived from them, brought up to date after a write: the
 * search index, then the relevance indexes built ahead. Never throws.
 */
async function refreshDerived(db: BackstoryDB): Promise<void> {
  await refreshSearchIndex(db);
  await refreshRelevanceIndexes(db);
}
