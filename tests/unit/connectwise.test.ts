// @vitest-environment node
// Node's own fetch against the mock ConnectWise API on 127.0.0.1 (happy-dom's fetch applies CORS).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forecastValues, mapCompany, mapCompanyNote, mapContact, mapOpportunity } from '@/sources/connectwise-map';
import { deliverConnectWiseFlag, readConnectWise, testConnectWise, type CwOptions } from '@/sources/connectwise';
import type { Flag } from '@/core/flags';
import { RateLimiter } from '@/sources/http';
import { testHttp } from '@/sources/test-http';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadBackstory } from '@/services/backstory';
import {
  forecastItem,
  sampleConnectWiseData,
  startMockConnectWise,
  type MockConnectWise,
} from '../mock-apis/connectwise-server';
import { salesRows } from './stored-records';
import { withRun } from '@/storage/source-configs';
import { rejection, wordedRun } from './worded';

let mock: MockConnectWise;
const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
const opts = (over: Partial<CwOptions> = {}): CwOptions => ({
  site: mock.url,
  companyId: mock.companyId,
  clientId: mock.clientId,
  publicKey: mock.publicKey,
  privateKey: mock.privateKey,
  ...fast,
  ...over,
});

beforeAll(async () => {
  mock = await startMockConnectWise();
});
afterAll(async () => mock.close());
beforeEach(() => {
  mock.data = sampleConnectWiseData();
  mock.switches = {};
  mock.forbidden.clear();
  mock.requests.length = 0;
  mock.writes.length = 0;
  mock.forecastShape = 'list';
});

describe('ConnectWise records to the model', () => {
  it('maps a company with its website domain, lead source and date acquired', () => {
    expect(
      mapCompany({
        id: 250,
        identifier: 'GranitePeak',
        name: 'Granite Peak Surveying LLC',
        website: 'www.GranitePeak.example',
        leadSource: 'Trade show',
        dateAcquired: '2025-04-02T00:00:00Z',
        market: { id: 3, name: 'Engineering' },
      }),
    ).toMatchObject({
      id: 'connectwise:company-250',
      name: 'Granite Peak Surveying LLC',
      aliases: ['GranitePeak'],
      domains: ['granitepeak.example'],
      leadSource: 'Trade show',
      customerSince: '2025-04-02',
      industry: 'Engineering',
      externalIds: { connectwise: '250' },
    });
    expect(mapCompany({ id: 1, name: 'Gone', deletedFlag: true })).toBeUndefined();
    expect(mapCompany({ id: 2, name: 42 })).toBeUndefined();
  });

  it("takes a contact's default email from its communication items and its role from its types", () => {
    expect(
      mapContact({
        id: 5,
        firstName: 'Ravi',
        lastName: 'Shah',
        company: { id: 250 },
        types: [{ id: 2, name: 'Decision Maker' }],
        communicationItems: [
          { communicationType: 'Phone', value: '555' },
          { type: { name: 'Email' }, value: 'other@x.example' },
          { communicationType: 'Email', value: 'Ravi@GP.example', defaultFlag: true },
        ],
      }),
    ).toMatchObject({
      accountId: 'connectwise:company-250',
      name: 'Ravi Shah',
      email: 'ravi@gp.example',
      role: 'decision maker',
    });
  });

  it('maps a won opportunity with its campaign, rep, currency and forecast revenue', () => {
    const won = { id: 2, name: 'Won' };
    const forecast = forecastValues([
      {
        id: 1,
        forecastItems: [
          forecastItem(1, 9, won, { revenue: 16_200, recurringFlag: true, recurringRevenue: 1350 }),
          forecastItem(2, 9, won, { revenue: 2400 }),
        ],
      },
    ]);
    expect(forecast).toEqual({ oneTime: 2400, recurring: 1350 });
    expect(
      mapOpportunity(
        {
          id: 9,
          name: 'Managed IT',
          company: { id: 250 },
          campaign: { id: 31 },
          source: 'Trade show',
          primarySalesRep: { name: 'Dana Whitfield' },
          status: { name: 'Won' },
          closedDate: '2025-04-01T00:00:00Z',
          currency: { id: 3, currencyCode: 'EUR', symbol: '€' },
        },
        forecast,
      ),
    ).toMatchObject({
      accountId: 'connectwise:company-250',
      campaignId: 'connectwise:campaign-31',
      stage: 'Closed Won',
      closeDate: '2025-04-01',
      salesRep: 'Dana Whitfield',
      leadSource: 'Trade show',
      valueRecurring: 1350,
      valueOneTime: 2400,
      currency: 'EUR',
    });
    expect(mapOpportunity({ id: 10, name: 'No company' })).toBeUndefined();
  });

  it("leaves forecast lines out that the vendor's includeFlag excludes or whose status is lost", () => {
    const won = { id: 2, name: 'Won' };
    expect(
      forecastValues({
        forecastItems: [
          forecastItem(1, 9, won, { revenue: 2400 }),
          forecastItem(2, 9, won, { revenue: 999, includeFlag: false }),
          forecastItem(3, 9, { id: 3, name: 'Lost' }, { revenue: 5000 }),
          forecastItem(4, 9, { id: 3, name: 'Lost' }, { revenue: 1200, recurringFlag: true, recurringRevenue: 100 }),
        ],
      }),
    ).toEqual({ oneTime: 2400 });
  });

  it('reads a recurring line by its recurringRevenue, not its whole revenue', () => {
    expect(
      forecastValues({
        forecastItems: [
          forecastItem(1, 9, { id: 2, name: 'Won' }, { revenue: 12_000, recurringFlag: true, recurringRevenue: 1000 }),
        ],
      }),
    ).toEqual({ recurring: 1000 });
  });

  it('reads every documented shape of the forecast answer: a list, one object, an older flat list', () => {
    const won = { id: 2, name: 'Won' };
    const items = [
      forecastItem(1, 9, won, { revenue: 2400 }),
      forecastItem(2, 9, won, { revenue: 600, recurringFlag: true, recurringRevenue: 50 }),
    ];
    const currency = { id: 3, currencyCode: 'EUR' };
    expect(forecastValues([{ id: 1, forecastItems: items, currency }])).toEqual({
      oneTime: 2400,
      recurring: 50,
      currency: 'EUR',
    });
    expect(forecastValues({ id: 1, forecastItems: items })).toEqual({ oneTime: 2400, recurring: 50 });
    expect(
      forecastValues([
        { id: 1, revenue: 2400, status: won, includedFlag: true },
        { id: 2, revenue: 600, status: won, includedFlag: true, recurring: { recurringRevenue: 50 } },
        { id: 3, revenue: 999, status: won, includedFlag: false },
      ]),
    ).toEqual({ oneTime: 2400, recurring: 50 });
  });

  it('maps a company note as a note of the account, with its type, author and date', () => {
    expect(
      mapCompanyNote(
        {
          id: 600,
          text: ' Prefers calls before 9am ',
          type: { id: 1, name: 'General' },
          flagged: true,
          _info: { dateEntered: '2025-04-03T09:00:00Z', enteredBy: 'dwhitfield' },
        },
        250,
      ),
    ).toEqual({
      id: 'connectwise:company-note-600',
      source: 'connectwise',
      sourceId: 'company-note-600',
      accountId: 'connectwise:company-250',
      author: 'dwhitfield',
      date: '2025-04-03',
      body: 'Prefers calls before 9am',
      tags: ['General'],
      pinned: true,
    });
    expect(mapCompanyNote({ id: 601, text: '   ' }, 250)).toBeUndefined();
    expect(mapCompanyNote({ id: 602, text: 42 }, 250)).toBeUndefined();
  });
});

describe('reading ConnectWise', () => {
  it('finds the codebase, sends Basic auth and the clientId, and reads every kind', async () => {
    const { records, skipped, warnings } = await readConnectWise(opts());
    expect(records.accounts.map((a) => a.name)).toEqual(['Granite Peak Surveying LLC', 'Bluebird Family Dentistry']);
    expect(skipped).toBe(1);
    expect(warnings).toEqual([]);
    expect(records.campaigns).toMatchObject([{ name: 'Spring trade show 2025', channel: 'Trade show', cost: 8450 }]);
    expect(records.deals.find((d) => d.sourceId === 'opportunity-4100')).toMatchObject({
      valueRecurring: 1350,
      salesRep: 'Dana Whitfield',
    });
    expect(records.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dealId: 'connectwise:opportunity-4100',
          pinned: true,
          author: 'dwhitfield',
          date: '2025-03-28',
        }),
        expect.objectContaining({
          accountId: 'connectwise:company-250',
          body: expect.stringContaining('phone calls before 9am'),
          tags: ['General'],
          date: '2025-04-03',
        }),
      ]),
    );
    expect(records.notes).toHaveLength(2);
    // One notes request per company kept (not the deleted one) and per opportunity.
    expect(
      mock.requests
        .filter((r) => /\/company\/companies\/\d+\/notes/.test(r.path))
        .map((r) => r.path.split('?')[0]!.split('/')[6]),
    ).toEqual(['250', '251']);
    expect(mock.requests.filter((r) => r.path.includes('/apis/3.0/')).every((r) => r.authorized)).toBe(true);
    // Only won opportunities cost a forecast request.
    expect(mock.requests.filter((r) => r.path.endsWith('/forecast'))).toHaveLength(1);
  });

  it("reads the won deal's revenue in each forecast shape, and its currency from the opportunity", async () => {
    (mock.data.opportunities[0]!.currency as { currencyCode: string }).currencyCode = 'CAD';
    for (const shape of ['list', 'object', 'flat'] as const) {
      mock.forecastShape = shape;
      const { records } = await readConnectWise(opts());
      expect(
        records.deals.find((d) => d.sourceId === 'opportunity-4100'),
        shape,
      ).toMatchObject({
        valueOneTime: 2400,
        valueRecurring: 1350,
        currency: 'CAD',
      });
    }
    mock.forecastShape = 'list';
  });

  it('pages through 1000 at a time', async () => {
    mock.data.contacts = Array.from({ length: 2500 }, (_, i) => ({
      id: 10_000 + i,
      firstName: 'Person',
      lastName: String(i),
    }));
    const { records } = await readConnectWise(opts());
    expect(records.contacts).toHaveLength(2500);
    expect(
      mock.requests
        .filter((r) => r.path.startsWith(`/v2025_1/apis/3.0/company/contacts?`))
        .map((r) => new URL(r.path, 'http://x').searchParams.get('page')),
    ).toEqual(['1', '2', '3']);
  });

  it('leaves campaigns out, saying so, when the API member may not read them', async () => {
    mock.forbidden.add('/marketing/campaigns');
    const { records, warnings } = await readConnectWise(opts());
    expect(records.campaigns).toEqual([]);
    expect(records.deals.every((d) => d.campaignId === undefined)).toBe(true);
    expect(warnings).toEqual(['campaigns left out: the API member may not read /marketing/campaigns']);
  });

  it('leaves company notes out, saying so once, when the API member may not read them', async () => {
    for (const id of [250, 251]) mock.forbidden.add(`/company/companies/${id}/notes`);
    const { records, warnings } = await readConnectWise(opts());
    expect(records.accounts).toHaveLength(2);
    expect(records.notes.map((n) => n.sourceId)).toEqual(['opportunity-note-77']);
    expect(warnings).toEqual(['company notes left out: the API member may not read /company/companies/{id}/notes']);
    // After the first refusal it stops asking.
    expect(
      mock.requests.filter((r) => r.path.includes('/notes') && r.path.includes('/company/companies/')),
    ).toHaveLength(1);
  });
});

describe('syncing ConnectWise', () => {
  const config = () => ({
    id: 'connectwise-t1',
    kind: 'connectwise',
    label: 'PSA',
    base: mock.url,
    settings: { site: mock.url, companyId: mock.companyId, clientId: mock.clientId },
  });
  const secrets = () => ({ publicKey: mock.publicKey, privateKey: mock.privateKey });

  it('stores the records under the source; the backstory links campaign, deal and note', async () => {
    const db = openDb('cw-' + Math.random());
    const out = await runSync(db, config(), secrets(), fast);
    expect(out.run).toMatchObject({
      ok: true,
      message: '2 accounts, 2 contacts, 1 campaigns, 2 deals, 2 notes (1 records without a name or company skipped)',
    });
    const story = (await loadBackstory(db, 'connectwise-t1:company-250'))!;
    expect(story.originCampaign?.name).toBe('Spring trade show 2025');
    expect(story.winningDeal?.productsSold).toContain('2-hour response');
    expect(story.notes.map((n) => n.body)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Plotter downtime'),
        expect.stringContaining('phone calls before 9am'),
      ]),
    );
  });

  it('keeps the last good data when the key is rejected or the server fails', async () => {
    const db = openDb('cw-' + Math.random());
    await runSync(db, config(), secrets(), fast);
    const rejected = await runSync(db, config(), { ...secrets(), privateKey: 'wrong' }, fast);
    expect(rejected.run.message).toMatch(/rejected the key \(401\)/);
    expect(rejected.run.message).not.toContain('wrong');
    mock.switches = { status: 500, onlyPath: '/sales/opportunities' };
    const failed = await runSync(db, config(), secrets(), fast);
    expect(failed.run.message).toMatch(/failed with 500 after 5 tries/);
    // The same as a code and its arguments, kept with the run and the status for the page to word.
    const host = new URL(mock.url).host;
    expect(rejected.run.error).toEqual({ code: 'auth', args: [`${host}/v2025_1/apis/3.0/company/companies`] });
    expect(failed.run.error).toEqual({
      code: 'server',
      args: [`${host}/v2025_1/apis/3.0/sales/opportunities`, '500', '5'],
    });
    expect(withRun(undefined, failed.run).lastErrorDetail).toEqual(failed.run.error);
    expect(
      withRun(withRun(undefined, failed.run), { at: 'now', ok: true, message: '' }).lastErrorDetail,
    ).toBeUndefined();
    const unknown = await runSync(db, config(), {}, fast);
    expect(unknown.run.error).toEqual({ code: 'noKey', args: [] });
    expect(await countsByKind(db, 'connectwise-t1')).toMatchObject({ account: 2, deal: 2, note: 2 });
  });
});

describe('incremental syncs (ConnectWise)', () => {
  const config = () => ({
    id: 'connectwise-i1',
    kind: 'connectwise',
    label: 'PSA',
    base: mock.url,
    settings: { site: mock.url, companyId: mock.companyId, clientId: mock.clientId },
  });
  const secrets = () => ({ publicKey: mock.publicKey, privateKey: mock.privateKey });
  const at = (iso: string) => () => new Date(iso);

  it('reads only what changed since the last pass, and a daily full pass removes what was deleted upstream', async () => {
    const db = openDb('cw-inc-' + Math.random());
    const first = await runSync(db, config(), secrets(), fast, at('2026-12-01T10:00:00Z'));
    expect(first.run.ok).toBe(true);
    // Upstream: one company renamed, one deleted.
    mock.data.companies[0] = {
      ...mock.data.companies[0]!,
      name: 'Granite Peak Surveying Group',
      _info: { lastUpdated: '2026-12-01T10:30:00Z' },
    };
    mock.data.companies.splice(1, 1);
    mock.requests.length = 0;
    const second = await runSync(db, config(), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(second.run.message).toMatch(/^1 changed records read; now 2 accounts/);
    const conditions = mock.requests
      .map((r) => new URL(r.path, 'http://x').searchParams.get('conditions'))
      .filter(Boolean);
    expect(conditions).toContain('lastUpdated > [2026-12-01T09:55:00.000Z]');
    expect((await salesRows(db).accounts.get('connectwise-i1:company-250'))?.name).toBe('Granite Peak Surveying Group');
    expect(await salesRows(db).accounts.get('connectwise-i1:company-251')).toBeDefined();
    const daily = await runSync(db, config(), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(daily.run.message).toMatch(/^1 accounts/);
    expect(await salesRows(db).accounts.get('connectwise-i1:company-251')).toBeUndefined();
  });

  it('catches new notes of changed companies and of open opportunities that did not change; others wait for the daily full pass', async () => {
    const db = openDb('cw-notes-' + Math.random());
    expect((await runSync(db, config(), secrets(), fast, at('2026-12-01T10:00:00Z'))).run.ok).toBe(true);
    const note = (id: number, text: string) => ({
      id,
      text,
      enteredBy: 'pnair',
      _info: { lastUpdated: '2026-12-01T10:30:00Z', dateEntered: '2026-12-01T10:30:00Z' },
    });
    // Upstream: company 250 changed and got a note; 4101 (open, unchanged) got a note;
    // 251 (unchanged) and 4100 (closed, unchanged) got notes too.
    mock.data.companies[0] = { ...mock.data.companies[0]!, _info: { lastUpdated: '2026-12-01T10:30:00Z' } };
    mock.data.companyNotes![250]!.push(note(610, 'Ravi asked about a second office.'));
    mock.data.companyNotes![251] = [note(611, 'Lena wants invoices by post.')];
    mock.data.notes[4101] = [note(78, 'Phones: they want a quote before January.')];
    mock.data.notes[4100]!.push(note(79, 'Plotter replaced under warranty.'));
    mock.requests.length = 0;
    const second = await runSync(db, config(), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(second.run.message).toMatch(
      /^3 changed records read; now 2 accounts, 2 contacts, 1 campaigns, 2 deals, 4 notes/,
    );
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-610')).toMatchObject({
      accountId: 'connectwise-i1:company-250',
      author: 'pnair',
    });
    expect(await salesRows(db).notes.get('connectwise-i1:opportunity-note-78')).toMatchObject({
      dealId: 'connectwise-i1:opportunity-4101',
    });
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-611')).toBeUndefined();
    expect(await salesRows(db).notes.get('connectwise-i1:opportunity-note-79')).toBeUndefined();
    // Notes are asked for by lastUpdated; the unchanged open opportunities are found by closedDate.
    const asked = mock.requests
      .map((r) => new URL(r.path, 'http://x'))
      .map((u) => [u.pathname.replace('/v2025_1/apis/3.0', ''), u.searchParams.get('conditions')]);
    expect(asked).toContainEqual(['/company/companies/250/notes', 'lastUpdated > [2026-12-01T09:55:00.000Z]']);
    expect(asked).toContainEqual([
      '/sales/opportunities',
      'closedDate = null and lastUpdated <= [2026-12-01T09:55:00.000Z]',
    ]);
    expect(asked).toContainEqual(['/sales/opportunities/4101/notes', 'lastUpdated > [2026-12-01T09:55:00.000Z]']);
    expect(
      asked.some(([path]) => path === '/company/companies/251/notes' || path === '/sales/opportunities/4100/notes'),
    ).toBe(false);
    const daily = await runSync(db, config(), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(daily.run.message).toMatch(/^2 accounts, 2 contacts, 1 campaigns, 2 deals, 6 notes/);
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-611')).toMatchObject({
      accountId: 'connectwise-i1:company-251',
    });
  });
});

describe('Test connection (ConnectWise)', () => {
  it('passes with good keys and names a missing permission for campaigns', async () => {
    expect((await testConnectWise(opts())).every((c) => c.ok)).toBe(true);
    mock.forbidden.add('/marketing/campaigns');
    const checks = await testConnectWise(opts());
    expect(checks.filter((c) => !c.ok)).toEqual([
      {
        what: 'campaigns',
        ok: false,
        optional: true,
        message: expect.stringMatching(/may not read .*marketing\/campaigns \(403\)/),
        error: { code: 'permission', args: [expect.stringMatching(/marketing\/campaigns$/)] },
      },
    ]);
  });

  it('says the company id is unknown, the key is rejected, or the host is unreachable', async () => {
    const unknown = await testConnectWise(opts({ companyId: 'nope' }));
    expect(unknown).toEqual([
      {
        what: 'company info',
        ok: false,
        message: expect.any(String),
        error: { code: 'unknownCompany', args: [new URL(mock.url).host, 'nope'] },
      },
    ]);
    expect(wordedRun(unknown[0])).toMatch(/does not know the company "nope"/);
    expect((await testConnectWise(opts({ privateKey: 'bad' })))[1]).toMatchObject({
      what: 'companies',
      ok: false,
      message: expect.stringMatching(/rejected the key \(401\)/),
    });
    expect(await testConnectWise(opts({ site: 'http://127.0.0.1:9' }))).toEqual([
      {
        what: 'company info',
        ok: false,
        message: expect.stringMatching(/could not be reached/),
        error: { code: 'network', args: ['127.0.0.1:9/login/companyinfo/northwind', expect.any(String)] },
      },
    ]);
  });
});

describe('flags to ConnectWise', () => {
  const flag: Flag = {
    id: 'bsflag0123456789abcdef0123456789abcd',
    createdAt: '2026-12-01T10:00:00.000Z',
    kind: 'more-seats',
    note: 'Hiring 4 surveyors in spring.',
    urgency: 'normal',
    ticket: { helpdesk: 'connectwise', ticketId: '1042', url: 'https://na.myconnectwise.net/x' },
    accountId: 'connectwise-t1:company-250',
    accountName: 'Granite Peak',
    source: 'connectwise-t1',
    status: 'pending',
    attempts: 0,
  };

  it('becomes one opportunity on the company, assigned to the chosen member, found again on retry', async () => {
    const first = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      name: 'More seats: Hiring 4 surveyors in spring.',
      company: { id: 250 },
      contact: { id: 901 },
      primarySalesRep: { identifier: 'dwhitfield' },
      expectedCloseDate: '2026-12-31T00:00:00Z',
    });
    expect(String(mock.writes[0]!.notes)).toContain(flag.id);
    const again = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
  });

  it("names the company's contact, which ConnectWise requires on an opportunity (its default, else its first)", async () => {
    const kept: string[] = [];
    const first = await deliverConnectWiseFlag(
      { ...opts(), flagsTo: 'dwhitfield', remember: async (id) => void kept.push(id) },
      { ...flag, id: 'flag-bluebird' },
      'company-251',
    );
    expect(mock.writes[0]).toMatchObject({ company: { id: 251 }, contact: { id: 902 } });
    expect(kept).toEqual([first.remoteId]);
    // No contact at all: a clear error, and nothing written.
    mock.data.contacts = mock.data.contacts.filter((c) => c.id !== 901);
    delete mock.data.companies[0]!.defaultContact;
    expect(
      await rejection(
        deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, { ...flag, id: 'flag-none' }, 'company-250'),
      ),
    ).toMatch(/has no contact/);
    expect(mock.writes).toHaveLength(1);
  });

  it('looks the opportunity an earlier attempt created up by its remembered id', async () => {
    const first = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    mock.requests.length = 0;
    const again = await deliverConnectWiseFlag(
      { ...opts(), flagsTo: 'dwhitfield', remoteId: first.remoteId },
      flag,
      'company-250',
    );
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.requests.some((r) => r.path.includes(`/sales/opportunities/${first.remoteId}`))).toBe(true);
    expect(mock.requests.some((r) => r.path.includes('conditions='))).toBe(false);
  });

  it('the mock refuses, as ConnectWise does, an opportunity without a field the vendor requires on create', async () => {
    const root = `${mock.url}/v2025_1/apis/3.0`;
    const auth = `Basic ${Buffer.from(`${mock.companyId}+${mock.publicKey}:${mock.privateKey}`).toString('base64')}`;
    const res = await fetch(`${root}/sales/opportunities`, {
      method: 'POST',
      headers: { Authorization: auth, clientId: mock.clientId, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', company: { id: 250 }, primarySalesRep: { identifier: 'dwhitfield' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'InvalidObject',
      message: expect.any(String),
      errors: [{ code: 'NullOrEmpty', message: 'contact is required', resource: 'opportunity', field: 'contact' }],
    });
    // expectedCloseDate is required only on updates.
    const ok = await fetch(`${root}/sales/opportunities`, {
      method: 'POST',
      headers: { Authorization: auth, clientId: mock.clientId, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'x',
        company: { id: 250 },
        contact: { id: 901 },
        primarySalesRep: { identifier: 'dwhitfield' },
      }),
    });
    expect(ok.status).toBe(201);
  });

  it('says what is missing: the member to assign, or a member ConnectWise does not know', async () => {
    expect(await rejection(deliverConnectWiseFlag(opts(), flag, 'company-250'))).toMatch(
      /choose the ConnectWise member who receives flags/,
    );
    await expect(deliverConnectWiseFlag({ ...opts(), flagsTo: 'nobody' }, flag, 'company-250')).rejects.toThrow(
      /answered 400: primarySalesRep not found/,
    );
    expect(mock.writes).toHaveLength(0);
  });
});

describe('a shorter timeout for browser tests', () => {
  it('applies only in test builds, and only a whole positive number of milliseconds', () => {
    expect(testHttp({ testTimeoutMs: '1500' }, true)).toEqual({ timeoutMs: 1500, retries: 1 });
    expect(testHttp({ testTimeoutMs: '1500' }, false)).toEqual({});
    for (const bad of ['', '0', '-5', '1.5', 'soon']) expect(testHttp({ testTimeoutMs: bad }, true)).toEqual({});
    expect(testHttp({}, true)).toEqual({});
  });
});
