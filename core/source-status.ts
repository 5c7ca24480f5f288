/** A data source's sync state, as stored (storage/source-configs.ts) and as a sync request's reply. */
export interface SyncRun {
  at: string;
  ok: boolean;
  /** Plain words: "42 accounts, 80 contacts, 51 deals, 120 notes" or what went wrong. */
  message: string;
}

export interface SourceStatus {
  lastSuccess?: string;
  lastError?: string;
  /** A sync is under way (or was, when the browser stopped the worker: it resumes when it wakes). */
  running?: boolean;
  /** When the sync under way was asked for (kept while it resumes in later workers). */
  runningSince?: string;
  runs: SyncRun[];
}
