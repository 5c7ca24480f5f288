/**
 * A mock Pipedrive API (v1 and v2) on 127.0.0.1 for unit and browser tests, answering as the
 * facts in pipedrive-contract.ts say Pipedrive does, and refusing what breaks them:
 *  - GET /api/v2/{organizations|persons|deals}?limit=(1..500)&cursor=&updated_since=(RFC 3339)
 *    &sort_by=(id|update_time|add_time)&sort_direction=(asc|desc)
 *    -> { success: true, data: [...], additional_data: { next_cursor } } (null at the end)
 *  - GET /api/v1/{users|dealFields|notes}?start=&limit= -> { success: true, data: [...],
 *    additional_data: { pagination: { start, limit, more_items_in_collection, next_start } } };
 *    notes also filter by org_id, deal_id, pinned_to_organization_flag (0|1), updated_since
 *  - GET /api/v1/users/me -> { success: true, data: user }
 *  - POST /api/v1/notes { content, org_id | deal_id | person_id | lead_id | project_id,
 *    pinned_to_organization_flag: 0|1 } -> 201 { success: true, data: note }
 *  - auth: x-api-token header or api_token query parameter; otherwise 401
 *  - errors: { success: false, error, error_info, data: null, additional_data: null }
 *  - every answer carries x-ratelimit-limit / -remaining / -reset; with `burst` set, more requests
 *    than that in a 2-second window answer 429 with Retry-After
 * Switches (on `mock.switches`) imitate what goes wrong, as in the HubSpot mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from './serve';
import type { Switches } from './hubspot-server';
import { isRfc3339 } from './pipedrive-contract';

export type PdRecord = Record<string, unknown> & { id: number };

export interface MockPipedriveData {
  users: PdRecord[];
  dealFields: Record<string, unknown>[];
  organizations: PdRecord[];
  persons: PdRecord[];
  deals: PdRecord[];
  notes: PdRecord[];
}

export interface MockPipedrive {
  url: string;
  token: string;
  data: MockPipedriveData;
  switches: Switches;
  /** Paths (e.g. "/api/v1/users") the token may not read: 403. */
  forbidden: Set<string>;
  /** Requests allowed per 2-second window (Pipedrive's burst limit); unset: no limit. */
  burst?: number;
  requests: { method: string; path: string; authorized: boolean; at: number }[];
  /** Notes created through the API (flags delivered). */
  writes: PdRecord[];
  setToken(token: string): void;
  close(): Promise<void>;
}

/** A 40-character custom field key, as Pipedrive generates them. */
export const LEAD_SOURCE_KEY = '8f4b27d2c6a1e9f03b5d7c8e1a2f4b6d9c0e3a51';
const T = '2026-11-20T09:00:00Z';

export function samplePipedriveData(): MockPipedriveData {
  return {
    users: [
      { id: 11, name: 'Priya Nair', email: 'priya@northwind-msp.example', active_flag: true },
      { id: 12, name: 'Tom Okafor', email: 'tom@northwind-msp.example', active_flag: true },
    ],
    dealFields: [
      { id: 1, key: 'title', name: 'Title', field_type: 'varchar', edit_flag: false, options: null },
      {
        id: 40,
        key: 'channel',
        name: 'Source channel',
        field_type: 'enum',
        edit_flag: false,
        options: [
          { id: 1, label: 'Trade show' },
          { id: 2, label: 'Paid search' },
        ],
      },
      {
        id: 61,
        key: LEAD_SOURCE_KEY,
        name: 'Lead source',
        field_type: 'enum',
        edit_flag: true,
        options: [
          { id: 301, label: 'Postcard mailer' },
          { id: 302, label: 'Referral' },
        ],
      },
    ],
    organizations: [
      { id: 1, name: 'Harborview Bakery', owner_id: 11, add_time: T, update_time: T, is_deleted: false },
      { id: 2, name: 'Acme Dental Group', owner_id: 12, add_time: T, update_time: T, is_deleted: false },
      { id: 3, name: '', owner_id: 12, add_time: T, update_time: T, is_deleted: false },
    ],
    persons: [
      {
        id: 101,
        name: 'Mara Lind',
        org_id: 1,
        emails: [
          { value: 'orders@gmail.example', primary: false, label: 'home' },
          { value: 'Mara@Harborview-Bakery.example', primary: true, label: 'work' },
        ],
        update_time: T,
      },
      {
        id: 102,
        name: 'Dr. Hale',
        org_id: 2,
        emails: [{ value: 'hale@acmedental.com', primary: true }],
        update_time: T,
      },
    ],
    deals: [
      {
        id: 501,
        title: 'Harborview - managed IT',
        owner_id: 11,
        org_id: 1,
        value: 4800,
        currency: 'EUR',
        status: 'won',
        won_time: '2026-03-02T10:00:00Z',
        close_time: '2026-03-02T10:00:00Z',
        origin: 'ManuallyCreated',
        channel: 1,
        update_time: T,
        is_deleted: false,
        custom_fields: { [LEAD_SOURCE_KEY]: 301 },
      },
      {
        id: 502,
        title: 'Acme Dental - phones',
        owner_id: 12,
        org_id: 2,
        value: 1200,
        currency: 'USD',
        status: 'open',
        origin: 'WebForms',
        channel: null,
        update_time: T,
        is_deleted: false,
        custom_fields: {},
      },
      { id: 503, title: 'No company', owner_id: 12, org_id: null, value: 10, currency: 'USD', status: 'open' },
    ],
    notes: [
      {
        id: 9001,
        content: '<p>Mara wants the oven controllers <b>never</b> patched on Saturdays.</p>',
        org_id: 1,
        deal_id: null,
        user: { id: 11, name: 'Priya Nair', email: 'priya@northwind-msp.example' },
        add_time: '2026-03-01 15:00:00',
        update_time: '2026-03-01 15:00:00',
        active_flag: true,
        pinned_to_organization_flag: true,
        pinned_to_deal_flag: false,
      },
      {
        id: 9002,
        content: 'Promised a 1-hour response on the till.',
        org_id: 1,
        deal_id: 501,
        user: { id: 11, name: 'Priya Nair' },
        add_time: '2026-03-02 09:00:00',
        update_time: '2026-03-02 09:00:00',
        active_flag: true,
        pinned_to_organization_flag: false,
        pinned_to_deal_flag: true,
      },
    ],
  };
}

const updated = (r: PdRecord) => {
  const v = String(r.update_time ?? T);
  return Date.parse(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) ? `${v.replace(' ', 'T')}Z` : v);
};
const cursorOf = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
const offsetOf = (cursor: string): number | undefined => {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
};

export async function startMockPipedrive(
  options: { token?: string; data?: MockPipedriveData } = {},
): Promise<MockPipedrive> {
  let token = options.token ?? 'pd-token-CANARY-7a1c';
  const window: number[] = [];
  const mock: MockPipedrive = {
    url: '',
    get token() {
      return token;
    },
    data: options.data ?? samplePipedriveData(),
    switches: {},
    forbidden: new Set(),
    requests: [],
    writes: [],
    setToken: (t) => (token = t),
    close: async () => undefined,
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const now = Date.now();
    while (window.length && window[0]! < now - 2000) window.shift();
    const limit = mock.burst ?? 1000;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.length)),
      'x-ratelimit-reset': '2',
      ...headers,
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) =>
    send(
      res,
      status,
      { success: false, error, error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null },
      headers,
    );

  const v2List = (res: ServerResponse, url: URL, all: PdRecord[]) => {
    const q = url.searchParams;
    const limit = q.has('limit') ? Number(q.get('limit')) : 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return fail(res, 400, 'Validation failed: limit: Parameter must be an integer between 1 and 500');
    const since = q.get('updated_since');
    if (since !== null && !isRfc3339(since))
      return fail(res, 400, 'Validation failed: updated_since: Parameter must be a valid RFC 3339 date-time');
    const sortBy = q.get('sort_by') ?? 'id';
    const direction = q.get('sort_direction') ?? 'asc';
    if (!['id', 'update_time', 'add_time'].includes(sortBy) || !['asc', 'desc'].includes(direction))
      return fail(res, 400, 'Validation failed: sort_by or sort_direction is not supported');
    const cursor = q.get('cursor');
    const offset = cursor ? offsetOf(cursor) : 0;
    if (offset === undefined) return fail(res, 400, 'Validation failed: cursor: Invalid cursor');
    const key = (r: PdRecord) =>
      sortBy === 'id' ? r.id : sortBy === 'update_time' ? updated(r) : Date.parse(String(r.add_time ?? T));
    const rows = all
      .filter((r) => r.is_deleted !== true && (since === null || updated(r) >= Date.parse(since)))
      .sort((a, b) => (key(a) - key(b) || a.id - b.id) * (direction === 'asc' ? 1 : -1));
    const page = rows.slice(offset, offset + limit);
    const more = offset + limit < rows.length;
    send(res, 200, {
      success: true,
      data: page,
      additional_data: { next_cursor: more ? cursorOf(offset + limit) : null },
    });
  };
  const v1List = (res: ServerResponse, url: URL, all: unknown[]) => {
    const start = Number(url.searchParams.get('start') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500)
      return fail(res, 400, 'Invalid pagination parameters');
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    send(res, 200, {
      success: true,
      data: page,
      additional_data: {
        pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) },
      },
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', mock.url || 'http://127.0.0.1');
    const given = req.headers['x-api-token'] ?? url.searchParams.get('api_token');
    const authorized = given === token;
    const method = req.method ?? 'GET';
    mock.requests.push({ method, path: url.pathname + url.search, authorized, at: Date.now() });
    const sw = mock.switches;
    const hit = !sw.onlyPath || url.pathname.startsWith(sw.onlyPath);
    if (sw.hang && hit) return;
    if (mock.burst !== undefined) {
      const now = Date.now();
      while (window.length && window[0]! < now - 2000) window.shift();
      if (window.length >= mock.burst) return fail(res, 429, 'Request over limit', { 'retry-after': '2' });
      window.push(now);
    }
    if (sw.status && hit) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      return fail(
        res,
        status,
        status === 429 ? 'Request over limit' : 'Internal server error',
        status === 429 && sw.retryAfter ? { 'retry-after': sw.retryAfter } : {},
      );
    }
    if (!url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v2/'))
      return fail(res, 404, 'Not found');
    if (!authorized) return fail(res, 401, 'You need to be authorized to make this request.');
    if (sw.malformed) return send(res, 200, '<html>Maintenance</html>');
    if (mock.forbidden.has(url.pathname)) return fail(res, 403, 'You do not have permissions to access this resource.');
    const d = mock.data;
    const path = url.pathname;
    if (method === 'POST' && path === '/api/v1/notes') {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body || '{}') as Record<string, unknown>;
      } catch {
        return fail(res, 400, 'Invalid JSON');
      }
      if (typeof input.content !== 'string' || !input.content.trim())
        return fail(res, 400, 'Note content is required.');
      const targets = ['lead_id', 'deal_id', 'person_id', 'org_id', 'project_id'].filter((k) => input[k] !== undefined);
      if (!targets.length)
        return fail(res, 400, 'Note must be attached to a deal, person, organization, lead or project.');
      if (input.org_id !== undefined && !d.organizations.some((o) => o.id === input.org_id))
        return fail(res, 400, 'Organization not found.');
      for (const k of Object.keys(input).filter((k) => k.startsWith('pinned_to_')))
        if (input[k] !== 0 && input[k] !== 1) return fail(res, 400, `${k} must be 0 or 1`);
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
      const note: PdRecord = {
        id: 9500 + mock.writes.length,
        content: input.content,
        org_id: (input.org_id as number | undefined) ?? null,
        deal_id: (input.deal_id as number | undefined) ?? null,
        user: { id: 11, name: 'Priya Nair' },
        add_time: now,
        update_time: now,
        active_flag: true,
        pinned_to_organization_flag: input.pinned_to_organization_flag === 1,
        pinned_to_deal_flag: input.pinned_to_deal_flag === 1,
      };
      mock.writes.push(note);
      d.notes.push(note);
      return send(res, 201, { success: true, data: note });
    }
    if (method !== 'GET') return fail(res, 405, 'Method not allowed');
    const v2 = /^\/api\/v2\/(organizations|persons|deals)$/.exec(path);
    if (v2) return v2List(res, url, d[v2[1] as 'organizations' | 'persons' | 'deals']);
    if (path === '/api/v1/users/me') return send(res, 200, { success: true, data: d.users[0] });
    if (path === '/api/v1/users') return v1List(res, url, d.users);
    if (path === '/api/v1/dealFields') return v1List(res, url, d.dealFields);
    if (path === '/api/v1/notes') {
      const q = url.searchParams;
      const since = q.get('updated_since');
      if (since !== null && !isRfc3339(since)) return fail(res, 400, 'updated_since must be in RFC 3339 format');
      const sort = q.get('sort');
      if (
        sort !== null &&
        !/^(id|user_id|deal_id|person_id|org_id|content|add_time|update_time) (ASC|DESC)$/.test(sort)
      )
        return fail(res, 400, 'Invalid sort parameter');
      const pinned = q.get('pinned_to_organization_flag');
      if (pinned !== null && pinned !== '0' && pinned !== '1')
        return fail(res, 400, 'pinned_to_organization_flag must be 0 or 1');
      const rows = d.notes
        .filter((n) => n.active_flag !== false)
        .filter((n) => !q.has('org_id') || n.org_id === Number(q.get('org_id')))
        .filter((n) => !q.has('deal_id') || n.deal_id === Number(q.get('deal_id')))
        .filter((n) => pinned === null || n.pinned_to_organization_flag === (pinned === '1'))
        .filter((n) => since === null || updated(n) >= Date.parse(since))
        .sort((a, b) => a.id - b.id);
      return v1List(res, url, rows);
    }
    return fail(res, 404, 'Not found');
  };

  const server = await serve(handle, () => mock.switches.delayMs ?? 0, 0);
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
