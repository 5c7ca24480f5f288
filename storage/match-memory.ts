import type { MatchIndex } from '@/core/match';
import { normalizeEmail } from '@/core/normalize';
import { dataStamp, pinStamp } from './data-stamp';
import type { Campaign } from '@/core/model';
import type { BackstoryDB, StoredAccount } from './db';

/**
 * The matcher's lookups and the story's plan, answered from the worker's memory instead of by
 * dependent IndexedDB reads (each costs about 0.3 ms in Chromium, and matching took four in a
 * row). It is a copy of the indexes as they were at `stamp` and `pinStamp`: ticket-story.ts uses
 * it only optimistically, reading the current stamps in the same round as the story, and falls
 * back to the indexes when either changed. Every answer is in the order the Dexie index
 * would give (index key, then primary key), so the story told is the same to the last tie.
 */
export interface MatchMemory {
  readonly stamp: string;
  /** The pins' stamp (storage/data-stamp.ts) the memory's pins are of. */
  readonly pinStamp: string;
  /** The same lookups as storage/match-index.ts, resolved without a read. */
  readonly index: MatchIndex;
  /** The account's twins in other sources, as storage/backstory.ts findTwins would find them. */
  twinIds(accountId: string): string[];
  /** The ids of the account's deals, by primary key, as `deals where accountId` lists them. */
  dealIds(accountId: string): string[];
  /** Whether any note is written on this deal (by its dealId): the others need no lookup. */
  hasDealNotes(dealId: string): boolean;
  /** The account's record, as stored. */
  account(accountId: string): StoredAccount | undefined;
  /** The campaign's record (campaigns are few: about one per ten accounts). */
  campaign(campaignId: string): Campaign | undefined;
}


/**
 * Key → ids, each id once, in the order met (callers meet records in primary key order). Most
 * keys have one id, kept without an array: at 50,000 accounts that is a few hundred thousand
 * arrays the worker does not hold.
 */
class Postings {
  private readonly map = new Map<string, string | string[]>();
  add(key: string, id: string): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, id);
    else if (typeof list === 'string') {
      if (list !== id) this.map.set(key, [list, id]);
    } else if (!list.includes(id)) list.push(id);
  }
  get(key: string): string[] {
    const list = this.map.get(key);
    return list === undefined ? [] : typeof list === 'string' ? [list] : list;
  }
}

/** IndexedDB orders string keys by UTF-16 code units, as `<` does. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Read the indexes the matcher and the story use into memory, in one read transaction with the
 * data and pin stamps, so the copy is exactly the data of those stamps. It reads every account, contact and
 * deal (bench/README.md has the time and heap per size); callers build it off the ticket's path
 * (see `heldMatchMemory`).
 */
export async function buildMatchMemory(db: BackstoryDB): Promise<MatchMemory> {
  const tables = [db.meta, db.accounts, db.contacts, db.deals, db.pins, db.campaigns];
  const [stamp, pinsStamp, accounts, contacts, deals, pins, campaigns, notedDeals] = await db.transaction('r', [...tables, db.notes], () =>
    Promise.all([
      dataStamp(db), pinStamp(db), db.accounts.toArray(), db.contacts.toArray(), db.deals.toArray(), db.pins.toArray(), db.campaigns.toArray(),
      // Only the keys of the notes' dealId index (no note is read): which deals have notes.
      db.notes.orderBy('dealId').uniqueKeys(),
    ]),
  );
  const dealsWithNotes = new Set(notedDeals.map(String));
  // The story's account records stay in memory (their reads were a request each per story);
  // contacts, deals and notes are read per story, being many times more.
  const entries = new Map<string, StoredAccount>();
  // Stories hand these very objects on (their origin campaign): frozen, so none can change the memory.
  const campaignById = new Map(campaigns.map((c) => [c.id, Object.freeze(c)]));
  const byName = new Postings();
  const byAlias = new Postings();
  const byDomain = new Postings();
  // toArray lists records by primary key: each posting list comes out in index order.
  for (const a of accounts) {
    entries.set(a.id, a);
    // Only what IndexedDB would index (a string key) is listed, as the indexes list it.
    if (typeof a.nameKey === 'string') byName.add(a.nameKey, a.id);
    for (const k of a.aliasKeys ?? []) if (typeof k === 'string') byAlias.add(k, a.id);
    for (const d of a.domains ?? []) if (typeof d === 'string') byDomain.add(d, a.id);
  }
  const byEmail = new Postings();
  for (const c of contacts) if (c.accountId && typeof c.email === 'string') byEmail.add(c.email, c.accountId);
  const dealsOf = new Postings();
  for (const d of deals) if (typeof d.accountId === 'string') dealsOf.add(d.accountId, d.id);
  const pinned = new Map(pins.map((p) => [p.key, p.accountId]));

  const index: MatchIndex = {
    accountIdsByContactEmail: async (email) => byEmail.get(normalizeEmail(email)),
    accountIdsByDomain: async (domain) => byDomain.get(domain),
    accountIdsByNameKey: async (key) => byName.get(key),
    accountIdsByAliasKey: async (key) => byAlias.get(key),
    getAccounts: async (ids) => ids.flatMap((id) => {
      const a = entries.get(id);
      return a ? [{ id, name: a.name }] : [];
    }),
    getPin: async (key) => pinned.get(key),
  };
  return {
    stamp,
    pinStamp: pinsStamp,
    index,
    dealIds: (accountId) => dealsOf.get(accountId),
    hasDealNotes: (dealId) => dealsWithNotes.has(dealId),
    account: (accountId) => entries.get(accountId),
    campaign: (campaignId) => campaignById.get(campaignId),
    twinIds(accountId) {
      const account = entries.get(accountId);
      if (!account) return [];
      // findTwins: by name first, then by each domain in key order; the first account per other source.
      const found = [
        ...(account.nameKey ? byName.get(account.nameKey) : []),
        ...[...new Set(account.domains ?? [])].sort(byKey).flatMap((d) => byDomain.get(d)),
      ];
      const perSource = new Map<string, string>();
      for (const id of found) {
        const source = entries.get(id)!.source;
        if (source !== account.source && !perSource.has(source)) perSource.set(source, id);
      }
      return [...perSource.values()];
    },
  };
}

/**
 * The worker's memory, built once per worker and again after the data changed. A ticket never
 * waits for a build: `heldMatchMemory` answers with what is held (possibly stale, which the
 * caller detects) and starts a build in the background when nothing current is held. The first
 * ticket a worker answers does not start one: Chrome stops a worker idle for 30 s, so a worker
 * that answers one ticket and stops would read every account for nothing; the second ticket of a
 * worker's life (a technician going through a queue) does.
 */
let held: { db: BackstoryDB; asked: number; memory?: MatchMemory; building?: Promise<void> } | undefined;

/** A moment after the ticket that asked, so the build's big reads do not delay its story. */
const BUILD_DELAY_MS = 50;
/** Tickets a worker answers from the indexes before it builds the memory. */
const TICKETS_BEFORE_BUILD = 1;

export function heldMatchMemory(db: BackstoryDB): MatchMemory | undefined {
  if (held?.db !== db) held = { db, asked: 0 };
  if (!held.memory && ++held.asked > TICKETS_BEFORE_BUILD) rebuild(held);
  return held.memory;
}

/** The caller found `memory` stale (the data stamp moved on, or a pin changed): build anew. */
export function matchMemoryIsStale(db: BackstoryDB, memory: MatchMemory): void {
  if (held?.db !== db || held.memory !== memory) return;
  held.memory = undefined;
  rebuild(held);
}

function rebuild(entry: NonNullable<typeof held>): void {
  if (entry.building) return;
  entry.building = new Promise<void>((resolve) => setTimeout(resolve, BUILD_DELAY_MS))
    .then(() => buildMatchMemory(entry.db))
    .then((memory) => {
      if (held === entry) entry.memory = memory;
    })
    // A failed build is not kept: the next ticket asks again, and is answered from the indexes.
    .catch(() => undefined)
    .finally(() => (entry.building = undefined));
}

/** For tests: wait for a build in progress. */
export async function matchMemoryBuilt(): Promise<MatchMemory | undefined> {
  await held?.building;
  return held?.memory;
}

/** For tests: forget the memory. */
export function forgetMatchMemory(): void {
  held = undefined;
}
