/**
 * Pipedrive as a data source, with a user's API token (Settings › Personal preferences › API) on
 * the company's own domain (https://<company>.pipedrive.com). Reads organizations, persons and
 * deals through API v2 (cursor paging, 500 a page, `updated_since` for incremental passes), notes
 * through API v1 (start/limit paging, `updated_since`), user names and deal fields (the marketing
 * channel's options, the custom fields named "source") through v1. The token goes in the
 * `x-api-token` header, never in an address. Flags become a note pinned to the organization.
 *
 * Rate limits: Pipedrive charges each request tokens from a daily budget and limits bursts in a
 * 2-second window; answers carry x-ratelimit-limit / -remaining / -reset (seconds), and a 429 has
 * Retry-After. The client keeps under 20 requests per 2 s (the smallest plan's burst) and, when an
 * answer says none remain, waits the reset out before the next request.
 * Every vendor fact used here is listed, with where it comes from, in tests/mock-apis/pipedrive-contract.ts.
 */
import { flagText, type Flag } from '@/core/flags';
import { note, type SourceNote } from '@/core/source-notes';
import {
  BadResponseError,
  isLoopback,
  SourceError,
  PermissionError,
  RateLimiter,
  requestJson,
  type HttpOptions,
} from './http';
import { checkEach, eachPage, nextPosition, noteHtml, PageRecords, postJson, quickHttp, readAll } from './api-client';
import { testHttp } from './test-http';
import {
  type ConnectionCheck,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type SourceRead,
  type Values,
} from './live-source';
import {
  dealFieldLookups,
  isPdObject,
  mapDeal,
  mapNote,
  mapOrganization,
  mapPerson,
  type PdLookups,
  type PdObject,
} from './pipedrive-map';

const PAGE_SIZE = 500;

export interface PdOptions extends HttpOptions {
  /** https://<company>.pipedrive.com */
  base: string;
  token: string;
}

/**
 * The company domain as typed ("northwind", "northwind.pipedrive.com" or a full address) as an
 * origin; throws saying what is wrong.
 */
export function pipedriveBase(value: string | undefined): string {
  const text = (value ?? '').trim().replace(/\/+$/, '');
  const address = /^[a-z0-9][a-z0-9-]*$/i.test(text)
    ? `https://${text}.pipedrive.com`
    : /^[a-z0-9.-]+\.pipedrive\.com$/i.test(text)
      ? `https://${text}`
      : text;
  let url: URL;
  try {
    url = new URL(address);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw new SourceError('pipedriveDomain', [value ?? '']);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) throw new SourceError('sourceNotHttps', [url.origin]);
  return url.origin;
}

/** Waits out a burst window the last answer said was used up (x-ratelimit-remaining 0). */
function paced(opts: PdOptions): PdOptions {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let notBefore = 0;
  const limiter = opts.limiter ?? new RateLimiter(20, 2000);
  return {
    ...opts,
    limiter: {
      take: () => {
        const wait = Math.max(0, notBefore - now());
        return Math.max(wait, limiter.take());
      },
    } as RateLimiter,
    sleep,
    onHeaders: (headers) => {
      opts.onHeaders?.(headers);
      const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
      const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
      if (remaining <= 0 && reset > 0 && reset < 120) notBefore = now() + reset * 1000;
    },
  };
}

const auth = (o: PdOptions) => ({ 'x-api-token': o.token, Accept: 'application/json' });

/** A Pipedrive answer: { success, data, additional_data }; anything else is a bad answer. */
async function get(o: PdOptions, path: string, query: Record<string, string | undefined> = {}) {
  const url = new URL(path, o.base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  const body = (await requestJson(url.href, { headers: auth(o) }, o)) as {
    success?: unknown;
    data?: unknown;
    additional_data?: Record<string, unknown> | null;
  } | null;
  if (!body || body.success !== true)
    throw new BadResponseError({ code: 'badAnswer', args: [`${url.host}${url.pathname}`] });
  return { data: body.data, more: body.additional_data ?? {} };
}

/** Every page of a v1 list (start/limit paging). */
const v1All = (o: PdOptions, path: string, query: Record<string, string | undefined> = {}) =>
  eachPage(async (start: number | undefined) => {
    const { data, more } = await get(o, path, { ...query, start: String(start ?? 0), limit: String(PAGE_SIZE) });
    const next = nextStart(more);
    return { items: (Array.isArray(data) ? data : []) as unknown[], ...(next === undefined ? {} : { next }) };
  });

/** Where v1 paging goes on: additional_data.pagination's next_start while more items remain. */
function nextStart(more: Record<string, unknown>): number | undefined {
  const pagination = (more.pagination ?? {}) as { more_items_in_collection?: unknown; next_start?: unknown };
  return pagination.more_items_in_collection === true && typeof pagination.next_start === 'number'
    ? pagination.next_start
    : undefined;
}

/** User names and deal fields, read at the start of each pass. Users the token may not list leave names out. */
async function readLookups(o: PdOptions): Promise<{ lookups: PdLookups; warnings: SourceNote[] }> {
  const users = new Map<number, string>();
  const warnings: SourceNote[] = [];
  try {
    for await (const list of v1All(o, '/api/v1/users'))
      for (const u of list.filter(isPdObject))
        if (typeof u.name === 'string' && u.name.trim()) users.set(u.id, u.name.trim());
  } catch (e) {
    if (!(e instanceof PermissionError)) throw e;
    warnings.push(note('pipedriveOwnersLeftOut'));
  }
  const fields: unknown[] = [];
  for await (const list of v1All(o, '/api/v1/dealFields')) fields.push(...list);
  return { lookups: dealFieldLookups(fields, users), warnings };
}

/** The order a read goes through Pipedrive; a read position's step indexes it. */
const STEPS = ['organizations', 'persons', 'deals', 'notes'] as const;

/** One page of a v2 list, and the cursor of the next. */
async function v2Page(o: PdOptions, type: string, cursor: string | undefined, since: string | undefined) {
  const { data, more } = await get(o, `/api/v2/${type}`, {
    limit: String(PAGE_SIZE),
    cursor,
    ...(since ? { updated_since: since, sort_by: 'update_time', sort_direction: 'asc' } : {}),
  });
  const next = more.next_cursor;
  return {
    list: (Array.isArray(data) ? data : []).filter(isPdObject),
    after: typeof next === 'string' && next ? next : undefined,
  };
}

/** One page of v1 notes from an offset, and the offset of the next. */
async function notesPage(o: PdOptions, start: number, since: string | undefined) {
  const { data, more } = await get(o, '/api/v1/notes', {
    start: String(start),
    limit: String(PAGE_SIZE),
    sort: 'id ASC',
    ...(since ? { updated_since: since } : {}),
  });
  const next = nextStart(more);
  return {
    list: (Array.isArray(data) ? data : []).filter(isPdObject),
    after: next === undefined ? undefined : String(next),
  };
}

/** RFC 3339 without milliseconds, as Pipedrive's examples give it (2025-01-01T10:20:00Z). */
const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Pipedrive page by page from a position; with `since`, only records updated since then.
 * Deleted records leave on the daily full pass (a full pass replaces the source's records).
 */
export async function* pipedrivePages(
  opts: PdOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const o = paced(opts);
  const { lookups, warnings: lookupWarnings } = await readLookups(o);
  const after = since ? rfc3339(since) : undefined;
  for (let step = from.step; step < STEPS.length; step++) {
    const type = STEPS[step]!;
    let position = step === from.step ? from.after : undefined;
    do {
      const page =
        type === 'notes' ? await notesPage(o, Number(position ?? 0), after) : await v2Page(o, type, position, after);
      const out = new PageRecords();
      const { records, keep } = out;
      for (const item of page.list as PdObject[]) {
        if (type === 'organizations') keep(records.accounts, mapOrganization(item, lookups));
        else if (type === 'persons') keep(records.contacts, mapPerson(item));
        else if (type === 'deals') keep(records.deals, mapDeal(item, lookups));
        else keep(records.notes, mapNote(item));
      }
      position = page.after;
      if (step === from.step) out.warnings.push(...lookupWarnings);
      yield out.page(nextPosition(step, STEPS.length, position));
    } while (position);
  }
}

/** A full read (all pages of pipedrivePages together). */
export const readPipedrive = (opts: PdOptions): Promise<SourceRead> => readAll(pipedrivePages(opts));

/**
 * "Test connection": who the token belongs to, then one small request per kind read. A rejected
 * token or an unreachable host stops at once; a refused kind is named.
 */
export async function testPipedrive(opts: PdOptions): Promise<ConnectionCheck[]> {
  const o = quickHttp(opts);
  const checks: ConnectionCheck[] = [];
  const read = (path: string) => () => get(o, path);
  await checkEach(checks, [
    ['user', read('/api/v1/users/me')],
    ['organizations', read('/api/v2/organizations?limit=1')],
    ['persons', read('/api/v2/persons?limit=1')],
    ['deals', read('/api/v2/deals?limit=1')],
    ['notes', read('/api/v1/notes?limit=1')],
    ['dealFields', read('/api/v1/dealFields?limit=1'), true],
  ]);
  return checks;
}

/**
 * A flag becomes a note pinned to the organization. Idempotent: the note's text ends with the
 * flag id, and the organization's pinned notes are searched for it first, so a retry after a lost
 * answer finds the note instead of adding one.
 */
export async function deliverPipedriveFlag(
  opts: PdOptions,
  flag: Flag,
  orgSourceId: string,
): Promise<{ remoteId: string; created: boolean }> {
  const orgId = Number(orgSourceId.replace(/^org-/, ''));
  if (!Number.isInteger(orgId)) throw new SourceError('pipedriveNoOrg', [orgSourceId]);
  const o = paced(opts);
  for await (const list of v1All(o, '/api/v1/notes', { org_id: String(orgId), pinned_to_organization_flag: '1' })) {
    const found = list.filter(isPdObject).find((n) => typeof n.content === 'string' && n.content.includes(flag.id));
    if (found) return { remoteId: String(found.id), created: false };
  }
  const body = {
    content: noteHtml(flagText(flag)),
    org_id: orgId,
    pinned_to_organization_flag: 1,
  };
  // The write itself is not retried here: a retry goes through the search above first.
  const created = (await requestJson(new URL('/api/v1/notes', o.base).href, postJson(auth(o), body), {
    ...o,
    retries: 0,
  })) as { success?: unknown; data?: unknown } | null;
  if (created?.success !== true || !isPdObject(created.data))
    throw new BadResponseError({ code: 'noCreatedId', args: ['Pipedrive'] });
  return { remoteId: String(created.data.id), created: true };
}

function options(settings: Values, secrets: Values, http: HttpOptions): PdOptions {
  return { ...http, base: pipedriveBase(settings.companyDomain), token: (secrets.apiToken ?? '').trim() };
}

export const pipedriveSource: LiveSource = {
  kind: 'pipedrive',
  name: 'Pipedrive',
  fields: [
    { key: 'companyDomain', secret: false, type: 'url' },
    { key: 'apiToken', secret: true, type: 'password' },
  ],
  origin: (settings) => pipedriveBase(settings.companyDomain),
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    pipedrivePages(options(settings, secrets, { ...http, ...testHttp(settings) }), from, since),
  test: (settings, secrets, http = {}) => testPipedrive(options(settings, secrets, http)),
  deliverFlag: (settings, secrets, flag, orgSourceId, http = {}) =>
    deliverPipedriveFlag(options(settings, secrets, http), flag, orgSourceId),
};
