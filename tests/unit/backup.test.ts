import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRecordSet } from '@/core/model';
import { openDb, type BackstoryDB } from '@/storage/db';
import { commitImport } from '@/services/import';
import { loadRecordSet } from '@/storage/record-writes';
import { parseImportFile } from '@/sources/csv-import';
import {
  BackupError,
  exportBackup,
  parseJsonText,
  serializeBackup,
  validateBackup,
  type BackupFile,
} from '@/sources/backup';
import { csvText } from '@/sources/csv-export';
import { makeSampleData } from '@/sources/sample-data';
import { salesRows } from './stored-records';

/** A backup file's text read as the importer reads it (sources/json-import.ts). */
const parseBackup = (text: string) => validateBackup(parseJsonText(text));

const enc = new TextEncoder();
const fixture = (name: string) =>
  parseImportFile({ fileName: name, bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))) });

const dbs: BackstoryDB[] = [];
async function freshDb(): Promise<BackstoryDB> {
  const db = openDb(`test-${Math.random()}`);
  await db.open();
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A database with every kind, optional fields present and absent, several sources and a pin. */
async function populated(): Promise<BackstoryDB> {
  const db = await freshDb();
  await commitImport(db, [
    fixture('hubspot-companies.csv'),
    fixture('hubspot-contacts.csv'),
    fixture('hubspot-deals.csv'),
    fixture('salesforce-accounts.csv'),
    fixture('salesforce-opportunities.csv'),
    fixture('salesforce-contacts.csv'),
  ]);
  const template = (name: string) =>
    parseImportFile({
      fileName: name,
      source: 'tmpl',
      bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))),
    });
  await commitImport(db, [template('backstory-accounts.csv'), template('backstory-notes-semicolon.csv')]);
  const notes = parseImportFile({
    fileName: 'n.csv',
    kind: 'note',
    bytes: enc.encode(
      'Deal,Note,Date,Tags\nCopperfield - firewall,"=HYPERLINK(""http://evil"")\nsecond line",5/3/2024 4:15 PM,-risky;@ops\n',
    ),
  });
  await commitImport(db, notes);
  const sample = emptyRecordSet();
  sample.deals.push({
    id: 'sample:d1',
    source: 'sample',
    sourceId: 'd1',
    accountId: 'tmpl:acc-1',
    name: 'Zürich — "special" deal',
    currency: 'CHF',
    stage: '',
    promises: ['1-hour response; weekends too', '+1 spare laptop'],
    valueOneTime: -250.75,
    valueRecurring: 0,
  });
  await loadRecordSet(db, sample, 'sample');
  await db.pins.put({ key: 'zendesk|harbor dental', accountId: 'csv:18200311', createdAt: '2024-05-01T10:00:00.000Z' });
  return db;
}

const withoutDate = ({ exportedAt: _, ...rest }: BackupFile) => rest;

describe('backup', () => {
  let original: BackstoryDB;
  beforeEach(async () => {
    original = await populated();
  });

  it('round-trips without loss: export -> JSON -> parse -> restore -> export', async () => {
    const backup = await exportBackup(original);
    expect(backup).toMatchObject({ format: 'backstory-backup', version: 1 });
    expect(backup.records.accounts.length).toBeGreaterThan(5);
    expect(backup.records.accounts[0]).not.toHaveProperty('nameKey');
    const restored = await freshDb();
    const summary = await commitImport(restored, parseBackup(serializeBackup(backup)));
    expect(summary.pins).toBe(1);
    expect(withoutDate(await exportBackup(restored))).toEqual(withoutDate(backup));
    // The derived index keys are rebuilt exactly as the import stored them.
    expect(await salesRows(restored).accounts.toArray()).toEqual(await salesRows(original).accounts.toArray());
  });

  it('round-trips the built-in sample data loaded with loadRecordSet', async () => {
    const db = await freshDb();
    await loadRecordSet(db, makeSampleData(), 'sample');
    const backup = await exportBackup(db);
    const restored = await freshDb();
    await commitImport(restored, parseBackup(serializeBackup(backup)));
    expect(withoutDate(await exportBackup(restored))).toEqual(withoutDate(backup));
    expect(backup.records.notes).toHaveLength(makeSampleData().notes.length);
  });

  it('restores a backup file picked in the import dialog', async () => {
    const json = serializeBackup(await exportBackup(original));
    const parsed = parseImportFile({ fileName: 'backstory-backup.json', bytes: enc.encode(json) });
    expect(parsed.kind).toBe('backup');
    const restored = await freshDb();
    await commitImport(restored, parsed);
    expect(withoutDate(await exportBackup(restored))).toEqual(withoutDate(await exportBackup(original)));
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup edited freely to break it
  const valid = async () => JSON.parse(serializeBackup(await exportBackup(original))) as Record<string, any>;
  const fails = (value: unknown) => {
    try {
      parseBackup(typeof value === 'string' ? value : JSON.stringify(value));
    } catch (e) {
      expect(e).toBeInstanceOf(BackupError);
      return (e as Error).message;
    }
    throw new Error('expected parseBackup to fail');
  };

  it('refuses other formats and versions with a clear message', async () => {
    const b = await valid();
    expect(fails({ ...b, format: 'other-app' })).toBe(
      'not a Backstory backup: "format" is "other-app", expected "backstory-backup"',
    );
    expect(fails([1, 2])).toBe('not a Backstory backup: expected a JSON object');
    expect(fails({ ...b, version: 2 })).toBe(
      'this backup is version 2, newer than this Backstory reads (1); update the extension',
    );
    expect(fails({ ...b, version: '1' })).toBe('unsupported backup version "1" (expected 1)');
    expect(fails('{"format": "backstory-backup",')).toMatch(/^not valid JSON/);
    expect(fails('{"format": "backstory-backup", "__proto__": {}}')).toBe('key "__proto__" is not allowed');
  });

  it('checks the type of every field and names it by path', async () => {
    const b = await valid();
    b.records.accounts[1].domains = 'acme.example';
    b.records.deals[0].valueOneTime = '1850';
    delete b.records.notes[0].pinned;
    b.records.contacts[0].nickname = 'x';
    b.pins[0].createdAt = 5;
    expect(fails(b)).toBe(
      'invalid backup: records.accounts[1].domains: expected array, found string; records.contacts[0]: unknown field "nickname"; ' +
        'records.deals[0].valueOneTime: expected number, found string; records.notes[0].pinned: expected boolean, missing; ' +
        'pins[0].createdAt: expected string, found number',
    );
  });

  it('checks ids agree with source and sourceId and are unique', async () => {
    const b = await valid();
    b.records.accounts[0].id = 'csv:something-else';
    expect(fails(b)).toMatch(/^invalid backup: records\.accounts\[0\]\.id is "csv:something-else", expected "csv:/);
    const c = await valid();
    c.records.notes.push(c.records.notes[0]);
    expect(fails(c)).toMatch(/records\.notes\[\d+\]\.id ".*" appears twice/);
  });
});

describe('CSV for spreadsheets', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    const cells = ['=HYPERLINK("http://evil")', '+won', '@rep', '\tTabbed', '\rCR', '-one; two', 'Acme, Inc.'];
    const csv = csvText(
      cells.map((_, i) => `c${i}`),
      [cells],
    );
    expect(csv.startsWith('\uFEFFc0,c1,')).toBe(true);
    const [, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(row).toEqual([
      `'=HYPERLINK("http://evil")`,
      "'+won",
      "'@rep",
      "'\tTabbed",
      "'\rCR",
      "'-one; two",
      'Acme, Inc.',
    ]);
  });
});
