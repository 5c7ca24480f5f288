/**
 * ConnectWise PSA (Manage) REST API 3.0 as a data source: companies with their notes, contacts,
 * sales opportunities (with the forecast revenue of won ones, and their notes) and marketing
 * campaigns. Auth: Basic base64(companyId+publicKey:privateKey) plus the clientId header. The
 * site's codebase ("v2025_1/") comes from /login/companyinfo/{companyId}; cloud API hosts are
 * api-{na,eu,au}.myconnectwise.net, an on-premises server is its own host. Pages of up to 1000.
 *
 * Notes and incremental passes: ConnectWise has notes only under their parent
 * (/company/companies/{id}/notes, /sales/opportunities/{id}/notes; no list of all notes), and a
 * new note need not change its parent's lastUpdated. So a full pass asks every company and every
 * opportunity for its notes (one request each), and an incremental pass asks, with
 * `conditions=lastUpdated > [since]`: the companies and opportunities changed since, plus every
 * open opportunity (closedDate = null), where sales notes are being written. Notes added since to
 * an unchanged company or a closed opportunity wait for the daily full pass (run-sync.ts): finding
 * them sooner would mean one request per company every pass.
 *
 * The vendor facts this relies on, each with where it comes from: sources/connectwise-facts.md
 * (the model facts also as the contract table tests/mock-apis/connectwise-contract.ts).
 */
import { flagText, KIND_WORDS, type Flag } from '@/core/flags';
import { note } from '@/core/source-notes';
import {
  BadResponseError,
  SourceError,
  HttpError,
  PermissionError,
  RateLimiter,
  requestJson,
  type HttpOptions,
} from './http';
import {
  checkEach,
  eachPage,
  failedCheck,
  nextPosition,
  PageRecords,
  postJson,
  quickHttp,
  readAll,
} from './api-client';
import { testHttp } from './test-http';
import {
  originOf,
  type ConnectionCheck,
  type FlagDelivery,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type SourceRead,
  type Values,
} from './live-source';
import {
  forecastValues,
  isCwObject,
  isWon,
  mapCampaign,
  mapCompany,
  mapCompanyNote,
  mapContact,
  mapOpportunity,
  mapOpportunityNote,
  type CwObject,
} from './connectwise-map';

const CW_CLOUD = 'https://api-na.myconnectwise.net';
const PAGE_SIZE = 1000;

export interface CwOptions extends HttpOptions {
  site: string;
  companyId: string;
  clientId: string;
  publicKey: string;
  privateKey: string;
}

function headers(o: CwOptions): Record<string, string> {
  const bytes = new TextEncoder().encode(`${o.companyId}+${o.publicKey}:${o.privateKey}`);
  const basic = btoa(String.fromCharCode(...bytes));
  return {
    Authorization: `Basic ${basic}`,
    clientId: o.clientId,
    Accept: 'application/vnd.connectwise.com+json; version=2022.1',
  };
}

/** The API root of the site: https://api-na.myconnectwise.net/v2025_1/apis/3.0 */
async function apiRoot(o: CwOptions): Promise<string> {
  const info = (await requestJson(
    new URL(`/login/companyinfo/${encodeURIComponent(o.companyId)}`, o.site).href,
    {},
    o,
  )) as { Codebase?: unknown } | null;
  const codebase =
    typeof info?.Codebase === 'string' && /^[\w.-]+\/?$/.test(info.Codebase)
      ? info.Codebase.replace(/\/?$/, '/')
      : undefined;
  if (!codebase) throw new BadResponseError({ code: 'unknownCompany', args: [new URL(o.site).host, o.companyId] });
  return new URL(`/${codebase}apis/3.0`, o.site).href;
}

/** One page of a list endpoint (page numbers from 1, up to 1000 records), optionally with conditions. */
async function fetchList(
  root: string,
  path: string,
  page: number,
  conditions: string | undefined,
  o: CwOptions,
): Promise<CwObject[]> {
  const url = new URL(`${root}${path}`);
  url.searchParams.set('page', String(page));
  url.searchParams.set('pageSize', String(PAGE_SIZE));
  if (conditions) url.searchParams.set('conditions', conditions);
  const list = await requestJson(url.href, { headers: headers(o) }, o);
  if (!Array.isArray(list))
    throw new BadResponseError({ code: 'badAnswer', args: [`${url.host}${url.pathname}`] }, undefined, url.href);
  return list.filter(isCwObject);
}

/** Every record of a list endpoint, page by page. */
const listAll = (root: string, path: string, o: CwOptions, conditions?: string): AsyncGenerator<CwObject[]> =>
  eachPage(async (page: number | undefined) => {
    const at = page ?? 1;
    const items = await fetchList(root, path, at, conditions, o);
    return { items, ...(items.length < PAGE_SIZE ? {} : { next: at + 1 }) };
  });

/** Changed since a time, in ConnectWise's conditions syntax. */
const changedSince = (since: string | undefined) => (since ? `lastUpdated > [${since}]` : undefined);

/**
 * The order a read goes through ConnectWise; a read position's step indexes it. The last step
 * (incremental passes only) reads the new notes of open opportunities that did not change.
 */
const STEPS = [
  '/company/companies',
  '/company/contacts',
  '/marketing/campaigns',
  '/sales/opportunities',
  '/sales/opportunities?open',
] as const;
const OPEN_NOTES = STEPS.length - 1;

/**
 * ConnectWise page by page from a position; with `since`, only records whose lastUpdated is later
 * (a company's notes are read with the company, an opportunity's notes and forecast with the
 * opportunity; see the header for which notes an incremental pass sees).
 */
async function* connectwisePages(
  opts: CwOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const o = { ...opts, limiter: opts.limiter ?? new RateLimiter(40, 10_000) };
  const root = await apiRoot(o);
  /** Campaign ids read in this pass (undefined when the pass resumed after that step). */
  let campaignIds: Set<string> | undefined;
  /** Company notes are left out once the API member turns out not to be allowed them. */
  let companyNotes = true;
  for (let step = from.step; step < STEPS.length; step++) {
    const path = STEPS[step]!;
    // A full pass has read every opportunity's notes already.
    const conditions =
      step !== OPEN_NOTES ? changedSince(since) : since ? `closedDate = null and lastUpdated <= [${since}]` : undefined;
    for (let page = step === from.step && from.after ? Number(from.after) : 1; ; page++) {
      const out = new PageRecords();
      const { records, keep, warnings } = out;
      let list: CwObject[];
      try {
        list =
          step === OPEN_NOTES && !since ? [] : await fetchList(root, path.replace(/\?.*/, ''), page, conditions, o);
      } catch (e) {
        // Campaigns are often outside the API member's security role: the rest is still worth having.
        if (!(e instanceof PermissionError) || path !== '/marketing/campaigns') throw e;
        warnings.push(note('connectWiseCampaignsLeftOut', '/marketing/campaigns'));
        list = [];
      }
      if (path === '/company/companies') {
        for (const c of list) {
          const account = mapCompany(c);
          keep(records.accounts, account);
          if (!account || !companyNotes) continue;
          try {
            for await (const notes of listAll(root, `/company/companies/${c.id}/notes`, o, changedSince(since)))
              notes.forEach((n) => keep(records.notes, mapCompanyNote(n, c.id)));
          } catch (e) {
            if (!(e instanceof PermissionError)) throw e;
            companyNotes = false;
            warnings.push(note('connectWiseNotesLeftOut', '/company/companies/{id}/notes'));
          }
        }
      } else if (path === '/company/contacts') list.forEach((c) => keep(records.contacts, mapContact(c)));
      else if (path === '/marketing/campaigns') {
        campaignIds ??= new Set();
        list.forEach((c) => keep(records.campaigns, mapCampaign(c)));
        records.campaigns.forEach((c) => campaignIds!.add(c.id));
      } else if (step === OPEN_NOTES) {
        // Only the notes: these opportunities did not change, so their deals are stored already.
        for (const opp of list) {
          if (!mapOpportunity(opp)) continue;
          for await (const notes of listAll(root, `/sales/opportunities/${opp.id}/notes`, o, changedSince(since)))
            notes.forEach((n) => keep(records.notes, mapOpportunityNote(n, opp.id)));
        }
      } else {
        for (const opp of list) {
          // See forecastValues for the shapes this answer comes in.
          const forecast = isWon(opp)
            ? forecastValues(
                await requestJson(`${root}/sales/opportunities/${opp.id}/forecast`, { headers: headers(o) }, o),
              )
            : {};
          const deal = mapOpportunity(opp, forecast);
          if (deal?.campaignId && campaignIds && !campaignIds.has(deal.campaignId)) delete deal.campaignId;
          keep(records.deals, deal);
          if (!deal) continue;
          for await (const notes of listAll(root, `/sales/opportunities/${opp.id}/notes`, o, changedSince(since)))
            notes.forEach((n) => keep(records.notes, mapOpportunityNote(n, opp.id)));
        }
      }
      const more = list.length >= PAGE_SIZE;
      yield out.page(nextPosition(step, STEPS.length, more ? String(page + 1) : undefined));
      if (!more) break;
    }
  }
}

/** A full read (all pages of connectwisePages together). */
export const readConnectWise = (opts: CwOptions): Promise<SourceRead> => readAll(connectwisePages(opts));

/** One small request per kind read; a missing permission is named, a rejected key stops at once. */
export async function testConnectWise(opts: CwOptions): Promise<ConnectionCheck[]> {
  const o = quickHttp(opts);
  let root: string;
  try {
    root = await apiRoot(o);
  } catch (e) {
    return [failedCheck('companyInfo', e)];
  }
  const checks: ConnectionCheck[] = [{ what: 'companyInfo', ok: true }];
  const read = (path: string) => () => requestJson(`${root}${path}?pageSize=1`, { headers: headers(o) }, o);
  await checkEach(checks, [
    ['companies', read('/company/companies')],
    ['contacts', read('/company/contacts')],
    ['opportunities', read('/sales/opportunities')],
    // Campaigns are optional: without them the sync goes on and says so.
    ['campaigns', read('/marketing/campaigns'), true],
  ]);
  return checks;
}

/**
 * A flag becomes a sales opportunity on the company, assigned to the member the MSP chose, with
 * the flag's text (and so its ticket) as the opportunity's notes, on the company's default contact
 * (ConnectWise requires a contact). Idempotent: the opportunity an earlier attempt created (its id
 * remembered with the flag) is looked up by id, then opportunities whose notes hold the flag id.
 */
export async function deliverConnectWiseFlag(
  opts: CwOptions & FlagDelivery & { flagsTo?: string },
  flag: Flag,
  companySourceId: string,
): Promise<{ remoteId: string; created: boolean }> {
  if (!opts.flagsTo) throw new SourceError('connectWiseNoMember');
  const companyId = Number(companySourceId.replace(/^company-/, ''));
  if (!Number.isInteger(companyId)) throw new SourceError('connectWiseNoCompany', [companySourceId]);
  const root = await apiRoot(opts);
  const remembered = opts.remoteId && (await opportunityWithFlag(root, opts.remoteId, flag.id, opts));
  if (remembered) return { remoteId: opts.remoteId!, created: false };
  const search = new URL(`${root}/sales/opportunities`);
  search.searchParams.set('conditions', `notes like "%${flag.id}%"`);
  search.searchParams.set('pageSize', '1');
  const found = await requestJson(search.href, { headers: headers(opts) }, opts);
  if (Array.isArray(found) && isCwObject(found[0])) return { remoteId: String(found[0].id), created: false };
  const contact = await companyContact(root, companyId, opts);
  if (contact === undefined) throw new SourceError('connectWiseNoContact', [String(companyId)]);
  const expected = new Date(Date.parse(flag.createdAt) + 30 * 86_400_000).toISOString().slice(0, 10);
  // Required on create (see sources/connectwise-facts.md): name, primarySalesRep, company, contact.
  // expectedCloseDate is required only on updates; it is sent so the opportunity lands in a month.
  const body = {
    name: `${KIND_WORDS[flag.kind]}: ${flag.note}`.slice(0, 100),
    company: { id: companyId },
    contact: { id: contact },
    primarySalesRep: { identifier: opts.flagsTo },
    expectedCloseDate: `${expected}T00:00:00Z`,
    notes: flagText(flag),
  };
  // The write itself is not retried here: a retry goes through the checks above first.
  const created = await requestJson(`${root}/sales/opportunities`, postJson(headers(opts), body), {
    ...opts,
    retries: 0,
  });
  if (!isCwObject(created))
    throw new BadResponseError(
      { code: 'noCreatedId', args: ['ConnectWise'] },
      undefined,
      `${root}/sales/opportunities`,
    );
  await opts.remember?.(String(created.id));
  return { remoteId: String(created.id), created: true };
}

/** Whether the opportunity an earlier attempt created (its id remembered) is there and carries the flag. */
async function opportunityWithFlag(root: string, id: string, flagId: string, o: CwOptions): Promise<boolean> {
  if (!/^\d+$/.test(id)) return false;
  try {
    const opp = await requestJson(`${root}/sales/opportunities/${id}`, { headers: headers(o) }, o);
    return isCwObject(opp) && typeof opp.notes === 'string' && opp.notes.includes(flagId);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return false;
    throw e;
  }
}

/** The company's default contact, else its first active contact; undefined when it has none. */
async function companyContact(root: string, companyId: number, o: CwOptions): Promise<number | undefined> {
  const company = await requestJson(`${root}/company/companies/${companyId}`, { headers: headers(o) }, o);
  const id = (company as { defaultContact?: { id?: unknown } } | null)?.defaultContact?.id;
  if (typeof id === 'number') return id;
  const url = new URL(`${root}/company/contacts`);
  url.searchParams.set('conditions', `company/id = ${companyId} and inactiveFlag = false`);
  url.searchParams.set('pageSize', '1');
  const list = await requestJson(url.href, { headers: headers(o) }, o);
  const first = Array.isArray(list) ? (list[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof first === 'number' ? first : undefined;
}

function options(settings: Values, secrets: Values, http: HttpOptions): CwOptions {
  return {
    ...http,
    site: originOf(settings.site || CW_CLOUD),
    companyId: (settings.companyId ?? '').trim(),
    clientId: (settings.clientId ?? '').trim(),
    publicKey: (secrets.publicKey ?? '').trim(),
    privateKey: (secrets.privateKey ?? '').trim(),
  };
}

export const connectwiseSource: LiveSource = {
  kind: 'connectwise',
  name: 'ConnectWise PSA',
  fields: [
    { key: 'site', secret: false, type: 'url', default: CW_CLOUD },
    { key: 'companyId', secret: false, type: 'text' },
    { key: 'clientId', secret: false, type: 'text' },
    { key: 'publicKey', secret: true, type: 'password' },
    { key: 'privateKey', secret: true, type: 'password' },
    { key: 'flagsTo', secret: false, type: 'text', optional: true },
  ],
  origin: (settings) => originOf(settings.site || CW_CLOUD),
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    connectwisePages(options(settings, secrets, { ...http, ...testHttp(settings) }), from, since),
  test: (settings, secrets, http = {}) => testConnectWise(options(settings, secrets, http)),
  deliverFlag: (settings, secrets, flag, companySourceId, http = {}, delivery = {}) =>
    deliverConnectWiseFlag(
      { ...options(settings, secrets, http), ...delivery, flagsTo: settings.flagsTo?.trim() },
      flag,
      companySourceId,
    ),
};
