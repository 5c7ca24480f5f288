/**
 * Probes of what Chromium's IndexedDB costs under the import (bench/in-chromium/entry.ts runs them
 * after the real import): the same accounts put one per record, put packed 500 to a record with
 * and without multi-entry indexes, and the bare floor of as many puts, each straight on IndexedDB.
 */
import { withDerivedKeys } from '../../storage/record-writes';
import type { StoredAccount } from '../../storage/db';
import { parseImportFile } from '../../sources/csv-import';
import type { Account } from '../../core/model';
import { now, timeEach, type Latency } from '../stats';

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
export async function rawPut(bytes: Uint8Array): Promise<{ putMs: number; readAllMs: number }> {
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
export async function packedProbe(bytes: Uint8Array, perRecordReadMs: number): Promise<PackedProbe> {
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
export async function floorPut(rows: number): Promise<number> {
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
