import { describe, expect, it } from 'vitest';
import {
  AuthError,
  BadResponseError,
  NetworkError,
  PermissionError,
  RateLimitError,
  RateLimiter,
  ServerError,
  TimeoutError,
  backoffMs,
  ERROR_CODES,
  requestJson,
  type ErrorCode,
  type ErrorDetail,
  type HttpError,
  retryAfterMs,
  type RetryStore,
  type RetryState,
} from '@/sources/http';
import { errorText } from '@/i18n/error-text';
import { catalog, getMessageFrom } from './catalog';

/** A fake fetch answering from a script of responses (or thrown errors), recording each call. */
function scripted(...answers: (Response | Error | (() => Promise<Response>))[]) {
  const calls: string[] = [];
  const fetch = (async (url: string) => {
    calls.push(url);
    const a = answers.shift();
    if (!a) throw new Error('no more answers');
    if (a instanceof Error) throw a;
    return typeof a === 'function' ? a() : a;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};
const URL_ = 'https://api.example.com/v3/objects/companies?hapikey=SECRET';

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, never negative', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    const now = Date.parse('Tue, 24 Nov 2026 16:00:00 GMT');
    expect(retryAfterMs('Tue, 24 Nov 2026 16:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 15:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('backoff and rate limit', () => {
  it('grows exponentially with full jitter up to the cap', () => {
    expect(backoffMs(0, () => 0.999)).toBe(499);
    expect(backoffMs(3, () => 0.5)).toBe(2000);
    expect(backoffMs(20, () => 0.999)).toBe(29_970);
    expect(backoffMs(5, () => 0)).toBe(0);
  });

  it('lets a burst through, then spaces requests evenly', () => {
    let t = 0;
    const limiter = new RateLimiter(2, 1000, () => t);
    expect([limiter.take(), limiter.take()]).toEqual([0, 0]);
    expect(limiter.take()).toBe(500);
    t = 2000;
    expect(limiter.take()).toBe(0);
  });
});

describe('requestJson', () => {
  it('returns the parsed JSON', async () => {
    const { fetch } = scripted(json({ results: [1] }));
    expect(await requestJson(URL_, {}, { fetch, sleep })).toEqual({ results: [1] });
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    sleeps.length = 0;
    const { fetch, calls } = scripted(json({}, 429, { 'retry-after': '7' }), json({ ok: true }));
    expect(await requestJson(URL_, {}, { fetch, sleep })).toEqual({ ok: true });
    expect(sleeps).toEqual([7000]);
    expect(calls).toHaveLength(2);
  });

  it('backs off on 500 and gives up after the retries with a plain message', async () => {
    sleeps.length = 0;
    const { fetch, calls } = scripted(json({}, 500), json({}, 502), json({}, 503));
    const err = await requestJson(URL_, {}, { fetch, sleep, retries: 2, random: () => 0.5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as Error).message).toBe('api.example.com/v3/objects/companies failed with 503 after 3 tries');
    expect((err as Error).message).not.toContain('SECRET');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('does not wait out a Retry-After longer than it accepts', async () => {
    const { fetch } = scripted(json({}, 429, { 'retry-after': '3600' }));
    await expect(requestJson(URL_, {}, { fetch, sleep, maxWaitMs: 60_000 })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('stops at once on 401 and 403, saying which', async () => {
    await expect(requestJson(URL_, {}, { fetch: scripted(json({}, 401)).fetch, sleep })).rejects.toBeInstanceOf(
      AuthError,
    );
    const e = await requestJson(
      'https://api.example.com/marketing/campaigns',
      {},
      { fetch: scripted(json({}, 403)).fetch, sleep },
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PermissionError);
    expect((e as Error).message).toContain('api.example.com/marketing/campaigns');
  });

  it('retries network failures, then says the host could not be reached', async () => {
    const { fetch, calls } = scripted(new TypeError('fetch failed'), new TypeError('fetch failed'));
    await expect(requestJson(URL_, {}, { fetch, sleep, retries: 1 })).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(2);
  });

  it('aborts a request that never answers', async () => {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const e = await requestJson(
      URL_,
      {},
      { fetch: never as unknown as typeof fetch, sleep, retries: 0, timeoutMs: 20 },
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as Error).message).toBe('api.example.com/v3/objects/companies did not answer within 1 s');
  });

  it("says what a refusal's body says: { message }, errors of objects, or Autotask's errors of strings", async () => {
    const refused = (body: unknown) => requestJson(URL_, {}, { fetch: scripted(json(body, 400)).fetch, sleep });
    await expect(refused({ message: 'bad filter' })).rejects.toThrow(/answered 400: bad filter$/);
    await expect(refused({ errors: [{ message: 'name is required' }] })).rejects.toThrow(/: name is required$/);
    await expect(refused({ errors: ['Reference value on field: companyID does not exist.'] })).rejects.toThrow(
      /answered 400: Reference value on field: companyID does not exist\.$/,
    );
  });

  it('says so when the answer is not JSON', async () => {
    const { fetch } = scripted(new Response('<html>login</html>', { status: 200 }));
    await expect(requestJson(URL_, {}, { fetch, sleep })).rejects.toBeInstanceOf(BadResponseError);
  });
});

describe('failures as a code and its arguments (worded by the page in its language)', () => {
  const fail = async (answer: Response | Error): Promise<HttpError> =>
    requestJson(URL_, {}, { fetch: scripted(answer).fetch, sleep, retries: 0 }).then(
      () => {
        throw new Error('no failure');
      },
      (e: unknown) => e as HttpError,
    );
  const host = 'api.example.com/v3/objects/companies';

  it('gives every failure of a request a code and arguments, never the query with its key', async () => {
    expect((await fail(json({}, 401))).detail).toEqual({ code: 'auth', args: [host] });
    expect((await fail(json({}, 403))).detail).toEqual({ code: 'permission', args: [host] });
    expect((await fail(json({}, 429))).detail).toEqual({ code: 'rateLimit', args: [host] });
    expect((await fail(json({}, 503))).detail).toEqual({ code: 'server', args: [host, '503', '1'] });
    expect((await fail(new TypeError('fetch failed'))).detail).toEqual({
      code: 'network',
      args: [host, 'fetch failed'],
    });
    expect((await fail(json({ message: 'Search paging is limited' }, 400))).detail).toEqual({
      code: 'refusedSaying',
      args: [host, '400', 'Search paging is limited'],
    });
    expect((await fail(json({}, 404))).detail).toEqual({ code: 'refused', args: [host, '404'] });
    expect((await fail(new Response('<html>', { status: 200 }))).detail).toEqual({ code: 'notJson', args: [host] });
    for (const e of [await fail(json({}, 401)), await fail(json({ message: 'x' }, 400))])
      expect(JSON.stringify(e.detail)).not.toContain('SECRET');
  });

  it('has a message for every code in English and German, using exactly the arguments it gets', () => {
    const en = catalog('en');
    const de = catalog('de');
    const args: Record<ErrorCode, number> = {
      auth: 1,
      permission: 1,
      rateLimit: 1,
      server: 3,
      network: 2,
      timeout: 2,
      refused: 2,
      refusedSaying: 3,
      notJson: 1,
      badAnswer: 1,
      unknownCompany: 2,
      campaignsScope: 1,
      noKey: 0,
      diskFull: 0,
      unknownSourceKind: 1,
      notWebAddress: 1,
      sourceNotHttps: 1,
      noCreatedId: 1,
      feedNoAddress: 0,
      feedNotHttps: 1,
      feedCredentialsInAddress: 0,
      feedOneServer: 0,
      feedUnreachable: 2,
      feedRefused: 2,
      feedMissing: 1,
      feedAnswered: 2,
      feedTooLarge: 2,
      feedBroken: 1,
      feedBrokenMore: 2,
      signInClosed: 0,
      signInRefused: 1,
      signInWrongState: 0,
      signInNoCode: 0,
      salesforceNoId: 1,
      salesforceNoAccessToken: 0,
      salesforceSignInAgain: 0,
      salesforceSessionRefused: 1,
      salesforceDailyLimit: 0,
      salesforceSignInFailed: 1,
      salesforceNoRefreshToken: 0,
      autotaskUnknownUser: 1,
      autotaskNoZone: 1,
      autotaskOtherHost: 0,
      autotaskLimit: 1,
      autotaskNoCompany: 1,
      autotaskFlagsAs: 1,
      autotaskNoOwner: 0,
      connectWiseNoMember: 0,
      connectWiseNoCompany: 1,
      connectWiseNoContact: 1,
      haloSignInRefused: 1,
      haloSignInRefusedTenant: 1,
      haloNoToken: 1,
      haloNoClient: 1,
      haloFlagsAs: 1,
      hubspotSearchDepth: 2,
      pipedriveDomain: 1,
      pipedriveNoOrg: 1,
      sourceRemoved: 0,
      accountGone: 0,
    };
    expect(Object.keys(args).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES)
      for (const lang of [en, de]) {
        const message = lang[`syncError_${code}`]?.message ?? '';
        const used = Math.max(0, ...(message.match(/\$[1-9]/g) ?? []).map((m) => Number(m.slice(1))));
        expect(used, `${code}: ${message}`).toBe(args[code]);
      }
  });

  it('is worded in the language of the page, the same failure in English and German', () => {
    const detail: ErrorDetail = { code: 'auth', args: ['api.hubapi.com/crm/v3/owners/'] };
    expect(errorText('plain', detail)).toBe(
      "api.hubapi.com/crm/v3/owners/ rejected the key (401): check it in the source's settings",
    );
    const i18n = (globalThis as unknown as { chrome: { i18n: { getMessage: unknown } } }).chrome.i18n;
    const english = i18n.getMessage;
    i18n.getMessage = getMessageFrom(catalog('de'), 'de');
    try {
      expect(errorText('plain', detail)).toBe(
        'api.hubapi.com/crm/v3/owners/ hat den Schlüssel abgelehnt (401): Prüfen Sie ihn in den Einstellungen der Quelle',
      );
    } finally {
      i18n.getMessage = english;
    }
    // Runs stored before failures had codes keep their words.
    expect(errorText('the server is down')).toBe('the server is down');
  });
});

describe('requestJson across a stopped worker', () => {
  /** Retry state kept outside the "worker" (a Map here; storage.session in the extension). */
  function memory() {
    const kept = new Map<string, RetryState>();
    const store: RetryStore = {
      get: async (k) => kept.get(k),
      set: async (k, v) => void kept.set(k, v),
      clear: async (k) => void kept.delete(k),
    };
    return { kept, store };
  }
  /** A sleep that never ends: the worker is stopped while it waits. */
  const stopped = () => new Promise<void>(() => undefined);

  it('waits out the rest of a Retry-After it was given before the stop, then goes on', async () => {
    const { kept, store } = memory();
    let t = 1_000_000;
    const now = () => t;
    void requestJson(
      URL_,
      {},
      { fetch: scripted(json({}, 429, { 'retry-after': '30' })).fetch, sleep: stopped, now, retryStore: store },
    );
    await expect.poll(() => kept.size).toBe(1);
    expect([...kept.values()]).toEqual([{ attempts: 1, notBefore: 1_030_000 }]);
    // A new worker, 10 s later, resumes the same request: 20 s still to wait, then one call.
    t += 10_000;
    const waits: number[] = [];
    const { fetch, calls } = scripted(json({ ok: true }));
    expect(
      await requestJson(URL_, {}, { fetch, sleep: async (ms) => void waits.push(ms), now, retryStore: store }),
    ).toEqual({ ok: true });
    expect(waits).toEqual([20_000]);
    expect(calls).toHaveLength(1);
    expect(kept.size).toBe(0);
  });

  it('counts its tries across stops, so a source that keeps failing is given up on', async () => {
    const { kept, store } = memory();
    // Two workers each get one 503 and are stopped during the backoff that follows.
    for (let worker = 0; worker < 2; worker++)
      void requestJson(
        URL_,
        {},
        { fetch: scripted(json({}, 503)).fetch, sleep: stopped, retries: 2, random: () => 0, retryStore: store },
      );
    await expect.poll(() => [...kept.values()][0]?.attempts).toBe(1);
    void requestJson(
      URL_,
      {},
      { fetch: scripted(json({}, 503)).fetch, sleep: stopped, retries: 2, random: () => 0, retryStore: store },
    );
    await expect.poll(() => [...kept.values()][0]?.attempts).toBe(2);
    // The third worker's try is the last one allowed.
    const { fetch, calls } = scripted(json({}, 503));
    const e = await requestJson(URL_, {}, { fetch, sleep, retries: 2, random: () => 0, retryStore: store }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ServerError);
    expect((e as Error).message).toBe('api.example.com/v3/objects/companies failed with 503 after 3 tries');
    expect(calls).toHaveLength(1);
    expect(kept.size).toBe(0);
  });

  it('keeps each request apart: another address or body starts its own count', async () => {
    const { kept, store } = memory();
    void requestJson(
      URL_,
      { method: 'POST', body: '{"after":"100"}' },
      { fetch: scripted(json({}, 503)).fetch, sleep: stopped, random: () => 0, retryStore: store },
    );
    await expect.poll(() => kept.size).toBe(1);
    const { fetch, calls } = scripted(json({ ok: 1 }));
    expect(
      await requestJson(URL_, { method: 'POST', body: '{"after":"200"}' }, { fetch, sleep, retryStore: store }),
    ).toEqual({ ok: 1 });
    expect(calls).toHaveLength(1);
    expect([...kept.values()]).toEqual([{ attempts: 1, notBefore: expect.any(Number) }]);
  });
});

describe("vendors' refusals", () => {
  it("names the vendor's words and error code: Salesforce's list, Pipedrive's error, OAuth's description", async () => {
    const sf = scripted(json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], 401));
    const auth = await requestJson(URL_, {}, { fetch: sf.fetch, sleep }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthError);
    expect((auth as AuthError).code).toBe('INVALID_SESSION_ID');
    const limit = scripted(
      json([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], 403),
    );
    const refused = await requestJson(URL_, {}, { fetch: limit.fetch, sleep }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('REQUEST_LIMIT_EXCEEDED');
    const pd = scripted(json({ success: false, error: 'Organization not found.' }, 400));
    await expect(requestJson(URL_, {}, { fetch: pd.fetch, sleep })).rejects.toThrow(
      /answered 400: Organization not found\.$/,
    );
    const oauth = scripted(json({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, 400));
    await expect(requestJson(URL_, {}, { fetch: oauth.fetch, sleep })).rejects.toThrow(
      /answered 400: invalid_grant \(expired access\/refresh token\)$/,
    );
  });

  it('hands every answer’s headers to the caller, and a blob as text when asked', async () => {
    const seen: string[] = [];
    const { fetch } = scripted(new Response('<p>note</p>', { headers: { 'sforce-limit-info': 'api-usage=5/100' } }));
    const text = await requestJson(
      URL_,
      {},
      { fetch, sleep, text: true, onHeaders: (h) => void seen.push(h.get('sforce-limit-info') ?? '') },
    );
    expect(text).toBe('<p>note</p>');
    expect(seen).toEqual(['api-usage=5/100']);
  });
});
