/**
 * Every read and write of the sales records (accounts, contacts, campaigns, deals, notes) goes
 * through this module, so how they are stored is this file's business alone. Today that is one
 * IndexedDB record per sales record, with Dexie indexes for the lookups. A 100k-row import then
 * costs 100k puts, which Chromium cannot do in the import's 5 s here; bench/README.md ("A packed
 * layout for the import") has the measured layout that can, to be built behind these functions.
 *
 * Every function runs inside the caller's transaction when there is one (it must include
 * `salesTables(db)`), else in one of its own. Lists come in the order an IndexedDB index gives
 * (index key, then primary key): stories are told the same to the last tie whichever path read
 * them (storage/match-memory.ts keeps that order too).
 */
import type { Note, RecordKind, RecordsByKind } from '@/core/model';
import type { Table } from 'dexie';
import type { BackstoryDB, StoredAccount } from './db';

/** What each kind is stored as: accounts carry their derived match keys. */
export type Stored<K extends RecordKind> = K extends 'account' ? StoredAccount : RecordsByKind[K];

const TABLE = { account: 'accounts', contact: 'contacts', campaign: 'campaigns', deal: 'deals', note: 'notes' } as const;

/** The tables a transaction over sales records must include. */
export const salesTables = (db: BackstoryDB) => [db.accounts, db.contacts, db.campaigns, db.deals, db.notes];

const table = <K extends RecordKind>(db: BackstoryDB, kind: K) => db.table<Stored<K>, string>(TABLE[kind]);

/** Every record of a kind, by id. */
export function allRecords<K extends RecordKind>(db: BackstoryDB, kind: K): Promise<Stored<K>[]> {
  return table(db, kind).toArray();
}

/** The records of these ids, in their order (undefined where none is stored). */
export function recordsByIds<K extends RecordKind>(db: BackstoryDB, kind: K, ids: string[]): Promise<(Stored<K> | undefined)[]> {
  return table(db, kind).bulkGet(ids);
}

export function recordById<K extends RecordKind>(db: BackstoryDB, kind: K, id: string): Promise<Stored<K> | undefined> {
  return table(db, kind).get(id);
}

/** The account keys a lookup can ask by: normalised name, normalised aliases, domains. */
export type AccountKey = 'nameKey' | 'aliasKeys' | 'domains';

/** Ids of the accounts with this key (each once: a multi-entry index may list one twice). */
export async function accountIdsByKey(db: BackstoryDB, key: AccountKey, value: string): Promise<string[]> {
  return [...new Set(await db.accounts.where(key).equals(value).primaryKeys())];
}

/** Above this many keys one anyOf (a cursor) beats a getAll per key side by side. */
const MAX_KEYS_APART = 24;

/**
 * The accounts with any of these keys, in the order `anyOf(values)` lists them (key, then id),
 * without its cursor steps when the keys are few: a getAll per key at once. An account with two
 * of the keys comes twice, as from the index.
 */
export function accountsByKeys(db: BackstoryDB, key: AccountKey, values: string[]): Promise<StoredAccount[]> {
  return whereAnyOf(table(db, 'account'), key, values);
}

/** Ids of the accounts that have a contact with this (normalised) email, each once. */
export async function accountIdsByContactEmail(db: BackstoryDB, email: string): Promise<string[]> {
  const contacts = await db.contacts.where('email').equals(email).toArray();
  return [...new Set(contacts.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
}

/** One account's contacts, deals or notes, by id. */
export function recordsOfAccount<K extends 'contact' | 'deal' | 'note'>(db: BackstoryDB, kind: K, accountId: string): Promise<Stored<K>[]> {
  return table(db, kind).where('accountId').equals(accountId).toArray() as Promise<Stored<K>[]>;
}

/** The notes written on any of these deals, by deal id, then id. */
export function notesOnDeals(db: BackstoryDB, dealIds: string[]): Promise<Note[]> {
  return whereAnyOf(table(db, 'note'), 'dealId', dealIds);
}

/** The records of a kind from one data source, by id. */
export function recordsOfSource<K extends RecordKind>(db: BackstoryDB, kind: K, source: string): Promise<Stored<K>[]> {
  return table(db, kind).where('source').equals(source).toArray() as Promise<Stored<K>[]>;
}

/** How many records of a kind there are, of one source or of all. */
export function countRecords(db: BackstoryDB, kind: RecordKind, source?: string): Promise<number> {
  const t = table(db, kind);
  return source === undefined ? t.count() : t.where('source').equals(source).count();
}

/** Notes, a page at a time by id, after `after` (from the first when undefined). */
export function notesPage(db: BackstoryDB, after: string | undefined, limit: number): Promise<Note[]> {
  return (after === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(after)).limit(limit).toArray();
}

/** Whether a kind holds no record at all. */
export async function noRecords(db: BackstoryDB, kind: RecordKind): Promise<boolean> {
  return (await table(db, kind).limit(1).primaryKeys()).length === 0;
}

/**
 * How many of these ids (sorted, unique) are stored. One read of the stored keys between the
 * first and last id, which in a re-import are about the chunk's own. `anyOf` steps a cursor from
 * key to key, a round trip each: re-importing 20k accounts in Chromium it took 2.7-5.3 s, the
 * range reads 0.16-0.54 s (three runs each, loaded machine). When the range holds many more keys
 * than the chunk (a few records spread over a big table, as a sync page is), that read stops
 * early and `anyOf` answers instead.
 */
export async function countStored(db: BackstoryDB, kind: RecordKind, sortedIds: string[]): Promise<number> {
  if (!sortedIds.length) return 0;
  const t = table(db, kind);
  const limit = sortedIds.length * 4;
  const keys = await t.where(':id').between(sortedIds[0]!, sortedIds.at(-1)!, true, true).limit(limit).primaryKeys();
  if (keys.length >= limit) return (await t.where(':id').anyOf(sortedIds).primaryKeys()).length;
  const stored = new Set(keys);
  return sortedIds.reduce((n, id) => n + (stored.has(id) ? 1 : 0), 0);
}

/** Insert or replace records (their ids decide). */
export async function putRecords<K extends RecordKind>(db: BackstoryDB, kind: K, records: Stored<K>[]): Promise<void> {
  await table(db, kind).bulkPut(records);
}

/** Remove the records of these ids (ids not stored are ignored). */
export async function deleteRecords(db: BackstoryDB, kind: RecordKind, ids: string[]): Promise<void> {
  await table(db, kind).bulkDelete(ids);
}

/** Remove every record of a kind from one data source. */
export async function deleteSource(db: BackstoryDB, kind: RecordKind, source: string): Promise<void> {
  await table(db, kind).where('source').equals(source).delete();
}

/** Remove every sales record. */
export async function clearRecords(db: BackstoryDB): Promise<void> {
  for (const t of salesTables(db)) await t.clear();
}

/** Point the deals of one campaign at another (a campaign known by name only, folded into its real record). */
export async function moveDealsToCampaign(db: BackstoryDB, fromCampaignId: string, toCampaignId: string): Promise<void> {
  await db.deals.where('campaignId').equals(fromCampaignId).modify({ campaignId: toCampaignId });
}

/** IndexedDB orders string keys by UTF-16 code units, as `<` does (localeCompare would not). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique(keys: string[]): string[] {
  return [...new Set(keys)].sort(compareKeys);
}

/**
 * The records whose `index` is one of `keys`, in the order `anyOf(keys)` lists them (key, then
 * primary key), without its cursor steps when the keys are few: a getAll per key at once.
 */
async function whereAnyOf<T>(t: Table<T, string>, index: string, keys: string[]): Promise<T[]> {
  const unique = sortedUnique(keys);
  if (unique.length === 0) return [];
  if (unique.length > MAX_KEYS_APART) return t.where(index).anyOf(unique).toArray();
  return (await Promise.all(unique.map((key) => t.where(index).equals(key).toArray()))).flat();
}
