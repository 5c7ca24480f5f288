import { describe, expect, it } from 'vitest';
import { htmlToText, mapCompany, mapContact, mapDeal, mapNote } from '@/sources/hubspot-map';
import { readHubSpot } from '@/sources/hubspot';
import { AuthError, RateLimiter } from '@/sources/http';

const TOKEN = 'pat-na1-CANARY-token';
const owners = new Map([['77', 'Priya Nair']]);

describe('HubSpot records to the model', () => {
  it('maps a company with its original source, domains and website', () => {
    expect(
      mapCompany({
        id: '18200311',
        properties: { name: 'Acme Dental Group', domain: 'AcmeDental.com', hs_additional_domains: 'acme-dental.net;acmedental.com', website: 'https://www.acmedental.com/', industry: 'Dental', hs_analytics_source: 'OFFLINE', hs_analytics_source_data_1: 'Postcard mailer' },
      }),
    ).toMatchObject({ id: 'hubspot:18200311', name: 'Acme Dental Group', domains: ['acmedental.com', 'acme-dental.net'], leadSource: 'offline (Postcard mailer)', externalIds: { hubspot: '18200311' } });
    expect(mapCompany({ id: '1', properties: { name: 42 } })).toBeUndefined();
  });

  it('maps contacts, deals and notes to their company, owners to names', () => {
    expect(mapContact({ id: '5', properties: { firstname: 'Dana', lastname: 'Whitfield', email: 'Dana@AcmeDental.com', hs_buying_role: 'DECISION_MAKER' }, associations: { companies: { results: [{ id: '18200311' }] } } }))
      .toMatchObject({ accountId: 'hubspot:18200311', name: 'Dana Whitfield', email: 'dana@acmedental.com', role: 'decision maker' });
    expect(mapDeal({ id: '9', properties: { dealname: 'Managed IT', amount: '6500', hs_mrr: '4200', dealstage: 'closedwon', closedate: '2025-03-14T00:00:00Z', hubspot_owner_id: '77' }, associations: { companies: { results: [{ id: '18200311' }] } } }, owners))
      .toMatchObject({ accountId: 'hubspot:18200311', valueOneTime: 6500, valueRecurring: 4200, stage: 'Closed Won', closeDate: '2025-03-14', salesRep: 'Priya Nair' });
    expect(mapDeal({ id: '10', properties: { dealname: 'Orphan' } }, owners)).toBeUndefined();
    expect(mapNote({ id: '3', properties: { hs_note_body: '<p>Burned by their last MSP</p><p>Promised 1-hour response</p>', hs_timestamp: '2025-03-14T10:00:00Z', hubspot_owner_id: '77' }, associations: { deals: { results: [{ id: '9' }] } } }, owners))
      .toMatchObject({ dealId: 'hubspot:9', author: 'Priya Nair', date: '2025-03-14', body: 'Burned by their last MSP\nPromised 1-hour response' });
  });

  it('turns note HTML into text and drops scripts', () => {
    expect(htmlToText('<div>Call&nbsp;Dana&amp;Sam<br>at 8 &lt;sharp&gt; &#128222;</div><script>alert(1)</script><img src=x onerror=alert(2)>')).toBe('Call Dana&Sam\nat 8 <sharp> 📞');
  });
});

describe('reading HubSpot', () => {
  function fakeHubSpot(pages: Record<string, unknown[]>, status = 200) {
    const calls: { url: URL; auth: string | null }[] = [];
    const fetch = (async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
      if (status !== 200) return new Response('{}', { status });
      if (url.pathname === '/crm/v3/owners/') return Response.json({ results: [{ id: '77', firstName: 'Priya', lastName: 'Nair' }] });
      const type = url.pathname.split('/').pop()!;
      const all = pages[type] ?? [];
      const start = Number(url.searchParams.get('after') ?? 0);
      const next = start + 2 < all.length ? { next: { after: String(start + 2) } } : undefined;
      return Response.json({ results: all.slice(start, start + 2), ...(next ? { paging: next } : {}) });
    }) as unknown as typeof globalThis.fetch;
    return { fetch, calls };
  }
  const company = (id: string, name: string) => ({ id, properties: { name } });
  const opts = (fetch: typeof globalThis.fetch) => ({ token: TOKEN, fetch, sleep: async () => undefined, limiter: new RateLimiter(1000, 1000) });

  it('follows paging, sends the token as a bearer, and maps everything', async () => {
    const { fetch, calls } = fakeHubSpot({
      companies: [company('1', 'A'), company('2', 'B'), company('3', 'C'), { id: '4', properties: {} }],
      deals: [{ id: '9', properties: { dealname: 'D', hubspot_owner_id: '77' }, associations: { companies: { results: [{ id: '1' }] } } }],
    });
    const { records, skipped } = await readHubSpot(opts(fetch));
    expect(records.accounts.map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(records.deals[0]).toMatchObject({ salesRep: 'Priya Nair', accountId: 'hubspot:1' });
    expect(skipped).toBe(1);
    expect(calls.filter((c) => c.url.pathname.endsWith('/companies')).map((c) => c.url.searchParams.get('after'))).toEqual([null, '2']);
    expect(calls.every((c) => c.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(calls.find((c) => c.url.pathname.endsWith('/contacts'))!.url.searchParams.get('associations')).toBe('companies');
  });

  it('says the token was rejected, without the token', async () => {
    const err = await readHubSpot(opts(fakeHubSpot({}, 401).fetch)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).not.toContain(TOKEN);
  });
});
