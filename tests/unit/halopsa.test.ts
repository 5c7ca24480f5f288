// @vitest-environment node
// Node's own fetch against the mock HaloPSA on 127.0.0.1 (happy-dom's fetch applies CORS). Every
// request the client sends is checked by the mock against tests/mock-apis/halopsa-contract.ts, and
// every answer here against the same table.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { mapAction, mapClient, mapOpportunity, mapUser, plainText } from '@/sources/halopsa-map';
import { deliverHaloFlag, haloPages, halopsaSource, testHalo, type HaloOptions } from '@/sources/halopsa';
import { liveSource } from '@/sources/live-sources';
import type { Flag } from '@/core/flags';
import { RateLimiter } from '@/sources/http';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadBackstory } from '@/services/backstory';
import { sampleHaloData, startMockHalo, type MockHalo } from '../mock-apis/halopsa-server';
import {
  endpoint,
  HALO_ENDPOINTS,
  HALO_FIELDS,
  recordProblems,
  SOURCES,
  queryProblems,
} from '../mock-apis/halopsa-contract';
import { salesRows } from './stored-records';
import { readAllPages } from './source-pages';
import { rejection, wordedRun, said } from './worded';

let mock: MockHalo;
const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
const opts = (over: Partial<HaloOptions> = {}): HaloOptions => ({
  instance: mock.url,
  tenant: mock.tenant,
  clientId: mock.clientId,
  clientSecret: mock.clientSecret,
  ...fast,
  ...over,
});
const config = (id = 'halopsa-t1') => ({
  id,
  kind: 'halopsa',
  label: 'Halo',
  base: mock.url,
  settings: {
    instance: mock.url,
    tenant: mock.tenant,
    clientId: mock.clientId,
    sourceField: 'How did you hear about us',
  },
});
const secrets = () => ({ clientSecret: mock.clientSecret });

const readAll = (o: HaloOptions, since?: string) => readAllPages(haloPages(o, { step: 0 }, since));

beforeAll(async () => {
  mock = await startMockHalo();
});
afterAll(async () => mock.close());
beforeEach(() => {
  mock.data = sampleHaloData();
  mock.switches = {};
  mock.forbidden.clear();
  mock.requests.length = 0;
  mock.writes.length = 0;
  mock.refused.length = 0;
});
// No request of any test broke the vendor's contract.
afterEach(() => expect(mock.refused).toEqual([]));

describe('HaloPSA records to the model', () => {
  it('maps a client with its website domain, account manager and the configured source field', () => {
    expect(mapClient(sampleHaloData().clients[0]!, 'CFHowDidYouHear')).toMatchObject({
      id: 'halopsa:client-12',
      name: 'Baker & Price LLP',
      domains: ['bakerprice.law'],
      owner: 'Dana Whitfield',
      leadSource: 'Chamber of commerce breakfast',
      customerSince: '2024-02-12',
      externalIds: { halopsa: '12' },
    });
    expect(mapClient({ id: 14, name: 'Closed', inactive: true })).toBeUndefined();
  });

  it('maps a user, an opportunity (won by its conversion date) and an action written in HTML', () => {
    expect(mapUser(sampleHaloData().users[0]!)).toMatchObject({
      accountId: 'halopsa:client-12',
      email: 'helen@bakerprice.law',
      role: 'decision maker',
      title: 'Managing partner',
    });
    expect(mapOpportunity(sampleHaloData().opportunities[0]!)).toMatchObject({
      accountId: 'halopsa:client-12',
      stage: 'Closed Won',
      closeDate: '2024-03-01',
      valueOneTime: 18400,
      leadSource: 'Chamber of commerce breakfast',
      salesRep: 'Dana Whitfield',
    });
    expect(mapOpportunity({ id: 1, summary: 'No client', client_id: 0 })).toBeUndefined();
    const note = mapAction(sampleHaloData().actions[5001]![0]!, 5001, new Map([[3, 'Dana Whitfield']]));
    expect(note).toMatchObject({ author: 'Dana Whitfield', pinned: true, date: '2024-02-27' });
    expect(note?.body).toBe('Helen signed because we promised document system restores within 4 hours.');
    expect(plainText('a &lt;b&gt; &amp; c<br>d')).toBe('a <b> & c\nd');
  });
});

describe('the HaloPSA contract', () => {
  it('names where every fact comes from', () => {
    for (const f of HALO_FIELDS) expect(SOURCES[f.source], `${f.model}.${f.field}`).toBeDefined();
    for (const e of HALO_ENDPOINTS) expect(SOURCES[e.source], e.path).toBeDefined();
    expect(endpoint('GET', '/Opportunities')?.maxPageSize).toBe(100);
    expect(
      queryProblems(endpoint('GET', '/Opportunities')!, new URLSearchParams('pageinate=true&page_size=500')),
    ).toEqual(['page_size 500 is over the maximum of 100']);
    expect(queryProblems(endpoint('GET', '/CRMNote')!, new URLSearchParams('page_no=2'))).toHaveLength(2);
  });

  it('refuses what the vendor would not take: too big a page, a body that is not a list, no token', async () => {
    const token = (
      (await (
        await fetch(`${mock.url}/auth/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: mock.clientId,
            client_secret: mock.clientSecret,
          }).toString(),
        })
      ).json()) as { access_token: string }
    ).access_token;
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const big = await fetch(`${mock.url}/api/Opportunities?pageinate=true&page_size=500&page_no=1`, { headers: auth });
    expect(big.status).toBe(400);
    const single = await fetch(`${mock.url}/api/CRMNote`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ client_id: 12, note: 'x' }),
    });
    expect(single.status).toBe(400);
    expect((await fetch(`${mock.url}/api/Client`)).status).toBe(401);
    expect(mock.refused.map((r) => r.problems[0])).toEqual([
      'page_size 500 is over the maximum of 100',
      'the body should be a non-empty array of AreaNote',
    ]);
    mock.refused.length = 0;
  });

  it('every answer of a full read, a connection test and both kinds of flag matches the vendor models', async () => {
    const answers: { method: string; path: string; body: unknown }[] = [];
    const recording = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetch(input, init);
      const text = await res.clone().text();
      if (res.ok)
        answers.push({
          method: init?.method ?? 'GET',
          path: new URL(String(input)).pathname,
          body: text ? JSON.parse(text) : null,
        });
      return res;
    }) as typeof fetch;
    await readAll(opts({ fetch: recording }));
    await testHalo(opts({ fetch: recording }));
    await deliverHaloFlag({ ...opts({ fetch: recording }) }, flag, 'client-12');
    await deliverHaloFlag({ ...opts({ fetch: recording }), flagsAs: 'note' }, flag, 'client-12');
    const problems: string[] = [];
    for (const { method, path, body } of answers) {
      if (path === '/auth/token') continue;
      const api = path.slice(4);
      const fact = endpoint(method, api)!;
      const records =
        method === 'POST' || fact.listKey === 'one' || (!Array.isArray(body) && !fact.listKey)
          ? [body]
          : Array.isArray(body)
            ? body
            : ((body as Record<string, unknown>)[fact.listKey!] as unknown[]);
      expect(Array.isArray(records), path).toBe(true);
      for (const r of records) problems.push(...recordProblems(fact.model, r));
    }
    expect(answers.length).toBeGreaterThan(8);
    expect(problems).toEqual([]);
  });
});

describe('reading HaloPSA', () => {
  it('signs in once with the client credentials and the tenant, and reads every kind', async () => {
    const { records, warnings } = await readAll(opts({ sourceField: 'CFHowDidYouHear' }));
    expect(warnings).toEqual([]);
    expect(records.accounts.map((a) => a.name)).toEqual(['Baker & Price LLP', 'Harbor Optometry']);
    expect(records.contacts).toHaveLength(2);
    expect(records.deals).toHaveLength(2);
    expect(records.notes.map((n) => n.sourceId).sort()).toEqual(['action-90001', 'crmnote-7001']);
    expect(mock.requests.filter((r) => r.path.startsWith('/auth/token'))).toHaveLength(1);
    expect(mock.requests[0]!.path).toBe('/auth/token?tenant=northwind');
    expect(mock.requests.filter((r) => r.path.startsWith('/api/')).every((r) => r.authorized)).toBe(true);
  });

  it('pages 100 at a time with page_no, each page with the position of the next', async () => {
    mock.data.clients = Array.from({ length: 250 }, (_, i) => ({ id: 100 + i, name: `Client ${i}` }));
    const positions: unknown[] = [];
    // An incremental pass (clients are read whole all the same), so no client asks for its CRM notes.
    const since = '2020-01-01T00:00:00Z';
    for await (const page of haloPages(opts(), { step: 0 }, since))
      if (page.next?.step === 0) positions.push(page.next);
    expect(positions).toEqual([
      { step: 0, after: '2' },
      { step: 0, after: '3' },
    ]);
    const pages = mock.requests.filter((r) => r.path.startsWith('/api/Client?')).map((r) => r.path);
    expect(pages).toEqual([1, 2, 3].map((n) => `/api/Client?pageinate=true&page_size=100&page_no=${n}`));
    // A read that resumes at page 3 starts there.
    mock.requests.length = 0;
    const resumed = haloPages(opts(), { step: 0, after: '3' }, since);
    expect((await resumed.next()).value?.records.accounts).toHaveLength(50);
    await resumed.return(undefined);
  });

  it('gets a new token once when the old one expires mid-sync', async () => {
    const pages = haloPages(opts(), { step: 0 });
    await pages.next();
    mock.expireTokens();
    const rest: unknown[] = [];
    for await (const page of pages) rest.push(page);
    expect(rest).toHaveLength(2);
    expect(mock.requests.filter((r) => r.path.startsWith('/auth/token'))).toHaveLength(2);
  });

  it('leaves CRM notes out, saying so, when the application may not read them', async () => {
    mock.forbidden.add('/CRMNote');
    const { records, warnings } = await readAll(opts());
    expect(warnings.map(noteText)).toEqual(['CRM notes left out: the API application may not read /CRMNote']);
    expect(records.accounts).toHaveLength(2);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/CRMNote'))).toHaveLength(1);
  });

  it('waits as Retry-After says when Halo answers 429', async () => {
    const waits: number[] = [];
    mock.switches = { status: 429, retryAfter: '3', times: 1, onlyPath: '/api/Users' };
    const { records } = await readAll(opts({ sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toContain(3000);
    expect(records.contacts).toHaveLength(2);
  });

  it('is registered, and stores under the source; the backstory links deal, notes and contact', async () => {
    expect(liveSource('halopsa')).toBe(halopsaSource);
    const db = openDb('halo-' + Math.random());
    const out = await runSync(db, config(), secrets(), fast);
    expect(out.run.ok).toBe(true);
    expect(said(out.run)).toBe('2 accounts, 2 contacts, 2 deals, 2 notes (1 record without a name or company skipped)');
    const story = (await loadBackstory(db, 'halopsa-t1:client-12'))!;
    expect(story.account.leadSource).toBe('Chamber of commerce breakfast');
    expect(story.winningDeal?.name).toBe('Baker & Price - managed IT and backup');
    expect(story.notes.map((n) => n.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('4 hours'), expect.stringContaining('Thursday nights')]),
    );
  });

  it('keeps the last good data when the secret is revoked or the server fails, and says which', async () => {
    const db = openDb('halo-' + Math.random());
    await runSync(db, config(), secrets(), fast);
    const rejected = await runSync(db, config(), { clientSecret: 'revoked' }, fast);
    expect(rejected.run.error?.code).toBe('haloSignInRefusedTenant');
    expect(wordedRun(rejected.run)).toMatch(/HaloPSA refused the sign-in \(401\): check the client ID, secret, tenant/);
    expect(said(rejected.run)).not.toContain('revoked');
    mock.switches = { status: 500, onlyPath: '/api/Opportunities' };
    const failed = await runSync(db, config(), secrets(), fast);
    expect(said(failed.run)).toMatch(/failed with 500 after 5 tries/);
    expect(await countsByKind(db, 'halopsa-t1')).toMatchObject({ account: 2, deal: 2, note: 2 });
  });

  it('reads only opportunities changed since the last pass; a daily full pass removes what was deleted', async () => {
    const at = (iso: string) => () => new Date(iso);
    const db = openDb('halo-inc-' + Math.random());
    await runSync(db, config('halopsa-i1'), secrets(), fast, at('2026-12-01T10:00:00Z'));
    mock.data.opportunities[1] = {
      ...mock.data.opportunities[1]!,
      status_name: 'Negotiation',
      last_update: '2026-12-01T10:30:00Z',
    };
    mock.data.clients.splice(1, 1);
    mock.requests.length = 0;
    const second = await runSync(db, config('halopsa-i1'), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(/changed records read; now 2 accounts, 2 contacts, 2 deals/);
    const opps = mock.requests.filter((r) => r.path.startsWith('/api/Opportunities?'));
    expect(opps.map((r) => new URL(r.path, 'http://x').searchParams.get('lastupdatefromdate'))).toEqual([
      '2026-12-01T09:55:00.000Z',
    ]);
    // Only the changed opportunity's actions; no CRM notes in an incremental pass.
    expect(mock.requests.filter((r) => r.path.startsWith('/api/Actions'))).toHaveLength(1);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/CRMNote'))).toHaveLength(0);
    expect((await salesRows(db).deals.get('halopsa-i1:opportunity-5002'))?.stage).toBe('Negotiation');
    const daily = await runSync(db, config('halopsa-i1'), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(said(daily.run)).toMatch(/^1 account,/);
  });
});

describe('testing the HaloPSA connection', () => {
  it('passes, or names a refused sign-in, a missing permission for CRM notes, an unreachable host', async () => {
    expect((await testHalo(opts())).every((c) => c.ok)).toBe(true);
    const typo = await testHalo(opts({ clientSecret: 'typo' }));
    expect(typo).toEqual([{ what: 'signIn', ok: false, message: expect.any(String), error: expect.any(Object) }]);
    expect(wordedRun(typo[0])).toMatch(/refused the sign-in \(401\)/);
    const elsewhere = await testHalo(opts({ tenant: 'elsewhere' }));
    expect(elsewhere).toEqual([
      {
        what: 'signIn',
        ok: false,
        message: expect.any(String),
        error: { code: 'haloSignInRefusedTenant', args: ['401'] },
      },
    ]);
    expect(wordedRun(elsewhere[0])).toMatch(/client ID, secret, tenant and scope/);
    mock.forbidden.add('/CRMNote');
    expect((await testHalo(opts())).at(-1)).toEqual({
      what: 'crmNotes',
      ok: false,
      optional: true,
      message: expect.stringMatching(/may not read .*CRMNote \(403\)/),
      error: { code: 'permission', args: [expect.stringMatching(/CRMNote$/)] },
    });
    mock.forbidden.add('/Opportunities');
    expect((await testHalo(opts())).find((c) => c.what === 'opportunities')?.ok).toBe(false);
    expect(await testHalo(opts({ instance: 'http://127.0.0.1:9' }))).toEqual([
      {
        what: 'signIn',
        ok: false,
        message: expect.stringMatching(/could not be reached/),
        error: expect.objectContaining({ code: 'network' }),
      },
    ]);
  });
});

const flag: Flag = {
  id: 'bsflag0123456789abcdef0123456789abcd',
  createdAt: '2026-12-01T10:00:00.000Z',
  kind: 'new-project',
  note: 'Opening a second office in March.',
  urgency: 'normal',
  ticket: { helpdesk: 'halopsa', ticketId: '1042', url: 'https://northwind.halopsa.com/ticket?id=1042' },
  accountId: 'halopsa-t1:client-12',
  accountName: 'Baker & Price LLP',
  source: 'halopsa-t1',
  status: 'pending',
  attempts: 0,
};

describe('flags to HaloPSA', () => {
  it("becomes one opportunity on the client, assigned to the client's account manager, found again on retry", async () => {
    const first = await deliverHaloFlag(opts(), flag, 'client-12');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      path: '/Opportunities',
      record: { summary: 'New project: Opening a second office in March.', client_id: 12, agent_id: 3 },
    });
    expect(String(mock.writes[0]!.record.details)).toContain(flag.id);
    const again = await deliverHaloFlag(opts(), flag, 'client-12');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
  });

  it('becomes one CRM note instead when the source says so, and refuses anything else', async () => {
    const first = await deliverHaloFlag({ ...opts(), flagsAs: 'note' }, flag, 'client-12');
    const again = await deliverHaloFlag({ ...opts(), flagsAs: 'note' }, flag, 'client-12');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes.map((w) => w.path)).toEqual(['/CRMNote']);
    expect(String(mock.writes[0]!.record.note)).toContain('Opening a second office');
    expect(await rejection(deliverHaloFlag({ ...opts(), flagsAs: 'ticket' }, flag, 'client-12'))).toMatch(
      /an "opportunity" or a "note"/,
    );
    expect(await rejection(deliverHaloFlag(opts(), flag, 'user-5'))).toMatch(/not a HaloPSA client/);
  });
});
