import { storage } from '#imports';
import type { ErrorDetail } from '@/core/sync-errors';

/** A configured data source. No secrets here: the token lives encrypted in storage/secrets.ts. */
export interface SourceConfig {
  /** Also the `source` of its records ("hubspot-lq3x"). */
  id: string;
  /** Which source (sources/live-sources.ts): "hubspot", "connectwise". */
  kind: string;
  label: string;
  /** The origin the source talks to (its host permission). */
  base: string;
  /** The source's settings that are not secret (API address, company id, client id). */
  settings?: Record<string, string>;
  /** Set by the organisation's browser policy: not the user's to change or remove. */
  managed?: boolean;
}

export interface SyncRun {
  at: string;
  ok: boolean;
  /** Plain words: "42 accounts, 80 contacts, 51 deals, 120 notes" or what went wrong. */
  message: string;
  /** What went wrong as a code and its arguments (sources/http.ts), worded by the page. */
  error?: ErrorDetail;
  /** When the source's content last changed, where it says (a team feed's Last-Modified). */
  changedAt?: string;
}

export interface SourceStatus {
  lastSuccess?: string;
  lastError?: string;
  /** lastError as a code and its arguments, where it has them. */
  lastErrorDetail?: ErrorDetail;
  /** A sync is under way (or was, when the browser stopped the worker: it resumes when it wakes). */
  running?: boolean;
  /** When the sync under way was asked for (kept while it resumes in later workers). */
  runningSince?: string;
  runs: SyncRun[];
}

export const sourcesItem = storage.defineItem<SourceConfig[]>('local:dataSources', { fallback: [] });
export const sourceStatusItem = storage.defineItem<Record<string, SourceStatus>>('local:sourceStatus', {
  fallback: {},
});
/** Minutes between scheduled syncs. */
export const syncIntervalItem = storage.defineItem<number>('local:syncIntervalMinutes', { fallback: 30 });

export const RUNS_KEPT = 20;

/** The status after a run: history newest first, last error cleared by a success. */
export function withRun(status: SourceStatus | undefined, run: SyncRun): SourceStatus {
  const runs = [run, ...(status?.runs ?? [])].slice(0, RUNS_KEPT);
  return run.ok
    ? {
        ...status,
        runs,
        running: false,
        runningSince: undefined,
        lastSuccess: run.at,
        lastError: undefined,
        lastErrorDetail: undefined,
      }
    : {
        ...status,
        runs,
        running: false,
        runningSince: undefined,
        lastError: run.message,
        lastErrorDetail: run.error,
      };
}
