import { describe, expect, it } from 'vitest';
import {
  campaignInsights,
  channelInsights,
  insightRow,
  INSIGHT_CSV_COLUMNS,
  type TicketViewLike,
} from '@/core/insights';
import type { Campaign, Deal, TicketRef } from '@/core/model';
import { openDb } from '@/storage/db';
import { insightsConsentItem } from '@/services/insights';
import { clearTicketViews, countTicketView } from '@/services/ticket-views';

const campaign = (id: string, name: string, channel: string, cost?: number): Campaign => ({
  id,
  source: 'csv',
  sourceId: id,
  name,
  channel,
  cost,
});
const deal = (id: string, accountId: string, stage: string, campaignId?: string, mrr?: number): Deal => ({
  id,
  source: 'csv',
  sourceId: id,
  accountId,
  campaignId,
  name: id,
  currency: 'USD',
  stage,
  closeDate: '2025-01-01',
  valueRecurring: mrr,
  promises: [],
});
const TODAY = '2026-12-01';

function data() {
  const accounts = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}` }));
  const deals = [
    ...[0, 1, 2, 3, 4, 5].map((i) => deal(`d${i}`, `a${i}`, 'Closed Won', 'c-post', 1000)),
    deal('d6', 'a6', 'Closed Won', 'c-web', 500),
    deal('d7', 'a7', 'Closed Won', 'c-web', 500),
    deal('d8', 'a8', 'Closed Lost', 'c-post', 9999),
    deal('d9', 'a9', 'Won'),
  ];
  const campaigns = [
    campaign('c-post', 'Spring postcard', 'Postcard mailer', 5000),
    campaign('c-web', 'Backup webinar', 'Webinar', 800),
  ];
  const views: TicketViewLike[] = [
    { day: '2026-12-01', ticketKey: 'zd|1', accountId: 'a0', kind: 'Incident' },
    { day: '2026-11-30', ticketKey: 'zd|1', accountId: 'a0', kind: 'Incident' }, // the same ticket on another day
    { day: '2026-10-20', ticketKey: 'zd|2', accountId: 'a0', kind: 'Request' }, // 42 days ago: in 90, not in 30
    { day: '2026-08-01', ticketKey: 'zd|3', accountId: 'a0', kind: 'Problem' }, // 122 days ago: out
    { day: '2026-11-15', ticketKey: 'zd|4', accountId: 'a6', kind: 'Incident' },
    { day: '2026-11-16', ticketKey: 'zd|5', accountId: 'a6', kind: 'Incident' },
    { day: '2026-11-17', ticketKey: 'zd|6', accountId: 'a8' }, // a lost deal: no campaign customer
  ];
  return { accounts, deals, campaigns, views, today: TODAY };
}

describe('campaign insights', () => {
  it('counts customers won, revenue and distinct tickets per campaign, in 30 and 90 days', () => {
    const rows = campaignInsights(data());
    expect(rows.map((r) => r.label)).toEqual(['Spring postcard', 'Backup webinar', '']);
    expect(rows[0]).toMatchObject({
      customers: 6,
      mrr: 6000,
      tickets30: 1,
      tickets90: 2,
      cost: 5000,
      small: false,
      kinds: [
        ['Incident', 1],
        ['Request', 1],
      ],
    });
    expect(rows[1]!.kinds).toEqual([['Incident', 2]]);
    expect(rows[0]!.perCustomer).toBeCloseTo(2 / 6);
    expect(rows[0]!.per1kMrr).toBeCloseTo((2 / 6000) * 1000);
    // Two customers: shown, but marked as too few to compare, and sorted after the others.
    expect(rows[1]).toMatchObject({ customers: 2, tickets90: 2, perCustomer: 1, small: true });
    // A customer won without a campaign has its own row; its revenue is unknown.
    expect(rows[2]).toMatchObject({ key: '', customers: 1, mrr: 0, per1kMrr: undefined, small: true });
  });

  it('sums campaigns per channel', () => {
    const d = data();
    d.campaigns.push(campaign('c-post2', 'Fall postcard', 'Postcard mailer', 3000));
    d.deals.push(deal('d10', 'a10', 'Closed Won', 'c-post2', 200));
    d.accounts.push({ id: 'a10' });
    const channels = channelInsights(campaignInsights(d));
    expect(channels.find((c) => c.label === 'Postcard mailer')).toMatchObject({
      customers: 7,
      mrr: 6200,
      cost: 8000,
      small: false,
    });
    expect(channels.find((c) => c.label === 'Webinar')).toMatchObject({
      customers: 2,
      small: true,
      kinds: [['Incident', 2]],
    });
  });

  it('writes a CSV row per line of the table', () => {
    const [row] = campaignInsights(data());
    expect(insightRow(row!)).toEqual([
      'Spring postcard',
      'Postcard mailer',
      '6',
      '6000',
      '1',
      '2',
      '0.33',
      '0.33',
      '5000',
      'Incident (1), Request (1)',
      'no',
    ]);
    expect(INSIGHT_CSV_COLUMNS).toHaveLength(insightRow(row!).length);
  });
});

describe('counting matched tickets', () => {
  const ref: TicketRef = {
    helpdesk: 'zendesk',
    ticketId: '1042',
    url: 'https://x.zendesk.com/agent/tickets/1042',
    ticketType: 'Incident',
    emails: [],
    missing: [],
  };

  it('counts nothing without consent, then each ticket once a day', async () => {
    const db = openDb('views-' + Math.random());
    expect(await countTicketView(db, ref, 'csv:a')).toBe(false);
    expect(await db.ticketViews.count()).toBe(0);
    await insightsConsentItem.setValue(true);
    await countTicketView(db, ref, 'csv:a', new Date('2026-12-01T09:00:00Z'));
    await countTicketView(db, ref, 'csv:a', new Date('2026-12-01T15:00:00Z'));
    await countTicketView(db, ref, 'csv:a', new Date('2026-12-02T09:00:00Z'));
    expect(await db.ticketViews.toArray()).toEqual([
      { day: '2026-12-01', ticketKey: 'zendesk|1042', accountId: 'csv:a', kind: 'Incident' },
      { day: '2026-12-02', ticketKey: 'zendesk|1042', accountId: 'csv:a', kind: 'Incident' },
    ]);
    // Forgetting them (the background does, asked by the options page) leaves none.
    expect(await clearTicketViews(db)).toBeNull();
    expect(await db.ticketViews.count()).toBe(0);
  });
});
