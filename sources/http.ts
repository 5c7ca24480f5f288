/**
 * HTTP for data sources (CRM and PSA APIs): every request is aborted after 25 s (Chrome stops a
 * service worker whose fetch runs past 30 s), 429 honours Retry-After (seconds or an HTTP
 * date), 5xx and network failures back off exponentially with full jitter up to a cap, and a
 * client-side token bucket keeps under the API's rate limit before the server has to say 429.
 * Failures are typed, with plain-words messages that never contain credentials, and a code plus
 * arguments (`detail`) that the pages word in the user's language (locales: syncError.<code>).
 */

const REQUEST_TIMEOUT_MS = 25_000;

export { ERROR_CODES, type ErrorCode, type ErrorDetail } from '@/core/sync-errors';
import { codeText, type ErrorCode, type ErrorDetail } from '@/core/sync-errors';

export class HttpError extends Error {
  /** Absent when the client threw its own words (a vendor's own limit or sign-in message): those are shown as they are. */
  readonly detail?: ErrorDetail;
  constructor(
    /** Plain words (this module's own errors), or the code and arguments alone (the clients' errors). */
    message: string | ErrorDetail,
    readonly status?: number,
    readonly url?: string,
    detail?: ErrorDetail,
    /** The API's own error code, when its body names one (Salesforce's errorCode, e.g. INVALID_SESSION_ID). */
    readonly code?: string,
  ) {
    super(typeof message === 'string' ? message : codeText(message));
    this.name = new.target.name;
    const coded = typeof message === 'string' ? detail : message;
    if (coded) this.detail = coded;
  }
}

/**
 * A source's own failure that is not an HTTP one (an address that is not one, a flag its CRM
 * cannot take): a code and its arguments, worded by the pages (locales syncError.<code>).
 */
export class SourceError extends Error {
  readonly detail: ErrorDetail;
  constructor(code: ErrorCode, args: string[] = [], more: Pick<ErrorDetail, 'inner' | 'importError'> = {}) {
    const detail: ErrorDetail = { code, args, ...more };
    super(codeText(detail));
    this.name = 'SourceError';
    this.detail = detail;
  }
}

/** 401: the key or token was rejected. Do not retry; tell the user. */
export class AuthError extends HttpError {}
/** 403: the key works but lacks a permission for this endpoint (e.g. campaigns). */
export class PermissionError extends HttpError {}
/** 429 that kept coming after the allowed retries. */
export class RateLimitError extends HttpError {}
/** 5xx that kept coming after the allowed retries. */
export class ServerError extends HttpError {}
export class NetworkError extends HttpError {}
export class TimeoutError extends HttpError {}
/** The answer was not the JSON it should be. */
export class BadResponseError extends HttpError {}

/** An error's code and arguments, where it has them (errors of this module and its callers). */
export function errorDetail(e: unknown): ErrorDetail | undefined {
  return e instanceof HttpError || e instanceof SourceError ? e.detail : undefined;
}

/** Seconds ("120") or an HTTP date; undefined when absent or unreadable. Never negative. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random wait in [0, min(cap, base * 2^attempt)). */
export function backoffMs(attempt: number, random = Math.random, base = 500, cap = 30_000): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt));
}

/** A token bucket: `capacity` requests, refilled evenly over `perMs`. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = clock();
  }
  /** How long to wait before the next request may go (0 = now); takes its token. */
  take(): number {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.capacity) / this.perMs);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * this.perMs) / this.capacity);
  }
}

export interface HttpOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Retries after the first attempt, for 429, 5xx and network failures. */
  retries?: number;
  /** Longest single wait the client accepts (a longer Retry-After fails with RateLimitError). */
  maxWaitMs?: number;
  limiter?: RateLimiter;
  timeoutMs?: number;
  /** Where a request's failed tries are kept, so a worker that was stopped mid-retry resumes. */
  retryStore?: RetryStore;
  /** Sees every answer's headers (rate-limit and usage headers some APIs send), before its status is judged. */
  onHeaders?: (headers: Headers) => void;
  /** Hand back the body as text (a blob such as a note's content) instead of parsing JSON. */
  text?: boolean;
}

/** A request's failed tries so far, and when it may be tried next. */
export interface RetryState {
  attempts: number;
  notBefore: number;
}

/**
 * Retry state that outlives the service worker. A sync cut off while it waited out a 429's
 * Retry-After (or a backoff) must not ask again at once when a new worker resumes it, nor start
 * its count of tries from zero: else a source that keeps failing would be asked forever.
 */
export interface RetryStore {
  get(key: string): Promise<RetryState | undefined>;
  set(key: string, state: RetryState): Promise<void>;
  clear(key: string): Promise<void>;
}

/** A request's identity for its retry state: method, address and body. */
const requestKey = (url: string, init: RequestInit) =>
  `${init.method ?? 'GET'} ${url} ${typeof init.body === 'string' ? init.body : ''}`;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The path of a URL without its query (which may hold keys), for messages. */
export const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'the server';
  }
};

/**
 * What a refusing API says in its JSON body, briefly: { message }, { errors: [{ message }] },
 * { errors: ["..."] } (Autotask), { success: false, error } (Pipedrive) or [{ message, errorCode }]
 * (Salesforce), and its error code when it gives one.
 */
async function refusal(res: Response): Promise<{ reason: string; code?: string }> {
  try {
    const parsed = JSON.parse(await res.text()) as unknown;
    const body = (Array.isArray(parsed) ? { errors: parsed } : parsed) as {
      message?: unknown;
      error?: unknown;
      error_description?: unknown;
      errorCode?: unknown;
      errors?: unknown[];
    };
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const objects = errors.filter((e): e is { message?: unknown; errorCode?: unknown } => !!e && typeof e === 'object');
    // OAuth 2.0 errors: { error, error_description }.
    const oauth =
      typeof body.error === 'string' && typeof body.error_description === 'string'
        ? `${body.error} (${body.error_description})`
        : undefined;
    const detail =
      errors.find((e): e is string => typeof e === 'string') ??
      objects.find((e) => typeof e.message === 'string')?.message ??
      body.message ??
      oauth ??
      (typeof body.error === 'string' ? body.error : undefined);
    const code = objects.find((e) => typeof e.errorCode === 'string')?.errorCode ?? body.errorCode;
    return {
      reason: typeof detail === 'string' && detail.trim() ? detail.trim().slice(0, 200) : '',
      ...(typeof code === 'string' ? { code } : {}),
    };
  } catch {
    return { reason: '' };
  }
}

/** GET or POST and parse JSON, with the retries and limits above. */
export async function requestJson(url: string, init: RequestInit = {}, opts: HttpOptions = {}): Promise<unknown> {
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const key = requestKey(url, init);
  // A try cut off earlier by a stopped worker: its pause is waited out, its count goes on.
  const kept = await opts.retryStore?.get(key);
  if (kept && kept.notBefore > now()) await sleep(kept.notBefore - now());
  let failed = !!kept;
  const pause = async (attempt: number, ms: number) => {
    failed = true;
    await opts.retryStore?.set(key, { attempts: attempt + 1, notBefore: now() + ms });
    await sleep(ms);
  };
  try {
    return await tries(url, init, opts, kept?.attempts ?? 0, pause);
  } finally {
    // An answer or a final error: the next request of this kind starts afresh.
    if (failed) await opts.retryStore?.clear(key);
  }
}

async function tries(
  url: string,
  init: RequestInit,
  opts: HttpOptions,
  first: number,
  pause: (attempt: number, ms: number) => Promise<void>,
): Promise<unknown> {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? defaultSleep;
  const retries = opts.retries ?? 4;
  const maxWait = opts.maxWaitMs ?? 120_000;
  for (let attempt = first; ; attempt++) {
    const wait = opts.limiter?.take() ?? 0;
    if (wait > 0) await sleep(wait);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal });
      opts.onHeaders?.(res.headers);
    } catch (e) {
      if (init.signal?.aborted) throw e;
      const timedOut = timeout.aborted;
      if (attempt < retries) {
        await pause(attempt, backoffMs(attempt, opts.random));
        continue;
      }
      const seconds = String(Math.ceil((opts.timeoutMs ?? REQUEST_TIMEOUT_MS) / 1000));
      const cause = e instanceof Error ? e.message : 'network error';
      throw timedOut
        ? new TimeoutError(`${where(url)} did not answer within ${seconds} s`, undefined, url, {
            code: 'timeout',
            args: [where(url), seconds],
          })
        : new NetworkError(`${where(url)} could not be reached (${cause})`, undefined, url, {
            code: 'network',
            args: [where(url), cause],
          });
    }
    if (res.status === 401)
      throw new AuthError(
        `${where(url)} rejected the key (401): check it in the source's settings`,
        401,
        url,
        { code: 'auth', args: [where(url)] },
        (await refusal(res)).code,
      );
    if (res.status === 403)
      throw new PermissionError(
        `the key may not read ${where(url)} (403): give it that permission`,
        403,
        url,
        { code: 'permission', args: [where(url)] },
        (await refusal(res)).code,
      );
    if (res.status === 429 || res.status >= 500) {
      const after =
        res.status === 429 ? retryAfterMs(res.headers.get('retry-after'), (opts.now ?? Date.now)()) : undefined;
      if (attempt < retries && (after ?? 0) <= maxWait) {
        await pause(attempt, after ?? backoffMs(attempt, opts.random));
        continue;
      }
      throw res.status === 429
        ? new RateLimitError(`${where(url)} keeps answering "too many requests" (429)`, 429, url, {
            code: 'rateLimit',
            args: [where(url)],
          })
        : new ServerError(`${where(url)} failed with ${res.status} after ${attempt + 1} tries`, res.status, url, {
            code: 'server',
            args: [where(url), String(res.status), String(attempt + 1)],
          });
    }
    if (!res.ok) {
      const { reason: said, code } = await refusal(res);
      throw new HttpError(
        `${where(url)} answered ${res.status}${said ? `: ${said}` : ''}`,
        res.status,
        url,
        {
          code: said ? 'refusedSaying' : 'refused',
          args: said ? [where(url), String(res.status), said] : [where(url), String(res.status)],
        },
        code,
      );
    }
    const text = await res.text();
    if (opts.text) return text;
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      throw new BadResponseError(`${where(url)} did not answer JSON`, res.status, url, {
        code: 'notJson',
        args: [where(url)],
      });
    }
  }
}

/** This machine's own addresses, where plain http never leaves it (a local test server). */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
