/**
 * The search index saved between popup openings. Building it reads every record (seconds at
 * 50,000 accounts); loading a saved one is a structured-clone copy of flat arrays. The index is
 * rebuilt where the data changes (after an import, a sync, clearing) and saved with the data
 * stamp it was built from (storage/data-stamp.ts), so the popup's first keystroke never pays
 * for a build, a restarted service worker included: nothing of it lives in the worker.
 */
import {
  buildNameParts,
  buildNoteParts,
  openSearchIndex,
  type SearchIndex,
  type SearchLabels,
  type SearchParts,
} from '@/core/search';
import type { NameIndexData } from '@/core/search/name-index';
import type { NoteIndexData } from '@/core/search/note-index';
import type { BackstoryDB, SearchIndexRow } from '../storage/db';
import { salesTables } from '../storage/record-store';
import { DATA_STAMP_KEY, dataStamp } from '@/storage/data-stamp';
import { loadSearchData } from './search-data';

/** Bump when the index's layout changes: saved indexes of another format are rebuilt. */
export const SEARCH_FORMAT = 2;

const isRows = (x: unknown): boolean => {
  const r = x as { starts?: unknown; values?: unknown } | undefined;
  return r?.starts instanceof Uint32Array && r.values instanceof Uint32Array;
};
const isPacked = (x: unknown): boolean => {
  const p = x as { text?: unknown; ends?: unknown } | undefined;
  return typeof p?.text === 'string' && p.ends instanceof Uint32Array;
};
const isLexicon = (x: unknown): boolean => {
  const l = x as { terms?: unknown; typoKeys?: unknown } | undefined;
  return isPacked(l?.terms) && l?.typoKeys instanceof Float64Array;
};

/** A saved part is used only if it has the shape this code reads (a cache may be anything). */
function usable(row: SearchIndexRow | undefined, part: 'names' | 'notes'): boolean {
  if (!row || row.part !== part || row.format !== SEARCH_FORMAT || typeof row.data !== 'object' || !row.data)
    return false;
  const d = row.data as unknown as Record<string, unknown>;
  if (!isLexicon(d.lexicon) || !isRows(d.postings) || !isPacked(d.ids) || !isPacked(d.accountIds)) return false;
  return part === 'names'
    ? isRows(d.docTerms) &&
        isRows(d.docKeys) &&
        d.kinds instanceof Uint8Array &&
        d.titleWords instanceof Uint8Array &&
        isPacked(d.titles) &&
        isPacked(d.slots)
    : isRows(d.noteTerms) && isPacked(d.about) && isPacked(d.authors) && isPacked(d.dates) && isPacked(d.bodies);
}

export interface Saved<T> {
  data?: T;
  /** Built from the records as they are now. */
  current: boolean;
}

/** A saved part judged against the data's current stamp. */
function judged<T>(row: SearchIndexRow | undefined, stamp: string, part: 'names' | 'notes'): Saved<T> {
  if (!usable(row, part)) return { current: false };
  return { data: row!.data as T, current: row!.stamp === stamp };
}

async function readPart<T>(db: BackstoryDB, part: 'names' | 'notes'): Promise<Saved<T>> {
  return db.transaction('r', db.meta, db.searchIndex, async () => {
    const [row, stamp] = await Promise.all([db.searchIndex.get(part), dataStamp(db)]);
    return judged<T>(row, stamp, part);
  });
}

/**
 * The database's name: storage/db.ts's DB_NAME (a unit test checks they agree), not imported,
 * for that module brings Dexie.
 */
export const SAVED_INDEX_DB = 'backstory';

/**
 * The saved parts and the data stamp read straight from IndexedDB, without Dexie: about 100 KB
 * of script that the popup's first result would otherwise wait for. One read transaction: the
 * stamp, then names, then notes, each part passed on as soon as it is read (names first, so the
 * first keystroke need not wait for the larger note index to be copied). Resolves false when it
 * could not read them so (no database yet, one from before the index was saved, any error); the
 * caller then asks Dexie, which creates or upgrades the database. Never creates the database.
 */
export function readSavedParts(
  onPart: (part: 'names' | 'notes', saved: Saved<NameIndexData | NoteIndexData>) => void,
  name = SAVED_INDEX_DB,
): Promise<boolean> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(false);
    }
    // Only a database that does not exist yet is "upgraded" by an open without a version: leave
    // creating it to Dexie (aborting the creation leaves no database behind).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (e) => {
      e.preventDefault();
      resolve(false);
    };
    request.onblocked = () => resolve(false);
    request.onsuccess = () => {
      const idb = request.result;
      // A newer version (Dexie upgrading) must not wait for this connection.
      idb.onversionchange = () => idb.close();
      const done = (ok: boolean) => {
        idb.close();
        resolve(ok);
      };
      try {
        if (!idb.objectStoreNames.contains('meta') || !idb.objectStoreNames.contains('searchIndex')) return done(false);
        const tx = idb.transaction(['meta', 'searchIndex'], 'readonly');
        const stampRequest = tx.objectStore('meta').get(DATA_STAMP_KEY);
        let stamp = '';
        stampRequest.onsuccess = () => {
          const value = (stampRequest.result as { value?: unknown } | undefined)?.value;
          stamp = typeof value === 'string' ? value : '';
        };
        const parts = tx.objectStore('searchIndex');
        for (const part of ['names', 'notes'] as const) {
          const got = parts.get(part);
          got.onsuccess = () => onPart(part, judged(got.result as SearchIndexRow | undefined, stamp, part));
        }
        tx.oncomplete = () => done(true);
        tx.onabort = () => done(false);
      } catch {
        done(false);
      }
    };
  });
}
/** Saves a part unless the data changed while it was built (a newer build will follow). */
async function savePart(db: BackstoryDB, row: SearchIndexRow): Promise<void> {
  try {
    await db.transaction('rw', db.meta, db.searchIndex, async () => {
      if ((await dataStamp(db)) === row.stamp) await db.searchIndex.put(row);
    });
  } catch {
    // A cache: when it cannot be saved (no space left), the next opening builds again.
  }
}

/** Builds both parts from the records as they are now, and saves them. */
export async function rebuildSearchIndex(db: BackstoryDB): Promise<SearchParts> {
  const { data, stamp } = await db.transaction('r', [...salesTables(db), db.meta], async () => ({
    data: await loadSearchData(db),
    stamp: await dataStamp(db),
  }));
  const builtAt = new Date().toISOString();
  const names = buildNameParts(data);
  await savePart(db, { part: 'names', stamp, format: SEARCH_FORMAT, builtAt, data: names });
  const notes = buildNoteParts(data);
  await savePart(db, { part: 'notes', stamp, format: SEARCH_FORMAT, builtAt, data: notes });
  return { names, notes };
}

/** Rebuilds the saved index if the records changed since it was built. Never throws. */
export async function refreshSearchIndex(db: BackstoryDB): Promise<void> {
  try {
    const [names, notes] = [await readPart(db, 'names'), await readPart(db, 'notes')];
    if (!names.current || !notes.current) await rebuildSearchIndex(db);
  } catch {
    // The popup rebuilds what it finds stale.
  }
}

/**
 * For the popup: the saved names index at once, then the saved notes, then, if either was
 * stale or missing, a rebuilt index. `onIndex` is called each time a better index is ready.
 */
export async function openSavedSearch(
  db: BackstoryDB,
  labels: SearchLabels,
  onIndex: (index: SearchIndex, how: 'saved' | 'rebuilt') => void,
): Promise<void> {
  const names = await readPart<NameIndexData>(db, 'names');
  if (names.data) onIndex(openSearchIndex({ names: names.data }, labels), 'saved');
  const notes = await readPart<NoteIndexData>(db, 'notes');
  if (names.data && notes.data) onIndex(openSearchIndex({ names: names.data, notes: notes.data }, labels), 'saved');
  if (!names.current || !notes.current) onIndex(openSearchIndex(await rebuildSearchIndex(db), labels), 'rebuilt');
}

/**
 * openSavedSearch for the popup's first result: the saved parts read without Dexie
 * (readSavedParts); Dexie, loaded by `later`, only to rebuild stale parts or when the database
 * could not be read so. The same indexes, in the same order, as openSavedSearch.
 */
export async function openSavedSearchFirst(
  labels: SearchLabels,
  onIndex: (index: SearchIndex, how: 'saved' | 'rebuilt') => void,
  later: () => Promise<BackstoryDB>,
  name = SAVED_INDEX_DB,
): Promise<void> {
  let names: Saved<NameIndexData> = { current: false };
  let notes: Saved<NoteIndexData> = { current: false };
  const read = await readSavedParts((part, saved) => {
    if (part === 'names') {
      names = saved as Saved<NameIndexData>;
      if (names.data) onIndex(openSearchIndex({ names: names.data }, labels), 'saved');
    } else {
      notes = saved as Saved<NoteIndexData>;
      if (names.data && notes.data) onIndex(openSearchIndex({ names: names.data, notes: notes.data }, labels), 'saved');
    }
  }, name);
  if (!read) return openSavedSearch(await later(), labels, onIndex);
  if (!names.current || !notes.current)
    onIndex(openSearchIndex(await rebuildSearchIndex(await later()), labels), 'rebuilt');
}

/** The saved names index if current, else one built now (and saved). For account lookups. */
export async function currentNamesIndex(db: BackstoryDB, labels?: SearchLabels): Promise<SearchIndex> {
  const names = await readPart<NameIndexData>(db, 'names');
  if (names.data && names.current) return openSearchIndex({ names: names.data }, labels);
  return openSearchIndex({ names: (await rebuildSearchIndex(db)).names }, labels);
}

/** The data stamp, for callers that cache an index in memory. */
export { dataStamp };
