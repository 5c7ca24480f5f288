/**
 * What a browser profile holds, read raw from an extension page (IndexedDB and storage.local),
 * for the upgrade and killed-browser tests: they compare it before and after a restart, beside
 * what the extension's own screens show. Reads only: every connection is closed at once, and
 * closes itself should the extension ask to upgrade the database meanwhile.
 */
import type { Page } from 'playwright-core';

/** Per table: its row count and a SHA-256 of its rows (keys sorted, Maps, Sets and bytes spelled out). */
export type DbSnapshot = { version: number; tables: Record<string, { rows: number; hash: string }> };

export function dbSnapshot(page: Page, name: string): Promise<DbSnapshot> {
  return page.evaluate(async (name) => {
    const canon = (v: unknown): unknown => {
      if (v instanceof Map) return { map: [...v].map(([k, x]) => [canon(k), canon(x)]) };
      if (v instanceof Set) return { set: [...v].map(canon) };
      if (v instanceof ArrayBuffer) return { bytes: Array.from(new Uint8Array(v)) };
      if (ArrayBuffer.isView(v)) return { bytes: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      if (Array.isArray(v)) return v.map(canon);
      if (v && typeof v === 'object')
        return Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
        );
      return v;
    };
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    db.onversionchange = () => db.close();
    try {
      const tables: Record<string, { rows: number; hash: string }> = {};
      for (const table of [...db.objectStoreNames].sort()) {
        const rows = await new Promise<unknown[]>((done, fail) => {
          const all = db.transaction(table, 'readonly').objectStore(table).getAll();
          all.onsuccess = () => done(all.result);
          all.onerror = () => fail(all.error);
        });
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(canon(rows))));
        const hash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        tables[table] = { rows: rows.length, hash };
      }
      return { version: db.version, tables };
    } finally {
      db.close();
    }
  }, name);
}

/** The database's version as IndexedDB numbers it (Dexie's version times 10), without opening it at a version. */
export function dbVersion(page: Page, name = 'backstory'): Promise<number | undefined> {
  return page.evaluate(async (name) => (await indexedDB.databases()).find((d) => d.name === name)?.version, name);
}

/**
 * Rows of one table of the extension's database (small tables: flags, pins, syncState), with
 * Maps as plain objects.
 */
export function dbRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (table) => {
    const plain = (v: unknown): unknown =>
      v instanceof Map
        ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]))
        : Array.isArray(v)
          ? v.map(plain)
          : v && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
            : v;
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    db.onversionchange = () => db.close();
    try {
      return await new Promise<T[]>((done, fail) => {
        const all = db.transaction(table, 'readonly').objectStore(table).getAll();
        all.onsuccess = () => done(all.result.map(plain) as T[]);
        all.onerror = () => fail(all.error);
      });
    } finally {
      db.close();
    }
  }, table);
}

/** Sales records by kind and source, as the record store counts them (its recordCounts rows). */
export async function recordCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  const rows = await dbRows<{ kind: string; bySource: Record<string, number> }>(page, 'recordCounts');
  return Object.fromEntries(rows.map((r) => [r.kind, r.bySource]));
}

/** storage.local, whole. */
export function localStorageArea(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(),
  );
}
