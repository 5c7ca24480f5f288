import { browser } from '#imports';
import { runSync, unreportedRun } from '@/sources/run-sync';
import { refreshSearchIndex } from '@/background-caches/search-snapshot';
import { refreshRelevanceIndexes } from '@/services/relevance-index';
import { getDb } from '@/storage/db';
import { retryStore } from '@/sources/retry-state';
import { loadCredentials, openSecrets } from '@/storage/secrets';
import { sourceStatusItem, sourcesItem, withRun, type SourceStatus } from '@/storage/source-configs';

export const SYNC_ALARM = 'sync-sources';
/**
 * A watchdog while syncs run: if the browser stops this worker in the middle of one (an update,
 * a crash, a kill), the alarm wakes a new worker within a minute, and it resumes the sync from
 * its saved cursor instead of waiting for the next scheduled sync or a user's click.
 */
export const RESUME_ALARM = 'resume-syncs';

/**
 * Syncs running in this worker. There is only ever one background worker, so this is what makes
 * "one sync per source at a time": a second request joins the running one.
 */
const inFlight = new Map<string, Promise<SourceStatus>>();

/**
 * Sync one source; returns its status afterwards. `askedAt`: when the user asked for it. The
 * options page asks again while answers are lost to a stopped worker, and by then the sync it
 * asked for may have been resumed and finished by another worker: a run begun since then
 * answers it, instead of a second sync.
 */
export function syncSource(id: string, askedAt?: number): Promise<SourceStatus> {
  const running = inFlight.get(id);
  if (running) return running;
  if (!inFlight.size) void browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
  const sync = answeredSince(id, askedAt)
    .then((done) => done ?? runOnce(id))
    .finally(() => {
      inFlight.delete(id);
      if (!inFlight.size) void browser.alarms.clear(RESUME_ALARM);
    });
  inFlight.set(id, sync);
  return sync;
}

/** The source's status if a run that began at or after `askedAt` has finished (none is running). */
async function answeredSince(id: string, askedAt: number | undefined): Promise<SourceStatus | undefined> {
  if (askedAt === undefined) return undefined;
  const status = (await sourceStatusItem.getValue())[id];
  const last = status?.runs[0];
  return status && !status.running && last && Date.parse(last.at) >= askedAt ? status : undefined;
}

async function runOnce(id: string): Promise<SourceStatus> {
  const config = (await sourcesItem.getValue()).find((s) => s.id === id);
  if (!config) throw new Error(`no data source "${id}"`);
  const { runningSince } = await setStatus(id, (s) => ({
    ...s,
    runs: s?.runs ?? [],
    running: true,
    runningSince: (s?.running && s.runningSince) || new Date().toISOString(),
  }));
  // A worker stopped between completing the pass and writing this status: report that pass
  // instead of reading the whole source again.
  const done = await unreportedRun(getDb(), id, runningSince!);
  if (done) {
    await refreshSearchIndex(getDb());
    void refreshRelevanceIndexes(getDb());
    return setStatus(id, (s) => withRun(s, done));
  }
  let secrets: Record<string, string> | undefined;
  try {
    secrets = await loadCredentials(openSecrets(), id);
  } catch {
    secrets = undefined;
  }
  // Its failed tries are kept outside the worker: a resumed sync honours the same Retry-After.
  const outcome = await runSync(getDb(), config, secrets, { retryStore: retryStore(id) });
  // The popup opens the saved search index: bring it up to date while the worker is awake.
  if (outcome.run.ok) await refreshSearchIndex(getDb());
  // Then, off the status's path, the relevance indexes of the accounts with most notes.
  if (outcome.run.ok) void refreshRelevanceIndexes(getDb());
  return setStatus(id, (s) => withRun(s, outcome.run));
}

/**
 * Called when the worker starts: a sync still marked running was cut off when the browser stopped
 * the previous worker (no sync outlives its worker). It goes on from its pass's saved cursor, or,
 * if the pass had completed, only reports it.
 */
export async function resumeInterrupted(): Promise<void> {
  const status = await sourceStatusItem.getValue();
  for (const [id, s] of Object.entries(status)) {
    if (s.running && !inFlight.has(id)) await syncSource(id).catch(() => undefined);
  }
}

export async function syncAll(): Promise<void> {
  for (const s of await sourcesItem.getValue()) await syncSource(s.id).catch(() => undefined);
}

async function setStatus(id: string, change: (s: SourceStatus | undefined) => SourceStatus): Promise<SourceStatus> {
  const all = await sourceStatusItem.getValue();
  const next = change(all[id]);
  await sourceStatusItem.setValue({ ...all, [id]: next });
  return next;
}
