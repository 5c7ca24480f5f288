import { storage } from '#imports';
import type { SourceStatus, SyncRun } from '@/core/source-status';

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

// Where a sync request's reply names them too (core/messages.ts).
export type { SourceStatus, SyncRun } from '@/core/source-status';

export const sourcesItem = storage.defineItem<SourceConfig[]>('local:dataSources', { fallback: [] });
export const sourceStatusItem = storage.defineItem<Record<string, SourceStatus>>('local:sourceStatus', {
  fallback: {},
});
/** Minutes between scheduled syncs. */
export const syncIntervalItem = storage.defineItem<number>('local:syncIntervalMinutes', { fallback: 30 });

const RUNS_KEPT = 20;

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
