import type { ErrorDetail } from './sync-errors';
import type { SyncSummary } from './source-notes';

/** A data source's sync state, as stored (storage/source-configs.ts) and as a sync request's reply. */
export interface SyncRun {
  at: string;
  ok: boolean;
  /**
   * Plain text for logs: what a sync read (as codes and numbers) or what went wrong. Runs kept
   * from before summaries had codes hold their words here ("42 accounts, 80 contacts...").
   */
  message: string;
  /** What a sync that worked read and said, as data the page words. */
  summary?: SyncSummary;
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
