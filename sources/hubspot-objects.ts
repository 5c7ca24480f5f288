/**
 * HubSpot's CRM objects as Backstory reads them (sources/hubspot.ts drives the reads): the
 * properties and associations asked for per object type, a page of the list API (full passes),
 * a page of the search API by modification time (incremental passes, past its 10,000-result
 * depth), and the associations a search answer leaves out, read in batches.
 * The vendor facts this relies on, each with where it comes from: sources/hubspot-facts.md.
 */
import { RateLimiter, SourceError, requestJson, type HttpOptions } from './http';
import { bearer, postJson } from './api-client';
import { isHsObject, type HsObject } from './hubspot-map';

export const HUBSPOT_API = 'https://api.hubapi.com';

export interface HubSpotOptions extends HttpOptions {
  token: string;
  base?: string;
  /** How deep the search API pages (HubSpot: 10,000 results); tests make it small. */
  searchDepth?: number;
}

/** Search endpoints allow 4 requests a second. */
export const searchLimiter = new RateLimiter(4, 1000);

/** HubSpot's search API answers at most this many results of one search, however it is paged. */
const SEARCH_DEPTH = 10_000;
/** A paging position that starts a new search from a modification time: `t:<ISO time>`. */
const RESTART = 't:';
/**
 * The property that holds when an object last changed: `lastmodifieddate` for contacts,
 * `hs_lastmodifieddate` for companies, deals and notes (HubSpot's search guide, the default
 * properties each search returns). Filtering contacts by hs_lastmodifieddate finds none.
 */
const MODIFIED: Record<string, string> = {
  contacts: 'lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};

export const PROPERTIES = {
  companies: [
    'name',
    'domain',
    'hs_additional_domains',
    'website',
    'industry',
    'hs_analytics_source',
    'hs_analytics_source_data_1',
    'hs_date_entered_customer',
  ],
  contacts: ['firstname', 'lastname', 'email', 'jobtitle', 'hs_buying_role'],
  deals: [
    'dealname',
    'amount',
    'hs_mrr',
    'deal_currency_code',
    'pipeline',
    'dealstage',
    'closedate',
    'hubspot_owner_id',
    'description',
    'hs_analytics_source',
    'hs_analytics_source_data_1',
    'hs_analytics_source_data_2',
  ],
  notes: ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id'],
} as const;
const ASSOCIATIONS: Record<keyof typeof PROPERTIES, string[]> = {
  companies: [],
  contacts: ['companies'],
  deals: ['companies'],
  notes: ['companies', 'deals'],
};

/** One page of objects of a type, and the token of the next page. */
export async function fetchPage(
  type: keyof typeof PROPERTIES,
  after: string | undefined,
  opts: HubSpotOptions,
): Promise<{ objects: HsObject[]; after?: string }> {
  const url = new URL(`/crm/v3/objects/${type}`, opts.base ?? HUBSPOT_API);
  url.searchParams.set('limit', '100');
  url.searchParams.set('properties', PROPERTIES[type].join(','));
  if (ASSOCIATIONS[type].length) url.searchParams.set('associations', ASSOCIATIONS[type].join(','));
  if (after) url.searchParams.set('after', after);
  const page = (await requestJson(url.href, { headers: bearer(opts.token) }, opts)) as {
    results?: unknown[];
    paging?: { next?: { after?: unknown } };
  } | null;
  const next = page?.paging?.next?.after;
  return {
    objects: (page?.results ?? []).filter(isHsObject),
    after: typeof next === 'string' && next ? next : undefined,
  };
}

/**
 * One page of objects of a type modified since a time, through the search API (sorted by
 * modification, 100 a page, 4 requests a second). Search answers carry no associations.
 * One search pages at most 10,000 results deep; before that depth, the next position becomes a
 * new search from the last modification time read (results are sorted by it), so any number of
 * changes is read. Records at that same time are read twice, which writing by id absorbs.
 */
export async function searchPage(
  type: keyof typeof PROPERTIES,
  after: string | undefined,
  since: string,
  opts: HubSpotOptions,
): Promise<{ objects: HsObject[]; after?: string }> {
  const from = after?.startsWith(RESTART) ? after.slice(RESTART.length) : since;
  const token = after?.startsWith(RESTART) ? undefined : after;
  const modified = MODIFIED[type]!;
  const body = {
    filterGroups: [{ filters: [{ propertyName: modified, operator: 'GTE', value: String(Date.parse(from)) }] }],
    sorts: [{ propertyName: modified, direction: 'ASCENDING' }],
    properties: PROPERTIES[type],
    limit: 100,
    ...(token ? { after: token } : {}),
  };
  const page = (await requestJson(
    new URL(`/crm/v3/objects/${type}/search`, opts.base ?? HUBSPOT_API).href,
    postJson(bearer(opts.token), body),
    { ...opts, limiter: searchLimiter },
  )) as {
    results?: unknown[];
    paging?: { next?: { after?: unknown } };
  } | null;
  const next = page?.paging?.next?.after;
  const objects = (page?.results ?? []).filter(isHsObject);
  if (typeof next !== 'string' || !next) return { objects };
  if (Number(next) + body.limit <= (opts.searchDepth ?? SEARCH_DEPTH)) return { objects, after: next };
  const last = objects.length ? lastModified(objects[objects.length - 1]!, modified) : undefined;
  if (!last || Date.parse(last) <= Date.parse(from)) {
    throw new SourceError('hubspotSearchDepth', [type, from]);
  }
  return { objects, after: RESTART + last };
}

/** When HubSpot last modified an object (search results carry it as updatedAt). */
function lastModified(o: HsObject, property: string): string | undefined {
  const v = (o as { updatedAt?: unknown }).updatedAt ?? o.properties[property];
  const t = typeof v === 'string' ? (/^\d+$/.test(v) ? Number(v) : Date.parse(v)) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/**
 * The associations the list API would have given, read in one batch per type (associations v4).
 * A result whose associations go on past one answer carries its own `paging.next.after`; those
 * objects are asked again with that `after` until every association is read.
 */
export async function attachAssociations(
  type: keyof typeof PROPERTIES,
  objects: HsObject[],
  opts: HubSpotOptions,
): Promise<void> {
  for (const to of ASSOCIATIONS[type]) {
    const byId = new Map<string, string[]>();
    let inputs: { id: string; after?: string }[] = objects.map((o) => ({ id: o.id }));
    while (inputs.length) {
      const res = (await requestJson(
        new URL(`/crm/v4/associations/${type}/${to}/batch/read`, opts.base ?? HUBSPOT_API).href,
        postJson(bearer(opts.token), { inputs }),
        opts,
      )) as {
        results?: {
          from?: { id?: unknown };
          to?: { toObjectId?: unknown }[];
          paging?: { next?: { after?: unknown } };
        }[];
      } | null;
      const asked = new Map(inputs.map((i) => [i.id, i.after]));
      inputs = [];
      for (const r of res?.results ?? []) {
        if (r.from?.id === undefined) continue;
        const from = String(r.from.id);
        const ids = (r.to ?? [])
          .map((x) => x.toObjectId)
          .filter((id) => typeof id === 'string' || typeof id === 'number')
          .map(String);
        byId.set(from, [...(byId.get(from) ?? []), ...ids]);
        const after = r.paging?.next?.after;
        if (typeof after === 'string' && after && asked.has(from) && asked.get(from) !== after)
          inputs.push({ id: from, after });
      }
    }
    for (const o of objects)
      o.associations = { ...o.associations, [to]: { results: (byId.get(o.id) ?? []).map((id) => ({ id })) } };
  }
}
