// @vitest-environment node
// The outbox of flags for sales, delivered to a mock HubSpot over real HTTP (Node's fetch).
import Dexie from 'dexie';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  flagEmail,
  flagEmailText,
  flagRow,
  flagText,
  parseAmount,
  retryDelayMinutes,
  FLAG_CSV_COLUMNS,
} from '@/core/flags';
import { csvText } from '@/sources/csv-export';
import Papa from 'papaparse';
import type { TicketRef } from '@/core/model';
import { RateLimiter } from '@/sources/http';
import { deliverHubSpotFlag } from '@/sources/hubspot';
import { runSync } from '@/sources/run-sync';
import { defineSchema, openDb, type BackstoryDB } from '@/storage/db';
import { deliverDue, type DeliveryDeps } from '@/services/flag-delivery';
import { flagsForAccount, markHandedOver } from '@/services/flags';
import { createFlag } from '@/services/flag-create';
import { storyForTab } from '@/services/sidebar-requests';
import { tabTicketItem } from '@/storage/tab-tickets';
import { loadRecordSet } from '@/storage/record-writes';
import { sourcesItem, type SourceConfig } from '@/storage/source-configs';
import { startMockHubSpot, sampleHubSpotData, type MockHubSpot } from '../mock-apis/hubspot-server';
import { salesRows } from './stored-records';
import { flagStatusText } from '@/components/FlagList';

let mock: MockHubSpot;
let db: BackstoryDB;
let config: SourceConfig;
const http = { sleep: async () => undefined, limiter: new RateLimiter(1000, 1000) };
const ref: TicketRef = {
  helpdesk: 'zendesk',
  ticketId: '1045',
  url: 'https://northwind.zendesk.com/agent/tickets/1045',
  emails: [],
  missing: [],
};
const input = {
  kind: 'hardware-refresh' as const,
  note: 'Warehouse scanners are 7 years old; Zed asked about replacing all 12.',
  value: 9000,
  urgency: 'normal' as const,
};
const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
  configs: [config],
  secrets: async () => ({ token: mock.token }),
  http,
  ...over,
});

beforeAll(async () => {
  mock = await startMockHubSpot();
});
afterAll(async () => mock.close());
beforeEach(async () => {
  mock.data = sampleHubSpotData();
  mock.switches = {};
  mock.writes.length = 0;
  mock.searchLag = false;
  db = openDb('flags-' + Math.random());
  config = { id: 'hubspot-f1', kind: 'hubspot', label: 'HubSpot', base: mock.url };
  await sourcesItem.setValue([config]);
  await runSync(db, config, { token: mock.token }, http);
});

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
    await tabTicketItem(9).setValue(ticket);
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
    await loadRecordSet(
      db,
      {
        accounts: [
          {
            id: 'csv:lone',
            source: 'csv',
            sourceId: 'lone',
            name: 'Lone Co',
            aliases: [],
            domains: ['lone.example'],
            externalIds: {},
          },
        ],
        contacts: [],
        campaigns: [],
        deals: [],
        notes: [],
      },
      'csv',
    );
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
    await loadRecordSet(
      db,
      {
        accounts: [
          {
            id: 'csv:lone',
            source: 'csv',
            sourceId: 'lone',
            name: 'Lone Co',
            aliases: [],
            domains: ['lone.example'],
            externalIds: {},
          },
        ],
        contacts: [],
        campaigns: [],
        deals: [],
        notes: [],
      },
      'csv',
    );
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
    await loadRecordSet(
      db,
      {
        accounts: [
          {
            id: 'csv:uw',
            source: 'csv',
            sourceId: 'uw',
            name: 'Unknown Widgets Ltd',
            aliases: [],
            domains: [],
            externalIds: {},
          },
        ],
        contacts: [],
        campaigns: [],
        deals: [],
        notes: [],
      },
      'csv',
    );
    const flag = await createFlag(db, input, ref, 'csv:uw');
    expect(flag).toMatchObject({ status: 'pending', accountId: 'hubspot-f1:5001' });
    expect((await flagsForAccount(db, 'csv:uw')).map((f) => f.id)).toEqual([flag.id]);
  });

  it('reads as text and as a CSV row, ending with its key', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(flagText(flag)).toMatch(
      /^Flag for sales: Hardware refresh \(normal urgency\)\nAccount: Unknown Widgets Ltd\nEstimated value: 9000 USD\nTicket: zendesk #1045 https:\/\/northwind\.zendesk\.com\/agent\/tickets\/1045\n\nWarehouse scanners/,
    );
    expect(flagText(flag).endsWith(`(Backstory ${flag.id})`)).toBe(true);
    expect(flagRow(flag)).toHaveLength(FLAG_CSV_COLUMNS.length);
  });

  it('makes one email of outbox flags: to their sales reps, with a subject naming the customers', async () => {
    const one = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(flagEmail([one])).toEqual({
      to: 'Priya Nair',
      subject: 'Flag for sales: Hardware refresh at Unknown Widgets Ltd (normal urgency)',
      body: flagText(one),
    });
    const other = { ...one, id: 'bsflag2', accountName: 'Lone Co', salesRep: undefined, kind: 'referral' as const };
    const both = flagEmail([one, other, { ...one, id: 'bsflag3' }]);
    expect(both.to).toBe('Priya Nair');
    expect(both.subject).toBe('3 flags for sales: Unknown Widgets Ltd, Lone Co');
    expect(both.body.split('\n\n---\n\n')).toEqual([
      flagText(one),
      flagText(other),
      flagText({ ...one, id: 'bsflag3' }),
    ]);
    expect(flagEmail([other]).to).toBe('sales');
    expect(flagEmailText(flagEmail([one]))).toBe(
      `To: Priya Nair\nSubject: Flag for sales: Hardware refresh at Unknown Widgets Ltd (normal urgency)\n\n${flagText(one)}\n`,
    );
  });

  it('keeps names from the data on one line, so they cannot add header lines of their own', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    const forged = {
      ...flag,
      accountName: 'Acme\r\nBcc: all@evil.example',
      salesRep: 'Priya\nSubject: hi',
      ticket: { ...flag.ticket, ticketId: '1\nAccount: Other' },
    };
    const text = flagEmailText(flagEmail([forged]));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'To: Priya Subject: hi',
      'Subject: Flag for sales: Hardware refresh at Acme Bcc: all@evil.example (normal urgency)',
    ]);
    expect(text).toContain('\nAccount: Acme Bcc: all@evil.example\n');
    expect(text).toContain('\nTicket: zendesk #1 Account: Other https://');
    expect(text.match(/^Account:/gm)).toHaveLength(1);
  });

  it('reads an estimated value as English and German speakers type it', () => {
    const read = (typed: string[]) => typed.map(parseAmount);
    expect(read(['9000', '$9,000', '9.000 €', '9 000', '9000 USD', 'EUR 9.000,-', '1,234,567'])).toEqual([
      9000, 9000, 9000, 9000, 9000, 9000, 1234567,
    ]);
    expect(read(['1.200,50', '12,500.75', '9,5', '9.5', '0.250'])).toEqual([1200.5, 12500.75, 9.5, 9.5, 0.25]);
    expect(read(['12k', '12.5k', 'about 10k', '2 Mio', '1.5m', '20 Tsd.'])).toEqual([
      12000, 12500, 10000, 2e6, 1.5e6, 20000,
    ]);
    expect(read(['', '  '])).toEqual([undefined, undefined]);
    // Not one amount: refused rather than guessed.
    expect(read(['lots', '3-5k', '1e6', 'between 5 and 10']).every(Number.isNaN)).toBe(true);
  });

  it("keeps the currency of the customer's deals with the value: a German customer's estimate is in euros", async () => {
    await loadRecordSet(
      db,
      {
        accounts: [
          {
            id: 'csv:mueller',
            source: 'csv',
            sourceId: 'mueller',
            name: 'Müller GmbH',
            aliases: [],
            domains: [],
            externalIds: {},
          },
        ],
        contacts: [],
        campaigns: [],
        deals: [
          {
            id: 'csv:d1',
            source: 'csv',
            sourceId: 'd1',
            accountId: 'csv:mueller',
            name: 'Co-managed IT',
            stage: 'Closed Won',
            closeDate: '2025-01-28',
            currency: 'EUR',
            valueRecurring: 900,
            promises: [],
          },
        ],
        notes: [],
      },
      'csv',
    );
    const flag = await createFlag(db, { ...input, value: 9000 }, ref, 'csv:mueller');
    expect(flag.currency).toBe('EUR');
    expect(flagText(flag)).toContain('\nEstimated value: 9000 EUR\n');
    expect(flagRow(flag).slice(FLAG_CSV_COLUMNS.indexOf('value'), FLAG_CSV_COLUMNS.indexOf('value') + 2)).toEqual([
      '9000',
      'EUR',
    ]);
    // Without a value there is no currency to keep.
    expect((await createFlag(db, { ...input, value: undefined }, ref, 'csv:mueller')).currency).toBeUndefined();
  });

  it('exports as CSV with formula-like notes defused', async () => {
    const flag = await createFlag(
      db,
      { ...input, note: '=HYPERLINK("https://evil.example","click")' },
      ref,
      'hubspot-f1:5001',
    );
    const text = csvText(FLAG_CSV_COLUMNS, [flagRow(flag)]);
    expect(text.startsWith('\uFEFFid,createdAt,status')).toBe(true);
    const [header, row] = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(header).toEqual([...FLAG_CSV_COLUMNS]);
    expect(row![FLAG_CSV_COLUMNS.indexOf('note')]).toBe('\'=HYPERLINK("https://evil.example","click")');
    expect(row![FLAG_CSV_COLUMNS.indexOf('account')]).toBe('Unknown Widgets Ltd');
  });
});

describe('database upgrades', () => {
  it('keeps version 1 data and adds the later tables (flags, ticket views, sync state)', async () => {
    const name = 'upgrade-' + Math.random();
    const v1 = new Dexie(name);
    v1.version(1).stores({
      accounts: 'id, source, nameKey, *aliasKeys, *domains',
      contacts: 'id, source, accountId, email',
      campaigns: 'id, source, name',
      deals: 'id, source, accountId, campaignId, closeDate',
      notes: 'id, source, accountId, dealId, date',
      pins: 'key, accountId',
    });
    await v1.table('accounts').add({
      id: 'csv:a',
      source: 'csv',
      sourceId: 'a',
      name: 'Acme',
      nameKey: 'acme',
      aliasKeys: ['acme'],
      aliases: [],
      domains: ['acme.example'],
      externalIds: {},
    });
    await v1.table('pins').add({ key: 'zendesk|acme', accountId: 'csv:a', createdAt: '2026-01-01' });
    v1.close();
    const v2 = openDb(name);
    expect(await salesRows(v2).accounts.get('csv:a')).toMatchObject({ name: 'Acme' });
    expect(await salesRows(v2).accounts.where('domains').equals('acme.example').count()).toBe(1);
    expect(await v2.pins.count()).toBe(1);
    expect(await v2.flags.count()).toBe(0);
    await v2.ticketViews.add({ day: '2026-12-01', ticketKey: 'zendesk|1', accountId: 'csv:a' });
    expect(await v2.ticketViews.where('accountId').equals('csv:a').count()).toBe(1);
    expect(await v2.syncState.count()).toBe(0);
    // At least version 3 (sync state); later versions add more and are tested where they are made.
    expect(v2.verno).toBeGreaterThanOrEqual(3);
  });

  it('leaves the old version and its data untouched when an upgrade step throws', async () => {
    const name = 'upgrade-fail-' + Math.random();
    const current = openDb(name);
    await salesRows(current).accounts.put({
      id: 'csv:a',
      source: 'csv',
      sourceId: 'a',
      name: 'Acme',
      nameKey: 'acme',
      aliasKeys: ['acme'],
      aliases: [],
      domains: [],
      externalIds: {},
    });
    current.close();
    // A later release whose upgrade fails half-way.
    const version = current.verno;
    const broken = new Dexie(name);
    defineSchema(broken);
    broken
      .version(version + 1)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('packs').clear();
        throw new Error('upgrade bug');
      });
    await expect(broken.open()).rejects.toThrow(/upgrade bug/);
    broken.close();
    const again = openDb(name);
    expect(await salesRows(again).accounts.get('csv:a')).toMatchObject({ name: 'Acme' });
    expect(again.verno).toBe(version);
  });
});
