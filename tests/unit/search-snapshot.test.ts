// The saved search index: opened instead of rebuilt while the data stamp says it is current,
// rebuilt when the records changed, ignored when damaged or of another format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '@/core/search';
import { emptyRecordSet } from '@/core/model';
import Dexie from 'dexie';
import { DB_NAME, openDb, type BackstoryDB } from '@/storage/db';
import { clearAllData, loadRecordSet, upsertRecords, recordTables } from '@/storage/record-writes';
import { dataStamp } from '@/storage/data-stamp';
import {
  currentNamesIndex,
  openSavedSearch,
  openSavedSearchFirst,
  readSavedParts,
  rebuildSearchIndex,
  refreshSearchIndex,
  SAVED_INDEX_DB,
  SEARCH_FORMAT,
} from '@/background-caches/search-snapshot';
import { findAccounts, forgetAccountIndex } from '@/background-caches/account-finder';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { salesRows } from './stored-records';

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`snapshot-${Math.random()}`);
  await db.open();
  await loadRecordSet(db, makeSampleData(), 'sample');
  forgetAccountIndex();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const zebra = () => {
  const set = emptyRecordSet();
  set.accounts.push({
    id: 'csv:z1',
    source: 'csv',
    sourceId: 'z1',
    name: 'Zebra Crossing Dental',
    aliases: [],
    domains: ['zebracrossing.example'],
    externalIds: {},
  });
  return set;
};

type Opener = (onIndex: (index: SearchIndex, how: 'saved' | 'rebuilt') => void) => Promise<void>;
/** The popup reads the saved index without Dexie (Dexie only to rebuild); both must agree. */
const OPENERS: [string, Opener][] = [
  ['through Dexie', (onIndex) => openSavedSearch(db, undefined as never, onIndex)],
  [
    'read without Dexie, as the popup does',
    (onIndex) => openSavedSearchFirst(undefined as never, onIndex, async () => db, db.name),
  ],
];

describe.each(OPENERS)('the saved search index, %s', (_how, open) => {
  async function opened(): Promise<SearchIndex[]> {
    const seen: SearchIndex[] = [];
    await open((i) => seen.push(i));
    return seen;
  }

  it('is opened, not rebuilt, while the records are unchanged', async () => {
    await rebuildSearchIndex(db);
    const rows = await db.searchIndex.toArray();
    expect(rows.map((r) => r.part).sort()).toEqual(['names', 'notes']);
    expect(rows.every((r) => r.stamp === rows[0]!.stamp && r.format === SEARCH_FORMAT)).toBe(true);
    // Remove the records behind the stamp's back: only a saved index can still find them.
    await salesRows(db).accounts.clear();
    await salesRows(db).notes.clear();
    const seen = await opened();
    expect(seen).toHaveLength(2); // names at once, then names and notes; no rebuild
    expect(seen[0]!.search('acme dental').accounts[0]?.id).toBe(SAMPLE_FIXED.acme.accountId);
    expect(seen[1]!.search('burned by their last', { scope: 'notes' }).notes[0]?.accountId).toBe(
      SAMPLE_FIXED.acme.accountId,
    );
    expect((await currentNamesIndex(db)).search('acme').accounts[0]?.id).toBe(SAMPLE_FIXED.acme.accountId);
  });

  it('is shown at once when stale, then replaced by one built from the changed records', async () => {
    await rebuildSearchIndex(db);
    await loadRecordSet(db, zebra(), 'csv');
    const seen = await opened();
    expect(seen).toHaveLength(3);
    expect(seen[0]!.search('zebra').accounts).toEqual([]);
    expect(seen[2]!.search('zebra').accounts[0]?.id).toBe('csv:z1');
    // And the rebuilt one was saved: the next opening needs no build.
    expect(await opened()).toHaveLength(2);
  });

  it('goes stale with every write of records: imports, syncs, removals and clearing', async () => {
    const stamps = [await dataStamp(db)];
    await loadRecordSet(db, zebra(), 'csv');
    stamps.push(await dataStamp(db));
    await db.transaction('rw', recordTables(db), () => upsertRecords(db, zebra()));
    stamps.push(await dataStamp(db));
    await loadRecordSet(db, emptyRecordSet(), 'csv');
    stamps.push(await dataStamp(db));
    await clearAllData(db);
    stamps.push(await dataStamp(db));
    expect(new Set(stamps).size).toBe(5);
    expect(stamps.every((s) => s.length > 0)).toBe(true);
  });

  it('is rebuilt when missing, damaged, or saved by another format', async () => {
    expect(await opened()).toHaveLength(1); // nothing saved: one rebuilt index
    const stamp = await dataStamp(db);
    const builtAt = new Date().toISOString();
    await db.searchIndex.put({
      part: 'names',
      stamp,
      format: SEARCH_FORMAT - 1,
      builtAt,
      data: (await db.searchIndex.get('names'))!.data,
    } as never);
    await db.searchIndex.put({
      part: 'notes',
      stamp,
      format: SEARCH_FORMAT,
      builtAt,
      data: { lexicon: 'nonsense' },
    } as never);
    const seen = await opened();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.search('acme').accounts[0]?.id).toBe(SAMPLE_FIXED.acme.accountId);
    expect((await db.searchIndex.get('names'))?.format).toBe(SEARCH_FORMAT);
  });

  it('is deleted by "clear everything", being a copy of the records', async () => {
    await rebuildSearchIndex(db);
    await clearAllData(db);
    expect(await db.searchIndex.count()).toBe(0);
    const seen = await opened();
    expect(seen[seen.length - 1]!.search('acme')).toMatchObject({ accounts: [], notes: [] });
  });

  it('refreshSearchIndex rebuilds only what is stale', async () => {
    await refreshSearchIndex(db);
    const first = (await db.searchIndex.get('names'))!.builtAt;
    await new Promise((r) => setTimeout(r, 5));
    await refreshSearchIndex(db);
    expect((await db.searchIndex.get('names'))!.builtAt).toBe(first);
    await loadRecordSet(db, zebra(), 'csv');
    await refreshSearchIndex(db);
    expect((await db.searchIndex.get('names'))!.stamp).toBe(await dataStamp(db));
  });

  it('answers the sidebar account picker from the saved index, and sees new records', async () => {
    await rebuildSearchIndex(db);
    expect((await findAccounts(db, 'acme'))[0]?.accountId).toBe(SAMPLE_FIXED.acme.accountId);
    expect(await findAccounts(db, 'zebra')).toEqual([]);
    await loadRecordSet(db, zebra(), 'csv');
    expect((await findAccounts(db, 'zebra'))[0]).toMatchObject({ accountId: 'csv:z1', title: 'Zebra Crossing Dental' });
  });
});

describe('reading the saved index without Dexie', () => {
  it('names the database Dexie opens', () => {
    expect(SAVED_INDEX_DB).toBe(DB_NAME);
  });

  it('passes on names, then notes, judged against the stamp read in the same transaction', async () => {
    await rebuildSearchIndex(db);
    const seen: [string, boolean, boolean][] = [];
    expect(await readSavedParts((part, saved) => seen.push([part, !!saved.data, saved.current]), db.name)).toBe(true);
    expect(seen).toEqual([
      ['names', true, true],
      ['notes', true, true],
    ]);
    await loadRecordSet(db, zebra(), 'csv');
    seen.length = 0;
    await readSavedParts((part, saved) => seen.push([part, !!saved.data, saved.current]), db.name);
    expect(seen).toEqual([
      ['names', true, false],
      ['notes', true, false],
    ]);
  });

  it('leaves Dexie alone while the index is current, and asks it to rebuild a stale one', async () => {
    await rebuildSearchIndex(db);
    let asked = 0;
    const later = async () => (asked++, db);
    const how: string[] = [];
    await openSavedSearchFirst(undefined as never, (_i, h) => how.push(h), later, db.name);
    expect([how, asked]).toEqual([['saved', 'saved'], 0]);
    await loadRecordSet(db, zebra(), 'csv');
    how.length = 0;
    await openSavedSearchFirst(undefined as never, (_i, h) => how.push(h), later, db.name);
    expect([how, asked]).toEqual([['saved', 'saved', 'rebuilt'], 1]);
  });

  it('never creates the database: without one, Dexie opens (and creates) it', async () => {
    const name = `absent-${Math.random()}`;
    expect(await readSavedParts(() => undefined, name)).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const fresh = openDb(name);
    const how: string[] = [];
    await openSavedSearchFirst(
      undefined as never,
      (_i, h) => how.push(h),
      async () => fresh,
      name,
    );
    expect(how).toEqual(['rebuilt']);
    expect(fresh.verno).toBeGreaterThan(0);
    fresh.close();
    await fresh.delete();
  });

  it('leaves a database from before the saved index to Dexie, and never blocks its upgrade', async () => {
    const name = `old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ accounts: 'id' });
    await old.open();
    old.close();
    expect(await readSavedParts(() => undefined, name)).toBe(false);
    const upgraded = openDb(name);
    await upgraded.open();
    expect(upgraded.tables.map((t) => t.name)).toContain('searchIndex');
    upgraded.close();
    await upgraded.delete();
  });
});
