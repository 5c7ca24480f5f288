/**
 * Sync: records per second from the mock HubSpot, ConnectWise, Pipedrive and Salesforce APIs (real HTTP on 127.0.0.1)
 * into IndexedDB (fake-indexeddb in Node), a full pass each. The clients' own rate limits are
 * lifted here: with them, a real portal's limit (100 requests per 10 s for HubSpot) is the bound.
 */
import 'fake-indexeddb/auto';
import { RateLimiter } from '../sources/http';
import { runSync } from '../sources/run-sync';
import { openDb } from '../storage/db';
import { startMockHubSpot, type MockHubSpotData } from '../tests/mock-apis/hubspot-server';
import { forecastItem, startMockConnectWise, type MockConnectWiseData } from '../tests/mock-apis/connectwise-server';
import { startMockPipedrive, samplePipedriveData, type MockPipedriveData } from '../tests/mock-apis/pipedrive-server';
import { startMockSalesforce, type MockSalesforceData } from '../tests/mock-apis/salesforce-server';
import { salesforceSignIn } from '../sources/salesforce-auth';
import { pkceChallenge } from '../sources/sign-in';
import { now } from './stats';

export interface SyncRow {
  source: string;
  records: number;
  requests: number;
  ms: number;
  perSecond: number;
}

const http = { limiter: new RateLimiter(1e9, 1000), sleep: async () => undefined };

function hubspotData(n: number): MockHubSpotData {
  const assoc = (i: number) => ({ companies: [String(100_000 + (i % n))] });
  return {
    owners: [{ id: '1', email: 'rep@example.com', firstName: 'Priya', lastName: 'Nair' }],
    companies: Array.from({ length: n }, (_, i) => ({
      id: String(100_000 + i),
      properties: {
        name: `Company ${i}`,
        domain: `company${i}.example`,
        hs_analytics_source: 'OFFLINE',
        hs_analytics_source_data_1: 'Postcard',
      },
    })),
    contacts: Array.from({ length: 2 * n }, (_, i) => ({
      id: String(200_000 + i),
      properties: { firstname: 'Pat', lastname: `Person ${i}`, email: `pat${i}@company${i % n}.example` },
      associations: assoc(i),
    })),
    deals: Array.from({ length: n }, (_, i) => ({
      id: String(300_000 + i),
      properties: {
        dealname: `Deal ${i}`,
        amount: '1200',
        hs_mrr: '300',
        dealstage: 'closedwon',
        closedate: '2025-03-01T00:00:00Z',
        hubspot_owner_id: '1',
      },
      associations: assoc(i),
    })),
    notes: Array.from({ length: 2 * n }, (_, i) => ({
      id: String(400_000 + i),
      properties: {
        hs_note_body: `<p>Note ${i}: promised a 1-hour response on the scheduler.</p>`,
        hs_timestamp: '2025-03-01T00:00:00Z',
        hubspot_owner_id: '1',
      },
      associations: assoc(i),
    })),
  };
}

function connectwiseData(n: number): MockConnectWiseData {
  const opportunities = Array.from({ length: Math.ceil(n / 5) }, (_, i) => ({
    id: 50_000 + i,
    name: `Opportunity ${i}`,
    company: { id: 10_000 + i },
    primarySalesRep: { id: 1, name: 'Dana Whitfield' },
    status: { id: 2, name: i % 2 ? 'Won' : 'Open' },
  }));
  return {
    companies: Array.from({ length: n }, (_, i) => ({
      id: 10_000 + i,
      identifier: `C${i}`,
      name: `Company ${i}`,
      website: `company${i}.example`,
      leadSource: 'Referral',
    })),
    contacts: Array.from({ length: 2 * n }, (_, i) => ({
      id: 20_000 + i,
      firstName: 'Pat',
      lastName: `Person ${i}`,
      company: { id: 10_000 + (i % n) },
      communicationItems: [{ communicationType: 'Email', value: `pat${i}@company${i % n}.example`, defaultFlag: true }],
    })),
    campaigns: Array.from({ length: 50 }, (_, i) => ({
      id: 1 + i,
      name: `Campaign ${i}`,
      type: { id: 1, name: 'Webinar' },
    })),
    opportunities,
    notes: Object.fromEntries(
      opportunities.map((o) => [o.id, [{ id: o.id * 10, text: `Note on ${o.name}`, enteredBy: 'dwhitfield' }]]),
    ),
    forecasts: Object.fromEntries(
      opportunities.map((o) => [
        o.id,
        [
          forecastItem(
            o.id,
            o.id,
            { id: 2, name: 'Won' },
            { revenue: 10_800, recurringFlag: true, recurringRevenue: 900 },
          ),
        ],
      ]),
    ),
  };
}

function pipedriveData(n: number): MockPipedriveData {
  const sample = samplePipedriveData();
  const t = '2026-11-20T09:00:00Z';
  return {
    users: sample.users,
    dealFields: sample.dealFields,
    organizations: Array.from({ length: n }, (_, i) => ({
      id: 100_000 + i,
      name: `Company ${i}`,
      owner_id: 11,
      update_time: t,
    })),
    persons: Array.from({ length: 2 * n }, (_, i) => ({
      id: 200_000 + i,
      name: `Pat Person ${i}`,
      org_id: 100_000 + (i % n),
      emails: [{ value: `pat${i}@company${i % n}.example`, primary: true, label: 'work' }],
      update_time: t,
    })),
    deals: Array.from({ length: n }, (_, i) => ({
      id: 300_000 + i,
      title: `Deal ${i}`,
      owner_id: 11,
      org_id: 100_000 + i,
      value: 1200,
      currency: 'USD',
      status: 'won',
      won_time: '2025-03-01T00:00:00Z',
      origin: 'ManuallyCreated',
      channel: 1,
      update_time: t,
    })),
    notes: Array.from({ length: 2 * n }, (_, i) => ({
      id: 400_000 + i,
      content: `<p>Note ${i}: promised a 1-hour response on the scheduler.</p>`,
      org_id: 100_000 + (i % n),
      user: { id: 11, name: 'Priya Nair' },
      add_time: '2025-03-01 00:00:00',
      update_time: '2025-03-01 00:00:00',
    })),
  };
}

/** Salesforce ids: a 3-character key prefix, then 15 more characters. */
const sfId = (prefix: string, i: number) => `${prefix}${String(i).padStart(12, '0')}AAA`;

function salesforceData(n: number): MockSalesforceData {
  const t = '2026-11-20T09:00:00.000+0000';
  return {
    User: [{ Id: sfId('005', 1), Name: 'Priya Nair' }],
    Account: Array.from({ length: n }, (_, i) => ({
      Id: sfId('001', i),
      Name: `Company ${i}`,
      Website: `company${i}.example`,
      AccountSource: 'Web',
      OwnerId: sfId('005', 1),
      SystemModstamp: t,
    })),
    Contact: Array.from({ length: 2 * n }, (_, i) => ({
      Id: sfId('003', i),
      Name: `Pat Person ${i}`,
      Email: `pat${i}@company${i % n}.example`,
      AccountId: sfId('001', i % n),
      SystemModstamp: t,
    })),
    OpportunityContactRole: [],
    Campaign: [],
    Opportunity: Array.from({ length: n }, (_, i) => ({
      Id: sfId('006', i),
      Name: `Deal ${i}`,
      AccountId: sfId('001', i),
      Amount: 1200,
      CloseDate: '2025-03-01',
      StageName: 'Closed Won',
      IsWon: true,
      IsClosed: true,
      OwnerId: sfId('005', 1),
      SystemModstamp: t,
    })),
    Note: Array.from({ length: 2 * n }, (_, i) => ({
      Id: sfId('002', i),
      Title: `Note ${i}`,
      Body: 'Promised a 1-hour response on the scheduler.',
      ParentId: sfId('001', i % n),
      CreatedById: sfId('005', 1),
      CreatedDate: t,
      SystemModstamp: t,
    })),
    ContentNote: [],
    ContentDocumentLink: [],
    Task: [],
  };
}

export async function syncBench(n: number): Promise<SyncRow[]> {
  const rows: SyncRow[] = [];
  const hs = await startMockHubSpot({ data: hubspotData(n) });
  const db1 = openDb(`bench-sync-hs-${Date.now()}`);
  let t = now();
  const a = await runSync(
    db1,
    { id: 'hubspot-b', kind: 'hubspot', label: 'HubSpot', base: hs.url },
    { token: hs.token },
    http,
  );
  let elapsed = now() - t;
  if (!a.run.ok) throw new Error(`bench HubSpot sync failed: ${a.run.message}`);
  let records = Object.values(a.counts ?? {}).reduce((x, y) => x + y, 0);
  rows.push({
    source: 'HubSpot (mock)',
    records,
    requests: hs.requests.length,
    ms: elapsed,
    perSecond: records / (elapsed / 1000),
  });
  await hs.close();
  db1.close();

  const cw = await startMockConnectWise({ data: connectwiseData(n) });
  const db2 = openDb(`bench-sync-cw-${Date.now()}`);
  t = now();
  const b = await runSync(
    db2,
    {
      id: 'connectwise-b',
      kind: 'connectwise',
      label: 'PSA',
      base: cw.url,
      settings: { site: cw.url, companyId: cw.companyId, clientId: cw.clientId },
    },
    { publicKey: cw.publicKey, privateKey: cw.privateKey },
    http,
  );
  elapsed = now() - t;
  if (!b.run.ok) throw new Error(`bench ConnectWise sync failed: ${b.run.message}`);
  records = Object.values(b.counts ?? {}).reduce((x, y) => x + y, 0);
  rows.push({
    source: 'ConnectWise PSA (mock)',
    records,
    requests: cw.requests.length,
    ms: elapsed,
    perSecond: records / (elapsed / 1000),
  });
  await cw.close();
  db2.close();

  const pd = await startMockPipedrive({ data: pipedriveData(n) });
  const db3 = openDb(`bench-sync-pd-${Date.now()}`);
  t = now();
  const c = await runSync(
    db3,
    { id: 'pipedrive-b', kind: 'pipedrive', label: 'Pipedrive', base: pd.url, settings: { companyDomain: pd.url } },
    { apiToken: pd.token },
    http,
  );
  elapsed = now() - t;
  if (!c.run.ok) throw new Error(`bench Pipedrive sync failed: ${c.run.message}`);
  records = Object.values(c.counts ?? {}).reduce((x, y) => x + y, 0);
  rows.push({
    source: 'Pipedrive (mock)',
    records,
    requests: pd.requests.length,
    ms: elapsed,
    perSecond: records / (elapsed / 1000),
  });
  await pd.close();
  db3.close();

  const sf = await startMockSalesforce({ data: salesforceData(n) });
  // The sign-in, as the options page runs it (the mock's authorize page answers at once).
  const settings = { loginHost: sf.url, consumerKey: sf.consumerKey };
  const redirectUri = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
  const verifier = 'bench-verifier-0123456789-0123456789-0123456789';
  const authorize = salesforceSignIn.authorizeUrl(settings, {
    redirectUri,
    challenge: await pkceChallenge(verifier),
    state: 's',
  });
  const code = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!).searchParams.get(
    'code',
  )!;
  const signedIn = await salesforceSignIn.exchange(settings, { code, verifier, redirectUri }, http);
  sf.requests.length = 0;
  const db4 = openDb(`bench-sync-sf-${Date.now()}`);
  t = now();
  const d = await runSync(
    db4,
    {
      id: 'salesforce-b',
      kind: 'salesforce',
      label: 'Salesforce',
      base: sf.url,
      settings: { ...settings, ...signedIn.settings },
    },
    signedIn.secrets,
    http,
  );
  elapsed = now() - t;
  if (!d.run.ok) throw new Error(`bench Salesforce sync failed: ${d.run.message}`);
  records = Object.values(d.counts ?? {}).reduce((x, y) => x + y, 0);
  rows.push({
    source: 'Salesforce (mock)',
    records,
    requests: sf.requests.length,
    ms: elapsed,
    perSecond: records / (elapsed / 1000),
  });
  await sf.close();
  db4.close();
  return rows;
}
