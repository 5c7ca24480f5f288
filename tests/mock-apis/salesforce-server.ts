/**
 * A mock Salesforce org (OAuth 2.0 with PKCE and the REST API) on 127.0.0.1 for unit and browser
 * tests, answering by the facts in salesforce-contract.ts and refusing what breaks them:
 *  - GET /services/oauth2/authorize: the sign-in page, which (as if the user approved) sends the
 *    browser back to redirect_uri?code&state; a wrong consumer key or a redirect URI the app does
 *    not have comes back as ?error=
 *  - POST /services/oauth2/token (form): authorization_code with a code_verifier matching the
 *    S256 challenge, or refresh_token; a bad grant is 400 { error: "invalid_grant" }
 *  - GET /services/data/v62.0/query?q=SOQL (the SELECT ... FROM ... WHERE ... the client sends:
 *    fields of the contract, relationship names, the OpportunityContactRoles subquery; =, >, LIKE
 *    'x%', IN, AND), paged by nextRecordsUrl (`batchSize` records a batch)
 *  - GET .../sobjects/Opportunity/describe, .../limits, .../sobjects/ContentNote/{id}/Content;
 *    POST .../sobjects/Task
 *  - every answer under /services/data carries Sforce-Limit-Info: api-usage=used/limit; past the
 *    limit it is 403 REQUEST_LIMIT_EXCEEDED; a wrong or revoked access token is 401 INVALID_SESSION_ID
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from './serve';
import type { Switches } from './hubspot-server';
import { SF_FIELDS, SF_RELATIONSHIPS } from './salesforce-contract';
import { sampleSalesforceData, T, type MockSalesforceData, type SfRow } from './salesforce-sample-data';

export { sampleSalesforceData } from './salesforce-sample-data';
export type { MockSalesforceData, SfRow } from './salesforce-sample-data';

export interface MockSalesforce {
  url: string;
  consumerKey: string;
  /** Redirect URIs registered on the app (any https://*.chromiumapp.org/ when empty). */
  redirectUris: string[];
  data: MockSalesforceData;
  multiCurrency: boolean;
  currency: string;
  /** Records a query batch holds (Salesforce: 2,000 by default). */
  batchSize: number;
  /** The org's daily API request limit, and how many are used. */
  apiLimit: number;
  apiUsed: number;
  switches: Switches;
  requests: { method: string; path: string; at: number }[];
  /** Tasks created (flags delivered). */
  writes: SfRow[];
  /** Revoke every session and refresh token (the user's access was removed). */
  revoke(): void;
  /** End every access token (sessions time out), keeping refresh tokens. */
  expireSessions(): void;
  /** Refresh tokens handed out and still valid. */
  refreshTokens: Set<string>;
  close(): Promise<void>;
}

type Cond = (r: SfRow) => boolean;
class SoqlError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const time = (v: unknown) => Date.parse(String(v ?? T).replace(/\+0000$/, 'Z'));

export async function startMockSalesforce(options: { data?: MockSalesforceData } = {}): Promise<MockSalesforce> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const access = new Set<string>();
  const cursors = new Map<string, { rows: unknown[]; offset: number }>();
  let n = 0;
  const mock: MockSalesforce = {
    url: '',
    consumerKey: '3MVG9mockConsumerKEY',
    redirectUris: [],
    data: options.data ?? sampleSalesforceData(),
    multiCurrency: false,
    currency: 'USD',
    batchSize: 2000,
    apiLimit: 15000,
    apiUsed: 0,
    switches: {},
    requests: [],
    writes: [],
    refreshTokens: new Set(),
    revoke: () => {
      access.clear();
      mock.refreshTokens.clear();
    },
    expireSessions: () => access.clear(),
    close: async () => undefined,
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type':
        typeof body === 'string' && !headers['content-type'] ? 'text/plain' : 'application/json;charset=UTF-8',
      ...headers,
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const restError = (res: ServerResponse, status: number, errorCode: string, message: string) =>
    send(res, status, [{ message, errorCode }], { 'sforce-limit-info': `api-usage=${mock.apiUsed}/${mock.apiLimit}` });

  const fieldsOf = (object: string) => {
    const known = SF_FIELDS[object];
    if (!known) throw new SoqlError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
    return [...known.fields, ...(mock.multiCurrency && object !== 'User' ? ['CurrencyIsoCode'] : [])];
  };
  /** A field's value on a row, following one relationship (Owner.Name) or a subquery. */
  const value = (object: string, row: SfRow, field: string): unknown => {
    const [rel, sub] = field.split('.');
    if (!sub) {
      if (!fieldsOf(object).includes(field))
        throw new SoqlError('INVALID_FIELD', `No such column '${field}' on entity '${object}'.`);
      return row[field] ?? (field === 'CurrencyIsoCode' ? mock.currency : null);
    }
    const target = SF_RELATIONSHIPS[`${object}.${rel}`];
    if (!target) throw new SoqlError('INVALID_FIELD', `Didn't understand relationship '${rel}' in field path.`);
    const id = row[`${rel}Id`];
    const found = (mock.data[target as keyof MockSalesforceData] ?? []).find((r) => r.Id === id);
    if (!fieldsOf(target).includes(sub!))
      throw new SoqlError('INVALID_FIELD', `No such column '${sub}' on entity '${target}'.`);
    return found ? { attributes: { type: target }, [sub!]: found[sub!] ?? null } : null;
  };
  const condition = (object: string, text: string): Cond => {
    const m = /^(\w+)\s*(=|>|<|LIKE|IN)\s*(.+)$/i.exec(text.trim());
    if (!m) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${text.trim()}'`);
    const [, field, op, literal] = m as unknown as [string, string, string, string];
    if (!fieldsOf(object).includes(field))
      throw new SoqlError('INVALID_FIELD', `No such column '${field}' on entity '${object}'.`);
    if (SF_FIELDS[object]?.unfilterable?.includes(field))
      throw new SoqlError('INVALID_FIELD', `field '${field}' can not be filtered in a query call`);
    const str = (l: string) => {
      const s = /^'((?:[^'\\]|\\.)*)'$/.exec(l.trim());
      if (!s) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${l.trim()}'`);
      return s[1]!;
    };
    if (op.toUpperCase() === 'IN') {
      const list = /^\((.*)\)$/.exec(literal.trim());
      if (!list) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${literal}'`);
      const ids = list[1]!.split(',').map(str);
      return (r) => ids.includes(String(r[field]));
    }
    if (op.toUpperCase() === 'LIKE') {
      const pattern = str(literal);
      const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i');
      return (r) => re.test(String(r[field] ?? ''));
    }
    if (field === 'SystemModstamp' || field === 'CreatedDate') {
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(literal.trim()))
        throw new SoqlError(
          'MALFORMED_QUERY',
          `line 1:${text.length} no viable alternative at character '${literal.trim()[0]}'`,
        );
      const t = Date.parse(literal.trim());
      return (r) => (op === '>' ? time(r[field]) > t : op === '<' ? time(r[field]) < t : time(r[field]) === t);
    }
    const v = str(literal);
    return (r) => String(r[field]) === v;
  };
  const runQuery = (soql: string): unknown[] => {
    const m = /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?$/is.exec(soql.trim());
    if (!m) throw new SoqlError('MALFORMED_QUERY', 'unexpected token');
    const [, list, object, where, limit] = m as unknown as [
      string,
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    fieldsOf(object);
    const subqueries: { name: string; fields: string[] }[] = [];
    const plain = list.replace(/\(\s*SELECT\s+(.+?)\s+FROM\s+(\w+)\s*\)/gi, (_, f: string, rel: string) => {
      if (object !== 'Contact' || rel !== 'OpportunityContactRoles')
        throw new SoqlError('INVALID_TYPE', `Didn't understand relationship '${rel}' in FROM part of query call.`);
      subqueries.push({ name: rel, fields: f.split(',').map((x) => x.trim()) });
      return '';
    });
    const fields = plain
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const conds = where ? where.split(/\s+AND\s+/i).map((c) => condition(object, c)) : [];
    if (object === 'ContentDocumentLink' && !/\b(ContentDocumentId|LinkedEntityId)\s*(=|IN)/i.test(where ?? ''))
      throw new SoqlError(
        'MALFORMED_QUERY',
        "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.",
      );
    const table: SfRow[] =
      object === 'Organization'
        ? [{ Id: '00D000000000001AAA', Name: 'Northwind MSP', DefaultCurrencyIsoCode: mock.currency }]
        : (mock.data[object as keyof MockSalesforceData] ?? []);
    const rows = table.filter((r) => conds.every((c) => c(r)));
    const out = rows.map((r) => {
      const record: Record<string, unknown> = {
        attributes: { type: object, url: `/services/data/v62.0/sobjects/${object}/${r.Id}` },
      };
      for (const f of fields) {
        const v = value(object, r, f);
        if (f.includes('.')) record[f.split('.')[0]!] = v;
        else record[f] = v;
      }
      for (const sq of subqueries) {
        const roles = mock.data.OpportunityContactRole.filter((o) => o.ContactId === r.Id).map((o) =>
          Object.fromEntries([
            ['attributes', { type: 'OpportunityContactRole' }],
            ...sq.fields.map((f) => [f, value('OpportunityContactRole', o, f)]),
          ]),
        );
        record[sq.name] = roles.length ? { totalSize: roles.length, done: true, records: roles } : null;
      }
      return record;
    });
    return limit ? out.slice(0, Number(limit)) : out;
  };
  const page = (res: ServerResponse, rows: unknown[], offset: number, limitHeader: Record<string, string>) => {
    const batch = rows.slice(offset, offset + mock.batchSize);
    const done = offset + mock.batchSize >= rows.length;
    let next: string | undefined;
    if (!done) {
      const id = `01gMOCK${String(++n).padStart(11, '0')}-${offset + mock.batchSize}`;
      cursors.set(id, { rows, offset: offset + mock.batchSize });
      next = `/services/data/v62.0/query/${id}`;
    }
    send(
      res,
      200,
      { totalSize: rows.length, done, records: batch, ...(next ? { nextRecordsUrl: next } : {}) },
      limitHeader,
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', mock.url || 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    mock.requests.push({ method, path: url.pathname + url.search, at: Date.now() });
    const sw = mock.switches;
    const hit = !sw.onlyPath || url.pathname.startsWith(sw.onlyPath);
    if (sw.hang && hit) return;
    if (sw.status && hit) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      return restError(res, status, status === 503 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION', 'mock failure');
    }
    if (url.pathname === '/services/oauth2/authorize' && method === 'GET') {
      const q = url.searchParams;
      const redirect = q.get('redirect_uri') ?? '';
      const registered = mock.redirectUris.length
        ? mock.redirectUris.includes(redirect)
        : /^https:\/\/[a-p]{32}\.chromiumapp\.org\/?$/.test(redirect);
      if (!registered)
        return send(res, 400, 'error=redirect_uri_mismatch&error_description=redirect_uri must match configuration');
      const back = new URL(redirect);
      back.searchParams.set('state', q.get('state') ?? '');
      if (q.get('client_id') !== mock.consumerKey) back.searchParams.set('error', 'invalid_client_id');
      else if (
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      )
        back.searchParams.set('error', 'invalid_request');
      else {
        const code = `aPrx${++n}MOCKcode`;
        codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: redirect });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/services/oauth2/token' && method === 'POST') {
      if (!/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? ''))
        return send(res, 400, {
          error: 'invalid_request',
          error_description: 'must use application/x-www-form-urlencoded',
        });
      const f = new URLSearchParams(body);
      if (f.get('client_id') !== mock.consumerKey)
        return send(res, 400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
      const issue = (refresh?: string) => {
        const token = `00DMOCK!${++n}access`;
        access.add(token);
        return send(res, 200, {
          access_token: token,
          ...(refresh ? { refresh_token: refresh } : {}),
          signature: 'mock',
          scope: 'refresh_token api',
          instance_url: mock.url,
          id: `${mock.url}/id/00D000000000001AAA/005000000000001AAA`,
          token_type: 'Bearer',
          issued_at: String(Date.now()),
        });
      };
      if (f.get('grant_type') === 'authorization_code') {
        const grant = codes.get(f.get('code') ?? '');
        codes.delete(f.get('code') ?? '');
        const verifier = f.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== f.get('redirect_uri') || grant.challenge !== challenge)
          return send(res, 400, { error: 'invalid_grant', error_description: 'invalid authorization code' });
        const refresh = `5Aep861MOCK${++n}refresh`;
        mock.refreshTokens.add(refresh);
        return issue(refresh);
      }
      if (f.get('grant_type') === 'refresh_token') {
        if (!mock.refreshTokens.has(f.get('refresh_token') ?? ''))
          return send(res, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
        return issue();
      }
      return send(res, 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    }
    if (!url.pathname.startsWith('/services/data/v62.0/'))
      return restError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !access.has(token)) return restError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (mock.apiUsed >= mock.apiLimit)
      return restError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    mock.apiUsed++;
    const limitHeader = { 'sforce-limit-info': `api-usage=${mock.apiUsed}/${mock.apiLimit}` };
    const path = url.pathname.slice('/services/data/v62.0'.length);
    try {
      if (method === 'GET' && path === '/query')
        return page(res, runQuery(url.searchParams.get('q') ?? ''), 0, limitHeader);
      const more = /^\/query\/([\w-]+)$/.exec(path);
      if (method === 'GET' && more) {
        const cursor = cursors.get(more[1]!);
        if (!cursor) return restError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        return page(res, cursor.rows, cursor.offset, limitHeader);
      }
      if (method === 'GET' && path === '/limits')
        return send(
          res,
          200,
          { DailyApiRequests: { Max: mock.apiLimit, Remaining: mock.apiLimit - mock.apiUsed } },
          limitHeader,
        );
      if (method === 'GET' && path === '/sobjects/Opportunity/describe')
        return send(
          res,
          200,
          { name: 'Opportunity', fields: fieldsOf('Opportunity').map((name) => ({ name })) },
          limitHeader,
        );
      const content = /^\/sobjects\/ContentNote\/(\w+)\/Content$/.exec(path);
      if (method === 'GET' && content) {
        const note = mock.data.ContentNote.find((c) => c.Id === content[1]);
        if (!note) return restError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        return send(res, 200, String(note.Content ?? ''), {
          ...limitHeader,
          'content-type': 'text/html;charset=UTF-8',
        });
      }
      if (method === 'POST' && path === '/sobjects/Task') {
        const input = JSON.parse(body || '{}') as Record<string, unknown>;
        for (const k of Object.keys(input))
          if (!SF_FIELDS.Task!.fields.includes(k) || k === 'Id')
            return restError(res, 400, 'INVALID_FIELD', `No such column '${k}' on sobject of type Task`);
        if (input.WhatId !== undefined && !mock.data.Account.some((a) => a.Id === input.WhatId))
          return restError(res, 400, 'FIELD_INTEGRITY_EXCEPTION', 'Related To ID: id value of incorrect type');
        if (input.OwnerId !== undefined && !mock.data.User.some((u) => u.Id === input.OwnerId))
          return restError(res, 400, 'FIELD_INTEGRITY_EXCEPTION', 'Assigned To ID: owner cannot be blank');
        const task = {
          ...input,
          Id: `00T${String(mock.writes.length + 1).padStart(12, '0')}AAA`,
          Status: input.Status ?? 'Not Started',
        } as SfRow;
        mock.writes.push(task);
        mock.data.Task.push(task);
        return send(res, 201, { id: task.Id, success: true, errors: [] }, limitHeader);
      }
    } catch (e) {
      if (e instanceof SoqlError) return restError(res, 400, e.code, e.message);
      throw e;
    }
    return restError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
  };

  const server = await serve(handle, () => mock.switches.delayMs ?? 0, 0);
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
