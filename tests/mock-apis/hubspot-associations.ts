/**
 * The mock HubSpot's associations (tests/mock-apis/hubspot-server.ts routes to it):
 *  - POST /crm/v4/associations/{from}/{to}/batch/read -> { status, results: [{ from, to: [{ toObjectId
 *    (a string), associationTypes }], paging? }], startedAt, completedAt }, at most
 *    `associationPage` associations per object and answer, the rest behind paging.next.after
 *  - GET /crm/v4/objects/{from}/{id}/associations/{to}?limit=&after=
 */
import type { HsRecord, HubSpotRequest, MockHubSpotData } from './hubspot-types';

/** The v4 associations: a batch read, or one object's associations of one type. */
export function answerAssociations({ req, url, body, mock, send, notFound }: HubSpotRequest): boolean {
  const batch =
    /^\/crm\/v4\/associations\/(companies|contacts|deals|notes)\/(companies|contacts|deals|notes)\/batch\/read$/.exec(
      url.pathname,
    );
  if (req.method === 'POST' && batch) {
    const [from, to] = [batch[1] as keyof MockHubSpotData & 'companies', batch[2]!];
    const inputs = (JSON.parse(body || '{}') as { inputs?: { id: string; after?: string }[] }).inputs ?? [];
    const records = mock.data[from] as HsRecord[];
    const startedAt = new Date().toISOString();
    const results = inputs.flatMap((i) => {
      const r = records.find((x) => x.id === i.id);
      if (!r) return [];
      const all = r.associations?.[to] ?? [];
      const start = Number(i.after ?? 0) || 0;
      const end = start + mock.associationPage;
      return [
        {
          from: { id: r.id },
          to: all.slice(start, end).map((id) => ({
            toObjectId: id,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1 }],
          })),
          ...(end < all.length ? { paging: { next: { after: String(end) } } } : {}),
        },
      ];
    });
    return send(200, { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() });
  }
  const objectAssoc =
    /^\/crm\/v4\/objects\/(companies|contacts|deals|notes)\/([^/]+)\/associations\/(companies|contacts|deals|notes)$/.exec(
      url.pathname,
    );
  if (req.method === 'GET' && objectAssoc) {
    const [, from, id, to] = objectAssoc as unknown as [string, keyof MockHubSpotData, string, string];
    const record = (mock.data[from] as HsRecord[]).find((r) => r.id === id);
    if (!record) return notFound(`No ${from} with id ${id}`);
    // Associations are kept on either side: a note names its company, a company may name its notes.
    const linked = [
      ...(record.associations?.[to] ?? []),
      ...(mock.data[to as 'notes'] as HsRecord[]).filter((r) => r.associations?.[from]?.includes(id)).map((r) => r.id),
    ].filter((x, i, all) => all.indexOf(x) === i);
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 500) || 500));
    const start = Number(url.searchParams.get('after') ?? 0) || 0;
    const next = start + limit < linked.length ? String(start + limit) : undefined;
    return send(200, {
      results: linked.slice(start, start + limit).map((x) => ({
        toObjectId: x,
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 190 }],
      })),
      ...(next ? { paging: { next: { after: next, link: `${mock.url}${url.pathname}?after=${next}` } } } : {}),
    });
  }
  return false;
}
