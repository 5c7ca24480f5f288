/**
 * A mock HaloPSA (its REST API and its token endpoint) on 127.0.0.1 for unit and browser tests.
 * It answers as tests/mock-apis/halopsa-contract.ts says the vendor does, and refuses what breaks
 * that table: a query parameter it has no fact for, a page_size over the documented maximum, a
 * POST body that is not an array of the model or has a field of the wrong type, a token request
 * that is not a form-encoded client-credentials grant.
 *  - POST /auth/token[?tenant=] (form: grant_type=client_credentials, client_id, client_secret,
 *    scope) -> { access_token, token_type: "Bearer", expires_in }; a wrong client, secret or
 *    tenant is 401 { error: "invalid_client" }
 *  - GET /api/Client | /api/Users | /api/Opportunities ?pageinate=true&page_size=&page_no= ->
 *    { record_count, clients | users | tickets: [...] }; /api/Opportunities also takes
 *    lastupdatefromdate, client_id and search_details
 *  - GET /api/Client/{id}, /api/Actions?ticket_id= -> { record_count, actions }, /api/CRMNote?client_id=
 *    -> a bare list, /api/Agent -> a bare list
 *  - POST /api/Opportunities, /api/CRMNote: an array of one record -> the record created
 *  - every /api request needs `Authorization: Bearer <a token it issued>` (else 401); a path in
 *    `forbidden` is 403
 * Switches (on `mock.switches`) imitate what goes wrong, as in the HubSpot mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson as send, serve } from './serve';
import type { Switches } from './hubspot-server';
import { bodyProblems, endpoint, HALO_TOKEN, queryProblems } from './halopsa-contract';

export type Obj = Record<string, unknown> & { id: number };

export interface MockHaloData {
  clients: Obj[];
  users: Obj[];
  opportunities: Obj[];
  /** Opportunity actions, by opportunity id. */
  actions: Record<number, Obj[]>;
  crmNotes: Obj[];
  agents: Obj[];
}

export interface MockHalo {
  url: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  data: MockHaloData;
  switches: Switches;
  /** /api paths (as the client writes them, e.g. "/CRMNote") the application may not read (403). */
  forbidden: Set<string>;
  requests: { method: string; path: string; authorized: boolean; at: number }[];
  /** Records created through the API (flags delivered), in order. */
  writes: { path: string; record: Obj }[];
  /** The next write is made, but its answer is lost (a 503 instead): a retry must not write it again. */
  loseNextWrite?: boolean;
  /** Every request that broke the contract, with why (tests expect none). */
  refused: { path: string; problems: string[] }[];
  /** Tokens issued so far stop working (as when they expire). */
  expireTokens(): void;
  close(): Promise<void>;
}

export function sampleHaloData(): MockHaloData {
  return {
    agents: [
      { id: 3, name: 'Dana Whitfield', email: 'dana@northwind-msp.example' },
      { id: 4, name: 'Priya Nair', email: 'priya@northwind-msp.example' },
    ],
    clients: [
      {
        id: 12,
        name: 'Baker & Price LLP',
        website: 'https://www.bakerprice.law/',
        accountmanagertech: 3,
        accountmanagertech_name: 'Dana Whitfield',
        toplevel_name: 'Legal',
        datecreated: '2024-02-12T09:30:00',
        inactive: false,
        customfields: [
          {
            id: 140,
            name: 'CFHowDidYouHear',
            label: 'How did you hear about us',
            value: 2,
            display: 'Chamber of commerce breakfast',
          },
        ],
      },
      {
        id: 13,
        name: 'Harbor Optometry',
        website: 'harboroptometry.example',
        accountmanagertech: 4,
        accountmanagertech_name: 'Priya Nair',
        inactive: false,
        customfields: [],
      },
      { id: 14, name: 'Closed Shop Ltd', inactive: true },
    ],
    users: [
      {
        id: 201,
        name: 'Helen Baker',
        firstname: 'Helen',
        surname: 'Baker',
        emailaddress: 'Helen@BakerPrice.law',
        client_id: 12,
        title: 'Managing partner',
        isimportantcontact: true,
        inactive: false,
      },
      { id: 202, name: 'Omar Reyes', emailaddress: 'omar@harboroptometry.example', client_id: 13, inactive: false },
    ],
    opportunities: [
      {
        id: 5001,
        summary: 'Baker & Price - managed IT and backup',
        client_id: 12,
        agent_id: 3,
        agent_name: 'Dana Whitfield',
        status_name: 'Won',
        oppvalue: 18400,
        opphear: 'Chamber of commerce breakfast',
        oppconverteddate: '2024-03-01T00:00:00',
        oppproductchosen: 'Managed IT, offsite backup for the document system',
        deleted: false,
        last_update: '2024-03-01T10:00:00',
      },
      {
        id: 5002,
        summary: 'Harbor Optometry - new exam room PCs',
        client_id: 13,
        agent_id: 4,
        agent_name: 'Priya Nair',
        status_name: 'Proposal sent',
        oppvalue: 6200,
        targetdate: '2026-12-20T00:00:00',
        deleted: false,
        last_update: '2026-11-02T08:00:00',
      },
    ],
    actions: {
      5001: [
        {
          id: 90001,
          ticket_id: 5001,
          note: '<p>Helen signed because we promised <b>document system restores within 4 hours</b>.</p>',
          outcome: 'Meeting',
          who_agentid: 3,
          datetime: '2024-02-27T15:00:00',
          important: true,
        },
      ],
    },
    crmNotes: [
      {
        id: 7001,
        client_id: 12,
        note: 'Court filing deadlines on Fridays: no maintenance on Thursday nights.',
        detail: 'Account review',
        who_agentid: 3,
        datetime: '2025-06-10T11:00:00',
      },
    ],
  };
}

export async function startMockHalo(options: { data?: MockHaloData } = {}): Promise<MockHalo> {
  let tokens = new Set<string>();
  let issued = 0;
  const mock: MockHalo = {
    url: '',
    tenant: 'northwind',
    clientId: '6f0e2c1d-mock-halo-app',
    clientSecret: 'halo-secret-CANARY-77',
    data: options.data ?? sampleHaloData(),
    switches: {},
    forbidden: new Set(),
    requests: [],
    writes: [],
    refused: [],
    expireTokens: () => {
      tokens = new Set();
    },
    close: async (): Promise<void> => undefined,
  };
  const refuse = (res: ServerResponse, path: string, problems: string[]) => {
    mock.refused.push({ path, problems });
    send(res, 400, problems.join('; '), { 'content-type': 'text/plain; charset=utf-8' });
  };
  const answerWrite = (res: ServerResponse, created: Obj) => {
    if (!mock.loseNextWrite) return send(res, 201, created);
    mock.loseNextWrite = false;
    send(res, 503, 'Service unavailable', { 'content-type': 'text/plain' });
  };
  const page = (url: URL, all: Obj[], key: string) => {
    if (url.searchParams.get('pageinate') !== 'true') return { record_count: all.length, [key]: all };
    const size = Math.max(1, Number(url.searchParams.get('page_size') ?? 50) || 50);
    const no = Math.max(1, Number(url.searchParams.get('page_no') ?? 1) || 1);
    return { record_count: all.length, [key]: all.slice((no - 1) * size, no * size) };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', mock.url || 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authorized = !!bearer && tokens.has(bearer);
    mock.requests.push({ method, path: url.pathname + url.search, authorized, at: Date.now() });
    const sw = mock.switches;
    if (sw.hang && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) return;
    if (sw.status && (!sw.onlyPath || url.pathname.includes(sw.onlyPath))) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      return send(res, status, status === 429 ? 'Too many requests' : 'Server error', {
        'content-type': 'text/plain',
        ...(status === 429 && sw.retryAfter ? { 'retry-after': sw.retryAfter } : {}),
      });
    }
    if (url.pathname.toLowerCase() === HALO_TOKEN.path) {
      if (method !== 'POST') return send(res, 405, { error: 'invalid_request' });
      if (!String(req.headers['content-type'] ?? '').startsWith(HALO_TOKEN.contentType))
        return refuse(res, url.pathname, [`the token request must be ${HALO_TOKEN.contentType}`]);
      const form = new URLSearchParams(body);
      const missing = HALO_TOKEN.required.filter((k) => !form.get(k));
      if (missing.length || form.get('grant_type') !== HALO_TOKEN.grantType)
        return send(res, 400, { error: 'invalid_request', error_description: `missing ${missing.join(', ')}` });
      const tenant = url.searchParams.get('tenant');
      if (
        form.get('client_id') !== mock.clientId ||
        form.get('client_secret') !== mock.clientSecret ||
        (tenant !== null && tenant !== mock.tenant)
      )
        return send(res, 401, { error: HALO_TOKEN.refusal });
      const token = `halo-token-${++issued}`;
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') });
    }
    if (!url.pathname.toLowerCase().startsWith('/api/'))
      return send(res, 404, 'Not found', { 'content-type': 'text/plain' });
    const path = url.pathname.slice(4);
    const fact = endpoint(method, path);
    if (!fact) return send(res, 404, 'Not found', { 'content-type': 'text/plain' });
    if (!authorized) return send(res, 401, 'Unauthorized', { 'content-type': 'text/plain' });
    if (sw.malformed) return send(res, 200, '<html>Maintenance</html>');
    const problems = queryProblems(fact, url.searchParams);
    if (problems.length) return refuse(res, path, problems);
    if (mock.forbidden.has(fact.path)) return send(res, 403, 'Forbidden', { 'content-type': 'text/plain' });
    const d = mock.data;
    const q = (k: string) => url.searchParams.get(k);
    if (method === 'POST') {
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return refuse(res, path, ['the body is not JSON']);
      }
      const wrong = bodyProblems(fact.model, input);
      if (wrong.length) return refuse(res, path, wrong);
      const item = (input as Record<string, unknown>[])[0]!;
      if (!Number.isInteger(item.client_id) || !d.clients.some((c) => c.id === item.client_id))
        return send(res, 400, 'Please select a valid client', { 'content-type': 'text/plain' });
      const now = new Date().toISOString().slice(0, 19);
      if (fact.path === '/Opportunities') {
        const created: Obj = {
          ...item,
          id: 6000 + mock.writes.length,
          status_name: 'New',
          deleted: false,
          last_update: now,
        };
        d.opportunities.push(created);
        mock.writes.push({ path: fact.path, record: created });
        return answerWrite(res, created);
      }
      const created: Obj = { ...item, id: 8000 + mock.writes.length, datetime: now };
      d.crmNotes.push(created);
      mock.writes.push({ path: fact.path, record: created });
      return answerWrite(res, created);
    }
    switch (fact.path) {
      case '/Client':
        return send(res, 200, page(url, d.clients, 'clients'));
      case '/Client/{id}': {
        const found = d.clients.find((c) => c.id === Number(path.split('/')[2]));
        return found ? send(res, 200, found) : send(res, 404, 'Not found', { 'content-type': 'text/plain' });
      }
      case '/Users':
        return send(res, 200, page(url, d.users, 'users'));
      case '/Opportunities': {
        const since = q('lastupdatefromdate');
        const details = q('search_details');
        const client = q('client_id');
        const list = d.opportunities.filter(
          (o) =>
            (!since || Date.parse(String(o.last_update ?? '2000-01-01')) >= Date.parse(since)) &&
            (!details || String(o.details ?? '').includes(details)) &&
            (!client || o.client_id === Number(client)),
        );
        return send(res, 200, page(url, list, 'tickets'));
      }
      case '/Actions': {
        const list = d.actions[Number(q('ticket_id'))] ?? [];
        return send(res, 200, { record_count: list.length, actions: list });
      }
      case '/CRMNote': {
        const client = q('client_id');
        const list = d.crmNotes.filter((n) => !client || n.client_id === Number(client));
        return send(res, 200, q('count') ? list.slice(0, Number(q('count'))) : list);
      }
      case '/Agent':
        return send(res, 200, d.agents);
    }
    return send(res, 404, 'Not found', { 'content-type': 'text/plain' });
  };

  const server = await serve(handle, () => mock.switches.delayMs ?? 0, 0);
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
