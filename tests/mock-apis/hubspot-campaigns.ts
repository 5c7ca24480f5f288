/**
 * The mock HubSpot's marketing campaigns (tests/mock-apis/hubspot-server.ts routes to it):
 * GET /marketing/v3/campaigns?limit=&after=&properties= -> { total, results: [{ id (a GUID),
 * properties, createdAt, updatedAt, businessUnits }], paging?: { next: { after, link } } }
 * (limit 1..100, default 50). A token without the scope is refused by the server (403 MISSING_SCOPES).
 */
import type { HubSpotRequest } from './hubspot-types';
import { modified } from './hubspot-objects';

/** GET /marketing/v3/campaigns: a page of campaigns with the properties asked for. */
export function answerCampaigns({ req, url, mock, send }: HubSpotRequest): boolean {
  if (req.method === 'GET' && url.pathname.replace(/\/$/, '') === '/marketing/v3/campaigns') {
    const all = mock.data.campaigns ?? [];
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
    const start = Number(url.searchParams.get('after') ?? 0) || 0;
    const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
    const next = start + limit < all.length ? String(start + limit) : undefined;
    return send(200, {
      total: all.length,
      results: all.slice(start, start + limit).map((c) => ({
        id: c.id,
        properties: Object.fromEntries(wanted.map((p) => [p, c.properties[p] ?? null])),
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: modified(c),
        businessUnits: [{ id: 0 }],
      })),
      ...(next ? { paging: { next: { after: next, link: `${mock.url}/marketing/v3/campaigns?after=${next}` } } } : {}),
    });
  }
  return false;
}
