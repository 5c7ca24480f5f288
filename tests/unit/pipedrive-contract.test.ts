// @vitest-environment node
// Every answer the mock Pipedrive gives to the client, checked against the vendor's facts in
// tests/mock-apis/pipedrive-contract.ts (not against the mock's own idea), and the mock's refusals
// of requests that break them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPipedriveFlag, readPipedrive, testPipedrive, type PdOptions } from '@/sources/pipedrive';
import { RateLimiter } from '@/sources/http';
import type { Flag } from '@/core/flags';
import { startMockPipedrive, type MockPipedrive } from '../mock-apis/pipedrive-server';
import { answerProblems, isRfc3339, PD_CONTRACT, PD_REQUEST_FACTS } from '../mock-apis/pipedrive-contract';

let mock: MockPipedrive;
beforeAll(async () => {
  mock = await startMockPipedrive();
});
afterAll(async () => mock.close());

interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  status: number;
  answer: unknown;
}

function recorder(exchanges: Exchange[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(input, init);
    const url = new URL(String(input));
    const text = await res.clone().text();
    exchanges.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      status: res.status,
      answer: text ? JSON.parse(text) : null,
    });
    return res;
  }) as typeof fetch;
}

/** The model of each answer's data, by method and path (the vendor's descriptions). */
function answerModel(method: string, path: string): { model: string; list: boolean } | undefined {
  const routes: [string, RegExp, string, boolean][] = [
    ['GET', /^\/api\/v2\/organizations$/, 'Organization', true],
    ['GET', /^\/api\/v2\/persons$/, 'Person', true],
    ['GET', /^\/api\/v2\/deals$/, 'Deal', true],
    ['GET', /^\/api\/v1\/notes$/, 'Note', true],
    ['POST', /^\/api\/v1\/notes$/, 'Note', false],
    ['GET', /^\/api\/v1\/users$/, 'User', true],
    ['GET', /^\/api\/v1\/users\/me$/, 'User', false],
    ['GET', /^\/api\/v1\/dealFields$/, 'Field', true],
  ];
  const hit = routes.find(([m, re]) => m === method && re.test(path));
  return hit && { model: hit[2], list: hit[3] };
}

describe('the Pipedrive contract', () => {
  it('names where every fact comes from', () => {
    for (const fact of PD_CONTRACT)
      expect(fact.source, `${fact.model}.${fact.field}`).toMatch(/^v[12]\/models\/[\w-]+\.ts$/);
    for (const [name, fact] of Object.entries(PD_REQUEST_FACTS)) expect(fact.source, name).toMatch(/\S/);
    expect(isRfc3339('2025-01-01T10:20:00Z')).toBe(true);
    expect(isRfc3339('2025-01-01 10:20:00')).toBe(false);
  });

  it('every answer of a full read, an incremental read, a connection test and a flag delivery matches the vendor models', async () => {
    const exchanges: Exchange[] = [];
    const opts: PdOptions = {
      base: mock.url,
      token: mock.token,
      fetch: recorder(exchanges),
      sleep: async () => undefined,
      limiter: new RateLimiter(10_000, 1000),
    };
    await readPipedrive(opts);
    const { pipedrivePages } = await import('@/sources/pipedrive');
    for await (const page of pipedrivePages(opts, { step: 0 }, '2026-01-01T00:00:00.000Z')) void page;
    await testPipedrive(opts);
    await testPipedrive({ ...opts, token: 'wrong' });
    const flag: Flag = {
      id: 'bsflagcontract0000000000000000000000',
      createdAt: '2026-12-01T10:00:00.000Z',
      kind: 'upsell',
      note: 'Wants backups for the second shop.',
      urgency: 'low',
      ticket: { helpdesk: 'generic', ticketId: '1', url: 'https://example.test/1' },
      accountId: 'p:org-1',
      accountName: 'Harborview Bakery',
      source: 'p',
      status: 'pending',
      attempts: 0,
    };
    await deliverPipedriveFlag(opts, flag, 'org-1');
    await deliverPipedriveFlag(opts, flag, 'org-1');
    expect(exchanges.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const x of exchanges) {
      // Every request carries the token in the header, never in the address.
      if (x.headers['x-api-token'] === undefined) problems.push(`${x.path}: no x-api-token header`);
      if (x.query.has('api_token')) problems.push(`${x.path}: token in the address`);
      const body = x.answer as { success?: unknown; data?: unknown; error?: unknown } | null;
      if (x.status >= 400) {
        problems.push(...answerProblems('FailResponse', body).map((p) => `${x.path}: ${p}`));
        continue;
      }
      const route = answerModel(x.method, x.path);
      if (!route) {
        problems.push(`${x.method} ${x.path}: not a route of the contract`);
        continue;
      }
      if (body?.success !== true) problems.push(`${x.path}: success is not true`);
      const items = route.list ? (Array.isArray(body?.data) ? body.data : [null]) : [body?.data];
      for (const item of items) problems.push(...answerProblems(route.model, item).map((p) => `${x.path}: ${p}`));
      const limit = Number(x.query.get('limit') ?? 100);
      if (limit > 500) problems.push(`${x.path}: limit ${limit} over 500`);
      const since = x.query.get('updated_since');
      if (since !== null && !isRfc3339(since)) problems.push(`${x.path}: updated_since ${since} is not RFC 3339`);
    }
    expect(problems).toEqual([]);
    expect(exchanges.some((x) => x.status === 401)).toBe(true);
  });

  it('the mock refuses what Pipedrive refuses, in its error shape', async () => {
    const ask = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${mock.url}${path}`, {
        ...init,
        headers: { 'x-api-token': mock.token, 'content-type': 'application/json', ...init.headers },
      });
      return { status: res.status, body: (await res.json()) as unknown, limit: res.headers.get('x-ratelimit-limit') };
    };
    const refusals = [
      await ask('/api/v2/deals?limit=501'),
      await ask('/api/v2/deals?updated_since=2026-01-01'),
      await ask('/api/v2/deals?sort_by=title'),
      await ask('/api/v2/deals?cursor=nonsense'),
      await ask('/api/v1/notes?sort=body%20ASC'),
      await ask('/api/v1/notes', { method: 'POST', body: JSON.stringify({ content: 'x' }) }),
      await ask('/api/v1/notes', { method: 'POST', body: JSON.stringify({ org_id: 1 }) }),
      await ask('/api/v1/notes', {
        method: 'POST',
        body: JSON.stringify({ content: 'x', org_id: 1, pinned_to_organization_flag: true }),
      }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(400);
      expect(answerProblems('FailResponse', r.body)).toEqual([]);
      expect(r.body).toMatchObject({ success: false });
    }
    const unauthorized = await fetch(`${mock.url}/api/v2/deals`);
    expect(unauthorized.status).toBe(401);
    expect(answerProblems('FailResponse', await unauthorized.json())).toEqual([]);
    expect(unauthorized.headers.get('x-ratelimit-remaining')).not.toBeNull();
  });
});
