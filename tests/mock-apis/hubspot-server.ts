/**
 * A mock HubSpot CRM API v3 on 127.0.0.1 for unit and browser tests.
 *
 * Answers as HubSpot's own descriptions have them: tests/unit/hubspot-contract.test.ts runs every
 * request the client makes and every answer given here through the models generated from
 * HubSpot's OpenAPI documents (@hubspot/api-client), and sources/hubspot-facts.md lists the rest.
 *  - GET /crm/v3/objects/{companies|contacts|deals|notes}?limit=&after=&properties=&associations=
 *    -> { results: [{ id, properties, createdAt, updatedAt, archived, associations? }], paging?: { next: { after, link } } }
 *    (limit at most 100; `after` is an opaque cursor; only requested properties come back, plus
 *    hs_object_id / createdate and the modification property as HubSpot adds them: lastmodifieddate
 *    for contacts, hs_lastmodifieddate for the others)
 *  - POST /crm/v3/objects/{type}/search: filters on the modification property of the type (a
 *    filter on the other one matches nothing, as on a real portal) or CONTAINS_TOKEN on a note
 *    body; notes written while `searchLag` is on are not found until `indexNotes()` (HubSpot's
 *    search index trails its writes)
 *  - GET /crm/v3/objects/notes/{id}, POST /crm/v3/objects/notes/batch/read, POST /crm/v3/objects/notes
 *  - POST /crm/v4/associations/{from}/{to}/batch/read -> { status, results: [{ from, to: [{ toObjectId
 *    (a string), associationTypes }], paging? }], startedAt, completedAt }, at most
 *    `associationPage` associations per object and answer, the rest behind paging.next.after
 *  - GET /crm/v4/objects/{from}/{id}/associations/{to}?limit=&after=
 *  - GET /crm/v3/owners/?limit=&after=&archived= -> { results: [{ id, email, firstName, lastName,
 *    userId, type, createdAt, updatedAt, archived }], paging? } (archived=true lists only the
 *    archived owners; limit at most 500)
 *  - GET /crm/v3/pipelines/deals -> { results: [{ id, label, displayOrder, archived, createdAt,
 *    updatedAt, stages: [{ id, label, displayOrder, metadata: { isClosed, probability }, ... }] }] }
 *  - GET /marketing/v3/campaigns?limit=&after=&properties= -> { total, results: [{ id (a GUID),
 *    properties, createdAt, updatedAt, businessUnits }], paging?: { next: { after, link } } }
 *    (limit 1..100, default 50); a path in `forbidden` is 403 MISSING_SCOPES naming the scope
 *  - auth: `Authorization: Bearer <private app token>`; anything else is 401 with HubSpot's error body
 * Switches (set on `mock.switches`) imitate what goes wrong: a status for the next N requests (429
 * with Retry-After, 500, 503), slow answers, answers that never come, malformed JSON, a revoked token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from './serve';

export interface HsRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Associated object ids by type ("companies", "deals"). */
  associations?: Record<string, string[]>;
  /** hs_lastmodifieddate (ISO); 2026-11-20 when not given. */
  modified?: string;
}

export interface HsOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Deactivated: listed only with archived=true. */
  archived?: boolean;
}

export interface HsStage {
  id: string;
  label: string;
  /** HubSpot's deal stage metadata: isClosed "true"/"false", probability "0.0".."1.0". */
  metadata: { isClosed: string; probability: string };
}

export interface HsPipeline {
  id: string;
  label: string;
  stages: HsStage[];
}

export interface MockHubSpotData {
  companies: HsRecord[];
  contacts: HsRecord[];
  deals: HsRecord[];
  notes: HsRecord[];
  owners: HsOwner[];
  /** Deal pipelines (the default one unless a test adds more). */
  pipelines?: HsPipeline[];
  /** Marketing campaigns (none unless a test adds them: most accounts have no Marketing Hub). */
  campaigns?: HsRecord[];
}

export interface Switches {
  /** Answer this status to the next `times` requests (default: every request while set). */
  status?: number;
  times?: number;
  /** Only requests whose path starts with this get the status (e.g. "/crm/v3/objects/contacts"). */
  onlyPath?: string;
  /** Retry-After header sent with a 429 ("2" or an HTTP date). */
  retryAfter?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Never answer (requests on `onlyPath`, when set): the client's timeout has to end them. */
  hang?: boolean;
  /**
   * Carry out this one request ("POST /crm/v3/objects/notes", method and exact path) but never
   * answer it: the connection was cut after HubSpot acted, so the client cannot know it did.
   */
  lostAnswerTo?: string;
}

export interface MockHubSpot {
  url: string;
  token: string;
  data: MockHubSpotData;
  switches: Switches;
  /** Every request seen: method, path with query, and whether its token was accepted. */
  requests: { method: string; path: string; authorized: boolean }[];
  /** Notes created through the API (flags delivered), in order. */
  writes: { id: string; properties: Record<string, string | null>; companies: string[] }[];
  /** Paths the token lacks the scope for (403 MISSING_SCOPES), e.g. "/marketing/v3/campaigns". */
  forbidden: Set<string>;
  /** How deep one search may page (HubSpot: 10,000); deeper asks answer 400 as HubSpot does. */
  searchCap: number;
  /** While on, notes written are not found by search until indexNotes(). */
  searchLag: boolean;
  /** Make every note written so far findable by search. */
  indexNotes(): void;
  /** Associations per object in one batch-read answer. */
  associationPage: number;
  /** Keep every request's body and answer in `exchanges` (off: benchmarks make many). */
  record: boolean;
  /** Every request's body and every answer, in order, while `record` is on (for the contract test). */
  exchanges: { method: string; path: string; body?: unknown; status: number; answer: unknown }[];
  /** Replace the accepted token (the old one is then "revoked"). */
  setToken(token: string): void;
  /**
   * Hold every request from now on, unanswered and not yet seen (not in `requests`), until the
   * returned function is called: then each is handled as it would have been, except one whose
   * sender gave up meanwhile (its connection closed): that one never reached HubSpot.
   */
  hold(): () => void;
  close(): Promise<void>;
}

const modified = (r: HsRecord) => r.modified ?? '2026-11-20T09:00:00.000Z';
/** The property that holds a record's modification time (HubSpot's search guide). */
export const MODIFIED_PROPERTY: Record<string, string> = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};
const CREATED = '2026-01-05T09:00:00.000Z';

/** HubSpot's default deal pipeline and its stages (ids and metadata as every portal has them). */
export function defaultPipeline(): HsPipeline {
  const stage = (id: string, label: string, probability: string, closed = false): HsStage => ({
    id,
    label,
    metadata: { isClosed: String(closed), probability },
  });
  return {
    id: 'default',
    label: 'Sales Pipeline',
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', '0.2'),
      stage('qualifiedtobuy', 'Qualified To Buy', '0.4'),
      stage('presentationscheduled', 'Presentation Scheduled', '0.6'),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'),
      stage('contractsent', 'Contract Sent', '0.9'),
      stage('closedwon', 'Closed Won', '1.0', true),
      stage('closedlost', 'Closed Lost', '0.0', true),
    ],
  };
}

const TYPE_NAMES: Record<string, string> = { companies: 'company', contacts: 'contact', deals: 'deal', notes: 'note' };

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function sampleHubSpotData(): MockHubSpotData {
  return {
    owners: [
      { id: '77', email: 'priya@northwind-msp.example', firstName: 'Priya', lastName: 'Nair' },
      { id: '78', email: 'tom@northwind-msp.example', firstName: 'Tom', lastName: 'Okafor' },
    ],
    companies: [
      {
        id: '5001',
        properties: {
          name: 'Unknown Widgets Ltd',
          domain: 'unknown-widgets.example',
          industry: 'Wholesale',
          hs_analytics_source: 'PAID_SEARCH',
          hs_analytics_source_data_1: 'Google Ads: managed IT',
        },
      },
      {
        id: '5002',
        properties: {
          name: 'Lakeside Veterinary Clinic',
          domain: 'lakeside-vet.example',
          industry: 'Veterinary',
          hs_analytics_source: 'REFERRALS',
          hs_analytics_source_data_1: 'Referral',
        },
      },
      {
        id: '5003',
        properties: {
          name: 'Granite Peak Surveying',
          domain: 'granitepeak.example',
          hs_analytics_source: 'OFFLINE',
          hs_analytics_source_data_1: 'Trade show',
        },
      },
    ],
    contacts: [
      {
        id: '7001',
        properties: {
          firstname: 'Zed',
          lastname: 'Unknown',
          email: 'zed@unknown-widgets.example',
          jobtitle: 'Owner',
          hs_buying_role: 'DECISION_MAKER',
        },
        associations: { companies: ['5001'] },
      },
      {
        id: '7002',
        properties: {
          firstname: 'Mara',
          lastname: 'Lind',
          email: 'mara@lakeside-vet.example',
          hs_buying_role: 'CHAMPION',
        },
        associations: { companies: ['5002'] },
      },
    ],
    deals: [
      {
        id: '9001',
        properties: {
          dealname: 'Unknown Widgets - managed IT',
          amount: '1800',
          hs_mrr: '950',
          deal_currency_code: 'USD',
          dealstage: 'closedwon',
          closedate: '2026-10-02T00:00:00Z',
          hubspot_owner_id: '77',
          description: 'Managed IT for 12 seats; promised next-business-day onsite',
        },
        associations: { companies: ['5001'] },
      },
      {
        id: '9002',
        properties: {
          dealname: 'Lakeside Vet - backups',
          amount: '600',
          hs_mrr: '220',
          dealstage: 'closedwon',
          closedate: '2026-06-15T00:00:00Z',
          hubspot_owner_id: '78',
        },
        associations: { companies: ['5002'] },
      },
      {
        id: '9003',
        properties: {
          dealname: 'Granite Peak - firewall',
          amount: '2400',
          dealstage: 'appointmentscheduled',
          hubspot_owner_id: '78',
        },
        associations: { companies: ['5003'] },
      },
    ],
    notes: [
      {
        id: '3001',
        properties: {
          hs_note_body:
            '<p>Zed was <b>burned by their last IT guy</b>.</p><p>Promised a 4-hour response on the warehouse scanners.</p>',
          hs_timestamp: '2026-10-01T15:00:00Z',
          hubspot_owner_id: '77',
        },
        associations: { companies: ['5001'], deals: ['9001'] },
      },
    ],
  };
}

export async function startMockHubSpot(
  options: { token?: string; data?: MockHubSpotData; port?: number } = {},
): Promise<MockHubSpot> {
  let token = options.token ?? 'pat-na1-mock-token';
  /** Notes written while searchLag was on, not yet found by search. */
  const unindexed = new Set<string>();
  const mock = {
    url: '',
    get token() {
      return token;
    },
    data: options.data ?? sampleHubSpotData(),
    switches: {} as Switches,
    requests: [] as MockHubSpot['requests'],
    writes: [] as MockHubSpot['writes'],
    forbidden: new Set<string>(),
    searchCap: 10_000,
    searchLag: false,
    indexNotes() {
      unindexed.clear();
    },
    associationPage: 500,
    record: false,
    exchanges: [] as MockHubSpot['exchanges'],
    setToken(next: string) {
      token = next;
    },
    hold() {
      let release = () => undefined as void;
      gate = new Promise<void>((done) => (release = done));
      return () => {
        gate = undefined;
        release();
      };
    },
    close: async (): Promise<void> => undefined,
  };
  let gate: Promise<void> | undefined;

  let current: MockHubSpot['exchanges'][number] | undefined;
  /** The request being handled is carried out unanswered (switches.lostAnswerTo). */
  let unanswered = false;
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (unanswered) return;
    if (current) {
      current.status = status;
      current.answer = typeof body === 'string' ? body : JSON.parse(JSON.stringify(body));
    }
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const notFound = (res: ServerResponse, message: string) =>
    send(res, 404, { status: 'error', message, correlationId: 'mock', category: 'OBJECT_NOT_FOUND' });
  /** A stored record as HubSpot answers it, with the requested properties. */
  const simpleObject = (type: string, r: HsRecord, wanted: string[] | undefined) => ({
    id: r.id,
    properties: {
      hs_object_id: r.id,
      createdate: CREATED,
      [MODIFIED_PROPERTY[type]!]: modified(r),
      ...Object.fromEntries((wanted ?? Object.keys(r.properties)).map((p) => [p, r.properties[p] ?? null])),
    },
    createdAt: CREATED,
    updatedAt: modified(r),
    archived: false,
  });

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    current = mock.record
      ? {
          method: req.method ?? 'GET',
          path: url.pathname + url.search,
          ...(body ? { body: safeJson(body) } : {}),
          status: 0,
          answer: undefined,
        }
      : undefined;
    if (current) mock.exchanges.push(current);
    const authorized = req.headers.authorization === `Bearer ${token}`;
    mock.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, authorized });
    const sw = mock.switches;
    unanswered = sw.lostAnswerTo === `${req.method} ${url.pathname}`;
    if (sw.hang && (!sw.onlyPath || url.pathname.startsWith(sw.onlyPath))) return;
    if (sw.status && (!sw.onlyPath || url.pathname.startsWith(sw.onlyPath))) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      if (status === 429)
        return send(
          res,
          429,
          {
            status: 'error',
            message: 'You have reached your ten_secondly_rolling limit.',
            errorType: 'RATE_LIMIT',
            correlationId: 'mock',
            policyName: 'TEN_SECONDLY_ROLLING',
          },
          sw.retryAfter ? { 'retry-after': sw.retryAfter } : {},
        );
      if (status === 403)
        return send(res, 403, {
          status: 'error',
          message: "This app hasn't been granted all required scopes to make this call.",
          correlationId: 'mock',
          category: 'MISSING_SCOPES',
          errors: [
            {
              message: 'One or more of the following scopes are required.',
              context: { requiredGranularScopes: ['crm.objects.notes.read'] },
            },
          ],
        });
      return send(res, status, {
        status: 'error',
        message: 'internal error',
        correlationId: 'mock',
        category: 'INTERNAL_ERROR',
      });
    }
    if (!authorized)
      return send(res, 401, {
        status: 'error',
        message:
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        correlationId: 'mock',
        category: 'INVALID_AUTHENTICATION',
      });
    if (sw.malformed) return send(res, 200, '<html><body>Service temporarily unavailable</body></html>');
    const scope = url.pathname.startsWith('/marketing/v3/campaigns')
      ? 'marketing.campaigns.read'
      : 'crm.objects.companies.read';
    if ([...mock.forbidden].some((p) => url.pathname.startsWith(p)))
      return send(res, 403, {
        status: 'error',
        message: "This app hasn't been granted all required scopes to make this call.",
        correlationId: 'mock',
        category: 'MISSING_SCOPES',
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: [scope] },
          },
        ],
      });

    if (req.method === 'GET' && url.pathname.replace(/\/$/, '') === '/marketing/v3/campaigns') {
      const all = mock.data.campaigns ?? [];
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
      const start = Number(url.searchParams.get('after') ?? 0) || 0;
      const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const next = start + limit < all.length ? String(start + limit) : undefined;
      return send(res, 200, {
        total: all.length,
        results: all.slice(start, start + limit).map((c) => ({
          id: c.id,
          properties: Object.fromEntries(wanted.map((p) => [p, c.properties[p] ?? null])),
          createdAt: '2026-01-05T09:00:00.000Z',
          updatedAt: modified(c),
          businessUnits: [{ id: 0 }],
        })),
        ...(next
          ? { paging: { next: { after: next, link: `${mock.url}/marketing/v3/campaigns?after=${next}` } } }
          : {}),
      });
    }

    const search = /^\/crm\/v3\/objects\/(companies|contacts|deals|notes)\/search$/.exec(url.pathname);
    if (req.method === 'POST' && search) {
      const type = search[1] as 'companies' | 'contacts' | 'deals' | 'notes';
      const input = JSON.parse(body || '{}') as {
        filterGroups?: { filters?: { propertyName: string; operator: string; value: string }[] }[];
        properties?: string[];
        limit?: number;
        after?: string;
      };
      const filter = input.filterGroups?.[0]?.filters?.[0];
      let hits: HsRecord[] = [];
      // Only what Backstory sends: a CONTAINS_TOKEN on a note's body (flags), or modified since (GTE,
      // epoch ms) on the type's own modification property (the other one matches nothing).
      if (filter?.operator === 'CONTAINS_TOKEN')
        hits = mock.data[type].filter(
          (n) =>
            !unindexed.has(n.id) && (n.properties[filter.propertyName] ?? '').split(/[\s<>()]+/).includes(filter.value),
        );
      else if (filter?.operator === 'GTE' && filter.propertyName === MODIFIED_PROPERTY[type]) {
        hits = mock.data[type]
          .filter((r) => Date.parse(modified(r)) >= Number(filter.value))
          .sort((a, b) => modified(a).localeCompare(modified(b)));
      }
      const limit = Math.min(200, input.limit ?? 10);
      const start = Number(input.after ?? 0);
      if (start + limit > mock.searchCap) {
        return send(res, 400, {
          status: 'error',
          message: `Search paging is limited to ${mock.searchCap} results`,
          category: 'VALIDATION_ERROR',
        });
      }
      const page = hits.slice(start, start + limit);
      const next = start + limit < hits.length ? String(start + limit) : undefined;
      return send(res, 200, {
        total: hits.length,
        results: page.map((r) => simpleObject(type, r, input.properties)),
        ...(next ? { paging: { next: { after: next } } } : {}),
      });
    }
    const batch =
      /^\/crm\/v4\/associations\/(companies|contacts|deals|notes)\/(companies|contacts|deals|notes)\/batch\/read$/.exec(
        url.pathname,
      );
    if (req.method === 'POST' && batch) {
      const [from, to] = [batch[1] as keyof MockHubSpotData & 'companies', batch[2]!];
      const inputs = (JSON.parse(body || '{}') as { inputs?: { id: string; after?: string }[] }).inputs ?? [];
      const records = mock.data[from] as HsRecord[];
      const startedAt = new Date().toISOString();
      const results = inputs.flatMap((i) => {
        const r = records.find((x) => x.id === i.id);
        if (!r) return [];
        const all = r.associations?.[to] ?? [];
        const start = Number(i.after ?? 0) || 0;
        const end = start + mock.associationPage;
        return [
          {
            from: { id: r.id },
            to: all.slice(start, end).map((id) => ({
              toObjectId: id,
              associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1 }],
            })),
            ...(end < all.length ? { paging: { next: { after: String(end) } } } : {}),
          },
        ];
      });
      return send(res, 200, { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() });
    }
    const objectAssoc =
      /^\/crm\/v4\/objects\/(companies|contacts|deals|notes)\/([^/]+)\/associations\/(companies|contacts|deals|notes)$/.exec(
        url.pathname,
      );
    if (req.method === 'GET' && objectAssoc) {
      const [, from, id, to] = objectAssoc as unknown as [string, keyof MockHubSpotData, string, string];
      const record = (mock.data[from] as HsRecord[]).find((r) => r.id === id);
      if (!record) return notFound(res, `No ${from} with id ${id}`);
      // Associations are kept on either side: a note names its company, a company may name its notes.
      const linked = [
        ...(record.associations?.[to] ?? []),
        ...(mock.data[to as 'notes'] as HsRecord[])
          .filter((r) => r.associations?.[from]?.includes(id))
          .map((r) => r.id),
      ].filter((x, i, all) => all.indexOf(x) === i);
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 500) || 500));
      const start = Number(url.searchParams.get('after') ?? 0) || 0;
      const next = start + limit < linked.length ? String(start + limit) : undefined;
      return send(res, 200, {
        results: linked.slice(start, start + limit).map((x) => ({
          toObjectId: x,
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 190 }],
        })),
        ...(next ? { paging: { next: { after: next, link: `${mock.url}${url.pathname}?after=${next}` } } } : {}),
      });
    }
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes/batch/read') {
      const input = JSON.parse(body || '{}') as { inputs?: { id: string }[]; properties?: string[] };
      const startedAt = new Date().toISOString();
      const results = (input.inputs ?? [])
        .map((i) => mock.data.notes.find((n) => n.id === i.id))
        .filter((n): n is HsRecord => !!n)
        .map((n) => simpleObject('notes', n, input.properties));
      return send(res, 200, { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() });
    }
    const noteById = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && noteById) {
      const note = mock.data.notes.find((n) => n.id === noteById[1]);
      if (!note) return notFound(res, `Object not found.  objectId are usually numeric.`);
      const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      return send(res, 200, simpleObject('notes', note, wanted));
    }
    if (req.method === 'GET' && url.pathname === '/crm/v3/pipelines/deals') {
      const pipelines = mock.data.pipelines ?? [defaultPipeline()];
      return send(res, 200, {
        results: pipelines.map((p, i) => ({
          id: p.id,
          label: p.label,
          displayOrder: i,
          archived: false,
          createdAt: CREATED,
          updatedAt: CREATED,
          stages: p.stages.map((st, j) => ({
            id: st.id,
            label: st.label,
            displayOrder: j,
            metadata: st.metadata,
            archived: false,
            createdAt: CREATED,
            updatedAt: CREATED,
            writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
          })),
        })),
      });
    }
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes') {
      const input = JSON.parse(body || '{}') as {
        properties?: Record<string, string>;
        associations?: { to: { id: string }; types: { associationTypeId: number }[] }[];
      };
      const id = String(8000 + mock.writes.length);
      const companies = (input.associations ?? [])
        .filter((a) => a.types.some((t) => t.associationTypeId === 190))
        .map((a) => String(a.to.id));
      const note: HsRecord = { id, properties: { ...input.properties }, associations: { companies } };
      mock.writes.push({ id, properties: note.properties, companies });
      mock.data.notes.push(note);
      if (mock.searchLag) unindexed.add(id);
      return send(res, 201, {
        id,
        properties: note.properties,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        archived: false,
      });
    }
    if (req.method === 'GET' && url.pathname.replace(/\/$/, '') === '/crm/v3/owners') {
      const archived = url.searchParams.get('archived') === 'true';
      const all = mock.data.owners.filter((o) => !!o.archived === archived);
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
      const start = Number(url.searchParams.get('after') ?? 0) || 0;
      const next = start + limit < all.length ? String(start + limit) : undefined;
      return send(res, 200, {
        results: all.slice(start, start + limit).map((o) => ({
          id: o.id,
          email: o.email,
          firstName: o.firstName,
          lastName: o.lastName,
          userId: Number(o.id) * 10,
          type: 'PERSON',
          createdAt: CREATED,
          updatedAt: CREATED,
          archived: !!o.archived,
        })),
        ...(next ? { paging: { next: { after: next, link: `${mock.url}/crm/v3/owners/?after=${next}` } } } : {}),
      });
    }
    const m = /^\/crm\/v3\/objects\/(companies|contacts|deals|notes)$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      const type = m[1] as keyof typeof TYPE_NAMES & keyof MockHubSpotData;
      const all = mock.data[type] as HsRecord[];
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
      const start = url.searchParams.get('after')
        ? Number(Buffer.from(url.searchParams.get('after')!, 'base64url').toString())
        : 0;
      const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const assoc = (url.searchParams.get('associations') ?? '').split(',').filter(Boolean);
      const results = all.slice(start, start + limit).map((r) => ({
        ...simpleObject(type, r, wanted),
        ...(assoc.length
          ? {
              associations: Object.fromEntries(
                assoc
                  .filter((a) => r.associations?.[a]?.length)
                  .map((a) => [
                    a,
                    {
                      results: r.associations![a]!.map((id) => ({
                        id,
                        type: `${TYPE_NAMES[type]}_to_${TYPE_NAMES[a] ?? a}`,
                      })),
                    },
                  ]),
              ),
            }
          : {}),
      }));
      const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
      return send(res, 200, {
        results,
        ...(next ? { paging: { next: { after: next, link: `${mock.url}${url.pathname}?after=${next}` } } } : {}),
      });
    }
    return send(res, 404, {
      status: 'error',
      message: `Unable to infer object type from: ${url.pathname}`,
      correlationId: 'mock',
      category: 'OBJECT_NOT_FOUND',
    });
  };

  const server = await serve(
    handle,
    () => mock.switches.delayMs ?? 0,
    options.port ?? 0,
    () => gate,
  );
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
