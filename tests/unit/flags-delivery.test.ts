// @vitest-environment node
// Flags for sales: one flag per draft, delivered once to the account's HubSpot company through the
// outbox (tests/unit/flags-outbox.ts), waiting while no source can take it.
import { describe, expect, it } from 'vitest';
import { retryDelayMinutes } from '@/core/flags';
import { deliverHubSpotFlag } from '@/sources/hubspot';
import { runSync } from '@/sources/run-sync';
import { openDb, type BackstoryDB } from '@/storage/db';
import { deliverDue } from '@/services/flag-delivery';
import { flagsOn, markHandedOver } from '@/services/flags';
import { loadBackstory } from '@/services/backstory';
import { createFlag } from '@/services/flag-create';
import { storyForTab } from '@/services/sidebar-requests';
import { saveTabTicket } from '@/storage/tab-tickets';
import { loadRecordSet } from '@/storage/record-writes';
import { emptyRecordSet } from '@/core/model';
import { salesRows } from './stored-records';
import { config, deps, http, input, mock, ref, useFlagsOutbox } from './flags-outbox';
import { flagStatusText } from '@/components/FlagList';

/** One account from a CSV import: a source that takes no writes. */
const loadCsvAccount = (db: BackstoryDB, sourceId: string, name: string, domains: string[]) =>
  loadRecordSet(
    db,
    {
      ...emptyRecordSet(),
      accounts: [{ id: `csv:${sourceId}`, source: 'csv', sourceId, name, aliases: [], domains, externalIds: {} }],
    },
    'csv',
  );

let db: BackstoryDB;
useFlagsOutbox((opened) => (db = opened));

describe('flags for sales', () => {
  it("goes to the account's HubSpot company as exactly one associated note", async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(flag).toMatchObject({
      status: 'pending',
      source: 'hubspot-f1',
      accountName: 'Unknown Widgets Ltd',
      salesRep: 'Priya Nair',
      ticket: { ticketId: '1045' },
    });
    expect(await deliverDue(db, deps())).toBe(1);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]!.companies).toEqual(['5001']);
    expect(mock.writes[0]!.properties.hs_note_body).toContain('Hardware refresh');
    expect(mock.writes[0]!.properties.hs_note_body).toContain(flag.id);
    expect(await db.flags.get(flag.id)).toMatchObject({ status: 'delivered', remoteId: mock.writes[0]!.id });
    // Delivered flags are not tried again.
    expect(await deliverDue(db, deps({ force: true }))).toBe(0);
    expect(mock.writes).toHaveLength(1);
  });

  it('stores one flag for one draft, however often the sidebar asks (its answer may be lost)', async () => {
    const draft = { ...input, draftId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    const [first, again] = await Promise.all([
      createFlag(db, draft, ref, 'hubspot-f1:5001'),
      createFlag(db, draft, ref, 'hubspot-f1:5001'),
    ]);
    const third = await createFlag(db, draft, ref, 'hubspot-f1:5001');
    expect(first.id).toBe('bsflaga1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect([again.id, third.id]).toEqual([first.id, first.id]);
    expect(await db.flags.count()).toBe(1);
    // A new draft is a new flag; the same draft id from another ticket is refused.
    expect((await createFlag(db, input, ref, 'hubspot-f1:5001')).id).not.toBe(first.id);
    await expect(createFlag(db, draft, { ...ref, ticketId: '1046' }, 'hubspot-f1:5001')).rejects.toThrow(
      /another ticket/,
    );
    expect(await db.flags.count()).toBe(2);
  });

  it('waits while the source is down, with growing backoff, then delivers once', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes' };
    const t0 = new Date('2026-12-01T10:00:00Z');
    await deliverDue(db, deps({ now: () => t0 }));
    const waiting = (await db.flags.get(flag.id))!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-12-01T10:01:00.000Z' });
    expect(waiting.lastError).toMatch(/failed with 503/);
    // Not due again before its time.
    mock.switches = {};
    expect(await deliverDue(db, deps({ now: () => new Date('2026-12-01T10:00:30Z') }))).toBe(0);
    expect(mock.writes).toHaveLength(0);
    expect(await deliverDue(db, deps({ now: () => new Date('2026-12-01T10:01:01Z') }))).toBe(1);
    expect(mock.writes).toHaveLength(1);
    expect(retryDelayMinutes(1)).toBe(1);
    expect(retryDelayMinutes(3)).toBe(4);
    expect(retryDelayMinutes(20)).toBe(60);
  });

  it('never writes twice: a retry after a lost answer finds the note it already wrote', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    // The write reached HubSpot, but the answer was lost before the flag was marked delivered.
    await deliverHubSpotFlag({ token: mock.token, base: mock.url, ...http }, flag, '5001');
    expect(mock.writes).toHaveLength(1);
    expect((await db.flags.get(flag.id))!.status).toBe('pending');
    expect(await deliverDue(db, deps())).toBe(1);
    expect(mock.writes).toHaveLength(1);
    expect((await db.flags.get(flag.id))!.remoteId).toBe(mock.writes[0]!.id);
  });

  it('keeps the written note id with the flag before marking it, so a stopped worker never writes twice', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    // HubSpot's search index has not caught up, and the worker stops right after the write
    // (the clock read for markDelivered is where it dies).
    mock.searchLag = true;
    let reads = 0;
    const dying = () => {
      if (++reads > 1) throw new Error('worker stopped');
      return new Date('2026-12-01T10:00:00Z');
    };
    await expect(deliverDue(db, deps({ now: dying }))).rejects.toThrow('worker stopped');
    expect(mock.writes).toHaveLength(1);
    expect(await db.flags.get(flag.id)).toMatchObject({ status: 'pending', remoteId: mock.writes[0]!.id });
    mock.requests.length = 0;
    expect(await deliverDue(db, deps())).toBe(1);
    expect(mock.writes).toHaveLength(1);
    // Found by its id: no search, no reading of the company's notes.
    expect(mock.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /crm/v3/objects/notes/${mock.writes[0]!.id}`,
    ]);
    expect(await db.flags.get(flag.id)).toMatchObject({ status: 'delivered', remoteId: mock.writes[0]!.id });
  });

  it('is listed once in the sidebar, as a flag, after its CRM note comes back with the next sync', async () => {
    const ticket = { ...ref, contactEmail: 'zed@unknown-widgets.example', emails: ['zed@unknown-widgets.example'] };
    const flag = await createFlag(db, input, ticket, 'hubspot-f1:5001');
    await deliverDue(db, deps());
    await runSync(db, config, { token: mock.token }, http, () => new Date(), { full: true });
    expect((await salesRows(db).notes.toArray()).some((n) => n.body.includes(flag.id))).toBe(true);
    await saveTabTicket(9, ticket, undefined);
    const story = await storyForTab(9, ticket.url, db);
    expect(story?.flags?.map((f) => f.id)).toEqual([flag.id]);
    expect(story?.story?.notes.map((n) => n.body)).toEqual([
      'Zed was burned by their last IT guy.\nPromised a 4-hour response on the warehouse scanners.',
    ]);
  });

  it('survives a browser restart: the outbox is in IndexedDB', async () => {
    const name = db.name;
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    db.close();
    db = openDb(name);
    expect((await db.flags.get(flag.id))!.status).toBe('pending');
    expect(await deliverDue(db, deps())).toBe(1);
  });

  it('waits in the outbox when the customer has no source that takes writes, and when the source is removed', async () => {
    await loadCsvAccount(db, 'lone', 'Lone Co', ['lone.example']);
    expect((await createFlag(db, input, ref, 'csv:lone')).status).toBe('outbox');
    const pending = await createFlag(db, input, ref, 'hubspot-f1:5001');
    await deliverDue(db, deps({ configs: [] }));
    const moved = await db.flags.get(pending.id);
    expect(moved).toMatchObject({ status: 'outbox', lastErrorDetail: { code: 'sourceRemoved', args: [] } });
    expect(flagStatusText(moved!)).toBe(
      'In your outbox (its data source was removed): export it from Options › Flags.',
    );
    expect(mock.writes).toHaveLength(0);
  });

  it('leaves the outbox when the user marks it as mailed; a flag not in the outbox is not touched', async () => {
    await loadCsvAccount(db, 'lone', 'Lone Co', ['lone.example']);
    const mailed = await createFlag(db, input, ref, 'csv:lone');
    const pending = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(await markHandedOver(db, [mailed.id, pending.id, 'bsflag-gone'], new Date('2026-12-02T09:00:00Z'))).toBe(1);
    expect(await db.flags.get(mailed.id)).toMatchObject({
      status: 'delivered',
      deliveredAt: '2026-12-02T09:00:00.000Z',
    });
    expect((await db.flags.get(pending.id))!.status).toBe('pending');
    // Marked once: a second mark changes nothing.
    expect(await markHandedOver(db, [mailed.id])).toBe(0);
    expect((await db.flags.get(mailed.id))!.deliveredAt).toBe('2026-12-02T09:00:00.000Z');
  });

  it('goes to the writable twin when the ticket matched the CSV copy of the customer', async () => {
    await loadCsvAccount(db, 'uw', 'Unknown Widgets Ltd', []);
    const flag = await createFlag(db, input, ref, 'csv:uw');
    expect(flag).toMatchObject({ status: 'pending', accountId: 'hubspot-f1:5001' });
    // The CSV account's story merges its HubSpot twin: the flag shows as "already flagged" there.
    const story = await loadBackstory(db, 'csv:uw');
    expect((await flagsOn(db, story!.accountIds)).map((f) => f.id)).toEqual([flag.id]);
  });
});
