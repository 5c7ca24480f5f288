import type { ErrorDetail } from './sync-errors';

/** A data source's sync state, as stored (storage/source-configs.ts) and as a sync request's reply. */
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
