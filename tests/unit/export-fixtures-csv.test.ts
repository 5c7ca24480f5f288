// Issue 19: every CSV export fixture lands every field a technician needs that it carries (the
// facts per fixture set are in tests/fixtures/export-facts/, one file a product; the XLSX twins
// are checked against the same).
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type BackstoryDB } from '@/storage/db';
import { FIXTURE_SETS } from '../fixtures/export-facts';
import { expectLanded, land, readCsv } from './export-fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`export-fixtures-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('each CSV export fixture lands what a technician needs', () => {
  it.each(Object.entries(FIXTURE_SETS))('%s', async (_name, set) => {
    const files = set.files.map((f) => readCsv(f, set.dateOrder?.[f] ? { dateOrder: set.dateOrder[f] } : {}));
    expectLanded(await land(db, ...files), set.landed);
  });

  it('covers every CSV fixture', () => {
    const all = readdirSync('tests/fixtures/csv', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.csv'))
      .map((f) => f.replaceAll('\\', '/'));
    const covered = new Set(Object.values(FIXTURE_SETS).flatMap((s) => s.files));
    expect(all.filter((f) => !covered.has(f))).toEqual([]);
  });
});
