/**
 * A mock Autotask PSA REST API on 127.0.0.1 for unit and browser tests. It answers as
 * tests/mock-apis/autotask-contract.ts says the vendor does, and refuses what breaks that table: a
 * query without `search`, with more than 500 MaxRecords, without a filter, with an unknown
 * operator or field; a create missing a field Autotask requires or with a field of the wrong type.
 *  - GET /atservicesrest/v1.0/zoneInformation?user= (no keys) -> { zoneName, url, webUrl, ci };
 *    an unknown user is a 500
 *  - GET /atservicesrest/V1.0/{Companies|Contacts|Opportunities|CompanyNotes|CompanyToDos|Resources}/query?search=
 *    -> { items, pageDetails: { count, requestCount, prevPageUrl, nextPageUrl } }; nextPageUrl is a
 *    GET of .../query/next?paging=
 *  - GET .../{Entity}/entityInformation/fields -> { fields: [{ name, isPickList, picklistValues }] }
 *  - GET .../Companies/{id} -> { item }; GET .../ThresholdInformation
 *  - POST .../Opportunities, .../Companies/{id}/ToDos -> { itemId }
 *  - every V1.0 request needs the headers ApiIntegrationCode, UserName and Secret (else 401); an
 *    entity in `forbidden` is 403; errors are { errors: ["..."] }
 * Switches (on `mock.switches`) imitate what goes wrong, as in the HubSpot mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson as send, serve } from './serve';
import type { Switches } from './hubspot-server';
import { AT_ZONE, createProblems, searchProblems } from './autotask-contract';
import { sampleAutotaskData, type MockAutotaskData, type Obj } from './autotask-sample-data';

export { sampleAutotaskData } from './autotask-sample-data';
export type { MockAutotaskData, Obj } from './autotask-sample-data';

export interface MockAutotask {
  url: string;
  username: string;
  secret: string;
  integrationCode: string;
  data: MockAutotaskData;
  switches: Switches;
  /** Entities the API user's security level may not read (403). */
  forbidden: Set<string>;
  requests: { method: string; path: string; authorized: boolean; at: number }[];
  writes: { entity: string; record: Obj }[];
  refused: { path: string; problems: string[] }[];
  /** The next write is made, but its answer is lost (a 503 instead). */
  loseNextWrite?: boolean;
  close(): Promise<void>;
}

const picklist = (pairs: [number, string][], defaultValue?: number) =>
  pairs.map(([value, label], i) => ({
    value: String(value),
    label,
    isDefaultValue: value === defaultValue,
    sortOrder: i + 1,
    parentValue: '',
    isActive: true,
    isSystem: false,
  }));

/** Picklist fields by entity, as entityInformation/fields describes them. */
export const PICKLISTS: Record<string, Record<string, ReturnType<typeof picklist>>> = {
  Companies: {
    marketSegmentID: picklist([
      [1, 'Healthcare'],
      [2, 'Legal'],
    ]),
  },
  Opportunities: {
    status: picklist(
      [
        [1, 'Active'],
        [2, 'Lost'],
        [3, 'Closed'],
        [4, 'Implemented'],
      ],
      1,
    ),
    stage: picklist(
      [
        [10, 'Prospect'],
        [11, 'Proposal'],
        [12, 'Negotiation'],
      ],
      10,
    ),
    leadSource: picklist([
      [1, 'Referral'],
      [2, 'Trade show'],
      [3, 'Website'],
    ]),
  },
  CompanyNotes: {
    actionType: picklist([
      [1, 'General'],
      [3, 'Meeting'],
    ]),
  },
  CompanyToDos: {
    actionType: picklist(
      [
        [1, 'General'],
        [2, 'Phone call'],
      ],
      2,
    ),
  },
};

const ENTITIES = ['Companies', 'Contacts', 'Opportunities', 'CompanyNotes', 'CompanyToDos', 'Resources'] as const;
type Entity = (typeof ENTITIES)[number];

type Condition = { op: string; field?: string; value?: unknown; items?: Condition[] };

function matches(o: Obj, c: Condition): boolean {
  if (c.op === 'and') return (c.items ?? []).every((i) => matches(o, i));
  if (c.op === 'or') return (c.items ?? []).some((i) => matches(o, i));
  const key = Object.keys(o).find((k) => k.toLowerCase() === c.field?.toLowerCase());
  const v = key ? o[key] : undefined;
  const cmp = (a: unknown, b: unknown) =>
    typeof b === 'string' && !Number.isNaN(Date.parse(b)) && typeof a === 'string'
      ? Date.parse(a) - Date.parse(b)
      : Number(a) - Number(b);
  switch (c.op) {
    case 'eq':
      return String(v) === String(c.value);
    case 'noteq':
      return String(v) !== String(c.value);
    case 'gt':
      return v !== undefined && v !== null && cmp(v, c.value) > 0;
    case 'gte':
      return v !== undefined && v !== null && cmp(v, c.value) >= 0;
    case 'lt':
      return v !== undefined && v !== null && cmp(v, c.value) < 0;
    case 'lte':
      return v !== undefined && v !== null && cmp(v, c.value) <= 0;
    case 'contains':
      return String(v ?? '').includes(String(c.value));
    case 'beginsWith':
      return String(v ?? '').startsWith(String(c.value));
    case 'endsWith':
      return String(v ?? '').endsWith(String(c.value));
    case 'exist':
      return v !== undefined && v !== null;
    case 'notExist':
      return v === undefined || v === null;
    case 'in':
      return Array.isArray(c.value) && c.value.map(String).includes(String(v));
    case 'notIn':
      return Array.isArray(c.value) && !c.value.map(String).includes(String(v));
  }
  return false;
}

export async function startMockAutotask(options: { data?: MockAutotaskData } = {}): Promise<MockAutotask> {
  const mock: MockAutotask = {
    url: '',
    username: 'backstory-api@northwind-msp.example',
    secret: 'at-secret-CANARY-91',
    integrationCode: 'INTEGRATION-CODE-MOCK',
    data: options.data ?? sampleAutotaskData(),
    switches: {},
    forbidden: new Set(),
    requests: [],
    writes: [],
    refused: [],
    close: async (): Promise<void> => undefined,
  };
  const refuse = (res: ServerResponse, path: string, problems: string[]) => {
    mock.refused.push({ path, problems });
    send(res, 400, { errors: problems });
  };
  const root = () => `${mock.url}/atservicesrest/`;
  const answerPage = (res: ServerResponse, entity: Entity, search: string, offset: number) => {
    const q = JSON.parse(search) as { MaxRecords?: number; filter?: Condition[]; Filter?: Condition[] };
    const filter = q.filter ?? q.Filter ?? [];
    const all = mock.data[entity].filter((o) => filter.every((c) => matches(o, c)));
    const size = q.MaxRecords ?? 500;
    const items = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    const paging = (at: number) =>
      `${root()}V1.0/${entity}/query/next?paging=${encodeURIComponent(Buffer.from(JSON.stringify({ search, at })).toString('base64'))}`;
    send(res, 200, {
      items,
      pageDetails: {
        count: items.length,
        requestCount: size,
        prevPageUrl: offset > 0 ? paging(Math.max(0, offset - size)) : null,
        nextPageUrl: more ? paging(offset + size) : null,
      },
    });
  };
  const answerWrite = (res: ServerResponse, itemId: number) => {
    if (!mock.loseNextWrite) return send(res, 200, { itemId });
    mock.loseNextWrite = false;
    send(res, 503, { errors: ['Service unavailable'] });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', mock.url || 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const h = (name: string) => req.headers[name.toLowerCase()];
    const authorized =
      h('UserName') === mock.username &&
      h('Secret') === mock.secret &&
      h('ApiIntegrationCode') === mock.integrationCode;
    mock.requests.push({ method, path: url.pathname + url.search, authorized, at: Date.now() });
    const sw = mock.switches;
    if (sw.hang && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) return;
    if (sw.status && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      return send(
        res,
        status,
        {
          errors: [
            status === 429
              ? 'The number of requests exceeds the limit allowed for this database; please retry later.'
              : 'Internal server error',
          ],
        },
        status === 429 && sw.retryAfter ? { 'retry-after': sw.retryAfter } : {},
      );
    }
    const path = url.pathname.toLowerCase();
    if (path === AT_ZONE.path.toLowerCase()) {
      if ((url.searchParams.get('user') ?? '').toLowerCase() !== mock.username.toLowerCase())
        return send(res, 500, { errors: ['Zone information could not be determined'] });
      return send(res, 200, { zoneName: 'Mock zone', url: root(), webUrl: 'https://ww5.autotask.net/', ci: 5 });
    }
    if (!path.startsWith('/atservicesrest/v1.0/')) return send(res, 404, { errors: ['Not found'] });
    if (!h('UserName') || !h('Secret') || !h('ApiIntegrationCode') || !authorized)
      return send(res, 401, { errors: ['Unauthorized'] });
    if (sw.malformed) return send(res, 200, '<html>Maintenance</html>');
    const parts = url.pathname.split('/').slice(3);
    const entity = ENTITIES.find((e) => e.toLowerCase() === parts[0]?.toLowerCase());
    if (parts[0]?.toLowerCase() === 'thresholdinformation')
      return send(res, 200, {
        externalRequestThreshold: 10000,
        requestThresholdTimeframe: 60,
        currentTimeframeRequestCount: mock.requests.length,
      });
    if (!entity) return send(res, 404, { errors: ['Not found'] });
    if (mock.forbidden.has(entity))
      return send(res, 403, {
        errors: [`The logged in Resource does not have the adequate permissions to read ${entity}.`],
      });
    const rest = parts.slice(1).join('/').toLowerCase();
    if (method === 'GET' && rest === 'query') {
      const search = url.searchParams.get('search');
      const problems = searchProblems(entity, search);
      if (problems.length) return refuse(res, url.pathname, problems);
      return answerPage(res, entity, search!, 0);
    }
    if (method === 'GET' && rest === 'query/next') {
      try {
        const token = JSON.parse(Buffer.from(url.searchParams.get('paging') ?? '', 'base64').toString()) as {
          search: string;
          at: number;
        };
        return answerPage(res, entity, token.search, token.at);
      } catch {
        return refuse(res, url.pathname, ['paging is not a page this server gave']);
      }
    }
    if (method === 'GET' && rest === 'entityinformation/fields')
      return send(res, 200, {
        fields: [
          { name: 'id', dataType: 'long', isPickList: false, picklistValues: null },
          ...Object.entries(PICKLISTS[entity] ?? {}).map(([name, values]) => ({
            name,
            dataType: 'integer',
            isPickList: true,
            picklistValues: values,
          })),
        ],
      });
    if (method === 'GET' && entity === 'Companies' && /^\d+$/.test(rest)) {
      const item = mock.data.Companies.find((c) => c.id === Number(rest));
      return send(res, 200, { item: item ?? null });
    }
    if (method === 'POST') {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return refuse(res, url.pathname, ['the body is not JSON']);
      }
      const todo = entity === 'Companies' && /^\d+\/todos$/.test(rest);
      if (!(entity === 'Opportunities' && rest === '') && !todo) return send(res, 405, { errors: ['Not allowed'] });
      const target: Entity = todo ? 'CompanyToDos' : 'Opportunities';
      const problems = createProblems(target, input);
      if (todo && input.companyID !== Number(rest.split('/')[0])) problems.push('companyID does not match the parent');
      if (problems.length) return refuse(res, url.pathname, problems);
      if (!mock.data.Companies.some((c) => c.id === input.companyID))
        return send(res, 500, { errors: ['Reference value on field: companyID does not exist.'] });
      const record = {
        ...input,
        id: (todo ? 9000 : 7000) + mock.writes.length,
        lastModifiedDate: new Date().toISOString(),
        ...(todo ? {} : { lastActivity: new Date().toISOString() }),
      } as Obj;
      mock.data[target].push(record);
      mock.writes.push({ entity: target, record });
      return answerWrite(res, record.id);
    }
    return send(res, 404, { errors: ['Not found'] });
  };

  const server = await serve(handle, () => mock.switches.delayMs ?? 0, 0);
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
