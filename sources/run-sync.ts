/**
 * One sync of one source, page by page, resumable.
 *
 * A pass is full (everything, the first time, daily, or for sources that cannot read changes
 * only) or incremental (records modified since the last pass began, minus a safety margin). Each
 * page is written in ONE transaction together with the pass's cursor, so a worker stopped
 * mid-sync resumes from that page and writes nothing twice. A full pass stages its pages aside
 * and swaps them in only when complete: a failed or unfinished pass never touches the last good
 * data, and records deleted upstream disappear only after a complete pass.
 */
import { RECORD_KINDS, emptyRecordSet, type AnyRecord, type RecordKind, type RecordSet } from '@/core/model';
import { summaryCodeText, uniqueNotes, type SyncSummary } from '@/core/source-notes';
import type { BackstoryDB, StagedRecord, SyncState } from '@/storage/db';
import { loadRecordSet, recordTables, upsertRecords } from '@/storage/record-writes';
import { countsByKind } from '@/storage/record-store';
import type { SourceConfig, SyncRun } from '@/storage/source-configs';
import { errorDetail, SourceError, type HttpOptions } from './http';
import { liveSource } from './live-sources';
import type { Values } from './live-source';

export interface SyncOutcome {
  run: SyncRun;
  counts?: Record<string, number>;
}

/** A full pass at least this often, so deletions upstream are seen. */
const FULL_PASS_EVERY_MS = 24 * 60 * 60_000;
/** Incremental passes start this long before the last pass began (clock skew, slow writes). */
const OVERLAP_MS = 5 * 60_000;

const TABLE: Record<RecordKind, keyof RecordSet> = {
  account: 'accounts',
  contact: 'contacts',
  campaign: 'campaigns',
  deal: 'deals',
  note: 'notes',
};

export async function runSync(
  db: BackstoryDB,
  config: SourceConfig,
  secrets: Values | undefined,
  http: HttpOptions = {},
  now = () => new Date(),
  options: { full?: boolean } = {},
): Promise<SyncOutcome> {
  const at = now().toISOString();
  const source = liveSource(config.kind);
  if (!source) return { run: failedRun(at, new SourceError('unknownSourceKind', [config.kind])) };
  const missing = source.fields.filter((f) => f.secret && !f.optional && !secrets?.[f.key]?.trim());
  const needsSecrets = source.fields.some((f) => f.secret && !f.optional);
  if ((!secrets && needsSecrets) || missing.length) return { run: failedRun(at, new SourceError('noKey')) };
  try {
    const state = await startOrResume(db, config.id, source.incremental, now(), options.full ?? false);
    const pass = state.pass!;
    let read = 0;
    const settings = { base: config.base, ...config.settings };
    for await (const page of source.pages(
      settings,
      secrets ?? {},
      { step: pass.step, after: pass.after },
      pass.since,
      http,
      state.lastFullAt ? state.version : undefined,
    )) {
      if (page.unchanged) pass.unchanged = true;
      if (page.version !== undefined) pass.version = page.version;
      if (page.changedAt !== undefined) pass.changedAt = page.changedAt;
      const set = relabel(page.records, config.id);
      read += RECORD_KINDS.reduce((n, k) => n + set[TABLE[k]].length, 0);
      pass.step = page.next ? page.next.step : Number.MAX_SAFE_INTEGER;
      pass.after = page.next?.after;
      pass.skipped += page.skipped;
      pass.warnings = uniqueNotes([...pass.warnings, ...page.warnings]);
      if (pass.mode === 'full') {
        await db.transaction('rw', db.syncStaging, db.syncState, async () => {
          await db.syncStaging.bulkPut(staged(set, config.id));
          await db.syncState.put(state);
        });
      } else {
        await db.transaction('rw', [...recordTables(db), db.syncState], async () => {
          // A page of no changes (HubSpot reads every object type, changed or not) moves only the
          // cursor: the data stamp stays, and with it what was built on the data (the worker's
          // match memory, the saved search index).
          if (RECORD_KINDS.some((k) => set[TABLE[k]].length)) await upsertRecords(db, set);
          await db.syncState.put(state);
        });
      }
    }
    // Complete: the pass ends, and what it reports is kept, in one transaction. A full pass's
    // staged records become the source's whole content in that same transaction.
    return await db.transaction('rw', [...recordTables(db), db.syncStaging, db.syncState], async () => {
      if (pass.mode === 'full' && !pass.unchanged) {
        const rows = await db.syncStaging.where('source').equals(config.id).toArray();
        await loadRecordSet(db, unstaged(rows), config.id);
        await db.syncStaging.where('source').equals(config.id).delete();
      }
      const counts = await countsByKind(db, config.id);
      const changedAt = pass.changedAt ?? state.changedAt;
      const summary: SyncSummary = {
        counts,
        ...(pass.unchanged ? { unchanged: true } : pass.mode === 'incremental' ? { changed: read } : {}),
        skipped: pass.skipped,
        notes: pass.warnings,
      };
      const run: SyncRun = {
        at,
        ok: true,
        message: summaryCodeText(summary),
        summary,
        ...(changedAt ? { changedAt } : {}),
      };
      await db.syncState.put({
        source: config.id,
        lastFullAt: pass.mode === 'full' ? pass.startedAt : state.lastFullAt,
        watermark: pass.startedAt,
        lastRun: run,
        ...(pass.version !== undefined || state.version !== undefined
          ? { version: pass.version ?? state.version }
          : {}),
        ...(changedAt ? { changedAt } : {}),
      });
      return { run, counts };
    });
  } catch (e) {
    // The pass keeps its cursor: the next sync goes on from the page that failed.
    return { run: failedRun(at, isQuotaError(e) ? new SourceError('diskFull') : e) };
  }
}

/** A failed run: the error's code and arguments for the pages to word, and its plain text. */
function failedRun(at: string, e: unknown): SyncRun {
  const error = errorDetail(e);
  return { at, ok: false, message: e instanceof Error ? e.message : String(e), ...(error ? { error } : {}) };
}

/**
 * The run of a pass that completed after `since` while no pass is in progress now: the worker
 * that ran it was stopped before it could say so.
 */
export async function unreportedRun(db: BackstoryDB, sourceId: string, since: string): Promise<SyncRun | undefined> {
  const state = await db.syncState.get(sourceId);
  return !state?.pass && state?.lastRun && state.lastRun.at >= since ? state.lastRun : undefined;
}

/** The pass in progress, or a new one: full unless an incremental one is possible and recent enough. */
async function startOrResume(
  db: BackstoryDB,
  sourceId: string,
  incremental: boolean,
  now: Date,
  forceFull: boolean,
): Promise<SyncState> {
  const state: SyncState = (await db.syncState.get(sourceId)) ?? { source: sourceId };
  if (state.pass && !(forceFull && state.pass.mode === 'incremental')) return state;
  const full =
    forceFull ||
    !incremental ||
    !state.lastFullAt ||
    !state.watermark ||
    now.getTime() - Date.parse(state.lastFullAt) > FULL_PASS_EVERY_MS;
  const next: SyncState = {
    ...state,
    pass: {
      mode: full ? 'full' : 'incremental',
      startedAt: now.toISOString(),
      ...(full ? {} : { since: new Date(Date.parse(state.watermark!) - OVERLAP_MS).toISOString() }),
      step: 0,
      skipped: 0,
      warnings: [],
    },
  };
  await db.transaction('rw', db.syncState, db.syncStaging, async () => {
    if (full) await db.syncStaging.where('source').equals(sourceId).delete();
    await db.syncState.put(next);
  });
  return next;
}

/** Forget a source's sync position and staged pages (the source was removed). */
export async function forgetSync(db: BackstoryDB, sourceId: string): Promise<void> {
  await db.transaction('rw', db.syncState, db.syncStaging, async () => {
    await db.syncState.delete(sourceId);
    await db.syncStaging.where('source').equals(sourceId).delete();
  });
}

/** Ids carry the source's own id, so two portals of one CRM never overwrite each other. */
function relabel(records: RecordSet, source: string): RecordSet {
  const re = (id: string) => `${source}:${id.slice(id.indexOf(':') + 1)}`;
  const own = <T extends { id: string; source: string; sourceId: string }>(r: T): T => ({
    ...r,
    id: `${source}:${r.sourceId}`,
    source,
  });
  return {
    accounts: records.accounts.map(own),
    contacts: records.contacts.map((r) => ({ ...own(r), ...(r.accountId ? { accountId: re(r.accountId) } : {}) })),
    campaigns: records.campaigns.map(own),
    deals: records.deals.map((r) => ({
      ...own(r),
      accountId: re(r.accountId),
      ...(r.campaignId ? { campaignId: re(r.campaignId) } : {}),
    })),
    notes: records.notes.map((r) => ({
      ...own(r),
      ...(r.accountId ? { accountId: re(r.accountId) } : {}),
      ...(r.dealId ? { dealId: re(r.dealId) } : {}),
    })),
  };
}

function staged(set: RecordSet, source: string): StagedRecord[] {
  return RECORD_KINDS.flatMap((kind) =>
    (set[TABLE[kind]] as AnyRecord[]).map((record) => ({ source, id: record.id, kind, record })),
  );
}

function unstaged(rows: StagedRecord[]): RecordSet {
  const set = emptyRecordSet();
  for (const row of rows) (set[TABLE[row.kind]] as AnyRecord[]).push(row.record);
  return set;
}

/** A full disk, as the browser reports it (Dexie may wrap it as the inner error of an abort). */
function isQuotaError(e: unknown): boolean {
  const { inner, failures } = (e ?? {}) as { inner?: unknown; failures?: Record<number, unknown> };
  return [e, inner, ...Object.values(failures ?? {})].some(
    (x) => (x as { name?: string } | undefined)?.name === 'QuotaExceededError',
  );
}
