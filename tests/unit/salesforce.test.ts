// @vitest-environment node
// Node's own fetch against the mock Salesforce org on 127.0.0.1 (happy-dom's fetch applies CORS).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { mapContact, mapOpportunity } from '@/sources/salesforce-map';
import { deliverSalesforceFlag, readSalesforce, testSalesforce } from '@/sources/salesforce';
import { loginHostOf, parseLimitInfo, salesforceSignIn, type SfOptions } from '@/sources/salesforce-auth';
import type { Flag } from '@/core/flags';
import { pkceChallenge, runSignIn } from '@/sources/sign-in';
import { RateLimiter } from '@/sources/http';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadBackstory } from '@/services/backstory';
import { sampleSalesforceData, startMockSalesforce, type MockSalesforce } from '../mock-apis/salesforce-server';
import { salesRows } from './stored-records';
import { rejection, wordedRun, said } from './worded';

let mock: MockSalesforce;
let refreshToken: string;
const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** The sign-in as the options page runs it, with the mock's authorize page answering. */
async function signIn(consumerKey = mock.consumerKey) {
  const verifier = 'v'.repeat(20) + Math.random().toString(36).slice(2) + 'x'.repeat(30);
  const settings = { loginHost: mock.url, consumerKey };
  const url = salesforceSignIn.authorizeUrl(settings, {
    redirectUri: REDIRECT,
    challenge: await pkceChallenge(verifier),
    state: 'st4te',
  });
  const res = await fetch(url, { redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('st4te');
  const code = back.searchParams.get('code');
  if (!code) throw new Error(back.searchParams.get('error') ?? 'no code');
  return salesforceSignIn.exchange(settings, { code, verifier, redirectUri: REDIRECT }, fast);
}

const opts = (over: Partial<SfOptions> = {}): SfOptions => ({
  loginHost: mock.url,
  consumerKey: mock.consumerKey,
  refreshToken,
  instanceUrl: mock.url,
  ...fast,
  ...over,
});

beforeAll(async () => {
  mock = await startMockSalesforce();
});
afterAll(async () => mock.close());
beforeEach(async () => {
  mock.data = sampleSalesforceData();
  mock.switches = {};
  mock.requests.length = 0;
  mock.writes.length = 0;
  mock.apiUsed = 0;
  mock.apiLimit = 15000;
  mock.batchSize = 2000;
  mock.multiCurrency = false;
  refreshToken = (await signIn()).secrets.refreshToken!;
});

describe('Salesforce records to the model', () => {
  it("takes a won opportunity's campaign, owner and amount, and a contact's role from its contact roles", () => {
    expect(
      mapOpportunity({
        Id: '006x',
        Name: 'Deal',
        AccountId: '001x',
        Amount: 5,
        CurrencyIsoCode: 'EUR',
        IsWon: true,
        IsClosed: true,
        StageName: 'Won (custom)',
        CampaignId: '701x',
        Campaign: { Name: 'Expo' },
        Owner: { Name: 'Priya Nair' },
        CloseDate: '2026-03-15',
      }),
    ).toMatchObject({
      accountId: 'salesforce:001x',
      campaignId: 'salesforce:701x',
      currency: 'EUR',
      stage: 'Closed Won',
      salesRep: 'Priya Nair',
      leadSource: 'Expo',
      closeDate: '2026-03-15',
    });
    expect(
      mapContact({
        Id: '003x',
        Name: 'A B',
        Email: 'A@B.example',
        OpportunityContactRoles: {
          records: [
            { Role: 'Technical Buyer', IsPrimary: false },
            { Role: 'Decision Maker', IsPrimary: true },
          ],
        },
      }),
    ).toMatchObject({ email: 'a@b.example', role: 'decision maker' });
  });

  it('parses Sforce-Limit-Info and the login host as typed', () => {
    expect(parseLimitInfo('api-usage=18/15000; per-app-api-usage=2/500(appName=x)')).toEqual({
      used: 18,
      limit: 15000,
    });
    expect(parseLimitInfo(null)).toBeUndefined();
    expect(loginHostOf('northwind')).toBe('https://northwind.my.salesforce.com');
    expect(loginHostOf('test.salesforce.com')).toBe('https://test.salesforce.com');
    expect(loginHostOf('')).toBe('https://login.salesforce.com');
    expect(salesforceSignIn.origins({ loginHost: 'login.salesforce.com' })).toEqual([
      'https://login.salesforce.com',
      'https://*.my.salesforce.com',
    ]);
  });
});

describe('signing in to Salesforce', () => {
  it('keeps the refresh token and the instance, never a client secret', async () => {
    const result = await signIn();
    expect(Object.keys(result.secrets)).toEqual(['refreshToken']);
    expect(result.settings).toEqual({ instanceUrl: mock.url });
    const token = mock.requests.find((r) => r.path === '/services/oauth2/token');
    expect(token).toBeDefined();
  });

  it('runs through the sign-in page with a fresh PKCE pair and state, refusing an answer for another sign-in', async () => {
    const launch = async (url: string) =>
      (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? undefined;
    const settings = { loginHost: mock.url, consumerKey: mock.consumerKey };
    expect((await runSignIn(salesforceSignIn, settings, REDIRECT, launch, fast)).secrets.refreshToken).toMatch(
      /refresh/,
    );
    const forged = async (url: string) => (await launch(url))!.replace(/state=[^&]+/, 'state=forged');
    expect(await rejection(runSignIn(salesforceSignIn, settings, REDIRECT, forged, fast))).toMatch(
      /not for this sign-in/,
    );
    await expect(
      runSignIn(salesforceSignIn, { ...settings, consumerKey: 'nope' }, REDIRECT, launch, fast),
    ).rejects.toThrow('invalid_client_id');
    expect(await rejection(runSignIn(salesforceSignIn, settings, REDIRECT, async () => undefined, fast))).toMatch(
      /window was closed/,
    );
  });

  it('says what is wrong with a consumer key the org does not know, or a code used twice', async () => {
    await expect(signIn('3MVG9wrong')).rejects.toThrow('invalid_client_id');
    expect(
      await rejection(
        salesforceSignIn.exchange(
          { loginHost: mock.url, consumerKey: mock.consumerKey },
          { code: 'used', verifier: 'x', redirectUri: REDIRECT },
          fast,
        ),
      ),
    ).toMatch(/did not complete the sign-in .*invalid authorization code/);
  });
});

describe('reading Salesforce', () => {
  it('reads every kind by SOQL, with owners, campaign, contact roles, and both kinds of notes as text', async () => {
    const { records, skipped, warnings } = await readSalesforce(opts());
    expect(records.accounts.map((a) => [a.name, a.owner, a.domains])).toEqual([
      ['Lakeside Veterinary Clinic', 'Priya Nair', ['lakeside-vet.example']],
      ['Bluebird Dental', 'Tom Okafor', []],
    ]);
    expect(records.contacts[0]).toMatchObject({ role: 'decision maker', accountId: 'salesforce:001000000000001AAA' });
    expect(records.campaigns).toMatchObject([
      { name: 'Vet expo 2026', channel: 'Trade Show', cost: 5200, currency: 'USD' },
    ]);
    expect(records.deals[0]).toMatchObject({
      campaignId: 'salesforce:701000000000001AAA',
      salesRep: 'Priya Nair',
      valueOneTime: 18000,
      stage: 'Closed Won',
      currency: 'USD',
    });
    expect(records.notes.map((n) => [n.accountId ?? n.dealId, n.body, n.author])).toEqual([
      ['salesforce:001000000000001AAA', 'Kickoff\nImani wants updates by text, never email.', 'Priya Nair'],
      ['salesforce:006000000000001AAA', 'X-ray room\nThe X-ray workstation must be back within 4 hours.', 'Priya Nair'],
    ]);
    expect(skipped).toBe(1);
    expect(warnings.map(noteText)).toEqual([
      expect.stringMatching(/^Salesforce API requests in the last 24 hours: \d+ of 15,000$/),
    ]);
  });

  it("pages by nextRecordsUrl, and reads each record's own currency where multi-currency is on", async () => {
    mock.batchSize = 2;
    mock.multiCurrency = true;
    mock.data.Contact = Array.from({ length: 5 }, (_, i) => ({
      Id: `003000000000${String(100 + i)}AAA`,
      Name: `Person ${i}`,
      AccountId: '001000000000001AAA',
    }));
    mock.data.Opportunity[0]!.CurrencyIsoCode = 'EUR';
    const { records } = await readSalesforce(opts());
    expect(records.contacts).toHaveLength(5);
    expect(
      mock.requests.filter((r) => r.path.startsWith('/services/data/v62.0/query/01g')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(records.deals.map((d) => d.currency)).toEqual(['EUR', 'USD']);
  });

  it('gets a new session once when the access token expired, and asks to sign in again when the refresh token is refused', async () => {
    const { SfSession } = await import('@/sources/salesforce-auth');
    const session = new SfSession(opts());
    await session.query('SELECT Id FROM Account');
    mock.expireSessions();
    expect((await session.query('SELECT Id FROM Account')).records).toHaveLength(3);
    mock.revoke();
    expect(await rejection(readSalesforce(opts()))).toMatch(/no longer accepts the sign-in .*sign in again/);
  });

  it('says plainly when the org has used its daily API requests', async () => {
    mock.apiUsed = mock.apiLimit;
    expect(await rejection(readSalesforce(opts()))).toMatch(
      /daily API request limit is reached \(REQUEST_LIMIT_EXCEEDED\)/,
    );
  });

  it('slows down when less than 10% of the daily requests remain', async () => {
    mock.apiLimit = 10_000;
    mock.apiUsed = 9_500;
    const waits: number[] = [];
    await readSalesforce(opts({ sleep: async (ms) => void waits.push(ms) }));
    expect(waits.filter((w) => w > 1000).length).toBeGreaterThan(5);
  });
});

describe('syncing Salesforce', () => {
  const config = () => ({
    id: 'salesforce-t1',
    kind: 'salesforce',
    label: 'Salesforce',
    base: mock.url,
    settings: { loginHost: mock.url, consumerKey: mock.consumerKey, instanceUrl: mock.url },
  });
  const at = (iso: string) => () => new Date(iso);

  it('stores the records, shows the API use, reads only changes between daily full passes, and keeps the last good data', async () => {
    const db = openDb('sf-' + Math.random());
    const first = await runSync(db, config(), { refreshToken }, fast, at('2026-12-01T10:00:00Z'));
    expect(said(first.run)).toMatch(
      /^2 accounts, 2 contacts, 1 campaign, 2 deals, 2 notes \(1 record without a name or company skipped; Salesforce API requests in the last 24 hours: \d+ of 15,000\)$/,
    );
    const story = (await loadBackstory(db, 'salesforce-t1:001000000000001AAA'))!;
    expect(story.originCampaign?.name).toBe('Vet expo 2026');
    expect(story.notes.map((n) => n.body)).toContain('X-ray room\nThe X-ray workstation must be back within 4 hours.');
    mock.data.Account[1] = {
      ...mock.data.Account[1]!,
      Name: 'Bluebird Family Dental',
      SystemModstamp: '2026-12-01T10:30:00.000+0000',
    };
    mock.data.Account.splice(0, 1);
    mock.requests.length = 0;
    const second = await runSync(db, config(), { refreshToken }, fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(/^1 changed record read; now 2 accounts/);
    expect(
      mock.requests.some((r) => decodeURIComponent(r.path).includes('WHERE SystemModstamp > 2026-12-01T09:55:00Z')),
    ).toBe(true);
    expect((await salesRows(db).accounts.get('salesforce-t1:001000000000002AAA'))?.name).toBe('Bluebird Family Dental');
    const daily = await runSync(db, config(), { refreshToken }, fast, at('2026-12-02T11:00:00Z'));
    expect(said(daily.run)).toMatch(/^1 account,/);
    mock.revoke();
    const refused = await runSync(db, config(), { refreshToken }, fast, at('2026-12-02T12:00:00Z'));
    expect(refused.run).toMatchObject({ ok: false, error: { code: 'salesforceSignInAgain' } });
    expect(wordedRun(refused.run)).toMatch(/sign in again/);
    expect(said(refused.run)).not.toContain(refreshToken);
    expect(await countsByKind(db, 'salesforce-t1')).toMatchObject({ account: 1 });
  });
});

describe('Test connection (Salesforce)', () => {
  it('checks the sign-in and each object, naming the gap', async () => {
    const checks = await testSalesforce(opts());
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks[0]).toMatchObject({
      what: 'signIn',
      note: { code: 'salesforceUsage', args: [expect.stringMatching(/^\d+$/), '15000'] },
    });
    expect(checks.slice(1).map((c) => [c.what, c.name])).toEqual(
      ['Account', 'Contact', 'Opportunity', 'Campaign', 'Note', 'ContentNote'].map((o) => ['object', o]),
    );
    mock.revoke();
    const refused = await testSalesforce(opts());
    expect(refused).toEqual([
      { what: 'signIn', ok: false, message: expect.any(String), error: { code: 'salesforceSignInAgain', args: [] } },
    ]);
    expect(wordedRun(refused[0])).toMatch(/sign in again/);
  });
});

describe('flags to Salesforce', () => {
  const flag: Flag = {
    id: 'bsflag0123456789abcdef0123456789abcd',
    createdAt: '2026-12-01T10:00:00.000Z',
    kind: 'new-project',
    note: 'Opening a fourth clinic in spring.',
    urgency: 'high',
    ticket: { helpdesk: 'zendesk', ticketId: '88', url: 'https://northwind.zendesk.com/agent/tickets/88' },
    accountId: 'salesforce-t1:001000000000001AAA',
    accountName: 'Lakeside Veterinary Clinic',
    source: 'salesforce-t1',
    status: 'pending',
    attempts: 0,
  };

  it("becomes one Task on the account, assigned to the account's owner, found again on retry", async () => {
    const first = await deliverSalesforceFlag(opts(), flag, '001000000000001AAA');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      Subject: 'Backstory flag: New project',
      WhatId: '001000000000001AAA',
      OwnerId: '005000000000001AAA',
      Priority: 'High',
    });
    expect(String(mock.writes[0]!.Description)).toContain(flag.id);
    expect(String(mock.writes[0]!.Description)).toContain('Ticket: zendesk #88');
    expect(await deliverSalesforceFlag(opts(), flag, '001000000000001AAA')).toEqual({
      remoteId: first.remoteId,
      created: false,
    });
    expect(mock.writes).toHaveLength(1);
    expect(await rejection(deliverSalesforceFlag(opts(), flag, "001' OR Name != '"))).toMatch(
      /not a Salesforce record id/,
    );
  });
});

describe('the mock org keeps to the Salesforce facts it is built from', () => {
  it('names where every fact comes from, and refuses what Salesforce refuses, in its error shape', async () => {
    const { SF_FACTS, SF_FIELDS } = await import('../mock-apis/salesforce-contract');
    for (const [name, fact] of Object.entries(SF_FACTS)) expect(fact.source, name).toMatch(/\S/);
    for (const [name, object] of Object.entries(SF_FIELDS)) expect(object.source, name).toMatch(/^Object Reference: /);
    const { SfSession } = await import('@/sources/salesforce-auth');
    const session = new SfSession(opts());
    const refused = async (soql: string) => {
      const e = (await session.query(soql).catch((x: unknown) => x)) as { status?: number; code?: string };
      return [e.status, e.code];
    };
    expect(await refused("SELECT Id FROM Task WHERE Description LIKE '%x%'")).toEqual([400, 'INVALID_FIELD']);
    expect(await refused('SELECT Id, LinkedEntityId FROM ContentDocumentLink')).toEqual([400, 'MALFORMED_QUERY']);
    expect(await refused('SELECT Id, Nickname FROM Account')).toEqual([400, 'INVALID_FIELD']);
    expect(await refused("SELECT Id FROM Account WHERE SystemModstamp > '2026-12-01T00:00:00Z'")).toEqual([
      400,
      'MALFORMED_QUERY',
    ]);
    expect(await refused('SELECT Id, CurrencyIsoCode FROM Opportunity')).toEqual([400, 'INVALID_FIELD']);
    const token = await fetch(`${mock.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: mock.consumerKey }),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_request' });
    const noSession = await fetch(`${mock.url}/services/data/v62.0/limits`);
    expect(noSession.status).toBe(401);
    expect(await noSession.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });
});
