/**
 * The page side of the Chromium run (bundled by bundle.ts, driven by chromium.ts): the same
 * matching and import code as bench/match.ts and bench/import.ts, over Chromium's own IndexedDB.
 * It exposes `window.backstoryBench`; every call makes its data in the page and deletes its
 * database afterwards.
 */
import Dexie from 'dexie';
import { openDb, type BackstoryDB, type StoredAccount } from '../../storage/db';
import type { TicketRef } from '../../core/model';
import { loadTicketStory } from '../../services/ticket-story';
import { loadBackstory } from '../../services/backstory';
import { createMatchIndex } from '../../services/match-index';
import { matchTicket } from '../../core/match';
import { makeData } from '../data';
import { makeRefs, matchOn, type MatchResultRow } from '../match';
import { importCsv, importInto, importXlsx, type ImportRow } from '../import';
import { withDerivedKeys } from '../../storage/record-writes';
import {
  accountsByKeys,
  notesOnDeals,
  recordById,
  recordsByIds,
  recordsOfAccount,
  salesTables,
} from '../../storage/record-store';
import { bucketOf } from '../../storage/pack-layout';
import { parseImportFile } from '../../sources/csv-import';
import type { Account } from '../../core/model';
import { latency, now, type Latency } from '../stats';
import { countIdb, type IdbCounts } from './count-idb';

export interface PageEnv {
  userAgent: string;
  /** True when the page's IndexedDB (and Dexie's) is the browser's own, not a stand-in. */
  nativeIndexedDb: boolean;
  /** Cross-origin isolated pages get 5 µs timers instead of 100 µs. */
  crossOriginIsolated: boolean;
}

/** Where one loadTicketStory's time goes, measured after the timed pass (same data, same refs). */
export interface MatchBreakdown {
  /** IndexedDB work per loadTicketStory, averaged over the refs (by email / by company name). */
  perStory: { byEmail: IdbCounts; byCompany: IdbCounts };
  /** matchTicket alone (pin, then email or name lookups, then the accounts they point at). */
  matchTicket: Latency;
  /** loadBackstory alone for the matched account (account, twins, deals/contacts/notes, campaigns). */
  loadBackstory: Latency;
  /** Each query loadTicketStory makes, timed alone over the matched accounts (p50/p95), with its
   * IndexedDB work; and a few alternatives for comparison (marked "instead"). */
  queries: QueryCost[];
  /** One account by id through storage/records.ts: one readonly transaction, one pack row read. */
  dexieGet: Latency;
  /** The same pack row read straight on IndexedDB (no Dexie): the bare round trip. */
  rawGet: Latency;
  /** Ten gets of accounts by id, one after another, each in its own transaction (as the app's reads are). */
  tenGetsOwnTransactions: Latency;
  /** The same ten gets, one after another, inside one Dexie read transaction. */
  tenGetsOneTransaction: Latency;
}

export interface QueryCost {
  query: string;
  latency: Latency;
  idb: IdbCounts;
}

export interface ChromiumMatch extends MatchResultRow {
  breakdown: MatchBreakdown;
  /** The timed pass again, after the breakdown's ~20 passes over the same refs: `latency` is
   * taken right after the bulk load (as in Node), when Chromium's backend may still be settling. */
  latencyAgain: Latency;
}

export interface ChromiumImport extends ImportRow {
  /** What the commit cost before the packed layout: the same accounts (with their derived keys)
   * put straight into IndexedDB, no Dexie, one per record, in one transaction, into a store with
   * the four indexes the accounts table had. */
  rawPutMs: number;
  /** The bare floor under both: as many puts of `{ id }` records (no other field), into a store
   * without indexes, in one transaction, in the same profile (on disk): what Chromium's
   * IndexedDB costs per put on this machine, whatever the code above it does. */
  floorPutMs: number;
  /** `commitMs` of the same file committed again into the same database: every row an update. */
  recommitMs: number;
  /** The same accounts as an XLSX workbook: its size, parse (read-excel-file + the importer) and commit. */
  xlsx: ImportRow & { bytes: number };
  /** A probe of the packed layout the import needs (not the product's code yet): the same
   * accounts, with their derived keys, put 500 to a record into a store without indexes. */
  packed: PackedProbe;
}

/** What a packed layout would cost in Chromium, against the same accounts stored one per record. */
export interface PackedProbe {
  /** Records of 500 accounts each, put in one transaction. */
  putMs: number;
  /** All of them read back (one getAll) and flattened: what a worker's cold start would read. */
  readAllMs: number;
  /** The same accounts read back one per record (getAll of the accounts store rawPut filled). */
  readAllPerRecordMs: number;
  /** One packed record read by key, p50/p95 over 200 reads: a lookup's cost once its pack is known. */
  readOne: Latency;
  /** The same packs with multi-entry indexes over their accounts' ids, name keys, alias keys and
   * domains (each pack lists its accounts' keys), so a lookup can find its pack: put in one transaction. */
  indexedPutMs: number;
  /** The pack holding an account, found by one of its domains through that index, p50/p95 over 200. */
  readByDomain: Latency;
}

export interface PageBench {
  env(): PageEnv;
  match(size: number, n: number): Promise<ChromiumMatch>;
  import(rows: number): Promise<ChromiumImport>;
}

declare global {
  interface Window {
    backstoryBench: PageBench;
  }
}

const timeEach = async <T>(items: T[], run: (item: T) => Promise<unknown>): Promise<Latency> => {
  const times: number[] = [];
  for (const item of items) {
    const s = now();
    await run(item);
    times.push(now() - s);
  }
  return latency(times);
};

async function breakdown(db: BackstoryDB, refs: TicketRef[]): Promise<MatchBreakdown> {
  const stories = [];
  for (const ref of refs) stories.push(await loadTicketStory(db, ref));
  const accounts = stories.flatMap((s) => (s.match.account ? [s.match.account] : []));
  const perStory = {
    byEmail: await countIdb(
      refs.filter((r) => r.contactEmail),
      (ref) => loadTicketStory(db, ref),
    ),
    byCompany: await countIdb(
      refs.filter((r) => !r.contactEmail),
      (ref) => loadTicketStory(db, ref),
    ),
  };
  const queries: QueryCost[] = [];
  interface Input {
    ref: TicketRef;
    stored: StoredAccount;
    dealIds: string[];
    campaignIds: string[];
  }
  const inputs: Input[] = [];
  for (const s of stories) {
    const stored = s.match.account ? await recordById(db, 'account', s.match.account) : undefined;
    if (!stored) continue;
    const deals = await recordsOfAccount(db, 'deal', stored.id);
    inputs.push({
      ref: s.ref,
      stored,
      dealIds: deals.map((d) => d.id),
      campaignIds: deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])),
    });
  }
  const cost = async (query: string, run: (input: Input) => Promise<unknown>, only = inputs) => {
    queries.push({ query, latency: await timeEach(only, run), idb: await countIdb(only, run) });
  };
  const byEmail = inputs.filter((i) => i.ref.contactEmail);
  const byCompany = inputs.filter((i) => !i.ref.contactEmail);
  const index = createMatchIndex(db);
  await cost('match: pins.get(pin key)', (i) => index.getPin(`generic|x${i.stored.id}`));
  await cost(
    'match: account ids by contact email (email refs)',
    (i) => index.accountIdsByContactEmail(i.ref.contactEmail!),
    byEmail,
  );
  await cost(
    'match: account ids by name key (company refs)',
    (i) => index.accountIdsByNameKey(i.stored.nameKey),
    byCompany,
  );
  await cost('match: accounts by ids (existing)', (i) => index.getAccounts([i.stored.id]));
  await cost('story: the account by id', (i) => recordById(db, 'account', i.stored.id));
  await cost('story: twins by name key', (i) => accountsByKeys(db, 'nameKey', [i.stored.nameKey]));
  await cost('story: twins by domains', (i) => accountsByKeys(db, 'domains', i.stored.domains));
  await cost("story: the account's deals", (i) => recordsOfAccount(db, 'deal', i.stored.id));
  await cost("story: the account's contacts", (i) => recordsOfAccount(db, 'contact', i.stored.id));
  await cost("story: the account's notes", (i) => recordsOfAccount(db, 'note', i.stored.id));
  await cost('story: the three above at once (Promise.all)', (i) =>
    Promise.all([
      recordsOfAccount(db, 'deal', i.stored.id),
      recordsOfAccount(db, 'contact', i.stored.id),
      recordsOfAccount(db, 'note', i.stored.id),
    ]),
  );
  await cost("story: notes on the account's deals", (i) => notesOnDeals(db, i.dealIds));
  await cost('story: campaigns by ids', (i) => recordsByIds(db, 'campaign', i.campaignIds));
  await cost('instead: the three at once in one read transaction', (i) =>
    db.transaction('r', salesTables(db), () =>
      Promise.all([
        recordsOfAccount(db, 'deal', i.stored.id),
        recordsOfAccount(db, 'contact', i.stored.id),
        recordsOfAccount(db, 'note', i.stored.id),
      ]),
    ),
  );
  const idb = db.backendDB();
  const rawGet = (id: string) =>
    new Promise<void>((resolve, reject) => {
      const req = idb
        .transaction('packs', 'readonly')
        .objectStore('packs')
        .get(['account', bucketOf(id)]);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  const tens = refs.map((_, i) => Array.from({ length: 10 }, (_, k) => accounts[(i * 10 + k) % accounts.length]!));
  const getAll = async (ids: string[]) => {
    for (const id of ids) await recordById(db, 'account', id);
  };
  return {
    perStory,
    queries,
    matchTicket: await timeEach(refs, (ref) => matchTicket(ref, createMatchIndex(db))),
    loadBackstory: await timeEach(stories, (s) =>
      s.match.account ? loadBackstory(db, s.match.account, s.ref) : Promise.resolve(),
    ),
    dexieGet: await timeEach(accounts, (id) => recordById(db, 'account', id)),
    rawGet: await timeEach(accounts, rawGet),
    tenGetsOwnTransactions: await timeEach(tens, getAll),
    tenGetsOneTransaction: await timeEach(tens, (ids) => db.transaction('r', salesTables(db), () => getAll(ids))),
  };
}

/** Puts every record into `store` in one transaction, straight on IndexedDB: the time from the first put to complete. */
async function timedPuts(idb: IDBDatabase, store: string, records: unknown[]): Promise<number> {
  const t = now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    const target = tx.objectStore(store);
    for (const r of records) target.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return now() - t;
}

/** Put the file's accounts straight into IndexedDB in one transaction; the time from the first put to complete. */
async function rawPut(bytes: Uint8Array): Promise<{ putMs: number; readAllMs: number }> {
  const records = (parseImportFile({ fileName: 'accounts.csv', bytes, kind: 'account' }).records as Account[]).map(
    withDerivedKeys,
  );
  const name = `bench-rawput-${Date.now()}`;
  // The accounts table as it was before the packed layout (schema version 4), in a plain database.
  const idb = await openPlain(name, (db) => {
    const store = db.createObjectStore('accounts', { keyPath: 'id' });
    store.createIndex('source', 'source');
    store.createIndex('nameKey', 'nameKey');
    store.createIndex('aliasKeys', 'aliasKeys', { multiEntry: true });
    store.createIndex('domains', 'domains', { multiEntry: true });
  });
  try {
    const putMs = await timedPuts(idb, 'accounts', records);
    const t = now();
    await getAll(idb, 'accounts');
    return { putMs, readAllMs: now() - t };
  } finally {
    idb.close();
    await dropDatabase(name);
  }
}

/** A plain IndexedDB database of the bench's own, its stores made by `upgrade`. */
const openPlain = (name: string, upgrade: (db: IDBDatabase) => void) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** A request's result as a promise. */
const answer = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
const getAll = (idb: IDBDatabase, store: string) =>
  answer(idb.transaction(store, 'readonly').objectStore(store).getAll());

/** The packed probe: the file's accounts 500 to a record in a plain store of its own database. */
async function packedProbe(bytes: Uint8Array, perRecordReadMs: number): Promise<PackedProbe> {
  const accounts = (parseImportFile({ fileName: 'accounts.csv', bytes, kind: 'account' }).records as Account[]).map(
    withDerivedKeys,
  );
  const packs = [];
  for (let i = 0; i < accounts.length; i += 500) packs.push({ no: packs.length, records: accounts.slice(i, i + 500) });
  const name = `bench-packed-${Date.now()}`;
  const idb = await openPlain(name, (db) => db.createObjectStore('packs', { keyPath: 'no' }));
  try {
    const putMs = await timedPuts(idb, 'packs', packs);
    const t = now();
    const read = (await getAll(idb, 'packs')) as { records: StoredAccount[] }[];
    if (read.flatMap((p) => p.records).length !== accounts.length) throw new Error('packed probe lost records');
    const readAllMs = now() - t;
    const keys = Array.from({ length: 200 }, (_, i) => (i * 7919) % packs.length);
    const readOne = await timeEach(keys, (no) =>
      answer(idb.transaction('packs', 'readonly').objectStore('packs').get(no)),
    );
    return { putMs, readAllMs, readAllPerRecordMs: perRecordReadMs, readOne, ...(await indexedPacks(accounts)) };
  } finally {
    idb.close();
    await dropDatabase(name);
  }
}

const dropDatabase = (name: string) =>
  new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });

/** The packs again, each listing its accounts' lookup keys under multi-entry indexes. */
async function indexedPacks(accounts: StoredAccount[]): Promise<Pick<PackedProbe, 'indexedPutMs' | 'readByDomain'>> {
  const keys = ['ids', 'nameKeys', 'aliasKeys', 'domains'] as const;
  const packs = [];
  for (let i = 0; i < accounts.length; i += 500) {
    const records = accounts.slice(i, i + 500);
    packs.push({
      no: packs.length,
      records,
      ids: records.map((a) => a.id),
      nameKeys: [...new Set(records.map((a) => a.nameKey))],
      aliasKeys: [...new Set(records.flatMap((a) => a.aliasKeys))],
      domains: [...new Set(records.flatMap((a) => a.domains))],
    });
  }
  const name = `bench-packed-indexed-${Date.now()}`;
  const idb = await openPlain(name, (db) => {
    const store = db.createObjectStore('packs', { keyPath: 'no' });
    for (const k of keys) store.createIndex(k, k, { multiEntry: true });
  });
  try {
    const indexedPutMs = await timedPuts(idb, 'packs', packs);
    const domains = Array.from({ length: 200 }, (_, i) => accounts[(i * 7919) % accounts.length]!.domains[0]!);
    const readByDomain = await timeEach(domains, async (d) => {
      const found = (await answer(
        idb.transaction('packs', 'readonly').objectStore('packs').index('domains').getAll(d),
      )) as { records: StoredAccount[] }[];
      if (!found.some((p) => p.records.some((a) => a.domains.includes(d))))
        throw new Error('packed probe: domain not found');
    });
    return { indexedPutMs, readByDomain };
  } finally {
    idb.close();
    await dropDatabase(name);
  }
}

/** `rows` puts of `{ id }` records into a store without indexes, one transaction, in a plain
 * IndexedDB database of its own; the time from the first put to complete. */
async function floorPut(rows: number): Promise<number> {
  const name = `bench-floor-${Date.now()}`;
  const idb = await openPlain(name, (db) => db.createObjectStore('records', { keyPath: 'id' }));
  try {
    const records = Array.from({ length: rows }, (_, i) => ({ id: `imp${i}` }));
    return await timedPuts(idb, 'records', records);
  } finally {
    idb.close();
    await dropDatabase(name);
  }
}

/** Dexie's errors lose their name and message on the way out of page.evaluate: keep them. */
const plainErrors =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await run(...args);
    } catch (e) {
      const { name, message, inner } = e as {
        name?: string;
        message?: string;
        inner?: { name?: string; message?: string };
      };
      throw new Error(`${name}: ${message}${inner ? ` (${inner.name}: ${inner.message})` : ''}`);
    }
  };

window.backstoryBench = {
  env: () => ({
    userAgent: navigator.userAgent,
    nativeIndexedDb: String(indexedDB.open).includes('[native code]') && Dexie.dependencies.indexedDB === indexedDB,
    crossOriginIsolated,
  }),
  match: plainErrors(async (size: number, n: number) => {
    const data = makeData(size);
    const db = openDb(`bench-match-${size}-${Date.now()}`);
    try {
      const row = await matchOn(db, data, n);
      const refs = makeRefs(data, n);
      const parts = await breakdown(db, refs);
      return { ...row, breakdown: parts, latencyAgain: await timeEach(refs, (ref) => loadTicketStory(db, ref)) };
    } finally {
      await db.delete();
    }
  }),
  import: plainErrors(async (rows: number) => {
    const bytes = importCsv(makeData(1000), rows);
    const db = openDb(`bench-import-${Date.now()}`);
    let row: ImportRow;
    let again: ImportRow;
    try {
      row = await importInto(db, bytes, rows);
      again = await importInto(db, bytes, rows);
    } finally {
      await db.delete();
    }
    const xlsxBytes = importXlsx(makeData(1000), rows);
    const xdb = openDb(`bench-import-xlsx-${Date.now()}`);
    let xlsx: ImportRow;
    try {
      xlsx = await importInto(xdb, xlsxBytes, rows, 'accounts.xlsx');
    } finally {
      await xdb.delete();
    }
    const raw = await rawPut(bytes);
    const floorPutMs = await floorPut(rows);
    return {
      ...row,
      xlsx: { ...xlsx, bytes: xlsxBytes.length },
      rawPutMs: raw.putMs,
      floorPutMs,
      recommitMs: again.commitMs,
      packed: await packedProbe(bytes, raw.readAllMs),
    };
  }),
};
