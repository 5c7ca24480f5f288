import { describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { wordedRun } from './worded';
import {
  campaignIndex,
  htmlToText,
  mapCampaign,
  mapCompany,
  mapContact,
  mapDeal,
  mapNote,
} from '@/sources/hubspot-map';
import { hubspotPages, readHubSpot, testHubSpot } from '@/sources/hubspot';
import { CAMPAIGNS_LEFT_OUT, changedSince } from '@/sources/hubspot-campaigns';
import { AuthError, RateLimiter } from '@/sources/http';

const TOKEN = 'pat-na1-CANARY-token';
const owners = new Map([['77', 'Priya Nair']]);

describe('HubSpot records to the model', () => {
  it('maps a company with its original source, domains and website', () => {
    expect(
      mapCompany({
        id: '18200311',
        properties: {
          name: 'Acme Dental Group',
          domain: 'AcmeDental.com',
          hs_additional_domains: 'acme-dental.net;acmedental.com',
          website: 'https://www.acmedental.com/',
          industry: 'Dental',
          hs_analytics_source: 'OFFLINE',
          hs_analytics_source_data_1: 'Postcard mailer',
        },
      }),
    ).toMatchObject({
      id: 'hubspot:18200311',
      name: 'Acme Dental Group',
      domains: ['acmedental.com', 'acme-dental.net'],
      leadSource: 'offline (Postcard mailer)',
      externalIds: { hubspot: '18200311' },
    });
    expect(mapCompany({ id: '1', properties: { name: 42 } })).toBeUndefined();
  });

  it('maps contacts, deals and notes to their company, owners to names', () => {
    expect(
      mapContact({
        id: '5',
        properties: {
          firstname: 'Dana',
          lastname: 'Whitfield',
          email: 'Dana@AcmeDental.com',
          hs_buying_role: 'DECISION_MAKER',
        },
        associations: { companies: { results: [{ id: '18200311' }] } },
      }),
    ).toMatchObject({
      accountId: 'hubspot:18200311',
      name: 'Dana Whitfield',
      email: 'dana@acmedental.com',
      role: 'decision maker',
    });
    expect(
      mapDeal(
        {
          id: '9',
          properties: {
            dealname: 'Managed IT',
            amount: '6500',
            hs_mrr: '4200',
            dealstage: 'closedwon',
            closedate: '2025-03-14T00:00:00Z',
            hubspot_owner_id: '77',
          },
          associations: { companies: { results: [{ id: '18200311' }] } },
        },
        owners,
      ),
    ).toMatchObject({
      accountId: 'hubspot:18200311',
      valueOneTime: 6500,
      valueRecurring: 4200,
      stage: 'Closed Won',
      closeDate: '2025-03-14',
      salesRep: 'Priya Nair',
    });
    expect(mapDeal({ id: '10', properties: { dealname: 'Orphan' } }, owners)).toBeUndefined();
    expect(
      mapNote(
        {
          id: '3',
          properties: {
            hs_note_body: '<p>Burned by their last MSP</p><p>Promised 1-hour response</p>',
            hs_timestamp: '2025-03-14T10:00:00Z',
            hubspot_owner_id: '77',
          },
          associations: { deals: { results: [{ id: '9' }] } },
        },
        owners,
      ),
    ).toMatchObject({
      dealId: 'hubspot:9',
      author: 'Priya Nair',
      date: '2025-03-14',
      body: 'Burned by their last MSP\nPromised 1-hour response',
    });
  });

  it('maps a marketing campaign: spend (else budget) as its cost, its owner by name', () => {
    const guid = 'edb9b6c3-d2e2-4ca8-8396-832262aed0d4';
    expect(
      mapCampaign(
        {
          id: guid,
          properties: {
            hs_name: ' Spring mailer 2026 ',
            hs_start_date: '2026-03-01',
            hs_end_date: '2026-04-15',
            hs_owner: '77',
            hs_currency_code: 'EUR',
            hs_budget_items_sum_amount: '5000',
            hs_spend_items_sum_amount: '4200.5',
          },
        },
        owners,
      ),
    ).toEqual({
      id: `hubspot:${guid}`,
      source: 'hubspot',
      sourceId: guid,
      name: 'Spring mailer 2026',
      channel: '',
      startDate: '2026-03-01',
      endDate: '2026-04-15',
      cost: 4200.5,
      currency: 'EUR',
      owner: 'Priya Nair',
    });
    expect(
      mapCampaign(
        {
          id: 'c2',
          properties: { hs_name: 'Webinar', hs_budget_items_sum_amount: '900', hs_spend_items_sum_amount: '0' },
        },
        owners,
      ),
    ).toMatchObject({ cost: 900, owner: undefined });
    expect(mapCampaign({ id: 'c3', properties: { hs_name: '' } }, owners)).toBeUndefined();
  });

  it('links a deal to the campaign its original source drill-down names (utm_campaign or name)', () => {
    const index = campaignIndex([
      { id: 'c-mailer', properties: { hs_name: 'Spring mailer 2026', hs_utm: 'spring_mailer_2026' } },
      { id: 'c-webinar', properties: { hs_name: 'Backup webinar' } },
    ]);
    const deal = (p: Record<string, string>) =>
      mapDeal(
        { id: '9', properties: { dealname: 'D', ...p }, associations: { companies: { results: [{ id: '1' }] } } },
        owners,
        index,
      );
    expect(
      deal({ hs_analytics_source: 'OTHER_CAMPAIGNS', hs_analytics_source_data_1: 'Spring-Mailer-2026' })?.campaignId,
    ).toBe('hubspot:c-mailer');
    expect(
      deal({
        hs_analytics_source: 'EMAIL_MARKETING',
        hs_analytics_source_data_1: 'Newsletter',
        hs_analytics_source_data_2: 'backup webinar',
      })?.campaignId,
    ).toBe('hubspot:c-webinar');
    expect(deal({ hs_analytics_source: 'PAID_SEARCH', hs_analytics_source_data_1: 'Google Ads' })).not.toHaveProperty(
      'campaignId',
    );
    expect(
      mapDeal(
        {
          id: '9',
          properties: { dealname: 'D', hs_analytics_source_data_1: 'Spring mailer 2026' },
          associations: { companies: { results: [{ id: '1' }] } },
        },
        owners,
      ),
    ).not.toHaveProperty('campaignId');
  });

  it('turns note HTML into text and drops scripts', () => {
    expect(
      htmlToText(
        '<div>Call&nbsp;Dana&amp;Sam<br>at 8 &lt;sharp&gt; &#128222;</div><script>alert(1)</script><img src=x onerror=alert(2)>',
      ),
    ).toBe('Call Dana&Sam\nat 8 <sharp> 📞');
  });
});

describe('reading HubSpot', () => {
  function fakeHubSpot(pages: Record<string, unknown[]>, status = 200, forbidden: string[] = []) {
    const calls: { url: URL; auth: string | null }[] = [];
    const fetch = (async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
      if (status !== 200) return new Response('{}', { status });
      if (forbidden.some((p) => url.pathname.startsWith(p)))
        return Response.json({ status: 'error', category: 'MISSING_SCOPES' }, { status: 403 });
      if (url.pathname === '/crm/v3/owners/')
        return Response.json({
          results:
            url.searchParams.get('archived') === 'true' ? [] : [{ id: '77', firstName: 'Priya', lastName: 'Nair' }],
        });
      if (url.pathname === '/crm/v3/pipelines/deals') return Response.json({ results: [] });
      const type = url.pathname.split('/').pop()!;
      const all = pages[type] ?? [];
      const start = Number(url.searchParams.get('after') ?? 0);
      const next = start + 2 < all.length ? { next: { after: String(start + 2) } } : undefined;
      return Response.json({ results: all.slice(start, start + 2), ...(next ? { paging: next } : {}) });
    }) as unknown as typeof globalThis.fetch;
    return { fetch, calls };
  }
  const company = (id: string, name: string) => ({ id, properties: { name } });
  const opts = (fetch: typeof globalThis.fetch) => ({
    token: TOKEN,
    fetch,
    sleep: async () => undefined,
    limiter: new RateLimiter(1000, 1000),
  });

  it('follows paging, sends the token as a bearer, and maps everything', async () => {
    const { fetch, calls } = fakeHubSpot({
      companies: [company('1', 'A'), company('2', 'B'), company('3', 'C'), { id: '4', properties: {} }],
      deals: [
        {
          id: '9',
          properties: { dealname: 'D', hubspot_owner_id: '77' },
          associations: { companies: { results: [{ id: '1' }] } },
        },
      ],
    });
    const { records, skipped } = await readHubSpot(opts(fetch));
    expect(records.accounts.map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(records.deals[0]).toMatchObject({ salesRep: 'Priya Nair', accountId: 'hubspot:1' });
    expect(skipped).toBe(1);
    expect(
      calls.filter((c) => c.url.pathname.endsWith('/companies')).map((c) => c.url.searchParams.get('after')),
    ).toEqual([null, '2']);
    expect(calls.every((c) => c.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(calls.find((c) => c.url.pathname.endsWith('/contacts'))!.url.searchParams.get('associations')).toBe(
      'companies',
    );
  });

  it('says the token was rejected, without the token', async () => {
    const err = await readHubSpot(opts(fakeHubSpot({}, 401).fetch)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).not.toContain(TOKEN);
  });

  it('reads marketing campaigns page by page and links deals to them', async () => {
    const campaigns = [
      {
        id: 'c-1',
        properties: { hs_name: 'Spring mailer 2026', hs_utm: 'spring_mailer' },
        updatedAt: '2026-03-01T00:00:00Z',
      },
      { id: 'c-2', properties: { hs_name: 'Webinar' } },
      { id: 'c-3', properties: { hs_name: 'Trade show' } },
    ];
    const { fetch, calls } = fakeHubSpot({
      companies: [company('1', 'A')],
      deals: [
        {
          id: '9',
          properties: {
            dealname: 'D',
            hs_analytics_source: 'OTHER_CAMPAIGNS',
            hs_analytics_source_data_1: 'spring_mailer',
          },
          associations: { companies: { results: [{ id: '1' }] } },
        },
      ],
      campaigns,
    });
    const { records, warnings } = await readHubSpot(opts(fetch));
    expect(records.campaigns.map((c) => c.name)).toEqual(['Spring mailer 2026', 'Webinar', 'Trade show']);
    expect(records.deals[0]?.campaignId).toBe('hubspot:c-1');
    expect(warnings).toEqual([]);
    const asked = calls.filter((c) => c.url.pathname === '/marketing/v3/campaigns');
    expect(asked.map((c) => c.url.searchParams.get('after'))).toEqual([null, '2']);
    expect(asked[0]!.url.searchParams.get('properties')).toContain('hs_utm');
  });

  it('goes on without campaigns, saying so, when the token lacks their scope (403)', async () => {
    const { fetch } = fakeHubSpot(
      { companies: [company('1', 'A')], campaigns: [{ id: 'c-1', properties: { hs_name: 'X' } }] },
      200,
      ['/marketing/v3/campaigns'],
    );
    const { records, warnings } = await readHubSpot(opts(fetch));
    expect(records.accounts).toHaveLength(1);
    expect(records.campaigns).toEqual([]);
    expect(warnings).toEqual([CAMPAIGNS_LEFT_OUT]);
    expect(noteText(CAMPAIGNS_LEFT_OUT)).toBe(
      'campaigns left out: the token lacks the marketing.campaigns.read scope, or the HubSpot account has no Marketing Hub campaigns',
    );
  });

  it('an incremental pass keeps only the campaigns changed since then, after the other steps', async () => {
    const list = [
      { id: 'a', properties: {}, updatedAt: '2026-11-30T00:00:00Z' },
      { id: 'b', properties: {}, updatedAt: '2026-12-02T00:00:00Z' },
      { id: 'c', properties: {} },
    ];
    expect(changedSince(list, '2026-12-01T00:00:00Z').map((c) => c.id)).toEqual(['b', 'c']);
    expect(changedSince(list, undefined)).toHaveLength(3);
    const { fetch } = fakeHubSpot({ campaigns: [{ id: 'c-1', properties: { hs_name: 'X' } }] });
    const pages = [];
    for await (const page of hubspotPages(opts(fetch), { step: 4 })) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ next: null, records: { campaigns: [{ name: 'X' }] } });
  });
});

describe('Test connection (HubSpot campaigns)', () => {
  it('names the missing marketing.campaigns.read scope, and says the rest syncs without it', async () => {
    const ok = () => Response.json({ results: [] });
    const refuse = () => Response.json({ status: 'error', category: 'MISSING_SCOPES' }, { status: 403 });
    const fetch = (async (input: string) =>
      new URL(input).pathname.startsWith('/marketing/') ? refuse() : ok()) as unknown as typeof globalThis.fetch;
    const checks = await testHubSpot({ token: TOKEN, fetch, limiter: new RateLimiter(1000, 1000) });
    expect(checks.map((c) => c.what)).toEqual(['owners', 'companies', 'contacts', 'deals', 'notes', 'campaigns']);
    expect(checks.filter((c) => !c.ok)).toEqual([
      {
        what: 'campaigns',
        ok: false,
        optional: true,
        message: 'campaignsScope (marketing.campaigns.read)',
        error: { code: 'campaignsScope', args: ['marketing.campaigns.read'] },
      },
    ]);
    expect(wordedRun(checks.at(-1))).toMatch(
      /add the marketing\.campaigns\.read scope .*everything else syncs, without campaigns/,
    );
    expect(JSON.stringify(checks)).not.toContain(TOKEN);
  });
});
