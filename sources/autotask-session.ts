/**
 * Autotask's zone lookup and API session (sources/autotask.ts reads and writes through it): the
 * zone's API address from /atservicesrest/v1.0/zoneInformation?user=<username>, remembered for the
 * worker's life, credentials only to an https host under autotask.net or the lookup's own origin,
 * the UserName, Secret and ApiIntegrationCode headers on every request, a query's pages, and
 * Autotask's 429 (its hourly request limit per database) said in its own words.
 * The facts and where they come from: tests/mock-apis/autotask-contract.ts.
 */
import { AuthError, BadResponseError, RateLimitError, requestJson, where, type HttpOptions } from './http';
import { refusalAs } from './api-client';
import { originOf } from './live-source';
import { isAtObject, type AtObject } from './autotask-map';

export const ZONE_LOOKUP = 'https://webservices.autotask.net';
const MAX_RECORDS = 500;

export interface AtOptions extends HttpOptions {
  /** Where the zone is looked up (Autotask's own address unless a test says otherwise). */
  lookup: string;
  username: string;
  secret: string;
  integrationCode: string;
  /** A company user-defined field holding the company's lead source. */
  sourceUdf?: string;
}

/** Zone API addresses by lookup origin and user, for the worker's life. */
const zones = new Map<string, string>();

/** Whether credentials may go to a zone address: https under autotask.net, or the lookup's own origin. */
export function zoneAllowed(zone: string, lookup: string): boolean {
  try {
    const url = new URL(zone);
    if (url.origin === new URL(lookup).origin) return true;
    return url.protocol === 'https:' && /(^|\.)autotask\.net$/i.test(url.hostname);
  } catch {
    return false;
  }
}

/** The host permission a source needs: every zone host under autotask.net, or the test's own origin. */
export function permissionOrigin(lookup: string): string {
  const origin = originOf(lookup);
  return /(^|\.)autotask\.net$/i.test(new URL(origin).hostname) ? 'https://*.autotask.net' : origin;
}

/** Requests to the user's zone: its address looked up first, credentials on every request. */
export class Session {
  private zone: Promise<string> | undefined;
  constructor(readonly o: AtOptions) {}

  private headers(): Record<string, string> {
    return {
      ApiIntegrationCode: this.o.integrationCode,
      UserName: this.o.username,
      Secret: this.o.secret,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
  }

  private async lookUpZone(): Promise<string> {
    const key = `${this.o.lookup} ${this.o.username.toLowerCase()}`;
    const known = zones.get(key);
    if (known) return known;
    const url = new URL('/atservicesrest/v1.0/zoneInformation', this.o.lookup);
    url.searchParams.set('user', this.o.username);
    const answer = await refusalAs(
      requestJson(url.href, {}, { ...this.o, retries: Math.min(this.o.retries ?? 1, 1) }),
      [500],
      (e) => new AuthError({ code: 'autotaskUnknownUser', args: [this.o.username] }, 500, e.url),
    );
    const zone = (answer as { url?: unknown } | null)?.url;
    if (typeof zone !== 'string' || !zoneAllowed(zone, this.o.lookup))
      throw new BadResponseError({ code: 'autotaskNoZone', args: [url.host] });
    const root = zone.replace(/\/?$/, '/');
    zones.set(key, root);
    return root;
  }

  /** The zone's API root, e.g. https://webservices5.autotask.net/atservicesrest/ */
  root(): Promise<string> {
    this.zone ??= this.lookUpZone().catch((e: unknown) => {
      this.zone = undefined;
      throw e;
    });
    return this.zone;
  }

  /** GET or POST a path under the zone's V1.0/ (or a full nextPageUrl on the zone's host). */
  async request(path: string, post?: unknown): Promise<unknown> {
    const root = await this.root();
    const url = /^https?:/.test(path) ? path : `${root}V1.0/${path}`;
    if (new URL(url).origin !== new URL(root).origin)
      throw new BadResponseError({ code: 'autotaskOtherHost', args: [] });
    return refusalAs(
      requestJson(
        url,
        {
          method: post === undefined ? 'GET' : 'POST',
          headers: this.headers(),
          ...(post === undefined ? {} : { body: JSON.stringify(post) }),
        },
        post === undefined ? this.o : { ...this.o, retries: 0 },
      ),
      // Autotask's 429 is its hourly request limit per database (or its thread limit): say so.
      [429],
      (e) => new RateLimitError({ code: 'autotaskLimit', args: [where(e.url ?? url)] }, 429, e.url),
    );
  }

  /** One page of an entity's query. */
  async query(entity: string, filter: unknown[], max = MAX_RECORDS): Promise<{ items: AtObject[]; next?: string }> {
    const search = JSON.stringify({ MaxRecords: max, filter });
    return this.page(await this.request(`${entity}/query?search=${encodeURIComponent(search)}`), entity);
  }

  page(answer: unknown, entity: string): { items: AtObject[]; next?: string } {
    const a = answer as { items?: unknown; pageDetails?: { nextPageUrl?: unknown } } | null;
    if (!Array.isArray(a?.items)) throw new BadResponseError({ code: 'badAnswer', args: [`Autotask ${entity}`] });
    const next = a.pageDetails?.nextPageUrl;
    return { items: a.items.filter(isAtObject), ...(typeof next === 'string' && next ? { next } : {}) };
  }
}
