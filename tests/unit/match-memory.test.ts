import { describe, expect, it, vi } from 'vitest';
import { emptyRecordSet, type TicketRef } from '@/core/model';
import { pinKey } from '@/core/match';
import { openDb } from '@/storage/db';
import { createMatchIndex, savePin } from '@/services/match-index';
import {
  buildMatchMemory,
  forgetMatchMemory,
  heldMatchMemory,
  matchMemoryBuilt,
  MATCH_MEMORY_IDLE_MS,
  type MatchMemory,
} from '@/background-caches/match-memory';
import type { Flag } from '@/core/flags';
import { loadTicketStory } from '@/services/ticket-story';
import { salesRows } from './stored-records';
import { bucketOf } from '@/storage/pack-layout';
import { announceFromAnotherPage, countIndexReads, DOMAINS, randomRefs, randomSet, write } from './match-memory-data';

describe('the match memory', () => {
  it('answers every lookup as the packed layout does, in its order', async () => {
    for (const seed of [1, 2, 3]) {
      const db = openDb(`test-${Math.random()}`);
      await write(db, randomSet(seed));
      const memory = await buildMatchMemory(db);
      const index = createMatchIndex(db);
      const accounts = await salesRows(db).accounts.toArray();
      for (const key of new Set(accounts.flatMap((a) => a.aliasKeys))) {
        expect(await memory.index.accountIdsByNameKey(key), `seed ${seed} name ${key}`).toEqual(
          await index.accountIdsByNameKey(key),
        );
        expect(await memory.index.accountIdsByAliasKey(key), `seed ${seed} alias ${key}`).toEqual(
          await index.accountIdsByAliasKey(key),
        );
      }
      for (const d of [...DOMAINS, 'unknown.example'])
        expect(await memory.index.accountIdsByDomain(d)).toEqual(await index.accountIdsByDomain(d));
      for (const c of await salesRows(db).contacts.toArray()) {
        if (c.email)
          expect(await memory.index.accountIdsByContactEmail(c.email.toUpperCase())).toEqual(
            await index.accountIdsByContactEmail(c.email),
          );
      }
      expect(await memory.index.getAccounts(['csv:gone', ...accounts.map((a) => a.id)])).toEqual(
        await index.getAccounts(['csv:gone', ...accounts.map((a) => a.id)]),
      );
      db.close();
    }
  });

  it('tells the same story as the lookups for every ticket, on random databases', async () => {
    for (const seed of [11, 12, 13, 14]) {
      const db = openDb(`test-${Math.random()}`);
      await write(db, randomSet(seed));
      const refs = randomRefs(seed, 30);
      // Some companies pinned (one to an account that does not exist), before the memory is built.
      await savePin(db, refs[0]!, 'csv:a1');
      await savePin(db, refs[1]!, 'csv:gone');
      const memory = await buildMatchMemory(db);
      let stories = 0;
      for (const ref of refs) {
        const fromLookups = await loadTicketStory(db, ref);
        const fromMemory = await loadTicketStory(db, ref, undefined, memory);
        expect(fromMemory, `seed ${seed} ref ${JSON.stringify(ref)}`).toEqual(fromLookups);
        if (fromLookups.story) stories++;
      }
      // The random data must make stories, or the comparison would say little.
      expect(stories).toBeGreaterThan(5);
      db.close();
    }
  }, 60_000);

  it('matches and tells the story without reading an index', async () => {
    const db = openDb(`test-${Math.random()}`);
    const set = randomSet(21);
    await write(db, set);
    const memory = await buildMatchMemory(db);
    const { reads, restore } = countIndexReads();
    // An account with deals that notes are written on, so the story needs its deals' notes too.
    const noted = new Set(set.notes.flatMap((n) => (n.dealId ? [n.dealId] : [])));
    const account = set.accounts.find((a) => set.deals.some((d) => d.accountId === a.id && noted.has(d.id)))!;
    const email = set.contacts.find((c) => c.accountId === account.id && c.email)?.email;
    const ref: TicketRef = {
      helpdesk: 'generic',
      url: 'https://h.example/t/1',
      company: account.name,
      contactEmail: email,
      emails: [],
      missing: [],
    };
    const story = await loadTicketStory(db, ref, undefined, memory);
    expect(story.match.status).toBe('matched');
    expect(story.story?.notes.length).toBeGreaterThan(0);
    // Not even the stamps: nothing has been written since the memory was built.
    expect([...reads.keys()]).toEqual([]);
    // Without the memory the same ticket reads the lookups and packs, and tells the same story.
    expect(await loadTicketStory(db, ref)).toEqual(story);
    expect(reads.get('lookups')).toBeGreaterThan(0);
    expect(reads.get('packs')).toBeGreaterThan(0);
    restore();
    db.close();
  });

  it('hands out records a story may change without changing the memory', async () => {
    const db = openDb(`test-${Math.random()}`);
    const set = randomSet(22);
    await write(db, set);
    const memory = await buildMatchMemory(db);
    const id = set.deals[0]!.accountId!;
    const first = memory.records(id);
    first.deals[0]!.name = 'changed by a caller';
    first.deals.pop();
    expect(memory.records(id).deals).toEqual(await salesRows(db).deals.where('accountId').equals(id).toArray());
    db.close();
  });

  it('is not trusted once the data changed or a pin was set or removed', async () => {
    const db = openDb(`test-${Math.random()}`);
    const set = randomSet(31);
    await write(db, set);
    const memory = await buildMatchMemory(db);
    const ref: TicketRef = {
      helpdesk: 'generic',
      url: 'https://h.example/t/1',
      company: set.accounts[0]!.name,
      emails: [],
      missing: [],
    };
    const check = async (what: string) =>
      expect(await loadTicketStory(db, ref, undefined, memory), what).toEqual(await loadTicketStory(db, ref));

    // A pin the memory does not know of: the pinned account's story, not the memory's.
    await savePin(db, ref, set.accounts[5]!.id);
    expect((await loadTicketStory(db, ref, undefined, memory)).match).toMatchObject({
      method: 'pin',
      account: set.accounts[5]!.id,
    });
    await check('after a pin');
    await savePin(db, ref, set.accounts[6]!.id);
    await check('after the pin changed');

    // An account renamed to the ticket's company and another deleted (by a sync of its source).
    const renamed = { ...set.accounts[3]!, name: 'Brand New Name Ltd' };
    await write(db, { ...emptyRecordSet(), accounts: [renamed] });
    await check('after a write');
    const moved: TicketRef = { ...ref, company: 'Brand New Name Ltd' };
    expect((await loadTicketStory(db, moved, undefined, memory)).match).toMatchObject({
      status: 'matched',
      account: renamed.id,
    });
    db.close();
  });

  it('reads the stamps again once a write to what it copies is announced, here or from another page', async () => {
    const name = `test-${Math.random()}`;
    const db = openDb(name);
    const set = randomSet(32);
    await write(db, set);
    const ref: TicketRef = {
      helpdesk: 'generic',
      url: 'https://h.example/t/1',
      company: set.accounts[0]!.name,
      emails: [],
      missing: [],
    };
    const stampReads = async (memory: MatchMemory) => {
      const { reads, restore } = countIndexReads();
      await loadTicketStory(db, ref, undefined, memory);
      restore();
      return reads.get('meta') ?? 0;
    };

    const memory = await buildMatchMemory(db);
    expect(memory.unchanged()).toBe(true);
    // Writes elsewhere (flags, another database) do not concern it.
    await db.flags.put({ id: 'f1' } as Flag);
    await announceFromAnotherPage(`other-${name}`, 'packs');
    await announceFromAnotherPage(name, 'ticketViews');
    expect(memory.unchanged()).toBe(true);
    expect(await stampReads(memory)).toBe(0);
    // An import committed in the options page: the worker hears of it through Dexie's channel.
    await announceFromAnotherPage(name, 'packs');
    expect(memory.unchanged()).toBe(false);
    // The stamps have not moved (the announcement was made up here): still trusted, after a read,
    // and trusted again without one from then on.
    expect(await stampReads(memory)).toBe(1);
    expect(memory.unchanged()).toBe(true);
    expect(await stampReads(memory)).toBe(0);
    expect(await loadTicketStory(db, ref, undefined, memory)).toEqual(await loadTicketStory(db, ref));
    // A page back from the back/forward cache announces that anything may have changed.
    const channel = new BroadcastChannel('x-storagemutated-1');
    channel.postMessage({ all: {} });
    channel.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(memory.unchanged()).toBe(false);

    // A write in this context is heard at once.
    const fresh = await buildMatchMemory(db);
    await write(db, {
      ...emptyRecordSet(),
      contacts: [
        {
          id: 'csv:new',
          source: 'csv',
          sourceId: 'new',
          accountId: set.accounts[0]!.id,
          name: 'New Person',
          email: 'new@acmedental.com',
        },
      ],
    });
    expect(fresh.unchanged()).toBe(false);
    db.close();
  });

  it('is built by the worker from its second ticket on, never on the path of one, and again after a change', async () => {
    forgetMatchMemory();
    const db = openDb(`test-${Math.random()}`);
    await write(db, randomSet(41));
    // A worker that answers one ticket (and is stopped) reads nothing more.
    expect(heldMatchMemory(db)).toBeUndefined();
    expect(await matchMemoryBuilt()).toBeUndefined();
    expect(heldMatchMemory(db)).toBeUndefined();
    const first = await matchMemoryBuilt();
    expect(first?.stamp).toBeTruthy();
    expect(heldMatchMemory(db)).toBe(first);

    await write(db, { ...emptyRecordSet(), accounts: [{ ...randomSet(41).accounts[0]!, name: 'Changed Name' }] });
    const ref: TicketRef = {
      helpdesk: 'generic',
      url: 'https://h.example/t/1',
      company: 'Changed Name',
      emails: [],
      missing: [],
    };
    // The stale memory is found out, the lookups answer, and a new memory is built.
    expect((await loadTicketStory(db, ref, undefined, first)).match.status).toBe('matched');
    const second = await matchMemoryBuilt();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(second!.stamp).not.toBe(first!.stamp);
    expect(pinKey(ref)).toBeTruthy();
    forgetMatchMemory();
    db.close();
  });

  it('lets the memory go after ten idle minutes, and builds it again from the second ticket after', async () => {
    forgetMatchMemory();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const db = openDb(`test-${Math.random()}`);
      await write(db, randomSet(42));
      heldMatchMemory(db);
      heldMatchMemory(db);
      await vi.advanceTimersByTimeAsync(100); // the build starts a moment after the ticket
      const built = await matchMemoryBuilt();
      expect(built).toBeDefined();
      // A ticket within the ten minutes keeps it (and starts the ten minutes again).
      await vi.advanceTimersByTimeAsync(MATCH_MEMORY_IDLE_MS - 1000);
      expect(heldMatchMemory(db)).toBe(built);
      await vi.advanceTimersByTimeAsync(MATCH_MEMORY_IDLE_MS - 1000);
      expect(await matchMemoryBuilt()).toBe(built);
      await vi.advanceTimersByTimeAsync(2000);
      expect(await matchMemoryBuilt()).toBeUndefined();
      // As after a start: the first ticket is answered through the lookups, the second builds.
      expect(heldMatchMemory(db)).toBeUndefined();
      expect(heldMatchMemory(db)).toBeUndefined();
      await vi.advanceTimersByTimeAsync(100);
      const again = await matchMemoryBuilt();
      expect(again).toBeDefined();
      expect(again).not.toBe(built);
      db.close();
    } finally {
      vi.useRealTimers();
      forgetMatchMemory();
    }
  });

  it('reads the stamps now and then after answering, and so finds a change nobody announced', async () => {
    forgetMatchMemory();
    const name = `test-${Math.random()}`;
    const db = openDb(name);
    const set = randomSet(43);
    await write(db, set);
    const account = set.accounts[0]!;
    const ref: TicketRef = {
      helpdesk: 'generic',
      url: 'https://h.example/t/1',
      company: 'Nobody Inc',
      emails: [],
      missing: [],
    };
    // Pinned, so the ticket has a story whatever names the random accounts share.
    await savePin(db, ref, account.id);
    heldMatchMemory(db);
    heldMatchMemory(db);
    const memory = (await matchMemoryBuilt())!;
    expect(memory).toBeDefined();
    // The account renamed and the stamp changed straight on IndexedDB: Dexie announces nothing.
    const pack = (await db.packs.get(['account', bucketOf(account.id)]))!;
    const renamed = pack.records.map((r) => (r.id === account.id ? { ...r, name: 'Quietly Renamed' } : r));
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction(['packs', 'meta'], 'readwrite');
      tx.objectStore('packs').put({ ...pack, records: renamed });
      tx.objectStore('meta').put({ key: 'dataStamp', value: 'changed behind its back' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect(memory.unchanged()).toBe(true);
    // Within ten seconds of its build the memory answers as it stands.
    expect((await loadTicketStory(db, ref, undefined, memory)).story?.account.name).toBe(account.name);
    expect(heldMatchMemory(db)).toBe(memory);
    // Later, the same answer goes out, and the stamps read after it give the memory up.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 11_000);
    try {
      await loadTicketStory(db, ref, undefined, memory);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The worker holds none now: the next ticket is told through the lookups, as they are.
      expect(heldMatchMemory(db)).toBeUndefined();
      expect((await loadTicketStory(db, ref, undefined, heldMatchMemory(db))).story?.account.name).toBe(
        'Quietly Renamed',
      );
    } finally {
      clock.mockRestore();
      forgetMatchMemory();
      db.close();
    }
  });
});
