import { describe, expect, it } from 'vitest';
import type { Account, Contact, TicketRef } from '@/core/model';
import { normalizeCompany } from '@/core/normalize';
import { matchTicket, pinKey, type MatchIndex } from '@/core/match';
import { openDb, type StoredAccount } from '@/storage/db';
import { createMatchIndex, savePin } from '@/services/match-index';
import { loadTicketStory } from '@/services/ticket-story';
import { salesRows } from './stored-records';

/** An account as import stores it, with its derived match keys. */
function stored(id: string, name: string, extra: Partial<Account> = {}): StoredAccount {
  const aliases = extra.aliases ?? [];
  return {
    id,
    source: 'test',
    sourceId: id,
    name,
    aliases,
    domains: [],
    externalIds: {},
    ...extra,
    nameKey: normalizeCompany(name),
    aliasKeys: [...new Set([name, ...aliases].map(normalizeCompany))],
  };
}

function contact(id: string, accountId: string | undefined, email: string): Contact {
  return { id, source: 'test', sourceId: id, accountId, name: id, email };
}

function ticket(extra: Partial<TicketRef> = {}): TicketRef {
  return { helpdesk: 'generic', url: 'https://help.example.com/tickets/1', emails: [], missing: [], ...extra };
}

/** The same lookups as the Dexie index, over plain arrays. */
function memoryIndex(
  accounts: StoredAccount[],
  contacts: Contact[] = [],
  pins: Record<string, string> = {},
): MatchIndex {
  const ids = (f: (a: StoredAccount) => boolean) => accounts.filter(f).map((a) => a.id);
  return {
    accountIdsByContactEmail: async (e) =>
      contacts.filter((c) => c.email === e && c.accountId).map((c) => c.accountId!),
    accountIdsByDomain: async (d) => ids((a) => a.domains.includes(d)),
    accountIdsByNameKey: async (k) => ids((a) => a.nameKey === k),
    accountIdsByAliasKey: async (k) => ids((a) => a.aliasKeys.includes(k)),
    getAccounts: async (list) => accounts.filter((a) => list.includes(a.id)).map(({ id, name }) => ({ id, name })),
    getPin: async (k) => pins[k],
  };
}

const acme = stored('acme', 'Acme Dental Group', { domains: ['acmedental.com'], aliases: ['Acme Dental'] });
const acmeOrtho = stored('acme-ortho', 'Acme Orthodontics', { domains: ['acmedental.com'] });
const baker = stored('baker', 'Baker & Price LLP', { aliases: ['BP Legal'] });
const riverside = stored('riverside', 'Riverside Family Clinic', { domains: ['riversideclinic.org'] });
const muller = stored('muller', 'Müller & Söhne GmbH');
const gmailCo = stored('gmailco', 'Gmail Lovers Inc', { domains: ['gmail.com'] });

describe('matchTicket asks the index only what it needs', () => {
  /** The in-memory index, counting each kind of lookup. */
  function counting() {
    const calls: string[] = [];
    const inner = memoryIndex([acme, acmeOrtho, baker, riverside], [contact('dana', 'acme', 'dana@acmedental.com')]);
    const index = Object.fromEntries(
      Object.entries(inner).map(([name, fn]) => [
        name,
        (arg: never) => (calls.push(name), (fn as (a: never) => Promise<unknown>)(arg)),
      ]),
    ) as unknown as MatchIndex;
    return { index, calls };
  }

  it('stops at a clean contact email hit', async () => {
    const { index, calls } = counting();
    expect(await matchTicket(ticket({ contactEmail: 'dana@acmedental.com' }), index)).toMatchObject({
      status: 'matched',
      account: 'acme',
    });
    expect(calls).toEqual(['getPin', 'accountIdsByContactEmail', 'getAccounts']);
  });

  it('still looks at the company field to flag a conflict with the email', async () => {
    const { index, calls } = counting();
    const r = await matchTicket(ticket({ contactEmail: 'dana@acmedental.com', company: 'Baker & Price LLP' }), index);
    expect(r).toMatchObject({ account: 'acme', confidence: 'low' });
    expect(calls).not.toContain('accountIdsByDomain');
    expect(calls).toContain('accountIdsByNameKey');
  });

  it('asks the pin, the email and the company name at once, then whether their accounts exist in one read', async () => {
    const { index, calls } = counting();
    const r = await matchTicket(ticket({ contactEmail: 'dana@acmedental.com', company: 'Baker & Price LLP' }), index);
    expect(r).toMatchObject({ account: 'acme', confidence: 'low' });
    expect(calls).toEqual(['getPin', 'accountIdsByContactEmail', 'accountIdsByNameKey', 'getAccounts']);
  });

  it('does not look up aliases once the company name is a single account', async () => {
    const { index, calls } = counting();
    expect(await matchTicket(ticket({ company: 'Baker & Price LLP' }), index)).toMatchObject({
      account: 'baker',
      method: 'name',
    });
    expect(calls).not.toContain('accountIdsByAliasKey');
  });
});

describe('matchTicket (in-memory index)', () => {
  const index = memoryIndex(
    [acme, baker, riverside, muller, gmailCo],
    [contact('dana', 'acme', 'dana@acmedental.com'), contact('ghost', 'deleted-account', 'ghost@acmedental.com')],
  );

  it('matches the exact contact email first', async () => {
    const r = await matchTicket(ticket({ contactEmail: 'Dana@AcmeDental.com' }), index);
    expect(r).toMatchObject({ status: 'matched', account: 'acme', method: 'email', confidence: 'high' });
    expect(r.reason).toBe('matched by contact email dana@acmedental.com');
    expect(r.candidates).toEqual([{ accountId: 'acme', name: 'Acme Dental Group' }]);
  });

  it('matches another email on the ticket, with less confidence', async () => {
    const r = await matchTicket(
      ticket({ contactEmail: 'someone@nowhere.example', emails: ['dana@acmedental.com'] }),
      index,
    );
    expect(r).toMatchObject({ account: 'acme', method: 'email', confidence: 'medium' });
  });

  it('matches by email domain', async () => {
    const r = await matchTicket(ticket({ contactEmail: 'nora.quinn@acmedental.com' }), index);
    expect(r).toMatchObject({ status: 'matched', account: 'acme', method: 'domain' });
    expect(r.reason).toBe('matched by email domain acmedental.com');
  });

  it('ignores contacts of deleted accounts', async () => {
    const r = await matchTicket(ticket({ contactEmail: 'ghost@acmedental.com' }), index);
    expect(r).toMatchObject({ account: 'acme', method: 'domain' });
  });

  it('never matches on a free-mail domain', async () => {
    const r = await matchTicket(ticket({ contactEmail: 'someone@gmail.com' }), index);
    expect(r).toMatchObject({ status: 'none', method: 'none', candidates: [] });
    expect(r.reason).toContain('someone@gmail.com');
  });

  it.each([
    ['Baker and Price, L.L.P.', 'baker'],
    ['BAKER & PRICE', 'baker'],
    ['baker and price llp.', 'baker'],
    ['Muller and Sohne', 'muller'],
    ['Müller & Söhne G.m.b.H.', 'muller'],
    ['The Riverside Family Clinic, Inc.', 'riverside'],
    ['Riverside Family Clinic LLC', 'riverside'],
    ['Riverside Family Clinic Ltd', 'riverside'],
    ['Riverside Family Clinic B.V.', 'riverside'],
    ['Riverside Family Clinic Pty Ltd', 'riverside'],
  ])('matches company name %j', async (company, id) => {
    const r = await matchTicket(ticket({ company, contactEmail: 'someone@gmail.com' }), index);
    expect(r).toMatchObject({ status: 'matched', account: id, method: 'name', confidence: 'medium' });
    expect(r.reason).toBe(`matched by company name "${company}"`);
  });

  it('matches an alias', async () => {
    const r = await matchTicket(ticket({ company: 'BP Legal' }), index);
    expect(r).toMatchObject({ status: 'matched', account: 'baker', method: 'alias' });
  });

  it('says none, and why, when nothing fits', async () => {
    const r = await matchTicket(
      ticket({ company: 'Unknown Widgets Ltd', contactEmail: 'zed@unknown-widgets.example' }),
      index,
    );
    expect(r).toMatchObject({ status: 'none', method: 'none', confidence: 'low' });
    expect(r.reason).toBe('no account matches company "Unknown Widgets Ltd", zed@unknown-widgets.example');
    expect((await matchTicket(ticket(), index)).reason).toMatch(/no company or email/);
  });

  it('reports a conflict between the contact email and the company name', async () => {
    const r = await matchTicket(
      ticket({ contactEmail: 'dana@acmedental.com', company: 'Riverside Family Clinic' }),
      index,
    );
    expect(r).toMatchObject({ status: 'matched', account: 'acme', method: 'email', confidence: 'low' });
    expect(r.reason).toBe(
      'matched by contact email dana@acmedental.com, but the ticket\'s company name "Riverside Family Clinic" points to Riverside Family Clinic',
    );
  });

  describe('a domain shared by two accounts', () => {
    const shared = memoryIndex([acme, acmeOrtho, riverside]);

    it('is ambiguous, with both candidates', async () => {
      const r = await matchTicket(ticket({ contactEmail: 'nora.quinn@acmedental.com' }), shared);
      expect(r).toMatchObject({ status: 'ambiguous', method: 'domain', confidence: 'low' });
      expect(r.account).toBeUndefined();
      expect(r.candidates).toEqual([
        { accountId: 'acme', name: 'Acme Dental Group' },
        { accountId: 'acme-ortho', name: 'Acme Orthodontics' },
      ]);
      expect(r.reason).toBe('2 accounts match email domain acmedental.com');
    });

    it('is settled by a company name that agrees with one candidate', async () => {
      const r = await matchTicket(
        ticket({ contactEmail: 'nora.quinn@acmedental.com', company: 'Acme Orthodontics' }),
        shared,
      );
      expect(r).toMatchObject({ status: 'matched', account: 'acme-ortho', method: 'name', confidence: 'medium' });
      expect(r.reason).toBe('matched by email domain acmedental.com and company name "Acme Orthodontics"');
    });

    it('is not settled by a company name that agrees with neither', async () => {
      const r = await matchTicket(
        ticket({ contactEmail: 'nora.quinn@acmedental.com', company: 'Riverside Family Clinic' }),
        shared,
      );
      expect(r.status).toBe('ambiguous');
      expect(r.candidates.map((c) => c.accountId)).toEqual(['acme', 'acme-ortho']);
    });
  });

  it('lets a pin win over everything else', async () => {
    const ref = ticket({ company: 'Acme Dental', contactEmail: 'dana@acmedental.com' });
    const pinned = memoryIndex([acme, riverside], [contact('dana', 'acme', 'dana@acmedental.com')], {
      'generic|acme dental': 'riverside',
    });
    const r = await matchTicket(ref, pinned);
    expect(r).toMatchObject({ status: 'matched', account: 'riverside', method: 'pin', confidence: 'high' });
    expect(r.reason).toBe('pinned by you for "Acme Dental"');
  });

  it('ignores a pin to a deleted account', async () => {
    const pinned = memoryIndex([acme], [], { 'generic|acme dental': 'gone' });
    expect((await matchTicket(ticket({ company: 'Acme Dental' }), pinned)).method).toBe('alias');
  });
});

describe('pinKey', () => {
  it('keys on the help desk and the normalised company', () => {
    expect(pinKey(ticket({ company: 'Acme Dental, LLC', contactEmail: 'dana@acmedental.com' }))).toBe(
      'generic|acme dental',
    );
    expect(pinKey(ticket({ helpdesk: 'zendesk', company: 'ACME DENTAL' }))).toBe('zendesk|acme dental');
  });
  it('falls back to the contact email domain, or the whole address on free mail', () => {
    expect(pinKey(ticket({ contactEmail: 'Dana@AcmeDental.com' }))).toBe('generic|@acmedental.com');
    expect(pinKey(ticket({ contactEmail: 'bob@gmail.com' }))).toBe('generic|bob@gmail.com');
    expect(pinKey(ticket({ emails: ['x@y.com'] }))).toBeUndefined();
  });
});

describe('the Dexie match index', () => {
  async function seededDb() {
    const db = openDb('test-' + Math.random());
    await salesRows(db).accounts.bulkPut([acme, acmeOrtho, baker, riverside, muller]);
    await salesRows(db).contacts.bulkPut([
      contact('dana', 'acme', 'dana@acmedental.com'),
      contact('loose', undefined, 'loose@x.example'),
    ]);
    return db;
  }

  it('answers every lookup', async () => {
    const db = await seededDb();
    const index = createMatchIndex(db);
    expect(await index.accountIdsByContactEmail('dana@acmedental.com')).toEqual(['acme']);
    expect(await index.accountIdsByContactEmail('loose@x.example')).toEqual([]);
    expect((await index.accountIdsByDomain('acmedental.com')).sort()).toEqual(['acme', 'acme-ortho']);
    expect(await index.accountIdsByNameKey('baker and price')).toEqual(['baker']);
    expect(await index.accountIdsByAliasKey('bp legal')).toEqual(['baker']);
    expect(await index.getAccounts(['baker', 'nope'])).toEqual([{ id: 'baker', name: 'Baker & Price LLP' }]);
    expect(await index.getPin('generic|x')).toBeUndefined();
    db.close();
  });

  it('matches email, domain (ambiguous), name and accents through the database', async () => {
    const db = await seededDb();
    const index = createMatchIndex(db);
    expect(await matchTicket(ticket({ contactEmail: 'dana@acmedental.com' }), index)).toMatchObject({
      account: 'acme',
      method: 'email',
    });
    expect(await matchTicket(ticket({ contactEmail: 'nora.quinn@acmedental.com' }), index)).toMatchObject({
      status: 'ambiguous',
    });
    expect(
      await matchTicket(ticket({ company: 'Baker and Price, L.L.P.', contactEmail: 'p@gmail.com' }), index),
    ).toMatchObject({
      account: 'baker',
      method: 'name',
    });
    expect(await matchTicket(ticket({ company: 'Muller and Sohne' }), index)).toMatchObject({ account: 'muller' });
    db.close();
  });

  it('remembers a pin per help-desk company, and the latest pin wins', async () => {
    const db = await seededDb();
    const index = createMatchIndex(db);
    const ref = ticket({ company: 'Acme Group', contactEmail: 'nora.quinn@acmedental.com' });
    expect((await matchTicket(ref, index)).status).toBe('ambiguous');

    expect(await savePin(db, ref, 'acme-ortho')).toBe('generic|acme group');
    // Another ticket of the same company, other contact: same pin.
    const next = ticket({
      company: 'ACME GROUP, INC.',
      contactEmail: 'ben@acmedental.com',
      url: 'https://help.example.com/tickets/2',
    });
    expect(await matchTicket(next, index)).toMatchObject({ status: 'matched', account: 'acme-ortho', method: 'pin' });
    // The same company in another help desk is not pinned.
    expect((await matchTicket({ ...next, helpdesk: 'zendesk' }, index)).method).not.toBe('pin');

    // Pinned again to another account (the technician picked another): that one.
    expect(await savePin(db, next, 'acme')).toBe('generic|acme group');
    expect(await matchTicket(ref, index)).toMatchObject({ status: 'matched', account: 'acme', method: 'pin' });
    db.close();
  });

  it('does not pin a ticket with neither company nor contact email', async () => {
    const db = await seededDb();
    expect(await savePin(db, ticket(), 'acme')).toBeUndefined();
    expect(await db.pins.count()).toBe(0);
    db.close();
  });
});

describe('loadTicketStory', () => {
  it('tells the story of the pinned account, though the contact email matches another', async () => {
    const db = openDb('test-' + Math.random());
    await salesRows(db).accounts.bulkPut([acme, riverside]);
    await salesRows(db).contacts.bulkPut([
      contact('dana', 'acme', 'dana@acmedental.com'),
      contact('rita', 'riverside', 'rita@riversideclinic.org'),
    ]);
    const ref = ticket({ company: 'Acme Dental', contactEmail: 'dana@acmedental.com' });
    expect(await loadTicketStory(db, ref)).toMatchObject({
      match: { account: 'acme', method: 'email' },
      story: { accountIds: ['acme'] },
    });
    await savePin(db, ref, 'riverside');
    const pinned = await loadTicketStory(db, ref);
    expect(pinned.match).toMatchObject({ status: 'matched', account: 'riverside', method: 'pin' });
    expect(pinned.story).toMatchObject({
      account: { id: 'riverside', name: 'Riverside Family Clinic' },
      accountIds: ['riverside'],
    });
    expect(pinned.story!.contacts.map((c) => c.id)).toEqual(['rita']);
    // The ticket's contact is not one of the pinned account's.
    expect(pinned.story!.contact).toBeUndefined();
    db.close();
  });

  it('tells no story when nothing matches, or when the match is ambiguous', async () => {
    const db = openDb('test-' + Math.random());
    await salesRows(db).accounts.bulkPut([acme, acmeOrtho]);
    expect(await loadTicketStory(db, ticket({ company: 'Nobody Inc' }))).toMatchObject({
      match: { status: 'none' },
      story: undefined,
    });
    expect(await loadTicketStory(db, ticket({ contactEmail: 'nora@acmedental.com' }))).toMatchObject({
      match: { status: 'ambiguous' },
      story: undefined,
    });
    db.close();
  });
});

describe('matchTicket when readings of the page disagree', () => {
  const index = memoryIndex([acme, riverside], [contact('tom', 'riverside', 'tom.becker@riversideclinic.org')]);
  it('never claims high confidence, and says why', async () => {
    const ref = ticket({ contactEmail: 'tom.becker@riversideclinic.org', conflict: ['company'] });
    const m = await matchTicket(ref, index);
    expect(m).toMatchObject({ status: 'matched', account: 'riverside', confidence: 'low' });
    expect(m.reason).toContain('disagree');
    // The same ticket without the conflict is a clean, high-confidence match.
    expect(await matchTicket(ticket({ contactEmail: 'tom.becker@riversideclinic.org' }), index)).toMatchObject({
      confidence: 'high',
    });
  });
});
