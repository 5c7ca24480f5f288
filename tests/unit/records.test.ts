// The packed layout (storage/pack-layout.ts) behind storage/record-store.ts: every lookup must answer
// as an index over the records would, after any mix of inserts, updates and removals.
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, Note } from '@/core/model';
import { openDb, type BackstoryDB, type StoredAccount } from '@/storage/db';
import {
  accountIdsByContactEmail,
  accountIdsByKey,
  accountsByKeys,
  allRecords,
  countRecords,
  deleteRecords,
  deleteSource,
  moveDealsToCampaign,
  notesOnDeals,
  putRecords,
  recordById,
  recordsByIds,
  recordsOfAccount,
  recordsOwnedBy,
} from '@/storage/record-store';

const dbs: BackstoryDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function fresh(): BackstoryDB {
  const db = openDb(`records-${Math.random()}`);
  dbs.push(db);
  return db;
}

const account = (id: string, name: string, domains: string[], source = 'csv'): StoredAccount => ({
  id,
  source,
  sourceId: id,
  name,
  aliases: [],
  domains,
  externalIds: {},
  nameKey: name.toLowerCase(),
  aliasKeys: [name.toLowerCase()],
});
const contact = (id: string, accountId: string | undefined, email: string): Contact => ({
  id,
  source: 'csv',
  sourceId: id,
  accountId,
  name: id,
  email,
});
const note = (id: string, accountId?: string, dealId?: string): Note => ({
  id,
  source: 'csv',
  sourceId: id,
  accountId,
  dealId,
  author: 'a',
  date: '2026-01-01',
  body: id,
  tags: [],
  pinned: false,
});

describe('sales records, packed', () => {
  it('finds an account by its keys, and no longer by the ones an update took away', async () => {
    const db = fresh();
    expect(
      await putRecords(db, 'account', [
        account('csv:1', 'Acme', ['acme.com', 'acme.org']),
        account('csv:2', 'Beta', ['beta.com']),
      ]),
    ).toBe(0);
    expect(await accountIdsByKey(db, 'domains', 'acme.org')).toEqual(['csv:1']);
    expect(await putRecords(db, 'account', [account('csv:1', 'Acme Dental', ['acme.com'])])).toBe(1);
    expect(await accountIdsByKey(db, 'domains', 'acme.org')).toEqual([]);
    expect(await accountIdsByKey(db, 'domains', 'acme.com')).toEqual(['csv:1']);
    expect(await accountIdsByKey(db, 'nameKey', 'acme')).toEqual([]);
    expect(await accountIdsByKey(db, 'nameKey', 'acme dental')).toEqual(['csv:1']);
    expect((await recordById(db, 'account', 'csv:1'))?.name).toBe('Acme Dental');
    expect(await countRecords(db, 'account')).toBe(2);
  });

  it('keeps the last of two records with one id, and counts it once', async () => {
    const db = fresh();
    expect(
      await putRecords(db, 'account', [account('csv:1', 'First', ['a.com']), account('csv:1', 'Second', ['b.com'])]),
    ).toBe(0);
    expect(await allRecords(db, 'account')).toEqual([account('csv:1', 'Second', ['b.com'])]);
    expect(await accountIdsByKey(db, 'domains', 'a.com')).toEqual([]);
    expect(await countRecords(db, 'account')).toBe(1);
    // The very same record twice is one record too.
    const twice = account('csv:2', 'Twice', ['t.com']);
    expect(await putRecords(db, 'account', [twice, twice])).toBe(0);
    expect(await countRecords(db, 'account', 'csv')).toBe(2);
  });

  it("follows a contact to its new account, and forgets a removed one's email", async () => {
    const db = fresh();
    await putRecords(db, 'contact', [
      contact('c1', 'csv:1', 'dana@acme.com'),
      contact('c2', 'csv:1', 'lee@acme.com'),
      contact('c3', undefined, 'x@y.com'),
    ]);
    expect((await recordsOfAccount(db, 'contact', 'csv:1')).map((c) => c.id)).toEqual(['c1', 'c2']);
    await putRecords(db, 'contact', [contact('c2', 'csv:2', 'lee@acme.com')]);
    expect((await recordsOfAccount(db, 'contact', 'csv:1')).map((c) => c.id)).toEqual(['c1']);
    await putRecords(db, 'note', [note('n2', 'csv:1'), note('n1', 'csv:1'), note('n3', 'csv:2')]);
    expect(await recordsOwnedBy(db, 'csv:1')).toEqual({
      deals: [],
      contacts: [contact('c1', 'csv:1', 'dana@acme.com')],
      notes: [note('n1', 'csv:1'), note('n2', 'csv:1')],
    });
    expect(await accountIdsByContactEmail(db, 'lee@acme.com')).toEqual(['csv:2']);
    // A contact without an account is found by email, but points at no account.
    expect(await accountIdsByContactEmail(db, 'x@y.com')).toEqual([]);
    await deleteRecords(db, 'contact', ['c1', 'not-stored']);
    expect(await accountIdsByContactEmail(db, 'dana@acme.com')).toEqual([]);
    expect(await countRecords(db, 'contact')).toBe(2);
  });

  it('removes one source and keeps the others, counting each', async () => {
    const db = fresh();
    await putRecords(db, 'account', [
      account('csv:1', 'Acme', ['acme.com']),
      account('hub:1', 'Acme', ['acme.com'], 'hub'),
    ]);
    expect(await countRecords(db, 'account', 'hub')).toBe(1);
    await deleteSource(db, 'account', 'csv');
    expect(await accountIdsByKey(db, 'domains', 'acme.com')).toEqual(['hub:1']);
    expect(await countRecords(db, 'account', 'csv')).toBe(0);
    expect(await countRecords(db, 'account')).toBe(1);
  });

  it('lists by key, then id, as an index did, and moves deals between campaigns', async () => {
    const db = fresh();
    await putRecords(db, 'note', [note('n3', 'a', 'd2'), note('n1', 'b', 'd1'), note('n2', undefined, 'd2')]);
    expect((await notesOnDeals(db, ['d2', 'd1', 'd2'])).map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    await putRecords(db, 'account', [
      account('csv:2', 'Acme', ['x.com']),
      account('csv:1', 'Acme', ['x.com', 'y.com']),
    ]);
    expect((await accountsByKeys(db, 'domains', ['y.com', 'x.com'])).map((a) => a.id)).toEqual([
      'csv:1',
      'csv:2',
      'csv:1',
    ]);
    await putRecords(db, 'deal', [
      {
        id: 'd1',
        source: 'csv',
        sourceId: 'd1',
        accountId: 'a',
        campaignId: 'stub',
        name: 'd',
        currency: 'USD',
        stage: 'won',
        promises: [],
      },
    ]);
    await moveDealsToCampaign(db, 'stub', 'real');
    expect((await recordById(db, 'deal', 'd1'))?.campaignId).toBe('real');
    expect(await recordsByIds(db, 'deal', ['nope', 'd1'])).toEqual([undefined, expect.objectContaining({ id: 'd1' })]);
  });

  it('answers every lookup as a scan of the records would, after random writes', async () => {
    const db = fresh();
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const model = new Map<string, StoredAccount>();
    for (let round = 0; round < 30; round++) {
      if (rand(4) === 0 && model.size) {
        const ids = [...model.keys()].filter(() => rand(3) === 0);
        await deleteRecords(db, 'account', ids);
        for (const id of ids) model.delete(id);
      } else {
        const batch = Array.from({ length: 1 + rand(40) }, () =>
          account(
            `csv:${rand(120)}`,
            `name${rand(15)}`,
            [`d${rand(20)}.com`, `d${rand(20)}.com`],
            rand(2) ? 'csv' : 'hub',
          ),
        );
        await putRecords(db, 'account', batch);
        for (const a of batch) model.set(a.id, a);
      }
    }
    const sorted = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await allRecords(db, 'account')).toEqual(sorted);
    expect(await countRecords(db, 'account', 'hub')).toBe(sorted.filter((a) => a.source === 'hub').length);
    for (let d = 0; d < 20; d++) {
      expect(await accountIdsByKey(db, 'domains', `d${d}.com`)).toEqual(
        sorted.filter((a) => a.domains.includes(`d${d}.com`)).map((a) => a.id),
      );
    }
    for (let n = 0; n < 15; n++) {
      expect(await accountIdsByKey(db, 'nameKey', `name${n}`)).toEqual(
        sorted.filter((a) => a.nameKey === `name${n}`).map((a) => a.id),
      );
    }
  });
});
