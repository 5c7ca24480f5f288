// Real CRM exports land whole (issue 19): the crm-exports-*.test.ts files have one test per
// fixture in tests/fixtures/csv, each checking what a technician needs: account name, domain,
// lead source, campaign, deal name, amount with currency, close date, won or lost, the rep's name,
// and descriptions and notes on the right account and deal. Each file is imported into an empty
// Backstory, as a new user would; this module reads the fixtures and lands them.
import { afterEach, beforeEach } from 'vitest';
import { openDb, type BackstoryDB } from '@/storage/db';
import type { ImportParse } from '@/sources/csv-import';
import { byName, land as landIn, readCsv, type Stored } from './export-fixtures';

export { byName, type Stored };
export const read = readCsv;

/** The empty Backstory of the running test (emptyDbEachTest opens a new one before each test). */
export let db: BackstoryDB;
/** Call once at the top of a test file: each test imports into an empty Backstory. */
export function emptyDbEachTest(): void {
  beforeEach(async () => {
    db = openDb(`crm-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
}

/** Parse and commit the files together into the running test's Backstory. */
export const land = (...files: ImportParse[]): Promise<Stored> => landIn(db, ...files);

export const notesOf = (s: Stored, where: { accountId?: string; dealId?: string }) =>
  s.notes.filter(
    (n) => (!where.accountId || n.accountId === where.accountId) && (!where.dealId || n.dealId === where.dealId),
  );
