/**
 * Every read and write of the sales records (accounts, contacts, campaigns, deals, notes) goes
 * through this module, so how they are stored is its business alone: packed, with lookups
 * beside them (storage/pack-layout.ts says how, and why).
 *
 * Every function runs inside the caller's transaction when there is one (it must include
 * `salesTables(db)`), else in one of its own. Lists come in the order an IndexedDB index gave
 * them before the packed layout (index key, then id): stories are told the same to the last tie
 * whichever path read them (background-caches/match-memory.ts keeps that order too).
 */
import Dexie from 'dexie';
import { RECORD_KINDS, type Note, type RecordKind, type RecordsByKind } from '@/core/model';
import type { BackstoryDB, StoredAccount } from './tables';
import {
  applyEdits,
  BUCKETS,
  bucketOf,
  byId,
  compareKeys,
  findInPack,
  idsIn,
  lookupEdits,
  type Change,
  type CountRow,
  type LookupName,
  type LookupRow,
  type PackRow,
} from './pack-layout';

/** What each kind is stored as: accounts carry their derived match keys. */
export type Stored<K extends RecordKind> = K extends 'account' ? StoredAccount : RecordsByKind[K];

/** The tables a transaction over sales records must include. */
export const salesTables = (db: BackstoryDB) => [db.packs, db.lookups, db.recordCounts];

/** The three tables, from the database or from an upgrade's transaction (storage/db.ts). */
export interface PackTables {
  packs: Dexie.Table<PackRow, [RecordKind, number]>;
  lookups: Dexie.Table<LookupRow, [LookupName, number]>;
  recordCounts: Dexie.Table<CountRow, RecordKind>;
}

/**
 * Each call is a transaction of its own, nested in the caller's when there is one. Nested ones
 * take the parent's lock, so reads started side by side in one parent run one after another
 * (running them straight in the parent instead made Dexie commit it too early); writes need that
 * lock anyway, or two could edit the same lookup row at once.
 */
const read = <T>(db: BackstoryDB, run: () => Promise<T>) => db.transaction('r', salesTables(db), run);
const write = <T>(db: BackstoryDB, run: () => Promise<T>) => db.transaction('rw', salesTables(db), run);

/** Every record of a kind, by id. */
export function allRecords<K extends RecordKind>(db: BackstoryDB, kind: K): Promise<Stored<K>[]> {
  return read(db, () => allOf(db, kind)) as unknown as Promise<Stored<K>[]>;
}

async function allOf(t: PackTables, kind: RecordKind): Promise<{ id: string }[]> {
  const rows = await t.packs.where('[kind+bucket]').between([kind, Dexie.minKey], [kind, Dexie.maxKey]).toArray();
  const all: { id: string }[] = [];
  for (const row of rows) for (const r of row.records) all.push(r);
  return all.sort(byId);
}

/** The records of these ids, in their order (undefined where none is stored). */
export function recordsByIds<K extends RecordKind>(
  db: BackstoryDB,
  kind: K,
  ids: string[],
): Promise<(Stored<K> | undefined)[]> {
  return read(db, () => byIds(db, kind, ids)) as unknown as Promise<(Stored<K> | undefined)[]>;
}

async function byIds(t: PackTables, kind: RecordKind, ids: string[]): Promise<({ id: string } | undefined)[]> {
  return (await byIdsOfKinds(t, [[kind, ids]]))[0]!;
}

/** The records of these ids of several kinds, reading all their pack rows in one request. */
async function byIdsOfKinds(
  t: PackTables,
  wanted: [RecordKind, string[]][],
): Promise<({ id: string } | undefined)[][]> {
  const keys = new Map<string, [RecordKind, number]>();
  for (const [kind, ids] of wanted) for (const id of ids) keys.set(`${kind}|${bucketOf(id)}`, [kind, bucketOf(id)]);
  if (!keys.size) return wanted.map(() => []);
  const rows = await t.packs.bulkGet([...keys.values()]);
  const packOf = new Map([...keys.keys()].map((key, i) => [key, rows[i]?.records ?? []]));
  return wanted.map(([kind, ids]) =>
    ids.map((id) => {
      const records = packOf.get(`${kind}|${bucketOf(id)}`)!;
      const at = findInPack(records, id);
      return at < 0 ? undefined : records[at];
    }),
  );
}

export async function recordById<K extends RecordKind>(
  db: BackstoryDB,
  kind: K,
  id: string,
): Promise<Stored<K> | undefined> {
  return (await recordsByIds(db, kind, [id]))[0];
}

/** Ids listed under each key of one lookup, keys in order, each list by id (one read per row). */
async function idsByKeys(t: PackTables, lookup: LookupName, keys: string[]): Promise<string[][]> {
  if (!keys.length) return [];
  const buckets = [...new Set(keys.map(bucketOf))];
  const rows = await t.lookups.bulkGet(buckets.map((b) => [lookup, b] as [LookupName, number]));
  const rowOf = new Map(buckets.map((b, i) => [b, rows[i]]));
  return keys.map((k) => idsIn(rowOf.get(bucketOf(k)), k));
}

/** The records listed under any of these keys of a lookup: keys in order, each key's by id (an id listed under two keys comes twice). */
async function recordsByKeys(
  t: PackTables,
  kind: RecordKind,
  lookup: LookupName,
  keys: string[],
): Promise<{ id: string }[]> {
  const ids = (await idsByKeys(t, lookup, sortedUnique(keys))).flat();
  return (await byIds(t, kind, ids)).filter((r) => r !== undefined);
}

/** The account keys a lookup can ask by: normalised name, normalised aliases, domains. */
export type AccountKey = 'nameKey' | 'aliasKeys' | 'domains';

/** Ids of the accounts with this key. */
export function accountIdsByKey(db: BackstoryDB, key: AccountKey, value: string): Promise<string[]> {
  return read(db, async () => (await idsByKeys(db, `account.${key}`, [value]))[0]!);
}

/** The accounts with any of these keys, by key, then id (an account with two of the keys comes twice). */
export function accountsByKeys(db: BackstoryDB, key: AccountKey, values: string[]): Promise<StoredAccount[]> {
  return read(db, () => recordsByKeys(db, 'account', `account.${key}`, values)) as unknown as Promise<StoredAccount[]>;
}

/** Ids of the accounts that have a contact with this (normalised) email, each once. */
export function accountIdsByContactEmail(db: BackstoryDB, email: string): Promise<string[]> {
  return read(db, async () => {
    const contacts = (await recordsByKeys(db, 'contact', 'contact.email', [email])) as Stored<'contact'>[];
    return [...new Set(contacts.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
  });
}

/** One account's contacts, deals or notes, by id. */
export function recordsOfAccount<K extends 'contact' | 'deal' | 'note'>(
  db: BackstoryDB,
  kind: K,
  accountId: string,
): Promise<Stored<K>[]> {
  return read(db, () => recordsByKeys(db, kind, `${kind}.accountId`, [accountId])) as unknown as Promise<Stored<K>[]>;
}

/**
 * One account's deals, contacts and notes, each by id: their three lookup rows in one request,
 * then every pack row they lie in in one more (asked one kind at a time, a cold story made six
 * requests in turn here).
 */
export function recordsOwnedBy(
  db: BackstoryDB,
  accountId: string,
): Promise<{ deals: Stored<'deal'>[]; contacts: Stored<'contact'>[]; notes: Stored<'note'>[] }> {
  return read(db, async () => {
    const kinds = ['deal', 'contact', 'note'] as const;
    const bucket = bucketOf(accountId);
    const rows = await db.lookups.bulkGet(kinds.map((kind) => [`${kind}.accountId`, bucket] as [LookupName, number]));
    const found = await byIdsOfKinds(
      db,
      kinds.map((kind, i) => [kind, idsIn(rows[i], accountId)]),
    );
    const [deals, contacts, notes] = found.map((list) => list.filter((r) => r !== undefined));
    return {
      deals: deals as Stored<'deal'>[],
      contacts: contacts as Stored<'contact'>[],
      notes: notes as Stored<'note'>[],
    };
  });
}

/** The notes written on any of these deals, by deal id, then id. */
export function notesOnDeals(db: BackstoryDB, dealIds: string[]): Promise<Note[]> {
  return read(db, () => recordsByKeys(db, 'note', 'note.dealId', dealIds)) as unknown as Promise<Note[]>;
}

/** How many records of a kind there are, of one source or of all. */
export function countRecords(db: BackstoryDB, kind: RecordKind, source?: string): Promise<number> {
  return read(db, async () => {
    const counts = (await db.recordCounts.get(kind))?.bySource;
    if (!counts) return 0;
    if (source !== undefined) return counts.get(source) ?? 0;
    let n = 0;
    for (const c of counts.values()) n += c;
    return n;
  });
}

/**
 * Insert or replace records (their ids decide; the last of one id wins). Returns how many
 * replaced a stored record. Every pack row the records fall in is read and written once, with
 * the lookup rows their keys changed: call it with all of a kind's records at once, not in
 * small chunks (each chunk would rewrite the same rows).
 */
export function putRecords<K extends RecordKind>(
  db: BackstoryDB,
  kind: K,
  records: Stored<K>[],
  onWritten?: (records: number) => void,
): Promise<number> {
  return write(db, () => putInto(db, kind, records, onWritten));
}

/** Pack rows per bulkPut: progress moves in about eight steps. */
const ROWS_PER_PUT = BUCKETS / 8;

/**
 * putRecords over the given tables (the schema upgrade passes its transaction's). `onWritten`
 * hears how many of the records are written so far, after each few pack rows.
 */
export async function putInto(
  t: PackTables,
  kind: RecordKind,
  records: { id: string }[],
  onWritten?: (records: number) => void,
): Promise<number> {
  if (!records.length) return 0;
  const byBucket = new Map<number, { id: string }[]>();
  for (const r of records) {
    const b = bucketOf(r.id);
    const list = byBucket.get(b);
    if (list) list.push(r);
    else byBucket.set(b, [r]);
  }
  const buckets = [...byBucket.keys()];
  const rows = await t.packs.bulkGet(buckets.map((b) => [kind, b] as [RecordKind, number]));
  const changes: Change[] = [];
  let replaced = 0;
  const written = buckets.map((bucket, i) => {
    const stored = rows[i]?.records ?? [];
    const merged = new Map<string, { id: string }>();
    for (const r of stored) merged.set(r.id, r);
    const before = new Map(merged);
    for (const r of byBucket.get(bucket)!) merged.set(r.id, r);
    const seen = new Set<string>();
    for (const r of byBucket.get(bucket)!) {
      // A later record of the same id is the one stored; the same record twice is one change.
      if (merged.get(r.id) !== r || seen.has(r.id)) continue;
      seen.add(r.id);
      const old = before.get(r.id);
      if (old) replaced++;
      changes.push({
        id: r.id,
        before: old as Record<string, unknown> | undefined,
        after: r as Record<string, unknown>,
      });
    }
    return { kind, bucket, records: [...merged.values()].sort(byId) };
  });
  let done = 0;
  for (let i = 0; i < written.length; i += ROWS_PER_PUT) {
    await t.packs.bulkPut(written.slice(i, i + ROWS_PER_PUT));
    for (const b of buckets.slice(i, i + ROWS_PER_PUT)) done += byBucket.get(b)!.length;
    onWritten?.(done);
  }
  await applyChanges(t, kind, changes);
  return replaced;
}

/** Remove the records of these ids (ids not stored are ignored). */
export function deleteRecords(db: BackstoryDB, kind: RecordKind, ids: string[]): Promise<void> {
  const gone = new Set(ids);
  return write(db, () => removeWhere(db, kind, (r) => gone.has(r.id), [...new Set(ids.map(bucketOf))]));
}

/** Remove every record of a kind from one data source. */
export function deleteSource(db: BackstoryDB, kind: RecordKind, source: string): Promise<void> {
  return write(db, () => removeWhere(db, kind, (r) => (r as { source?: string }).source === source));
}

/** Remove the records `drop` picks, from the given buckets (all of the kind's when none are given). */
async function removeWhere(
  t: PackTables,
  kind: RecordKind,
  drop: (r: { id: string }) => boolean,
  buckets?: number[],
): Promise<void> {
  const rows = buckets
    ? (await t.packs.bulkGet(buckets.map((b) => [kind, b] as [RecordKind, number]))).filter((r) => r !== undefined)
    : await t.packs.where('[kind+bucket]').between([kind, Dexie.minKey], [kind, Dexie.maxKey]).toArray();
  const changes: Change[] = [];
  const written: PackRow[] = [];
  for (const row of rows) {
    const kept = row.records.filter((r) => !drop(r));
    if (kept.length === row.records.length) continue;
    for (const r of row.records) if (drop(r)) changes.push({ id: r.id, before: r as Record<string, unknown> });
    written.push({ ...row, records: kept });
  }
  if (!written.length) return;
  await t.packs.bulkPut(written);
  await applyChanges(t, kind, changes);
}

/** The lookups and counts follow the records' changes. */
async function applyChanges(t: PackTables, kind: RecordKind, changes: Change[]): Promise<void> {
  const edits = lookupEdits(kind, changes);
  if (edits.length) {
    const rows = await t.lookups.bulkGet(edits.map((e) => [e.lookup, e.bucket] as [LookupName, number]));
    const put = edits.map((e, i) => applyEdits(e.lookup, e.bucket, rows[i], e.edits));
    await t.lookups.bulkPut(put);
  }
  const counts = (await t.recordCounts.get(kind))?.bySource ?? new Map<string, number>();
  const sourceOf = (r: Record<string, unknown>) => (typeof r.source === 'string' ? r.source : '');
  for (const c of changes) {
    if (c.before) counts.set(sourceOf(c.before), (counts.get(sourceOf(c.before)) ?? 0) - 1);
    if (c.after) counts.set(sourceOf(c.after), (counts.get(sourceOf(c.after)) ?? 0) + 1);
  }
  for (const [source, n] of counts) if (n <= 0) counts.delete(source);
  await t.recordCounts.put({ kind, bySource: counts });
}

/** Remove every sales record. */
export function clearRecords(db: BackstoryDB): Promise<void> {
  return write(db, async () => {
    for (const table of salesTables(db)) await table.clear();
  });
}

/** Point the deals of one campaign at another (a campaign known by name only, folded into its real record). */
export function moveDealsToCampaign(db: BackstoryDB, fromCampaignId: string, toCampaignId: string): Promise<void> {
  return write(db, async () => {
    const deals = (await recordsByKeys(db, 'deal', 'deal.campaignId', [fromCampaignId])) as Stored<'deal'>[];
    await putInto(
      db,
      'deal',
      deals.map((d) => ({ ...d, campaignId: toCampaignId })),
    );
  });
}

export function sortedUnique(keys: string[]): string[] {
  return [...new Set(keys)].sort(compareKeys);
}

/** Records per kind, optionally of one source only. */
export async function countsByKind(db: BackstoryDB, source?: string): Promise<Record<RecordKind, number>> {
  const counts: Record<RecordKind, number> = { account: 0, contact: 0, campaign: 0, deal: 0, note: 0 };
  await db.transaction('r', salesTables(db), async () => {
    for (const kind of RECORD_KINDS) counts[kind] = await countRecords(db, kind, source);
  });
  return counts;
}

/**
 * How many notes each account has (by their own account id; notes on a deal that carry none are
 * not counted), read from the note.accountId lookup's rows alone: no note is read.
 */
export function noteCountsByAccount(db: BackstoryDB): Promise<Map<string, number>> {
  return read(db, async () => {
    const rows = await db.lookups
      .where('[lookup+bucket]')
      .between(['note.accountId', 0], ['note.accountId', BUCKETS])
      .toArray();
    const counts = new Map<string, number>();
    for (const row of rows) row.keys.forEach((key, i) => counts.set(key, row.ends[i]! - (i ? row.ends[i - 1]! : 0)));
    return counts;
  });
}
