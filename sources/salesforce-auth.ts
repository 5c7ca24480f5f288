/**
 * Signing in to Salesforce and keeping a session (see sources/salesforce.ts for the reads that use
 * it): OAuth 2.0 authorization code with PKCE against the org's login host, with the consumer key
 * of the MSP's Connected App or External Client App and no client secret; an access token from
 * the kept refresh token for each pass, again once on INVALID_SESSION_ID; the org's daily API use
 * read from every answer (Sforce-Limit-Info), with a slower pace when less than 10% remains.
 * Every vendor fact used here is listed, with where it comes from, in tests/mock-apis/salesforce-contract.ts.
 */
import {
  AuthError,
  BadResponseError,
  errorDetail,
  HttpError,
  RateLimiter,
  RateLimitError,
  requestJson,
  SourceError,
  type HttpOptions,
} from './http';
import { bearer, refusalAs, withTokenRenewedOnce } from './api-client';
import { originOf, type SourceSignIn } from './live-source';
import { isSfRecord, type SfRecord } from './salesforce-map';

export const API_VERSION = 'v62.0';
export const SF_LOGIN = 'https://login.salesforce.com';

export interface SfOptions extends HttpOptions {
  /** Where the sign-in and token refresh go: My Domain, login. or test.salesforce.com. */
  loginHost: string;
  consumerKey: string;
  refreshToken: string;
  /** The org's API host (the token answer's instance_url). */
  instanceUrl: string;
  /** Told the org's API use after each answer (Sforce-Limit-Info). */
  onUsage?: (usage: ApiUsage) => void;
}

export interface ApiUsage {
  used: number;
  limit: number;
}

/** "api-usage=18/15000" -> { used: 18, limit: 15000 }. */
export function parseLimitInfo(header: string | null): ApiUsage | undefined {
  const m = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  return m ? { used: Number(m[1]), limit: Number(m[2]) } : undefined;
}

/** An access token from the refresh token (OAuth 2.0 refresh_token grant, no client secret). */
async function refreshAccess(o: SfOptions): Promise<{ accessToken: string; instanceUrl: string }> {
  const answer = (await refusalAs(
    requestJson(
      new URL('/services/oauth2/token', o.loginHost).href,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: o.refreshToken,
          client_id: o.consumerKey,
        }).toString(),
      },
      o,
    ),
    // invalid_grant (400): the refresh token is expired or revoked.
    [400, 401],
    (e) => new AuthError({ code: 'salesforceSignInAgain', args: [] }, e.status),
  )) as { access_token?: unknown; instance_url?: unknown } | null;
  if (typeof answer?.access_token !== 'string')
    throw new BadResponseError({ code: 'salesforceNoAccessToken', args: [] });
  return {
    accessToken: answer.access_token,
    instanceUrl: typeof answer.instance_url === 'string' ? originOf(answer.instance_url) : o.instanceUrl,
  };
}

/**
 * A session: requests with the access token, refreshed once on INVALID_SESSION_ID, the API use
 * read from every answer, and a slower pace when less than 10% of the day's requests remain.
 */
export class SfSession {
  private access?: { accessToken: string; instanceUrl: string };
  usage?: ApiUsage;
  private readonly http: HttpOptions;

  constructor(private readonly o: SfOptions) {
    const base = o.limiter ?? new RateLimiter(25, 1000);
    const now = o.now ?? Date.now;
    let last = 0;
    this.http = {
      ...o,
      limiter: {
        // Under 10% of the daily limit left: one request every 2 s (the rest of the day is kept for the org's own use).
        take: () => {
          const wait = base.take();
          const low = this.usage && this.usage.limit - this.usage.used < this.usage.limit / 10;
          if (!low) return wait;
          const next = Math.max(wait, last + 2000 - now());
          last = now() + Math.max(0, next);
          return Math.max(0, next);
        },
      } as RateLimiter,
      onHeaders: (headers) => {
        o.onHeaders?.(headers);
        const usage = parseLimitInfo(headers.get('sforce-limit-info'));
        if (usage) {
          this.usage = usage;
          o.onUsage?.(usage);
        }
      },
    };
  }

  get instanceUrl(): string {
    return this.access?.instanceUrl ?? this.o.instanceUrl;
  }

  /** A JSON request under the instance (path from /services/...), with the session's token. */
  async request(path: string, init: RequestInit = {}, extra: HttpOptions = {}): Promise<unknown> {
    let renewed = false;
    // INVALID_SESSION_ID: the access token expired or was revoked; a new one, once.
    return withTokenRenewedOnce(
      async () => (this.access ??= await refreshAccess({ ...this.o, ...this.http })),
      () => {
        this.access = undefined;
        renewed = true;
      },
      async (access) => {
        try {
          return await requestJson(
            new URL(path, access.instanceUrl).href,
            { ...init, headers: { ...bearer(access.accessToken), Accept: 'application/json', ...init.headers } },
            { ...this.http, ...extra },
          );
        } catch (e) {
          if (e instanceof HttpError && e.code === 'REQUEST_LIMIT_EXCEEDED')
            throw new RateLimitError({ code: 'salesforceDailyLimit', args: [] }, e.status);
          if (e instanceof AuthError && renewed)
            throw new AuthError({ code: 'salesforceSessionRefused', args: [e.code ?? '401'] }, 401);
          throw e;
        }
      },
    );
  }

  /** One page of a SOQL query (or the page a nextRecordsUrl names). */
  async query(soqlOrNext: string): Promise<{ records: SfRecord[]; next?: string }> {
    const path = soqlOrNext.startsWith('/services/')
      ? soqlOrNext
      : `/services/data/${API_VERSION}/query?q=${encodeURIComponent(soqlOrNext)}`;
    const page = (await this.request(path)) as { records?: unknown[]; done?: unknown; nextRecordsUrl?: unknown } | null;
    if (!page || !Array.isArray(page.records)) throw new BadResponseError({ code: 'badAnswer', args: ['Salesforce'] });
    const next = page.done === false && typeof page.nextRecordsUrl === 'string' ? page.nextRecordsUrl : undefined;
    return { records: page.records.filter(isSfRecord), ...(next ? { next } : {}) };
  }
}

/** The login host as typed (a My Domain name, host or address); throws saying what is wrong. */
export function loginHostOf(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return SF_LOGIN;
  const address = /^[a-z0-9-]+$/i.test(text)
    ? `https://${text}.my.salesforce.com`
    : /^[a-z0-9.-]+\.salesforce\.com$/i.test(text)
      ? `https://${text}`
      : text;
  return originOf(address);
}

export const salesforceSignIn: SourceSignIn = {
  origins: (settings) => {
    const login = loginHostOf(settings.loginHost);
    // From login. or test.salesforce.com the org's own My Domain host answers the API.
    return /^https:\/\/(login|test)\.salesforce\.com$/.test(login) ? [login, 'https://*.my.salesforce.com'] : [login];
  },
  authorizeUrl: (settings, { redirectUri, challenge, state }) => {
    const url = new URL('/services/oauth2/authorize', loginHostOf(settings.loginHost));
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: (settings.consumerKey ?? '').trim(),
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'api refresh_token',
      state,
    }).toString();
    return url.href;
  },
  exchange: async (settings, { code, verifier, redirectUri }, http = {}) => {
    let answer: { refresh_token?: unknown; instance_url?: unknown } | null;
    try {
      answer = (await requestJson(
        new URL('/services/oauth2/token', loginHostOf(settings.loginHost)).href,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            client_id: (settings.consumerKey ?? '').trim(),
            redirect_uri: redirectUri,
            code_verifier: verifier,
          }).toString(),
        },
        { ...http, retries: 0 },
      )) as typeof answer;
    } catch (e) {
      const inner = errorDetail(e);
      throw new SourceError(
        'salesforceSignInFailed',
        [e instanceof Error ? e.message : String(e)],
        inner ? { inner } : {},
      );
    }
    if (typeof answer?.refresh_token !== 'string') throw new SourceError('salesforceNoRefreshToken');
    return {
      secrets: { refreshToken: answer.refresh_token },
      settings: { instanceUrl: typeof answer.instance_url === 'string' ? originOf(answer.instance_url) : '' },
    };
  },
};
