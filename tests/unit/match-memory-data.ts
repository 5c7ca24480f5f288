// What tests/unit/match-memory.test.ts works with: seeded random databases where everything
// collides and tickets to look up in them, a write, a counter of IndexedDB reads, and another
// extension page's write announcement.
import { type RecordSet, type TicketRef, emptyRecordSet } from '@/core/model';
import type { BackstoryDB } from '@/storage/db';
import { recordTables, upsertRecords } from '@/storage/record-writes';
import { mulberry32 } from '@/core/random';

/** Seeded, so a failure names its seed and repeats (the sample data's generator). */
const rng = mulberry32;

const NAMES = ['Acme Dental', 'Acme Dental Group', 'Baker & Price', 'Riverside Clinic', 'Müller GmbH', 'Northwind'];
export const DOMAINS = ['acmedental.com', 'baker.law', 'riverside.org', 'northwind.example', 'gmail.com'];
const SOURCES = ['csv', 'hubspot', 'connectwise'];
const PEOPLE = ['dana', 'ben', 'nora', 'info'];

/**
 * A small database where everything collides: names shared across sources (twins), domains
 * shared by several accounts, one email on contacts of different accounts, contacts and notes
 * pointing at accounts that do not exist, notes written on deals only.
 */
export function randomSet(seed: number): RecordSet {
  const r = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const set = emptyRecordSet();
  const accountIds: string[] = [];
  for (let i = 0; i < 14; i++) {
    const source = pick(SOURCES);
    const id = `${source}:a${i}`;
    accountIds.push(id);
    set.accounts.push({
      id,
      source,
      sourceId: `a${i}`,
      name: pick(NAMES),
      aliases: r() < 0.4 ? [pick(NAMES)] : [],
      domains: r() < 0.8 ? [pick(DOMAINS), ...(r() < 0.3 ? [pick(DOMAINS)] : [])] : [],
      externalIds: {},
      ...(r() < 0.5 ? { industry: 'Dental' } : {}),
    });
  }
  const someAccount = () => (r() < 0.1 ? 'csv:gone' : pick(accountIds));
  for (let i = 0; i < 6; i++) {
    set.campaigns.push({
      id: `csv:c${i}`,
      source: 'csv',
      sourceId: `c${i}`,
      name: `Campaign ${i}`,
      channel: 'webinar',
    });
  }
  for (let i = 0; i < 25; i++) {
    set.contacts.push({
      id: `csv:p${i}`,
      source: 'csv',
      sourceId: `p${i}`,
      accountId: r() < 0.9 ? someAccount() : undefined,
      name: `Person ${i}`,
      email: r() < 0.9 ? `${pick(PEOPLE)}@${pick(DOMAINS)}` : '',
    });
  }
  for (let i = 0; i < 20; i++) {
    set.deals.push({
      id: `csv:d${i}`,
      source: 'csv',
      sourceId: `d${i}`,
      accountId: pick(accountIds),
      name: `Deal ${i}`,
      currency: 'USD',
      stage: pick(['Closed Won', 'Proposal', 'Closed Lost']),
      promises: r() < 0.5 ? ['1-hour response'] : [],
      ...(r() < 0.7 ? { campaignId: r() < 0.1 ? 'csv:nocampaign' : pick(set.campaigns).id } : {}),
      ...(r() < 0.8 ? { closeDate: `202${Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-01` } : {}),
    });
  }
  for (let i = 0; i < 30; i++) {
    const onDeal = r() < 0.5;
    set.notes.push({
      id: `csv:n${i}`,
      source: 'csv',
      sourceId: `n${i}`,
      author: 'Sam',
      date: `2024-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}`,
      body: `note ${i}`,
      tags: [],
      pinned: r() < 0.2,
      ...(onDeal && r() < 0.5 ? {} : { accountId: someAccount() }),
      ...(onDeal ? { dealId: pick(set.deals).id } : {}),
    });
  }
  return set;
}

export function randomRefs(seed: number, n: number): TicketRef[] {
  const r = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const email = () => `${pick([...PEOPLE, 'stranger'])}@${pick([...DOMAINS, 'unknown.example'])}`;
  return Array.from({ length: n }, (_, i) => ({
    helpdesk: pick(['generic', 'zendesk']),
    ticketId: String(i),
    url: `https://help.example.com/tickets/${i}`,
    ...(r() < 0.6 ? { company: pick([...NAMES, 'Nobody Inc', 'ACME DENTAL, INC.']) } : {}),
    ...(r() < 0.7 ? { contactEmail: email() } : {}),
    emails: r() < 0.3 ? [email()] : [],
    missing: [],
  }));
}

export async function write(db: BackstoryDB, set: RecordSet) {
  await db.transaction('rw', recordTables(db), () => upsertRecords(db, set));
}

/**
 * Counts the reads on each index (`store.index`) and store (`store`), whoever makes them (Dexie
 * or plain IndexedDB calls), by watching fake-indexeddb's IDBIndex and IDBObjectStore. Undo with
 * the returned function.
 */
export function countIndexReads(): { reads: Map<string, number>; restore: () => void } {
  const reads = new Map<string, number>();
  const methods = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
  const watch = (
    proto: Record<string, (...args: unknown[]) => unknown>,
    name: (self: IDBIndex & IDBObjectStore) => string,
  ) => {
    const saved = methods.filter((m) => typeof proto[m] === 'function').map((m) => [m, proto[m]!] as const);
    for (const [m, original] of saved) {
      proto[m] = function (this: IDBIndex & IDBObjectStore, ...args: unknown[]) {
        reads.set(name(this), (reads.get(name(this)) ?? 0) + 1);
        return original.apply(this, args);
      };
    }
    return () => saved.forEach(([m, original]) => (proto[m] = original));
  };
  const restores = [
    watch(
      IDBIndex.prototype as unknown as Record<string, (...args: unknown[]) => unknown>,
      (i) => `${i.objectStore.name}.${i.name}`,
    ),
    watch(IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>, (s) => s.name),
  ];
  return { reads, restore: () => restores.forEach((restore) => restore()) };
}

/** What another extension page's Dexie sends the worker after a write (Dexie's own channel and shape). */
export async function announceFromAnotherPage(dbName: string, table: string): Promise<void> {
  const channel = new BroadcastChannel('x-storagemutated-1');
  channel.postMessage({ [`idb://${dbName}/${table}/`]: {} });
  channel.close();
  // Delivered as a task of its own.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
