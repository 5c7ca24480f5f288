/**
 * The mock HubSpot's notes beyond the object list and search (tests/mock-apis/hubspot-server.ts
 * routes to it): GET /crm/v3/objects/notes/{id}, POST /crm/v3/objects/notes/batch/read, and
 * POST /crm/v3/objects/notes (a flag delivered: kept in `writes`, associated with its companies by
 * association type 190).
 */
import type { HsRecord, HubSpotRequest } from './hubspot-types';
import { simpleObject } from './hubspot-objects';

/** A note by id, notes by ids, or a new note. */
export function answerNotes({ req, url, body, mock, unindexed, send, notFound }: HubSpotRequest): boolean {
  if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes/batch/read') {
    const input = JSON.parse(body || '{}') as { inputs?: { id: string }[]; properties?: string[] };
    const startedAt = new Date().toISOString();
    const results = (input.inputs ?? [])
      .map((i) => mock.data.notes.find((n) => n.id === i.id))
      .filter((n): n is HsRecord => !!n)
      .map((n) => simpleObject('notes', n, input.properties));
    return send(200, { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() });
  }
  const noteById = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(url.pathname);
  if (req.method === 'GET' && noteById) {
    const note = mock.data.notes.find((n) => n.id === noteById[1]);
    if (!note) return notFound(`Object not found.  objectId are usually numeric.`);
    const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
    return send(200, simpleObject('notes', note, wanted));
  }
  if (req.method === 'POST' && url.pathname === '/crm/v3/objects/notes') {
    const input = JSON.parse(body || '{}') as {
      properties?: Record<string, string>;
      associations?: { to: { id: string }; types: { associationTypeId: number }[] }[];
    };
    const id = String(8000 + mock.writes.length);
    const companies = (input.associations ?? [])
      .filter((a) => a.types.some((t) => t.associationTypeId === 190))
      .map((a) => String(a.to.id));
    const note: HsRecord = { id, properties: { ...input.properties }, associations: { companies } };
    mock.writes.push({ id, properties: note.properties, companies });
    mock.data.notes.push(note);
    if (mock.searchLag) unindexed.add(id);
    return send(201, {
      id,
      properties: note.properties,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      archived: false,
    });
  }
  return false;
}
