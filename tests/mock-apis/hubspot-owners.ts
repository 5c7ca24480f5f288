/**
 * The mock HubSpot's owners (tests/mock-apis/hubspot-server.ts routes to it):
 * GET /crm/v3/owners/?limit=&after=&archived= -> { results: [{ id, email, firstName, lastName,
 * userId, type, createdAt, updatedAt, archived }], paging? } (archived=true lists only the
 * archived owners; limit at most 500).
 */
import type { HubSpotRequest } from './hubspot-types';
import { CREATED } from './hubspot-objects';

/** GET /crm/v3/owners: a page of the active owners, or of the archived ones. */
export function answerOwners({ req, url, mock, send }: HubSpotRequest): boolean {
  if (req.method === 'GET' && url.pathname.replace(/\/$/, '') === '/crm/v3/owners') {
    const archived = url.searchParams.get('archived') === 'true';
    const all = mock.data.owners.filter((o) => !!o.archived === archived);
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    const start = Number(url.searchParams.get('after') ?? 0) || 0;
    const next = start + limit < all.length ? String(start + limit) : undefined;
    return send(200, {
      results: all.slice(start, start + limit).map((o) => ({
        id: o.id,
        email: o.email,
        firstName: o.firstName,
        lastName: o.lastName,
        userId: Number(o.id) * 10,
        type: 'PERSON',
        createdAt: CREATED,
        updatedAt: CREATED,
        archived: !!o.archived,
      })),
      ...(next ? { paging: { next: { after: next, link: `${mock.url}/crm/v3/owners/?after=${next}` } } } : {}),
    });
  }
  return false;
}
