// @vitest-environment node
// HubSpot as its own descriptions have it (sources/hubspot-facts.md), over real HTTP against the mock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  STAGES_LEFT_OUT,
  attachAssociations,
  deliverHubSpotFlag,
  hubspotPages,
  readHubSpot,
  type HubSpotOptions,
} from '@/sources/hubspot';
import { RateLimiter } from '@/sources/http';
import { isWonDeal, pickWinningDeal } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import type { RecordSet } from '@/core/model';
import { readAllPages } from './source-pages';
import { defaultPipeline, sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

let mock: MockHubSpot;
const opts = (): HubSpotOptions => ({
  token: mock.token,
  base: mock.url,
  sleep: async () => undefined,
  limiter: new RateLimiter(10_000, 1000),
});

beforeAll(async () => {
  mock = await startMockHubSpot();
  mock.record = true;
});
afterAll(async () => mock.close());
beforeEach(() => {
  mock.data = sampleHubSpotData();
  mock.switches = {};
  mock.writes.length = 0;
  mock.requests.length = 0;
  mock.exchanges.length = 0;
  mock.searchLag = false;
  mock.associationPage = 500;
});

const readAll = async (since?: string): Promise<RecordSet> =>
  (await readAllPages(hubspotPages(opts(), { step: 0 }, since))).records;

describe('incremental reads (HubSpot search)', () => {
  it('finds changed contacts by lastmodifieddate, and companies and deals by hs_lastmodifieddate', async () => {
    mock.data.contacts[0]!.modified = '2026-12-02T08:00:00.000Z';
    mock.data.companies[1]!.modified = '2026-12-02T08:00:00.000Z';
    mock.data.deals[0]!.modified = '2026-12-02T08:00:00.000Z';
    const changed = await readAll('2026-12-01T00:00:00.000Z');
    expect(changed.contacts.map((c) => c.sourceId)).toEqual(['7001']);
    expect(changed.accounts.map((a) => a.sourceId)).toEqual(['5002']);
    expect(changed.deals.map((d) => d.sourceId)).toEqual(['9001']);
    const searched = mock.exchanges
      .filter((x) => x.path.endsWith('/search'))
      .map((x) => [x.path.split('/')[4], (x.body as { sorts: { propertyName: string }[] }).sorts[0]!.propertyName]);
    expect(Object.fromEntries(searched)).toEqual({
      companies: 'hs_lastmodifieddate',
      contacts: 'lastmodifieddate',
      deals: 'hs_lastmodifieddate',
      notes: 'hs_lastmodifieddate',
    });
  });
});

describe('deal stages from the pipelines', () => {
  it("knows won and lost in any pipeline from the stage's metadata, and shows the stage's label", async () => {
    mock.data.pipelines = [
      defaultPipeline(),
      {
        id: '7654321',
        label: 'Renewals',
        stages: [
          { id: '1034770', label: 'Renewal due', metadata: { isClosed: 'false', probability: '0.5' } },
          { id: '1034772', label: 'Renewed', metadata: { isClosed: 'true', probability: '1.0' } },
          { id: '1034773', label: 'Not renewed', metadata: { isClosed: 'true', probability: '0.0' } },
        ],
      },
    ];
    const deal = (id: string, stage: string, closedate?: string) => ({
      id,
      properties: {
        dealname: `Deal ${id}`,
        pipeline: '7654321',
        dealstage: stage,
        ...(closedate ? { closedate } : {}),
      },
      associations: { companies: ['5003'] },
    });
    mock.data.deals = [
      deal('9101', '1034773', '2026-01-10T00:00:00Z'),
      deal('9102', '1034772', '2026-02-10T00:00:00Z'),
      deal('9103', '1034770'),
      {
        ...deal('9104', 'closedwon', '2026-03-01T00:00:00Z'),
        properties: { dealname: 'Default', dealstage: 'closedwon' },
      },
    ];
    const { records } = await readHubSpot(opts());
    const by = Object.fromEntries(records.deals.map((d) => [d.sourceId, d]));
    expect(by['9101']).toMatchObject({ stage: 'Not renewed', won: false });
    expect(by['9102']).toMatchObject({ stage: 'Renewed', won: true });
    expect(by['9103']).toMatchObject({ stage: 'Renewal due', won: false });
    expect(by['9104']).toMatchObject({ stage: 'Closed Won', won: true });
    expect(records.deals.filter(isWonDeal).map((d) => d.sourceId)).toEqual(['9102', '9104']);
    // The lost deal closed first, yet the won one is the deal that won the customer.
    expect(pickWinningDeal(records.deals)?.sourceId).toBe('9102');
    expect(mock.requests.filter((r) => r.path === '/crm/v3/pipelines/deals')).toHaveLength(1);
  });

  it('syncs on, saying so, when the token may not read the pipelines', async () => {
    mock.forbidden.add('/crm/v3/pipelines');
    try {
      const { records, warnings } = await readHubSpot(opts());
      expect(records.deals.find((d) => d.sourceId === '9001')).toMatchObject({ stage: 'Closed Won', won: true });
      expect(warnings).toEqual([STAGES_LEFT_OUT]);
    } finally {
      mock.forbidden.clear();
    }
  });
});

describe('owners', () => {
  it('reads every page of owners, and the archived ones, so reps who left keep their names', async () => {
    const many = Array.from({ length: 230 }, (_, i) => ({
      id: String(1000 + i),
      email: `rep${i}@northwind-msp.example`,
      firstName: 'Rep',
      lastName: String(i),
    }));
    mock.data.owners.push(...many, {
      id: '66',
      email: 'gone@northwind-msp.example',
      firstName: 'Gone',
      lastName: 'Away',
      archived: true,
    });
    mock.data.deals[0]!.properties.hubspot_owner_id = '66';
    mock.data.deals[1]!.properties.hubspot_owner_id = '1229';
    mock.data.notes[0]!.properties.hubspot_owner_id = '66';
    const { records } = await readHubSpot(opts());
    const deal = (id: string) => records.deals.find((d) => d.sourceId === id);
    expect(deal('9001')?.salesRep).toBe('Gone Away');
    expect(deal('9002')?.salesRep).toBe('Rep 229');
    expect(records.notes[0]?.author).toBe('Gone Away');
    const asked = mock.requests.filter((r) => r.path.startsWith('/crm/v3/owners'));
    expect(asked.some((r) => r.path.includes('archived=true'))).toBe(true);
    expect(asked.some((r) => r.path.includes('after='))).toBe(true);
  });
});

describe('associations (v4 batch read)', () => {
  it('follows the paging of each result, so long association lists are read whole', async () => {
    mock.associationPage = 2;
    mock.data.notes[0]!.associations = { companies: ['5001'], deals: ['9001', '9002', '9003', '9004', '9005'] };
    const objects = [{ id: '3001', properties: {} }];
    await attachAssociations('notes', objects, opts());
    expect(objects[0]).toMatchObject({
      associations: {
        companies: { results: [{ id: '5001' }] },
        deals: { results: ['9001', '9002', '9003', '9004', '9005'].map((id) => ({ id })) },
      },
    });
    const bodies = mock.exchanges
      .filter((x) => x.path === '/crm/v4/associations/notes/deals/batch/read')
      .map((x) => x.body);
    expect(bodies).toEqual([
      { inputs: [{ id: '3001' }] },
      { inputs: [{ id: '3001', after: '2' }] },
      { inputs: [{ id: '3001', after: '4' }] },
    ]);
  });
});

describe('flags while the search index lags', () => {
  const flag: Flag = {
    id: 'flag-5c1e0c7a-9a43-4a5b-b0a4-2b8e1f0e1d11',
    createdAt: '2026-12-01T10:00:00.000Z',
    kind: 'more-seats',
    note: 'Hiring 4 people in spring.',
    urgency: 'normal',
    ticket: { helpdesk: 'zendesk', ticketId: '1045', url: 'https://northwind.zendesk.com/agent/tickets/1045' },
    accountId: 'hubspot-f1:5001',
    accountName: 'Unknown Widgets Ltd',
    source: 'hubspot-f1',
    status: 'pending',
    attempts: 0,
  };

  it('keeps the new note id at once, and a retry looks it up by id instead of searching', async () => {
    mock.searchLag = true;
    const kept: string[] = [];
    const first = await deliverHubSpotFlag({ ...opts(), remember: async (id) => void kept.push(id) }, flag, '5001');
    expect(first.created).toBe(true);
    expect(kept).toEqual([first.remoteId]);
    mock.exchanges.length = 0;
    const again = await deliverHubSpotFlag({ ...opts(), remoteId: first.remoteId }, flag, '5001');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
    expect(mock.exchanges.map((x) => `${x.method} ${x.path.split('?')[0]}`)).toEqual([
      `GET /crm/v3/objects/notes/${first.remoteId}`,
    ]);
  });

  it("finds a note whose answer was lost (no id kept) among the company's notes, not only through search", async () => {
    mock.searchLag = true;
    const first = await deliverHubSpotFlag(opts(), flag, '5001');
    const again = await deliverHubSpotFlag(opts(), flag, '5001');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
    // Once indexed, the search finds it first.
    mock.indexNotes();
    mock.exchanges.length = 0;
    expect(await deliverHubSpotFlag(opts(), flag, '5001')).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.exchanges.map((x) => x.path)).toEqual(['/crm/v3/objects/notes/search']);
  });
});
