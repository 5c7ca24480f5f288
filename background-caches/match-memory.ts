import type { MatchIndex } from '@/core/match';
import { normalizeEmail } from '@/core/normalize';
import { dataStamp, pinStamp } from '@/storage/data-stamp';
import type { Campaign, Contact, Deal, Note } from '@/core/model';
import type { AccountRecords } from '../services/backstory';
import type { BackstoryDB, StoredAccount } from '../storage/db';
import { announcedWrites } from './announced-writes';
import { Groups, Postings } from './match-memory-groups';
import { allRecords, salesTables } from '../storage/record-store';

/**
 * The matcher's lookups and the story's records, answered from the worker's memory instead of by
 * IndexedDB reads (a read transaction costs about 0.3 ms in Chromium, each request in it about
 * 0.1 ms more, and a story took four). It is a copy of the data as it was at `stamp` and
 * `pinStamp`: ticket-story.ts trusts it as it stands while no write to the copied tables has been
 * announced since the build, else only once the stamps read now are still those, and falls back
 * to the lookups when either changed. Every answer is in the order the lookups give it
 * (key, then id), so the story told is the same to the last tie.
 */
export interface MatchMemory {
  readonly stamp: string;
  /**
   * True while no write to the data the memory copies has been announced since it was built or
   * last confirmed: the memory can then answer without reading the stamps (see `announcedWrites`).
   */
  unchanged(): boolean;
  /** The writes announced so far, to pass to `confirm` once the stamps read after it match. */
  writesSeen(): number;
  /** The stamps, read after `writesSeen` gave `seen`, are still the memory's: none of those writes changed what it copies. */
  confirm(seen: number): void;
  /** When the memory was built or last confirmed (ms since the epoch). */
  readonly confirmedAt: number;
  /** The pins' stamp (storage/data-stamp.ts) the memory's pins are of. */
  readonly pinStamp: string;
  /** The same lookups as services/match-index.ts, resolved without a read. */
  readonly index: MatchIndex;
  /** The account's twins in other sources, as services/backstory.ts findTwins would find them. */
  twinIds(accountId: string): string[];
  /**
   * The account's deals, contacts and notes, each by primary key as `where accountId` lists them,
   * and the notes written on each of its deals (by the note's dealId, whatever account it names).
   * New objects on every call: a story may keep or change them without touching the memory.
   */
  records(accountId: string): StoryRecords;
  /** The account's record, as stored. */
  account(accountId: string): StoredAccount | undefined;
  /** The campaign's record (campaigns are few: about one per ten accounts). */
  campaign(campaignId: string): Campaign | undefined;
}

/** One account's records, as services/backstory.ts reads them for a story (its campaigns are the memory's). */
type StoryRecords = Omit<AccountRecords, 'accountId' | 'campaigns'>;

/** IndexedDB orders string keys by UTF-16 code units, as `<` does. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The tables the memory copies, and the meta table that holds their stamps. */
const copied = (db: BackstoryDB) => [...salesTables(db), db.pins, db.meta].map((t) => t.name);

/**
 * A moment for the worker's other tasks (a sidebar's request) between slices of the build: a
 * message to itself, which no browser delays (a timer may be held back: nested ones to 4 ms,
 * and Firefox slows timers in pages it considers in the background).
 */
const pause = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Read what the matcher and the story use into memory, in one read transaction with the data and
 * pin stamps, so the copy is exactly the data of those stamps. It reads every account, contact,
 * deal and note (bench/README.md has the time and heap per size); callers build it off the
 * ticket's path (see `heldMatchMemory`).
 */
export async function buildMatchMemory(db: BackstoryDB): Promise<MatchMemory> {
  // Counted before the read: a write announced after this may or may not be in the copy.
  const watched = copied(db);
  const writesBefore = announcedWrites(db.name, watched);
  const notesOf = new Groups<Note>();
  const notesOn = new Groups<Note>();
  const tables = [db.meta, db.pins, ...salesTables(db)];
  const [stamp, pinsStamp, accounts, contacts, deals, pins, campaigns, notes] = await db.transaction('r', tables, () =>
    Promise.all([
      dataStamp(db),
      pinStamp(db),
      allRecords(db, 'account'),
      allRecords(db, 'contact'),
      allRecords(db, 'deal'),
      db.pins.toArray(),
      allRecords(db, 'campaign'),
      allRecords(db, 'note'),
    ]),
  );
  // By id, as the index reads list them.
  for (const n of notes) {
    if (typeof n.accountId === 'string') notesOf.add(n.accountId, n);
    if (typeof n.dealId === 'string') notesOn.add(n.dealId, n);
  }
  const entries = new Map<string, StoredAccount>();
  // Stories hand these very objects on (their origin campaign): frozen, so none can change the memory.
  const campaignById = new Map(campaigns.map((c) => [c.id, Object.freeze(c)]));
  const byName = new Postings();
  const byAlias = new Postings();
  const byDomain = new Postings();
  // toArray lists records by primary key: each posting list comes out in index order.
  for (const a of accounts) {
    entries.set(a.id, a);
    // Only string keys are listed, as the lookups list them (storage/pack-layout.ts).
    if (typeof a.nameKey === 'string') byName.add(a.nameKey, a.id);
    for (const k of a.aliasKeys ?? []) if (typeof k === 'string') byAlias.add(k, a.id);
    for (const d of a.domains ?? []) if (typeof d === 'string') byDomain.add(d, a.id);
  }
  const byEmail = new Postings();
  for (const c of contacts) if (c.accountId && typeof c.email === 'string') byEmail.add(c.email, c.accountId);
  // The story's records, by the keys its index reads use (only string keys, as IndexedDB indexes).
  const contactsOf = new Groups<Contact>();
  for (const c of contacts) if (typeof c.accountId === 'string') contactsOf.add(c.accountId, c);
  const dealsOf = new Groups<Deal>();
  for (const d of deals) if (typeof d.accountId === 'string') dealsOf.add(d.accountId, d);
  for (const groups of [contactsOf, dealsOf, notesOf, notesOn]) await groups.seal(pause);
  const pinned = new Map(pins.map((p) => [p.key, p.accountId]));

  const index: MatchIndex = {
    accountIdsByContactEmail: async (email) => byEmail.get(normalizeEmail(email)),
    accountIdsByDomain: async (domain) => byDomain.get(domain),
    accountIdsByNameKey: async (key) => byName.get(key),
    accountIdsByAliasKey: async (key) => byAlias.get(key),
    getAccounts: async (ids) =>
      ids.flatMap((id) => {
        const a = entries.get(id);
        return a ? [{ id, name: a.name }] : [];
      }),
    getPin: async (key) => pinned.get(key),
  };
  let baseline = writesBefore;
  let confirmedAt = Date.now();
  return {
    stamp,
    unchanged: () => announcedWrites(db.name, watched) === baseline,
    writesSeen: () => announcedWrites(db.name, watched),
    confirm(seen) {
      baseline = seen;
      confirmedAt = Date.now();
    },
    get confirmedAt() {
      return confirmedAt;
    },
    pinStamp: pinsStamp,
    index,
    records(accountId) {
      const deals = dealsOf.get(accountId);
      const notesByDeal = new Map<string, Note[]>();
      for (const d of deals) if (notesOn.has(d.id)) notesByDeal.set(d.id, notesOn.get(d.id));
      return { deals, contacts: contactsOf.get(accountId), notes: notesOf.get(accountId), notesByDeal };
    },
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
/** Tickets a worker answers through the lookups before it builds the memory. */
const TICKETS_BEFORE_BUILD = 1;

/**
 * A memory no ticket has asked for in this long is let go: it is large (about 220 MB at 50,000
 * accounts), and a Firefox background page lives as long as the browser (Chrome stops an idle
 * worker after 30 s anyway). The next tickets build it again, as after a start.
 */
export const MATCH_MEMORY_IDLE_MS = 10 * 60_000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

export function heldMatchMemory(db: BackstoryDB): MatchMemory | undefined {
  if (held?.db !== db) held = { db, asked: 0 };
  const entry = held;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => held === entry && (held = undefined), MATCH_MEMORY_IDLE_MS);
  if (!entry.memory && ++entry.asked > TICKETS_BEFORE_BUILD) rebuild(entry);
  return entry.memory;
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
    // A failed build is not kept: the next ticket asks again, and is answered through the lookups.
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
  clearTimeout(idleTimer);
}
