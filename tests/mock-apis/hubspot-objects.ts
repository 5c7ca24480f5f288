/**
 * The mock HubSpot's CRM objects (tests/mock-apis/hubspot-server.ts routes to it):
 *  - GET /crm/v3/objects/{companies|contacts|deals|notes}?limit=&after=&properties=&associations=
 *    -> { results: [{ id, properties, createdAt, updatedAt, archived, associations? }], paging?: { next: { after, link } } }
 *    (limit at most 100; `after` is an opaque cursor; only requested properties come back, plus
 *    hs_object_id / createdate and the modification property as HubSpot adds them: lastmodifieddate
 *    for contacts, hs_lastmodifieddate for the others)
 *  - POST /crm/v3/objects/{type}/search: filters on the modification property of the type (a
 *    filter on the other one matches nothing, as on a real portal) or CONTAINS_TOKEN on a note
 *    body; notes written while `searchLag` is on are not found until `indexNotes()` (HubSpot's
 *    search index trails its writes)
 */
import type { HsRecord, HubSpotRequest, MockHubSpotData } from './hubspot-types';

export const modified = (r: HsRecord) => r.modified ?? '2026-11-20T09:00:00.000Z';
/** The property that holds a record's modification time (HubSpot's search guide). */
export const MODIFIED_PROPERTY: Record<string, string> = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  notes: 'hs_lastmodifieddate',
};
export const CREATED = '2026-01-05T09:00:00.000Z';

const TYPE_NAMES: Record<string, string> = { companies: 'company', contacts: 'contact', deals: 'deal', notes: 'note' };

/** A stored record as HubSpot answers it, with the requested properties. */
export const simpleObject = (type: string, r: HsRecord, wanted: string[] | undefined) => ({
  id: r.id,
  properties: {
    hs_object_id: r.id,
    createdate: CREATED,
    [MODIFIED_PROPERTY[type]!]: modified(r),
    ...Object.fromEntries((wanted ?? Object.keys(r.properties)).map((p) => [p, r.properties[p] ?? null])),
  },
  createdAt: CREATED,
  updatedAt: modified(r),
  archived: false,
});

/** POST /crm/v3/objects/{type}/search. */
export function answerObjectSearch({ req, url, body, mock, unindexed, send }: HubSpotRequest): boolean {
  const search = /^\/crm\/v3\/objects\/(companies|contacts|deals|notes)\/search$/.exec(url.pathname);
  if (req.method === 'POST' && search) {
    const type = search[1] as 'companies' | 'contacts' | 'deals' | 'notes';
    const input = JSON.parse(body || '{}') as {
      filterGroups?: { filters?: { propertyName: string; operator: string; value: string }[] }[];
      properties?: string[];
      limit?: number;
      after?: string;
    };
    const filter = input.filterGroups?.[0]?.filters?.[0];
    let hits: HsRecord[] = [];
    // Only what Backstory sends: a CONTAINS_TOKEN on a note's body (flags), or modified since (GTE,
    // epoch ms) on the type's own modification property (the other one matches nothing).
    if (filter?.operator === 'CONTAINS_TOKEN')
      hits = mock.data[type].filter(
        (n) =>
          !unindexed.has(n.id) && (n.properties[filter.propertyName] ?? '').split(/[\s<>()]+/).includes(filter.value),
      );
    else if (filter?.operator === 'GTE' && filter.propertyName === MODIFIED_PROPERTY[type]) {
      hits = mock.data[type]
        .filter((r) => Date.parse(modified(r)) >= Number(filter.value))
        .sort((a, b) => modified(a).localeCompare(modified(b)));
    }
    const limit = Math.min(200, input.limit ?? 10);
    const start = Number(input.after ?? 0);
    if (start + limit > mock.searchCap) {
      return send(400, {
        status: 'error',
        message: `Search paging is limited to ${mock.searchCap} results`,
        category: 'VALIDATION_ERROR',
      });
    }
    const page = hits.slice(start, start + limit);
    const next = start + limit < hits.length ? String(start + limit) : undefined;
    return send(200, {
      total: hits.length,
      results: page.map((r) => simpleObject(type, r, input.properties)),
      ...(next ? { paging: { next: { after: next } } } : {}),
    });
  }
  return false;
}

/** GET /crm/v3/objects/{type}: a page of records, with their associations when asked. */
export function answerObjectList({ req, url, mock, send }: HubSpotRequest): boolean {
  const m = /^\/crm\/v3\/objects\/(companies|contacts|deals|notes)$/.exec(url.pathname);
  if (req.method === 'GET' && m) {
    const type = m[1] as keyof typeof TYPE_NAMES & keyof MockHubSpotData;
    const all = mock.data[type] as HsRecord[];
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
    const start = url.searchParams.get('after')
      ? Number(Buffer.from(url.searchParams.get('after')!, 'base64url').toString())
      : 0;
    const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
    const assoc = (url.searchParams.get('associations') ?? '').split(',').filter(Boolean);
    const results = all.slice(start, start + limit).map((r) => ({
      ...simpleObject(type, r, wanted),
      ...(assoc.length
        ? {
            associations: Object.fromEntries(
              assoc
                .filter((a) => r.associations?.[a]?.length)
                .map((a) => [
                  a,
                  {
                    results: r.associations![a]!.map((id) => ({
                      id,
                      type: `${TYPE_NAMES[type]}_to_${TYPE_NAMES[a] ?? a}`,
                    })),
                  },
                ]),
            ),
          }
        : {}),
    }));
    const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
    return send(200, {
      results,
      ...(next ? { paging: { next: { after: next, link: `${mock.url}${url.pathname}?after=${next}` } } } : {}),
    });
  }
  return false;
}
