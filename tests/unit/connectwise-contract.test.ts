// @vitest-environment node
// Every answer the mock ConnectWise gives, and every write the client sends, checked against the
// vendor's model facts in tests/mock-apis/connectwise-contract.ts (not against the mock's own idea).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverConnectWiseFlag, readConnectWise, testConnectWise, type CwOptions } from '@/sources/connectwise';
import { RateLimiter } from '@/sources/http';
import type { Flag } from '@/core/flags';
import { startMockConnectWise, type MockConnectWise } from '../mock-apis/connectwise-server';
import { answerProblems, createProblems, CW_CONTRACT } from '../mock-apis/connectwise-contract';

let mock: MockConnectWise;
beforeAll(async () => {
  mock = await startMockConnectWise();
});
afterAll(async () => mock.close());

interface Exchange {
  method: string;
  path: string;
  body?: unknown;
  status: number;
  answer: unknown;
}

/** The model of each answer, by method and path under the API root (the vendor's description). */
function answerModel(method: string, path: string, status: number): { model: string; list: boolean } | undefined {
  if (status >= 400) return { model: 'ErrorResponseMessage', list: false };
  const routes: [string, RegExp, string, boolean][] = [
    ['GET', /^\/company\/companies$/, 'Company', true],
    ['GET', /^\/company\/companies\/\d+$/, 'Company', false],
    ['GET', /^\/company\/companies\/\d+\/notes$/, 'CompanyNote', true],
    ['GET', /^\/company\/contacts$/, 'Contact', true],
    ['GET', /^\/marketing\/campaigns$/, 'Campaign', true],
    ['GET', /^\/sales\/opportunities$/, 'Opportunity', true],
    ['GET', /^\/sales\/opportunities\/\d+$/, 'Opportunity', false],
    ['POST', /^\/sales\/opportunities$/, 'Opportunity', false],
    ['GET', /^\/sales\/opportunities\/\d+\/notes$/, 'OpportunityNote', true],
    // A list of Forecast in the 2025.1 description (see sources/connectwise-map.ts forecastValues).
    ['GET', /^\/sales\/opportunities\/\d+\/forecast$/, 'Forecast', true],
  ];
  const hit = routes.find(([m, re]) => m === method && re.test(path));
  return hit && { model: hit[2], list: hit[3] };
}

function recorder(exchanges: Exchange[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(input, init);
    const url = new URL(String(input));
    const text = await res.clone().text();
    exchanges.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      status: res.status,
      answer: text ? JSON.parse(text) : null,
    });
    return res;
  }) as typeof fetch;
}

describe('the ConnectWise contract', () => {
  it('names where every fact comes from', () => {
    for (const fact of CW_CONTRACT) expect(fact.source, `${fact.model}.${fact.field}`).toMatch(/^model_\w+\.go$/);
    // The facts this issue is about, as the vendor's models have them.
    const fact = (model: string, field: string) => CW_CONTRACT.find((x) => x.model === model && x.field === field);
    expect(
      CW_CONTRACT.filter((x) => x.model === 'Opportunity' && x.requiredOnCreate)
        .map((x) => x.field)
        .sort(),
    ).toEqual(['company', 'contact', 'name', 'primarySalesRep']);
    expect(fact('Opportunity', 'expectedCloseDate')).toMatchObject({ requiredOnCreate: false, requiredOnUpdate: true });
    expect(fact('Opportunity', 'source')?.type).toBe('string');
    expect(fact('ForecastItem', 'includeFlag')).toBeDefined();
    expect(fact('ForecastItem', 'includedFlag')).toBeUndefined();
    expect(fact('Campaign', 'subType')?.requiredOnCreate).toBe(true);
  });

  it('every answer of a full read, a connection test and a flag delivery matches the vendor models', async () => {
    const exchanges: Exchange[] = [];
    const opts: CwOptions = {
      site: mock.url,
      companyId: mock.companyId,
      clientId: mock.clientId,
      publicKey: mock.publicKey,
      privateKey: mock.privateKey,
      sleep: async () => undefined,
      limiter: new RateLimiter(10_000, 1000),
      fetch: recorder(exchanges),
    };
    await readConnectWise(opts);
    await testConnectWise(opts);
    const flag = {
      id: 'flag-contract-1',
      createdAt: '2026-12-01T10:00:00.000Z',
      kind: 'upsell',
      note: 'Wants a second site connected.',
      urgency: 'normal',
      ticket: { helpdesk: 'connectwise', ticketId: '7', url: 'https://na.myconnectwise.net/x' },
      accountId: 'connectwise-t:company-251',
      accountName: 'Bluebird',
      source: 'connectwise-t',
      status: 'pending',
      attempts: 0,
    } satisfies Flag;
    await deliverConnectWiseFlag({ ...opts, flagsTo: 'dwhitfield' }, flag, 'company-251');
    await deliverConnectWiseFlag({ ...opts, flagsTo: 'nobody' }, { ...flag, id: 'flag-contract-2' }, 'company-251')
      // A refusal: its answer is checked below as the vendor's error shape.
      .catch(() => undefined);

    const problems: string[] = [];
    const api = exchanges.filter((x) => x.path.includes('/apis/3.0/'));
    expect(api.length).toBeGreaterThan(10);
    for (const x of api) {
      const path = x.path.slice(x.path.indexOf('/apis/3.0') + '/apis/3.0'.length);
      const route = answerModel(x.method, path, x.status);
      if (!route) {
        problems.push(`${x.method} ${path}: no vendor model for this request`);
        continue;
      }
      const answers = route.list ? (Array.isArray(x.answer) ? x.answer : [Symbol('not a list')]) : [x.answer];
      for (const a of answers) problems.push(...answerProblems(route.model, a).map((p) => `${x.method} ${path}: ${p}`));
      if (x.method === 'POST' && x.body)
        problems.push(
          ...createProblems(route.model, x.body as Record<string, unknown>).map((e) => `${path} sent: ${e.message}`),
        );
    }
    expect(problems).toEqual([]);
    expect(api.some((x) => x.status === 400)).toBe(true);
    expect(api.some((x) => x.method === 'POST' && x.status === 201)).toBe(true);
  });
});
