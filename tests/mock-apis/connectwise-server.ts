/**
 * A mock ConnectWise PSA (Manage) REST API 3.0 on 127.0.0.1 for unit and browser tests.
 *
 * Faithful to the documented shapes Backstory uses:
 *  - GET /login/companyinfo/{companyId} (no auth) -> { CompanyName, Codebase: "v2025_1/", VersionCode, CompanyID, IsCloud, SiteUrl }
 *  - GET /{codebase}apis/3.0/company/companies | company/contacts | sales/opportunities |
 *    marketing/campaigns | sales/opportunities/{id}/notes | company/companies/{id}/notes
 *    ?page=&pageSize= (≤ 1000)&conditions= -> a JSON array, with a Link header (rel="next") while
 *    more pages follow. Conditions: the clauses Backstory sends, joined by "and" (lastUpdated >
 *    [date], lastUpdated <= [date], closedDate = null, notes like "%text%", company/id = N,
 *    inactiveFlag = false); any other is a 400
 *    as ConnectWise answers a condition it cannot parse
 *  - GET .../sales/opportunities/{id}/forecast -> a list of Forecast ({ id, forecastItems: [ForecastItem],
 *    currency }) as the clients generated from the 2025.1 description have it; `forecastShape`
 *    switches to the other documented shapes (one Forecast object, or an older description's flat
 *    lines); see sources/connectwise-map.ts forecastValues
 *  - GET .../company/companies/{id} and .../sales/opportunities/{id} -> the one record, or 404
 *  - POST .../sales/opportunities: refused with 400 and the vendor's error shape
 *    ({ code, message, errors: [{ code, message, resource, field }] }) when a field the vendor
 *    requires on create is missing (tests/mock-apis/connectwise-contract.ts), or the member or
 *    contact does not exist
 *  - every record has the fields the vendor's model requires (contract table above); answers are
 *    checked against it in tests/unit/connectwise-contract.test.ts
 *  - auth: `Authorization: Basic base64(companyId+publicKey:privateKey)` and a `clientId` header;
 *    a wrong key is 401, a missing clientId 400, a path outside the member's role 403
 * Switches (on `mock.switches`) imitate what goes wrong, as in the HubSpot mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson as send, serve } from './serve';
import type { Switches } from './hubspot-server';
import { createProblems } from './connectwise-contract';
import { sampleConnectWiseData, type MockConnectWiseData, type Obj } from './connectwise-sample-data';

export { forecastItem, sampleConnectWiseData } from './connectwise-sample-data';
export type { ForecastItem, MockConnectWiseData, Obj } from './connectwise-sample-data';

/** Which documented shape the forecast endpoint answers in (see the header). */
export type ForecastShape = 'list' | 'object' | 'flat';

export interface MockConnectWise {
  url: string;
  companyId: string;
  clientId: string;
  publicKey: string;
  privateKey: string;
  data: MockConnectWiseData;
  switches: Switches;
  /** Paths outside the API member's security role (403). */
  forbidden: Set<string>;
  /** Every request seen: path with query, whether its keys were accepted, and when (ms). */
  requests: { path: string; authorized: boolean; at: number }[];
  /** Opportunities created through the API (flags delivered), in order. */
  writes: Obj[];
  /** Member identifiers that exist (for primarySalesRep). */
  members: string[];
  /** The shape forecasts are answered in (default: a list of Forecast). */
  forecastShape: ForecastShape;
  close(): Promise<void>;
}

export const CODEBASE = 'v2025_1/';

const updated = (o: Obj) =>
  String((o._info as { lastUpdated?: string } | undefined)?.lastUpdated ?? '2025-01-01T00:00:00Z');

/** A filter for the conditions Backstory sends (see the header), or undefined for any other. */
function conditionFilter(conditions: string): ((o: Obj) => boolean) | undefined {
  const tests: ((o: Obj) => boolean)[] = [];
  for (const clause of conditions ? conditions.split(/\s+and\s+/i) : []) {
    const like = /^notes like "%(.*)%"$/.exec(clause);
    const since = /^lastUpdated (>|<=) \[(.+)\]$/.exec(clause);
    if (like) tests.push((o) => String(o.notes ?? '').includes(like[1]!));
    else if (since)
      tests.push((o) =>
        since[1] === '>'
          ? Date.parse(updated(o)) > Date.parse(since[2]!)
          : Date.parse(updated(o)) <= Date.parse(since[2]!),
      );
    else if (clause === 'closedDate = null') tests.push((o) => !o.closedDate);
    else if (/^company\/id = \d+$/.test(clause))
      tests.push((o) => (o.company as { id?: number } | undefined)?.id === Number(clause.split('= ')[1]));
    else if (clause === 'inactiveFlag = false') tests.push((o) => o.inactiveFlag !== true);
    else return undefined;
  }
  return (o) => tests.every((t) => t(o));
}

export async function startMockConnectWise(options: { data?: MockConnectWiseData } = {}): Promise<MockConnectWise> {
  const mock: MockConnectWise = {
    url: '',
    companyId: 'northwind',
    clientId: '0f6b3a52-mock-client',
    publicKey: 'pubMOCK123',
    privateKey: 'privCANARY456',
    data: options.data ?? sampleConnectWiseData(),
    switches: {},
    forbidden: new Set(),
    requests: [],
    writes: [],
    members: ['dwhitfield', 'pnair'],
    forecastShape: 'list',
    close: async (): Promise<void> => undefined,
  };
  const list = (res: ServerResponse, url: URL, all: unknown[]) => {
    const size = Math.min(1000, Math.max(1, Number(url.searchParams.get('pageSize') ?? 25) || 25));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const slice = all.slice((page - 1) * size, page * size);
    const more = page * size < all.length;
    const next = new URL(url.href);
    next.searchParams.set('page', String(page + 1));
    send(res, 200, slice, more ? { link: `<${mock.url}${next.pathname}${next.search}>; rel="next"` } : {});
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', mock.url || 'http://127.0.0.1');
    const expected = `Basic ${Buffer.from(`${mock.companyId}+${mock.publicKey}:${mock.privateKey}`).toString('base64')}`;
    const authorized = req.headers.authorization === expected;
    mock.requests.push({ path: url.pathname + url.search, authorized, at: Date.now() });
    const sw = mock.switches;
    if (sw.hang && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) return;
    if (sw.status && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      return send(
        res,
        status,
        { code: status === 429 ? 'TooManyRequests' : 'InternalServerError', message: 'mock failure' },
        status === 429 && sw.retryAfter ? { 'retry-after': sw.retryAfter } : {},
      );
    }
    const info = /^\/login\/companyinfo\/([^/]+)$/.exec(url.pathname);
    if (info) {
      if (decodeURIComponent(info[1]!).toLowerCase() !== mock.companyId) return send(res, 200, 'null');
      return send(res, 200, {
        CompanyName: 'Northwind MSP',
        Codebase: CODEBASE,
        VersionCode: 'v2025.1',
        VersionNumber: 'v4.6.100',
        CompanyID: mock.companyId,
        IsCloud: false,
        SiteUrl: url.host,
      });
    }
    const prefix = `/${CODEBASE}apis/3.0`;
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { code: 'NotFound', message: 'not found' });
    if (!req.headers.clientid)
      return send(res, 400, { code: 'InvalidClientId', message: 'clientId header is required' });
    if (!authorized) return send(res, 401, { code: 'Unauthorized', message: 'Invalid credentials' });
    if (sw.malformed) return send(res, 200, '<html>Maintenance</html>');
    const path = url.pathname.slice(prefix.length);
    if (mock.forbidden.has(path))
      return send(res, 403, { code: 'Forbidden', message: `You do not have access to ${path}` });
    const d = mock.data;
    if (req.method === 'POST' && path === '/sales/opportunities') {
      const input = JSON.parse(body || '{}') as Record<string, unknown> & {
        primarySalesRep?: { identifier?: string };
        contact?: { id?: number };
      };
      const invalid = (errors: { code: string; message: string; resource: string; field: string }[]) =>
        send(res, 400, { code: 'InvalidObject', message: 'opportunity object is invalid', errors });
      const missing = createProblems('Opportunity', input);
      if (missing.length) return invalid(missing);
      if (!mock.members.includes(input.primarySalesRep?.identifier ?? ''))
        return invalid([
          {
            code: 'InvalidField',
            message: 'primarySalesRep not found',
            resource: 'opportunity',
            field: 'primarySalesRep',
          },
        ]);
      if (!d.contacts.some((c) => c.id === input.contact?.id))
        return invalid([
          { code: 'InvalidField', message: 'contact not found', resource: 'opportunity', field: 'contact' },
        ]);
      const created = {
        ...input,
        id: 5000 + mock.writes.length,
        status: { id: 1, name: 'Open' },
        _info: { lastUpdated: new Date().toISOString() },
      } as Obj;
      mock.writes.push(created);
      mock.data.opportunities.push(created);
      return send(res, 201, created);
    }
    const fixed: Record<string, unknown[]> = {
      '/company/companies': d.companies,
      '/company/contacts': d.contacts,
      '/sales/opportunities': d.opportunities,
      '/marketing/campaigns': d.campaigns,
    };
    const notes = /^\/sales\/opportunities\/(\d+)\/notes$/.exec(path);
    const companyNotes = /^\/company\/companies\/(\d+)\/notes$/.exec(path);
    const all = (fixed[path] ??
      (notes ? d.notes[Number(notes[1])] : companyNotes ? d.companyNotes?.[Number(companyNotes[1])] : undefined) ??
      (notes || companyNotes ? [] : undefined)) as Obj[] | undefined;
    if (all) {
      const matches = conditionFilter(url.searchParams.get('conditions') ?? '');
      if (!matches)
        return send(res, 400, {
          code: 'InvalidObject',
          message: `conditions: cannot parse "${url.searchParams.get('conditions')}"`,
        });
      return list(res, url, all.filter(matches));
    }
    const forecast = /^\/sales\/opportunities\/(\d+)\/forecast$/.exec(path);
    if (forecast) {
      const id = Number(forecast[1]);
      const items = d.forecasts[id] ?? [];
      const currency = (d.opportunities.find((o) => o.id === id)?.currency as object | undefined) ?? undefined;
      const one = { id, forecastItems: items, ...(currency ? { currency } : {}) };
      if (mock.forecastShape === 'object') return send(res, 200, one);
      if (mock.forecastShape === 'list') return send(res, 200, [one]);
      return send(
        res,
        200,
        items.map((i) => ({
          id: i.id,
          revenue: i.revenue,
          type: i.forecastType,
          status: i.status,
          includedFlag: i.includeFlag,
          opportunityId: id,
          ...(i.recurringFlag ? { recurring: { recurringRevenue: i.recurringRevenue ?? 0 } } : {}),
        })),
      );
    }
    const one = /^\/(company\/companies|sales\/opportunities)\/(\d+)$/.exec(path);
    if (one && req.method === 'GET') {
      const found = (one[1] === 'company/companies' ? d.companies : d.opportunities).find(
        (o) => o.id === Number(one[2]),
      );
      return found ? send(res, 200, found) : send(res, 404, { code: 'NotFound', message: `${path} not found` });
    }
    return send(res, 404, { code: 'NotFound', message: `${path} not found` });
  };

  const server = await serve(handle, () => mock.switches.delayMs ?? 0, 0);
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
