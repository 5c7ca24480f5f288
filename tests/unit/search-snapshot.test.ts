// The saved search index: opened instead of rebuilt while the data stamp says it is current,
// rebuilt when the records changed, ignored when damaged or of another format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '@/core/search';
import { emptyRecordSet } from '@/core/model';
import { openDb, type BackstoryDB } from '@/storage/db';
import { clearAllData, loadRecordSet, upsertRecords, recordTables } from '@/storage/import';
import { dataStamp } from '@/storage/data-stamp';
import { currentNamesIndex, openSavedSearch, rebuildSearchIndex, refreshSearchIndex, SEARCH_FORMAT } from '@/storage/search-snapshot';
import { findAccounts, forgetAccountIndex } from '@/storage/account-finder';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';

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
  set.accounts.push({ id: 'csv:z1', source: 'csv', sourceId: 'z1', name: 'Zebra Crossing Dental', aliases: [], domains: ['zebracrossing.example'], externalIds: {} });
  return set;
};

async function opened(): Promise<SearchIndex[]> {
  const seen: SearchIndex[] = [];
  await openSavedSearch(db, undefined as never, (i) => seen.push(i));
  return seen;
}

describe('the saved search index', () => {
  it('is opened, not rebuilt, while the records are unchanged', async () => {
    await rebuildSearchIndex(db);
    const rows = await db.searchIndex.toArray();
    expect(rows.map((r) => r.part).sort()).toEqual(['names', 'notes']);
    expect(rows.every((r) => r.stamp === rows[0]!.stamp && r.format === SEARCH_FORMAT)).toBe(true);
    // Remove the records behind the stamp's back: only a saved index can still find them.
    await db.accounts.clear();
    await db.notes.clear();
    const seen = await opened();
    expect(seen).toHaveLength(2); // names at once, then names and notes; no rebuild
    expect(seen[0]!.search('acme dental').accounts[0]?.id).toBe(SAMPLE_FIXED.acme.accountId);
    expect(seen[1]!.search('burned by their last', { scope: 'notes' }).notes[0]?.accountId).toBe(SAMPLE_FIXED.acme.accountId);
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
    await db.searchIndex.put({ part: 'names', stamp, format: SEARCH_FORMAT - 1, builtAt, data: (await db.searchIndex.get('names'))!.data } as never);
    await db.searchIndex.put({ part: 'notes', stamp, format: SEARCH_FORMAT, builtAt, data: { lexicon: 'nonsense' } } as never);
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
