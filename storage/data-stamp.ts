/**
 * The data stamp: a fresh random value written in the same transaction as every change to the
 * sales records (storage/import.ts does it for imports, syncs and clearing). Whatever is derived
 * from the records and saved (the search index) records the stamp it was built from, and is
 * current exactly while the stamps are equal.
 */
import type { BackstoryDB } from './db';

/** Its key in the meta table (read without Dexie by storage/search-snapshot.ts). */
export const DATA_STAMP_KEY = 'dataStamp';
const KEY = DATA_STAMP_KEY;

/** Call inside a rw transaction that includes db.meta and writes records. */
export async function touchData(db: BackstoryDB): Promise<void> {
  await db.meta.put({ key: KEY, value: crypto.randomUUID() });
}

/** The current stamp ('' before the first write: nothing saved can claim to match it). */
export async function dataStamp(db: BackstoryDB): Promise<string> {
  return (await db.meta.get(KEY))?.value ?? '';
}
