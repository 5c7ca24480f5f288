/** Errors, failed runs and checks as the pages word them (English: tests/unit/setup.ts), from their code. */
import { errorText } from '@/i18n/error-text';
import { errorDetail, type ErrorDetail } from '@/sources/http';
import type { SyncRun } from '@/core/source-status';
import { runText } from '@/i18n/source-text';

export const worded = (e: unknown): string => errorText(e instanceof Error ? e.message : String(e), errorDetail(e));

/** A sync run's or a connection check's failure, worded from its code (`error`), never from its plain text. */
export const wordedRun = (r: { error?: ErrorDetail } | undefined): string => (r?.error ? errorText('', r.error) : '');

/** What a promise rejected with, worded ('' when it did not reject). */
export const rejection = (p: Promise<unknown>): Promise<string> => p.then(() => '', worded);

/** What a function threw, worded ('' when it did not throw). */
export function thrown(f: () => unknown): string {
  try {
    f();
    return '';
  } catch (e) {
    return worded(e);
  }
}

/** What a sync run says as the options page words it: its summary (or, failed, its plain text). */
export const said = (run: SyncRun): string => runText(run);
