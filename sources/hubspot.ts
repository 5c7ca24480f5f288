/**
 * HubSpot CRM API v3 as a data source: reads companies, contacts, deals (with owners resolved to
 * names, active and archived, and stages to their pipeline's labels, won or lost), notes and, where the account has them, marketing campaigns (sources/hubspot-campaigns.ts)
 * with a private-app token, 100 per page (limit/after), under HubSpot's burst limit (100 requests
 * per 10 s on lower tiers); changes only through the search API with batch association reads;
 * flags for sales are written as notes on the company. sources/run-sync.ts stores what it reads.
 *
 * Deals link to a campaign when their original source drill-down (hs_analytics_source_data_1/2)
 * names the campaign's utm_campaign (hs_utm) or its name: HubSpot's APIs have no deal-to-campaign
 * association, and the campaign attribution reports give totals or contact ids, not deals.
 *
 * The vendor facts this relies on, each with where it comes from: sources/hubspot-facts.md.
 */
import { BadResponseError, HttpError, PermissionError, RateLimiter, requestJson } from './http';
import {
  bearer,
  checkEach,
  eachPage,
  nextCursor,
  nextPosition,
  noteHtml,
  PageRecords,
  postJson,
  quickHttp,
  readAll,
  unlessForbidden,
} from './api-client';
import {
  originOf,
  type ConnectionCheck,
  type FlagDelivery,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type SourceRead,
} from './live-source';
import { flagText, type Flag } from '@/core/flags';
import { note, type SourceNote } from '@/core/source-notes';
import {
  campaignIndex,
  dealStages,
  mapCampaign,
  mapCompany,
  mapContact,
  mapDeal,
  mapNote,
  type DealStage,
} from './hubspot-map';
import { CAMPAIGNS_PATH, CAMPAIGNS_SCOPE, changedSince, readCampaigns } from './hubspot-campaigns';
import { testHttp } from './test-http';
import {
  attachAssociations,
  fetchPage,
  HUBSPOT_API,
  PROPERTIES,
  searchLimiter,
  searchPage,
  type HubSpotOptions,
} from './hubspot-objects';

export { attachAssociations, type HubSpotOptions } from './hubspot-objects';

/**
 * The order a read goes through HubSpot's objects; a read position's step indexes it (campaigns
 * came last, so positions stored before they were read still point at the same step).
 */
const STEPS = ['companies', 'contacts', 'deals', 'notes', 'campaigns'] as const;

/**
 * Owner id -> "First Last" (deals and notes name people by owner id). Every page, and the
 * archived (deactivated) owners too: the owners API lists them only when asked with
 * archived=true, and the deals and notes of reps who left still name them.
 */
async function listOwners(opts: HubSpotOptions): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const archived of [false, true]) {
    const pages = eachPage(async (after: string | undefined) => {
      const url = new URL('/crm/v3/owners/', opts.base ?? HUBSPOT_API);
      url.searchParams.set('limit', '100');
      url.searchParams.set('archived', String(archived));
      if (after) url.searchParams.set('after', after);
      const page = (await requestJson(url.href, { headers: bearer(opts.token) }, opts)) as {
        results?: { id?: unknown; firstName?: unknown; lastName?: unknown; email?: unknown }[];
        paging?: { next?: { after?: unknown } };
      } | null;
      return { items: page?.results ?? [], ...nextCursor(page?.paging?.next?.after, after) };
    });
    for await (const list of pages)
      for (const o of list) {
        const name =
          [o.firstName, o.lastName].filter((x): x is string => typeof x === 'string' && !!x).join(' ') ||
          (typeof o.email === 'string' ? o.email : '');
        const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : undefined;
        if (id && name && !owners.has(id)) owners.set(id, name);
      }
  }
  return owners;
}

/** Said when the deal pipelines cannot be read: stages outside the default pipeline show as ids. */
export const STAGES_LEFT_OUT = note('hubspotStagesLeftOut');

/**
 * The deal pipelines' stages (labels, won or lost), read once a pass: GET /crm/v3/pipelines/deals.
 * A token that may not read them (403) costs the stage labels, not the sync.
 */
async function listDealStages(opts: HubSpotOptions): Promise<{ stages: Map<string, DealStage>; warning?: SourceNote }> {
  const answer = await unlessForbidden(
    requestJson(
      new URL('/crm/v3/pipelines/deals', opts.base ?? HUBSPOT_API).href,
      { headers: bearer(opts.token) },
      opts,
    ),
    undefined,
  );
  return answer === undefined ? { stages: new Map(), warning: STAGES_LEFT_OUT } : { stages: dealStages(answer) };
}

/**
 * The CRM page by page from a position. Owners and campaigns are read first each time: deals and
 * notes name people by owner id, and deals are linked to campaigns by name. Records that cannot
 * be used are counted, not kept.
 */
export async function* hubspotPages(
  opts: HubSpotOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const o = { ...opts, limiter: opts.limiter ?? new RateLimiter(100, 10_000) };
  const owners = await listOwners(o);
  const { stages, warning: stagesWarning } = await listDealStages(o);
  const { campaigns, warning } = await readCampaigns({ ...o, base: o.base ?? HUBSPOT_API });
  const byKey = campaignIndex(campaigns);
  for (let step = from.step; step < STEPS.length; step++) {
    const type = STEPS[step]!;
    if (type === 'campaigns') {
      const out = new PageRecords();
      for (const c of changedSince(campaigns, since)) out.keep(out.records.campaigns, mapCampaign(c, owners));
      if (warning) out.warnings.push(warning);
      yield out.page(nextPosition(step, STEPS.length));
      continue;
    }
    let after = step === from.step ? from.after : undefined;
    do {
      const page = since ? await searchPage(type, after, since, o) : await fetchPage(type, after, o);
      if (since) await attachAssociations(type, page.objects, o);
      const out = new PageRecords();
      const { records, keep } = out;
      for (const obj of page.objects) {
        if (type === 'companies') keep(records.accounts, mapCompany(obj));
        else if (type === 'contacts') keep(records.contacts, mapContact(obj));
        else if (type === 'deals') keep(records.deals, mapDeal(obj, owners, byKey, stages));
        else keep(records.notes, mapNote(obj, owners));
      }
      after = page.after;
      if (type === 'deals' && stagesWarning) out.warnings.push(stagesWarning);
      yield out.page(nextPosition(step, STEPS.length, after));
    } while (after);
  }
}

/** A full read of the account's CRM, mapped (all pages of hubspotPages together). */
export const readHubSpot = (opts: HubSpotOptions): Promise<SourceRead> => readAll(hubspotPages(opts));

/**
 * "Test connection": one small request per kind Backstory reads, so a missing scope is named
 * (HubSpot answers 403 per object type). A rejected key or an unreachable host stops at once:
 * every other request would fail the same way. Campaigns are optional: their check names the
 * scope to add, and says the rest syncs without it.
 */
export async function testHubSpot(opts: HubSpotOptions): Promise<ConnectionCheck[]> {
  const quick = quickHttp(opts);
  const read = (path: string) => () =>
    requestJson(new URL(path, opts.base ?? HUBSPOT_API).href, { headers: bearer(opts.token) }, quick);
  const checks: ConnectionCheck[] = [];
  await checkEach(
    checks,
    [
      ['owners', read('/crm/v3/owners/?limit=1')],
      ...(Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[]).map(
        (type) => [type, read(`/crm/v3/objects/${type}?limit=1`)] as const,
      ),
      ['campaigns', read(`${CAMPAIGNS_PATH}?limit=1`), true],
    ],
    {
      words: (what, e) =>
        what === 'campaigns' && e instanceof PermissionError
          ? { code: 'campaignsScope', args: [CAMPAIGNS_SCOPE] }
          : undefined,
    },
  );
  return checks;
}

/** HubSpot's default association of a note to a company. */
const NOTE_TO_COMPANY = 190;

/**
 * A flag becomes a note on the company. Idempotent without trusting the search index alone
 * (HubSpot indexes a new note for search some seconds after writing it): the note an earlier
 * attempt created is looked up by its remembered id; then a search for the flag id in note bodies;
 * then, for a note whose answer was lost before its id could be kept, the company's own notes are
 * read through its associations (not the search index) and their bodies checked for the flag id.
 */
export async function deliverHubSpotFlag(
  opts: HubSpotOptions & FlagDelivery,
  flag: Flag,
  companyId: string,
): Promise<{ remoteId: string; created: boolean }> {
  const base = opts.base ?? HUBSPOT_API;
  if (opts.remoteId && (await noteHasFlag(opts.remoteId, flag.id, opts)))
    return { remoteId: opts.remoteId, created: false };
  const search = {
    filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: flag.id }] }],
    properties: ['hs_note_body'],
    limit: 1,
  };
  const found = (await requestJson(
    new URL('/crm/v3/objects/notes/search', base).href,
    postJson(bearer(opts.token), search),
    { ...opts, limiter: searchLimiter },
  )) as { results?: { id?: unknown }[] } | null;
  const existing = found?.results?.[0]?.id;
  if (typeof existing === 'string' || typeof existing === 'number')
    return { remoteId: String(existing), created: false };
  const kept = await companyNoteWithFlag(companyId, flag.id, opts);
  if (kept) return { remoteId: kept, created: false };
  const body = {
    properties: { hs_note_body: noteHtml(flagText(flag)), hs_timestamp: flag.createdAt },
    associations: [
      {
        to: { id: companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_COMPANY }],
      },
    ],
  };
  // No automatic retry of the write itself: a retry goes through the checks above first.
  const created = (await requestJson(new URL('/crm/v3/objects/notes', base).href, postJson(bearer(opts.token), body), {
    ...opts,
    retries: 0,
  })) as { id?: unknown } | null;
  if (typeof created?.id !== 'string' && typeof created?.id !== 'number')
    throw new BadResponseError({ code: 'noCreatedId', args: ['HubSpot'] }, undefined, `${base}/crm/v3/objects/notes`);
  await opts.remember?.(String(created.id));
  return { remoteId: String(created.id), created: true };
}

/** Whether the note with this id exists and carries the flag id (GET /crm/v3/objects/notes/{id}). */
async function noteHasFlag(noteId: string, flagId: string, opts: HubSpotOptions): Promise<boolean> {
  const url = new URL(`/crm/v3/objects/notes/${encodeURIComponent(noteId)}`, opts.base ?? HUBSPOT_API);
  url.searchParams.set('properties', 'hs_note_body');
  try {
    const note = (await requestJson(url.href, { headers: bearer(opts.token) }, opts)) as {
      properties?: { hs_note_body?: unknown };
    } | null;
    return String(note?.properties?.hs_note_body ?? '').includes(flagId);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return false;
    throw e;
  }
}

/**
 * The id of a note on the company whose body carries the flag id, read without the search index:
 * the company's note associations (v4, paged), then those notes' bodies in batches of 100.
 */
async function companyNoteWithFlag(
  companyId: string,
  flagId: string,
  opts: HubSpotOptions,
): Promise<string | undefined> {
  const base = opts.base ?? HUBSPOT_API;
  const ids: string[] = [];
  const pages = eachPage(async (after: string | undefined) => {
    const url = new URL(`/crm/v4/objects/companies/${encodeURIComponent(companyId)}/associations/notes`, base);
    url.searchParams.set('limit', '500');
    if (after) url.searchParams.set('after', after);
    const page = (await requestJson(url.href, { headers: bearer(opts.token) }, opts)) as {
      results?: { toObjectId?: unknown }[];
      paging?: { next?: { after?: unknown } };
    } | null;
    return { items: page?.results ?? [], ...nextCursor(page?.paging?.next?.after, after) };
  });
  for await (const list of pages)
    for (const r of list)
      if (typeof r.toObjectId === 'string' || typeof r.toObjectId === 'number') ids.push(String(r.toObjectId));
  for (let i = 0; i < ids.length; i += 100) {
    const res = (await requestJson(
      new URL('/crm/v3/objects/notes/batch/read', base).href,
      postJson(bearer(opts.token), {
        inputs: ids.slice(i, i + 100).map((id) => ({ id })),
        properties: ['hs_note_body'],
        propertiesWithHistory: [],
      }),
      opts,
    )) as { results?: { id?: unknown; properties?: { hs_note_body?: unknown } }[] } | null;
    const hit = res?.results?.find((n) => String(n.properties?.hs_note_body ?? '').includes(flagId));
    if (hit && (typeof hit.id === 'string' || typeof hit.id === 'number')) return String(hit.id);
  }
  return undefined;
}

export const hubspotSource: LiveSource = {
  kind: 'hubspot',
  name: 'HubSpot',
  fields: [
    { key: 'token', secret: true, type: 'password' },
    { key: 'base', secret: false, type: 'url', default: HUBSPOT_API },
  ],
  origin: (settings) => originOf(settings.base || HUBSPOT_API),
  // Incremental passes use the search API (by each type's modification property) plus batch association reads.
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    hubspotPages(
      { ...http, ...testHttp(settings), token: secrets.token ?? '', base: originOf(settings.base || HUBSPOT_API) },
      from,
      since,
    ),
  test: (settings, secrets, http = {}) =>
    testHubSpot({ ...http, token: secrets.token ?? '', base: originOf(settings.base || HUBSPOT_API) }),
  deliverFlag: (settings, secrets, flag, companyId, http = {}, delivery = {}) =>
    deliverHubSpotFlag(
      { ...http, ...delivery, token: secrets.token ?? '', base: originOf(settings.base || HUBSPOT_API) },
      flag,
      companyId,
    ),
};
