// @vitest-environment node
// Node's own fetch against the mock HubSpot server on 127.0.0.1 (happy-dom's fetch applies CORS).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { commitImport } from '@/services/import';
import { parseImportFile } from '@/sources/csv-import';
import { runSync } from '@/sources/run-sync';
import { openDb, type BackstoryDB } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { dataStamp } from '@/storage/data-stamp';
import type { SourceConfig } from '@/storage/source-configs';
import { RateLimiter } from '@/sources/http';
import { testHubSpot } from '@/sources/hubspot';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';
import { salesRows } from './stored-records';
import { wordedRun, said } from './worded';

let mock: MockHubSpot;
let db: BackstoryDB;
let config: SourceConfig;
const sleeps: number[] = [];
const http = () => ({
  sleep: async (ms: number) => void sleeps.push(ms),
  limiter: new RateLimiter(1000, 1000),
  random: () => 0.5,
});

beforeAll(async () => {
  mock = await startMockHubSpot();
});
afterAll(async () => mock.close());
beforeEach(() => {
  db = openDb('sync-' + Math.random());
  config = { id: 'hubspot-t1', kind: 'hubspot', label: 'HubSpot', base: mock.url };
  mock.data = sampleHubSpotData();
  mock.switches = {};
  mock.setToken('pat-na1-mock-token');
  mock.requests.length = 0;
  sleeps.length = 0;
});

describe('syncing a HubSpot source', () => {
  it('stores companies, contacts, deals and notes under the source, owners resolved to names', async () => {
    const out = await runSync(db, config, { token: mock.token }, http());
    expect(out.run.ok).toBe(true);
    expect(said(out.run)).toBe('3 accounts, 2 contacts, 3 deals, 1 note');
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 3, contact: 2, deal: 3, note: 1 });
    const account = await salesRows(db).accounts.get('hubspot-t1:5001');
    expect(account).toMatchObject({
      name: 'Unknown Widgets Ltd',
      source: 'hubspot-t1',
      domains: ['unknown-widgets.example'],
    });
    expect(await salesRows(db).contacts.get('hubspot-t1:7001')).toMatchObject({
      accountId: 'hubspot-t1:5001',
      email: 'zed@unknown-widgets.example',
    });
    expect(await salesRows(db).deals.get('hubspot-t1:9001')).toMatchObject({
      accountId: 'hubspot-t1:5001',
      salesRep: 'Priya Nair',
      valueRecurring: 950,
    });
    expect((await salesRows(db).notes.get('hubspot-t1:3001'))?.body).toContain('burned by their last IT guy');
    expect(mock.requests.every((r) => r.authorized)).toBe(true);
  });

  it('follows paging to the last page', async () => {
    mock.data.companies = Array.from({ length: 230 }, (_, i) => ({
      id: String(10_000 + i),
      properties: { name: `Company ${i}` },
    }));
    const out = await runSync(db, config, { token: mock.token }, http());
    expect(out.counts?.account).toBe(230);
    expect(mock.requests.filter((r) => r.path.startsWith('/crm/v3/objects/companies')).length).toBe(3);
  });

  it('removes records deleted upstream only after a complete pass', async () => {
    await runSync(db, config, { token: mock.token }, http());
    // An incremental pass with nothing changed writes no record: the data stamp stays.
    const stamp = await dataStamp(db);
    expect(said((await runSync(db, config, { token: mock.token }, http())).run)).toMatch(/^0 changed records read/);
    expect(await dataStamp(db)).toBe(stamp);
    mock.data.companies = mock.data.companies.filter((c) => c.id !== '5003');
    mock.data.deals = mock.data.deals.filter((d) => d.id !== '9003');
    mock.data.companies[0]!.properties.name = 'Unknown Widgets Limited';
    // An incremental pass cannot see deletions: they go with the next full pass (daily).
    const incremental = await runSync(db, config, { token: mock.token }, http());
    expect(said(incremental.run)).toMatch(/^0 changed records read/);
    expect(await salesRows(db).accounts.get('hubspot-t1:5003')).toBeDefined();
    const out = await runSync(db, config, { token: mock.token }, http(), () => new Date(Date.now() + 25 * 3600_000));
    expect(out.run.ok).toBe(true);
    expect(await salesRows(db).accounts.get('hubspot-t1:5003')).toBeUndefined();
    expect((await salesRows(db).accounts.get('hubspot-t1:5001'))?.name).toBe('Unknown Widgets Limited');
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 2, deal: 2 });
  });

  it('reads only what changed since the last pass through the search API, with associations in batches', async () => {
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    await runSync(db, config, { token: mock.token }, http(), () => new Date(t0));
    mock.data.contacts[1] = {
      ...mock.data.contacts[1]!,
      properties: { ...mock.data.contacts[1]!.properties, jobtitle: 'Practice manager' },
      modified: '2026-12-01T10:20:00Z',
    };
    mock.data.notes.push({
      id: '3002',
      properties: { hs_note_body: 'Asked about a second site.', hs_timestamp: '2026-12-01T10:25:00Z' },
      associations: { companies: ['5002'] },
      modified: '2026-12-01T10:25:00Z',
    });
    mock.requests.length = 0;
    const out = await runSync(db, config, { token: mock.token }, http(), () => new Date(t0 + 3600_000));
    expect(said(out.run)).toMatch(/^2 changed records read; now 3 accounts, 2 contacts, 3 deals, 2 notes/);
    expect(mock.requests.some((r) => r.path === '/crm/v3/objects/contacts/search')).toBe(true);
    expect(mock.requests.some((r) => r.path === '/crm/v4/associations/notes/companies/batch/read')).toBe(true);
    expect(mock.requests.some((r) => r.path.startsWith('/crm/v3/objects/companies?'))).toBe(false);
    expect(await salesRows(db).contacts.get('hubspot-t1:7002')).toMatchObject({
      title: 'Practice manager',
      accountId: 'hubspot-t1:5002',
    });
    expect(await salesRows(db).notes.get('hubspot-t1:3002')).toMatchObject({
      accountId: 'hubspot-t1:5002',
      body: 'Asked about a second site.',
    });
  });

  it('reads more changes than one search can page through, by starting a new search from the last time read', async () => {
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    await runSync(db, config, { token: mock.token }, http(), () => new Date(t0));
    // 250 changed companies; this mock, like HubSpot at 10,000, refuses to page one search past 150.
    mock.data.companies = Array.from({ length: 250 }, (_, i) => ({
      id: String(20_000 + i),
      properties: { name: `Changed ${i}` },
      modified: new Date(t0 + 60_000 + i * 1000).toISOString(),
    }));
    mock.searchCap = 150;
    mock.requests.length = 0;
    const shallow = { ...http(), searchDepth: 150 } as ReturnType<typeof http>;
    try {
      const out = await runSync(db, config, { token: mock.token }, shallow, () => new Date(t0 + 3600_000));
      expect(out.run).toMatchObject({ ok: true });
      expect(said(out.run)).toMatch(/^25\d changed records read/);
      for (const i of [0, 99, 100, 149, 150, 249])
        expect(await salesRows(db).accounts.get(`hubspot-t1:${20_000 + i}`), String(i)).toMatchObject({
          name: `Changed ${i}`,
        });
      expect(mock.requests.filter((r) => r.path === '/crm/v3/objects/companies/search').length).toBeGreaterThanOrEqual(
        3,
      );
    } finally {
      mock.searchCap = 10_000;
    }
  });

  it('keeps the last good data when the key is revoked, and says the key was rejected', async () => {
    await runSync(db, config, { token: mock.token }, http());
    const old = mock.token;
    mock.setToken('pat-na1-new-token');
    const out = await runSync(db, config, { token: old }, http());
    expect(out.run.ok).toBe(false);
    expect(said(out.run)).toMatch(/rejected the key \(401\)/);
    expect(said(out.run)).not.toContain(old);
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 3, deal: 3 });
  });

  it('keeps the last good data when the server fails (500) or answers something that is not JSON', async () => {
    await runSync(db, config, { token: mock.token }, http());
    mock.data.companies = [];
    mock.switches = { status: 500 };
    const failed = await runSync(db, config, { token: mock.token }, http());
    expect(said(failed.run)).toMatch(/failed with 500 after 5 tries/);
    mock.switches = { malformed: true };
    const malformed = await runSync(db, config, { token: mock.token }, http());
    expect(said(malformed.run)).toMatch(/did not answer JSON/);
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 3 });
  });

  it('fails part-way (contacts) without writing the companies it already read', async () => {
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/contacts' };
    const out = await runSync(db, config, { token: mock.token }, { ...http(), retries: 0 });
    expect(said(out.run)).toMatch(/contacts failed with 503/);
    expect(mock.requests.some((r) => r.path.startsWith('/crm/v3/objects/companies'))).toBe(true);
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 0, contact: 0 });
  });

  it('resumes a pass cut off part-way from its cursor, reading nothing twice', async () => {
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/deals' };
    const cut = await runSync(db, config, { token: mock.token }, { ...http(), retries: 0 });
    expect(cut.run.ok).toBe(false);
    // Companies and contacts are staged with the cursor at deals; the live tables are untouched.
    expect((await db.syncState.get('hubspot-t1'))?.pass).toMatchObject({ mode: 'full', step: 2 });
    expect(await db.syncStaging.where('source').equals('hubspot-t1').count()).toBe(5);
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 0, contact: 0 });

    mock.switches = {};
    mock.requests.length = 0;
    const resumed = await runSync(db, config, { token: mock.token }, http());
    expect(resumed.run.ok).toBe(true);
    expect(said(resumed.run)).toBe('3 accounts, 2 contacts, 3 deals, 1 note');
    expect(
      mock.requests.some(
        (r) => r.path.startsWith('/crm/v3/objects/companies') || r.path.startsWith('/crm/v3/objects/contacts'),
      ),
    ).toBe(false);
    expect(await db.syncStaging.count()).toBe(0);
    expect((await db.syncState.get('hubspot-t1'))?.pass).toBeUndefined();
  });

  it('waits as long as Retry-After says on 429, then finishes', async () => {
    mock.switches = { status: 429, times: 1, retryAfter: '3' };
    const out = await runSync(db, config, { token: mock.token }, http());
    expect(out.run.ok).toBe(true);
    expect(sleeps).toContain(3000);
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    mock.switches = { delayMs: 400 };
    const out = await runSync(db, config, { token: mock.token }, { ...http(), timeoutMs: 100, retries: 1 });
    expect(out.run).toMatchObject({ ok: false });
    expect(said(out.run)).toMatch(/did not answer within 1 s/);
  });

  it('keeps the last good data and says so when the disk is full', async () => {
    await runSync(db, config, { token: mock.token }, http());
    mock.data.companies.push({ id: '5009', properties: { name: 'New Co' } });
    const table = db.packs;
    const spy = vi.spyOn(table, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const out = await runSync(db, config, { token: mock.token }, http(), () => new Date(), { full: true });
    spy.mockRestore();
    expect(out.run).toMatchObject({ ok: false, error: { code: 'diskFull', args: [] } });
    expect(wordedRun(out.run)).toBe('the browser has no storage space left for Backstory');
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 3, deal: 3 });
  });

  it('runs beside an import into the same database: both land, nothing is lost', async () => {
    const csv =
      'id,name,domains\n' + Array.from({ length: 300 }, (_, i) => `c${i},Imported ${i},imp${i}.example`).join('\n');
    const parsed = parseImportFile({ fileName: 'accounts.csv', bytes: new TextEncoder().encode(csv) });
    const [sync, imported] = await Promise.all([
      runSync(db, config, { token: mock.token }, http()),
      commitImport(db, parsed),
    ]);
    expect(sync.run.ok).toBe(true);
    expect(imported.added.account).toBe(300);
    expect(await countsByKind(db, 'hubspot-t1')).toMatchObject({ account: 3, contact: 2, deal: 3, note: 1 });
    expect(await countsByKind(db, 'csv')).toMatchObject({ account: 300 });
  });

  it('says so when no token is saved', async () => {
    const out = await runSync(db, config, undefined, http());
    expect(out.run).toMatchObject({ ok: false, error: { code: 'noKey', args: [] } });
    expect(wordedRun(out.run)).toBe('no API key saved for this source');
    expect(mock.requests).toHaveLength(0);
  });
});

describe('Test connection', () => {
  it('passes every check with a good key', async () => {
    const checks = await testHubSpot({ token: mock.token, base: mock.url });
    expect(checks.map((c) => [c.what, c.ok])).toEqual([
      ['owners', true],
      ['companies', true],
      ['contacts', true],
      ['deals', true],
      ['notes', true],
      ['campaigns', true],
    ]);
  });

  it('names the kind the key may not read (403), and goes on to check the others', async () => {
    mock.switches = { status: 403, onlyPath: '/crm/v3/objects/notes' };
    const checks = await testHubSpot({ token: mock.token, base: mock.url });
    expect(checks.filter((c) => !c.ok)).toEqual([
      {
        what: 'notes',
        ok: false,
        message: expect.stringMatching(/may not read .*notes \(403\)/),
        error: { code: 'permission', args: [expect.stringMatching(/\/crm\/v3\/objects\/notes$/)] },
      },
    ]);
    expect(checks).toHaveLength(6);
  });

  it('stops at the first check when the key is rejected or the host cannot be reached', async () => {
    const rejected = await testHubSpot({ token: 'pat-na1-wrong', base: mock.url });
    expect(rejected).toEqual([
      {
        what: 'owners',
        ok: false,
        message: expect.stringMatching(/rejected the key \(401\)/),
        error: { code: 'auth', args: [`${new URL(mock.url).host}/crm/v3/owners/`] },
      },
    ]);
    const unreachable = await testHubSpot({ token: mock.token, base: 'http://127.0.0.1:9' });
    expect(unreachable).toEqual([
      {
        what: 'owners',
        ok: false,
        message: expect.stringMatching(/127\.0\.0\.1:9\/crm\/v3\/owners\/ could not be reached/),
        error: { code: 'network', args: ['127.0.0.1:9/crm/v3/owners/', expect.any(String)] },
      },
    ]);
  });
});
