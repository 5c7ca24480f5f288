// Real CRM exports land whole (issue 19): the crm-exports-*.test.ts files have one test per
// fixture in tests/fixtures/csv, each checking what a technician needs: account name, domain,
// lead source, campaign, deal name, amount with currency, close date, won or lost, the rep's name,
// and descriptions and notes on the right account and deal. Each file is imported into an empty
// Backstory, as a new user would; this module reads the fixtures and lands them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { openDb, type BackstoryDB } from '@/storage/db';
import { commitImport } from '@/services/import';
import { parseImportFile, type ImportInput, type ImportParse } from '@/sources/csv-import';
import { describeImportError } from '@/i18n/import-messages';
import { salesRows } from './stored-records';

export const read = (name: string, extra: Partial<ImportInput> = {}): ImportParse =>
  parseImportFile({
    fileName: name.split('/').pop()!,
    bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))),
    ...extra,
  });

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

export interface Stored {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

/** Parse and commit the files together; every file must parse without a problem. */
export async function land(...files: ImportParse[]): Promise<Stored> {
  for (const f of files) expect(f.errors.map(describeImportError), f.file).toEqual([]);
  await commitImport(db, files);
  const rows = salesRows(db);
  return {
    accounts: await rows.accounts.toArray(),
    contacts: await rows.contacts.toArray(),
    campaigns: await rows.campaigns.toArray(),
    deals: await rows.deals.toArray(),
    notes: await rows.notes.toArray(),
  };
}

export const byName = <T extends { name: string }>(list: T[], name: string): T => {
  const found = list.find((r) => r.name === name);
  expect(found, name).toBeDefined();
  return found!;
};
export const notesOf = (s: Stored, where: { accountId?: string; dealId?: string }) =>
  s.notes.filter(
    (n) => (!where.accountId || n.accountId === where.accountId) && (!where.dealId || n.dealId === where.dealId),
  );
