/**
 * The plumbing every live-source client (sources/<product>.ts) shares, so that a client holds only
 * its vendor's facts: a page of mapped records and where the read goes next, a full read from the
 * pages, every page of a paged list, the connection test's checks, the bearer header, a token
 * fetched again once when refused, and a refusal put in the vendor's own words. Requests,
 * retries and errors themselves are sources/http.ts.
 */
import { emptyRecordSet } from '@/core/model';
import type { CheckPart, SourceNote } from '@/core/source-notes';
import { codeText } from '@/core/sync-errors';
import { AuthError, errorDetail, HttpError, PermissionError, type ErrorDetail, type HttpOptions } from './http';
import type { ConnectionCheck, ReadPosition, SourcePage, SourceRead } from './live-source';

/** The records one page of a read maps to; what the mapping refused is counted, not kept. */
export class PageRecords {
  readonly records = emptyRecordSet();
  readonly warnings: SourceNote[] = [];
  skipped = 0;
  /** Keeps a mapped record, or counts it skipped when the mapping gave none. */
  readonly keep = <T>(list: T[], record: T | undefined): void => {
    if (record) list.push(record);
    else this.skipped++;
  };
  /** The page to yield, with where the read goes on. */
  page(next: ReadPosition | null): SourcePage {
    return { records: this.records, skipped: this.skipped, warnings: this.warnings, next };
  }
}

/** Where a read goes after a page of step `step` of `steps`: the same step from `after`, the next step, or done. */
export function nextPosition(step: number, steps: number, after?: string): ReadPosition | null {
  return after ? { step, after } : step + 1 < steps ? { step: step + 1 } : null;
}

/** A full read: every page of a source's read together. */
export async function readAll(pages: AsyncIterable<SourcePage>): Promise<SourceRead> {
  const records = emptyRecordSet();
  const warnings: SourceNote[] = [];
  let skipped = 0;
  for await (const page of pages) {
    for (const kind of Object.keys(records) as (keyof typeof records)[])
      (records[kind] as unknown[]).push(...page.records[kind]);
    skipped += page.skipped;
    warnings.push(...page.warnings);
  }
  return { records, skipped, warnings };
}

/**
 * Every page of a paged list: `page(at)` fetches the page at `at` (undefined: the first) and says
 * where the next one is (undefined: that was the last).
 */
export async function* eachPage<T, P>(
  page: (at: P | undefined) => Promise<{ items: T[]; next?: P }>,
): AsyncGenerator<T[]> {
  let at: P | undefined;
  do {
    const answer = await page(at);
    yield answer.items;
    at = answer.next;
  } while (at !== undefined);
}

/** The cursor of the next page an answer gave: a string other than the one just asked with (else the list ends). */
export const nextCursor = (value: unknown, at: string | undefined): { next?: string } =>
  typeof value === 'string' && value && value !== at ? { next: value } : {};

/** A call's answer, or `fallback` when the key may not read it (403): a part the sync can do without. */
export async function unlessForbidden<T>(call: Promise<T>, fallback: T): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof PermissionError) return fallback;
    throw e;
  }
}

/** A call's answer; a refusal with one of `statuses` is thrown in the vendor's own words instead. */
export async function refusalAs<T>(
  call: Promise<T>,
  statuses: readonly number[],
  words: (e: HttpError) => Error,
): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof HttpError && e.status !== undefined && statuses.includes(e.status)) throw words(e);
    throw e;
  }
}

/**
 * A request made with an access token (`token()` fetches or reuses it); when the API rejects the
 * token (401: expired or revoked), `forget` drops it and the request goes once more with a new one.
 */
export async function withTokenRenewedOnce<K, T>(
  token: () => Promise<K>,
  forget: () => void,
  request: (token: K) => Promise<T>,
): Promise<T> {
  try {
    return await request(await token());
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    forget();
    return request(await token());
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A POST of a JSON body. */
export const postJson = (headers: Record<string, string>, body: unknown): RequestInit => ({
  method: 'POST',
  headers: { ...headers, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** A note's text as the HTML a CRM note body holds: escaped, line breaks kept. */
export const noteHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** "Test connection" asks once and waits at most 10 s (unless told otherwise). */
export const quickHttp = <O extends HttpOptions>(opts: O): O => ({
  ...opts,
  retries: 0,
  timeoutMs: opts.timeoutMs ?? 10_000,
});

export interface CheckWording {
  /** A failure's own code instead of the error's (e.g. the scope to add). */
  words?: (what: CheckPart, e: unknown) => ErrorDetail | undefined;
}

/** A failed check: the error's code and arguments (for the page to word in the user's language), and its plain text. */
export function failedCheck(
  what: CheckPart,
  e: unknown,
  optional = false,
  how: CheckWording & { name?: string } = {},
): ConnectionCheck {
  const own = how.words?.(what, e);
  const error = own ?? errorDetail(e);
  return {
    what,
    ...(how.name !== undefined ? { name: how.name } : {}),
    ok: false,
    message: own ? codeText(own) : e instanceof Error ? e.message : String(e),
    ...(error ? { error } : {}),
    ...(optional ? { optional: true } : {}),
  };
}

/** One step of "Test connection": what it is called, the request, whether the source syncs without it. */
export type CheckStep = readonly [
  what: CheckPart | { object: string },
  request: () => Promise<unknown>,
  optional?: boolean,
];

/**
 * Runs the steps in order and adds a check for each to `checks`. A failure other than a missing
 * permission (`goOn`) stops there: a rejected key or an unreachable host fails every other step
 * the same way. Says whether every step was tried.
 */
export async function checkEach(
  checks: ConnectionCheck[],
  steps: readonly CheckStep[],
  how: CheckWording & { goOn?: (e: unknown) => boolean } = {},
): Promise<boolean> {
  const goOn = how.goOn ?? ((e: unknown) => e instanceof PermissionError);
  for (const [step, request, optional] of steps) {
    // A step named by the vendor's own name (a Salesforce object) shows that name.
    const [what, name] = typeof step === 'string' ? [step, undefined] : (['object', step.object] as const);
    try {
      await request();
      checks.push({ what, ...(name !== undefined ? { name } : {}), ok: true });
    } catch (e) {
      checks.push(failedCheck(what, e, optional, { ...how, ...(name !== undefined ? { name } : {}) }));
      if (!goOn(e)) return false;
    }
  }
  return true;
}
