/**
 * The data stamp: a fresh random value written in the same transaction as every change to the
 * sales records (services/import.ts does it for imports, syncs and clearing). Whatever is derived
 * from the records and saved (the search index) records the stamp it was built from, and is
 * current exactly while the stamps are equal.
 */
import type { BackstoryDB } from '../storage/db';

/** Its key in the meta table (read without Dexie by background-caches/search-snapshot.ts). */
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

/**
 * The pins' own stamp, changed with every pin a technician sets or removes (pins change apart
 * from the records, and the saved search index does not depend on them). Pins written with
 * records (a restore, a source removed) change the data stamp instead. The worker's match memory
 * (background-caches/match-memory.ts) holds the pins of both stamps.
 */
export const PIN_STAMP_KEY = 'pinStamp';

/** Call inside a rw transaction that includes db.meta and writes pins. */
export async function touchPins(db: BackstoryDB): Promise<void> {
  await db.meta.put({ key: PIN_STAMP_KEY, value: crypto.randomUUID() });
}

export async function pinStamp(db: BackstoryDB): Promise<string> {
  return (await db.meta.get(PIN_STAMP_KEY))?.value ?? '';
}
