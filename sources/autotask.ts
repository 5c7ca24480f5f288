/**
 * Autotask PSA's sales side (its CRM) as a data source, over the REST API: companies, contacts,
 * opportunities and CRM notes (CompanyNotes, on the company or on one of its opportunities). What
 * each request relies on, and where that comes from, is in tests/mock-apis/autotask-contract.ts;
 * the mock refuses what breaks it.
 *
 * Sign-in: an API-only user's username and secret and the API integration code, sent as the
 * headers UserName, Secret and ApiIntegrationCode on every request. The zone's API address comes
 * first from /atservicesrest/v1.0/zoneInformation?user=<username> (an unknown user is a 500 there)
 * and is remembered for the worker's life; credentials go only to an https host under
 * autotask.net, or to the lookup's own origin (both in sources/autotask-session.ts).
 *
 * Reads: GET /V1.0/{Entity}/query?search={"MaxRecords":500,"filter":[...]} answers
 * { items, pageDetails: { count, requestCount, prevPageUrl, nextPageUrl } }; the next page is
 * nextPageUrl, kept as the read's cursor. Picklist fields (status, stage, lead source, market
 * segment, note action type) are numbers shown by their labels, read from each entity's
 * entityInformation/fields once per sync; owners are Resources, read once per sync.
 *
 * Incremental passes: Companies by lastTrackedModifiedDateTime, Contacts and CompanyNotes by
 * lastModifiedDate, Opportunities by lastActivity (the only date the entity keeps of its changes).
 * The REST API has no campaign entity, so none are read.
 *
 * Limits: 10,000 requests an hour per database and a few threads at a time (Autotask's REST
 * documentation); Backstory reads one request at a time, keeps under 3 a second, honours 429 and
 * Retry-After, and the connection test shows the hour's use (ThresholdInformation).
 */
import { flagText, KIND_WORDS, type Flag } from '@/core/flags';
import { note } from '@/core/source-notes';
import { BadResponseError, SourceError, PermissionError, RateLimiter, type HttpOptions } from './http';
import { checkEach, eachPage, failedCheck, nextPosition, PageRecords, quickHttp, unlessForbidden } from './api-client';
import { testHttp } from './test-http';
import { permissionOrigin, Session, ZONE_LOOKUP, type AtOptions } from './autotask-session';

export { permissionOrigin, zoneAllowed, type AtOptions } from './autotask-session';
import {
  originOf,
  type ConnectionCheck,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type Values,
} from './live-source';
import {
  mapCompany,
  mapContact,
  mapNote,
  mapOpportunity,
  picklistsOf,
  type AtObject,
  type Picklists,
} from './autotask-map';

/** Every record of a query, page by page. */
async function all(s: Session, entity: string, filter: unknown[]): Promise<AtObject[]> {
  const out: AtObject[] = [];
  for await (const items of eachPage<AtObject, string>(async (next) =>
    next ? s.page(await s.request(next), entity) : s.query(entity, filter),
  ))
    out.push(...items);
  return out;
}

const everything = [{ op: 'gte', field: 'id', value: 0 }];

/** Resource (owner) names by id; empty when the user may not read Resources. */
async function resourceNames(s: Session): Promise<Map<number, string>> {
  const list = await unlessForbidden(all(s, 'Resources', everything), []);
  return new Map(
    list.map((r) => [r.id, [r.firstName, r.lastName].filter((x) => typeof x === 'string' && x).join(' ')]),
  );
}

const fields = async (s: Session, entity: string) => s.request(`${entity}/entityInformation/fields`);

/** The order of a read and the date each entity keeps of its last change. */
const STEPS = [
  ['Companies', 'lastTrackedModifiedDateTime'],
  ['Contacts', 'lastModifiedDate'],
  ['Opportunities', 'lastActivity'],
  ['CompanyNotes', 'lastModifiedDate'],
] as const;

/** Autotask page by page from a position; with `since`, only records changed since then. */
export async function* autotaskPages(
  opts: AtOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const s = new Session({ ...opts, limiter: opts.limiter ?? new RateLimiter(3, 1000) });
  const root = await s.root();
  const resources = await resourceNames(s);
  const picklists: Picklists = {
    ...picklistsOf(await fields(s, 'Companies')),
    ...picklistsOf(await fields(s, 'Opportunities')),
  };
  for (let step = from.step; step < STEPS.length; step++) {
    const [entity, changed] = STEPS[step]!;
    const filter = since ? [{ op: 'gte', field: changed, value: since }] : everything;
    const resumeAt = step === from.step && from.after && from.after.startsWith(root) ? from.after : undefined;
    let notePicklists: Picklists = {};
    let answer: unknown;
    try {
      if (entity === 'CompanyNotes') notePicklists = picklistsOf(await fields(s, 'CompanyNotes'));
      answer = resumeAt ? await s.request(resumeAt) : undefined;
    } catch (e) {
      if (!(e instanceof PermissionError) || entity !== 'CompanyNotes') throw e;
      const out = new PageRecords();
      out.warnings.push(NOTES_LEFT_OUT);
      yield out.page(null);
      return;
    }
    for (;;) {
      const out = new PageRecords();
      const { records, keep } = out;
      let page: { items: AtObject[]; next?: string };
      try {
        page = answer !== undefined ? s.page(answer, entity) : await s.query(entity, filter);
      } catch (e) {
        // CRM notes may be outside the API user's security level: the rest is still worth having.
        if (!(e instanceof PermissionError) || entity !== 'CompanyNotes') throw e;
        out.warnings.push(NOTES_LEFT_OUT);
        yield out.page(null);
        return;
      }
      answer = undefined;
      for (const o of page.items) {
        if (entity === 'Companies') keep(records.accounts, mapCompany(o, picklists, resources, opts.sourceUdf));
        else if (entity === 'Contacts') keep(records.contacts, mapContact(o));
        else if (entity === 'Opportunities') keep(records.deals, mapOpportunity(o, picklists, resources));
        else keep(records.notes, mapNote(o, notePicklists, resources));
      }
      yield out.page(nextPosition(step, STEPS.length, page.next));
      if (!page.next) break;
      answer = await s.request(page.next);
    }
  }
}

const NOTES_LEFT_OUT = note('autotaskNotesLeftOut', 'CompanyNotes');

/** Zone lookup, then one small query per kind read, and the hour's use of the request limit. */
export async function testAutotask(opts: AtOptions): Promise<ConnectionCheck[]> {
  const s = new Session(quickHttp(opts));
  try {
    await s.root();
  } catch (e) {
    return [failedCheck('zone', e)];
  }
  const checks: ConnectionCheck[] = [{ what: 'zone', ok: true }];
  const query = (entity: string) => () => s.query(entity, everything, 1);
  const tried = await checkEach(checks, [
    ['companies', query('Companies')],
    ['contacts', query('Contacts')],
    ['opportunities', query('Opportunities')],
    ['crmNotes', query('CompanyNotes'), true],
  ]);
  if (!tried) return checks;
  try {
    const t = (await s.request('ThresholdInformation')) as Record<string, unknown> | null;
    const used = t?.currentTimeframeRequestCount;
    const limit = t?.externalRequestThreshold;
    if (typeof used === 'number' && typeof limit === 'number')
      checks.push({ what: 'requestLimit', ok: true, note: note('autotaskUsage', used, limit) });
  } catch {
    // Only information: its absence does not make the connection worse.
  }
  return checks;
}

/** The default value of a picklist field (its default, else its first active value). */
function picklistDefault(answer: unknown, field: string): number | undefined {
  const f = ((answer as { fields?: unknown } | null)?.fields as Record<string, unknown>[] | undefined)?.find(
    (x) => x?.name === field,
  );
  const values = (Array.isArray(f?.picklistValues) ? f.picklistValues : []) as Record<string, unknown>[];
  const pick = values.find((v) => v.isDefaultValue === true) ?? values.find((v) => v.isActive !== false);
  const n = Number(pick?.value);
  return pick && Number.isInteger(n) ? n : undefined;
}

/**
 * A flag becomes an opportunity on the company (or a To-Do, when the source says so), assigned to
 * the company's account manager (its owner resource), with the flag's text. Idempotent: what
 * holds the flag id is looked for first.
 */
export async function deliverAutotaskFlag(
  opts: AtOptions & { flagsAs?: string },
  flag: Flag,
  companySourceId: string,
): Promise<{ remoteId: string; created: boolean }> {
  const companyID = Number(companySourceId.replace(/^company-/, ''));
  if (!Number.isInteger(companyID) || companyID <= 0) throw new SourceError('autotaskNoCompany', [companySourceId]);
  const as = (opts.flagsAs || 'opportunity').trim().toLowerCase();
  if (as !== 'opportunity' && as !== 'todo') throw new SourceError('autotaskFlagsAs', [opts.flagsAs ?? '']);
  const s = new Session(opts);
  const entity = as === 'todo' ? 'CompanyToDos' : 'Opportunities';
  const textField = as === 'todo' ? 'activityDescription' : 'description';
  const found = await s.query(
    entity,
    [
      { op: 'eq', field: 'companyID', value: companyID },
      { op: 'contains', field: textField, value: flag.id },
    ],
    1,
  );
  if (found.items[0]) return { remoteId: String(found.items[0].id), created: false };
  const company = (await s.request(`Companies/${companyID}`)) as { item?: { ownerResourceID?: unknown } } | null;
  const owner = company?.item?.ownerResourceID;
  if (!Number.isInteger(owner) || (owner as number) <= 0) throw new SourceError('autotaskNoOwner');
  const text = flagText(flag);
  const title = `${KIND_WORDS[flag.kind]}: ${flag.note}`.replace(/\s+/g, ' ').slice(0, 128);
  const due = new Date(Date.parse(flag.createdAt) + 30 * 86_400_000).toISOString();
  let created: unknown;
  if (as === 'todo') {
    const actionType = picklistDefault(await fields(s, 'CompanyToDos'), 'actionType');
    const start = new Date(Date.parse(flag.createdAt) + 86_400_000).toISOString();
    created = await s.request(`Companies/${companyID}/ToDos`, {
      companyID,
      assignedToResourceID: owner,
      actionType,
      activityDescription: `${title}\n\n${text}`,
      startDateTime: start,
      endDateTime: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    });
  } else {
    const info = await fields(s, 'Opportunities');
    created = await s.request('Opportunities', {
      companyID,
      title,
      description: text,
      ownerResourceID: owner,
      status: picklistDefault(info, 'status'),
      stage: picklistDefault(info, 'stage'),
      amount: flag.value ?? 0,
      cost: 0,
      probability: 10,
      createDate: flag.createdAt,
      projectedCloseDate: due,
      useQuoteTotals: false,
    });
  }
  const id = (created as { itemId?: unknown } | null)?.itemId;
  if (!Number.isInteger(id)) throw new BadResponseError({ code: 'noCreatedId', args: ['Autotask'] });
  return { remoteId: String(id), created: true };
}

function options(settings: Values, secrets: Values, http: HttpOptions): AtOptions {
  return {
    ...http,
    lookup: originOf(settings.zoneLookup || ZONE_LOOKUP),
    username: (settings.username ?? '').trim(),
    integrationCode: (secrets.integrationCode ?? '').trim(),
    secret: (secrets.secret ?? '').trim(),
    sourceUdf: settings.sourceUdf?.trim() || undefined,
  };
}

export const autotaskSource: LiveSource = {
  kind: 'autotask',
  name: 'Autotask PSA',
  fields: [
    { key: 'username', secret: false, type: 'text' },
    { key: 'secret', secret: true, type: 'password' },
    { key: 'integrationCode', secret: true, type: 'password' },
    { key: 'sourceUdf', secret: false, type: 'text', optional: true },
    { key: 'flagsTarget', secret: false, type: 'text', default: 'opportunity' },
    { key: 'zoneLookup', secret: false, type: 'url', default: ZONE_LOOKUP },
  ],
  origin: (settings) => permissionOrigin(settings.zoneLookup || ZONE_LOOKUP),
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    autotaskPages(options(settings, secrets, { ...http, ...testHttp(settings) }), from, since),
  test: (settings, secrets, http = {}) => testAutotask(options(settings, secrets, http)),
  deliverFlag: (settings, secrets, flag, companySourceId, http = {}) =>
    deliverAutotaskFlag({ ...options(settings, secrets, http), flagsAs: settings.flagsTarget }, flag, companySourceId),
};
