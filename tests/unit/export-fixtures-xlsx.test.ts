// Issue 19: an XLSX export per product that offers one (HubSpot, Salesforce, Pipedrive, Zoho), read
// through the real XLSX path (sources/xlsx-import.ts), lands the same fields as its CSV twin: the
// same records, and the same facts (tests/fixtures/export-facts/) when imported with the twin's set.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type BackstoryDB } from '@/storage/db';
import { parseAnyImportFile } from '@/sources/csv-import';
import { buildTwin, XLSX_TWINS } from '../../scripts/make-xlsx-fixtures';
import { FIXTURE_SETS } from '../fixtures/export-facts';
import { expectLanded, land, readCsv } from './export-fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`export-xlsx-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const readXlsx = (name: string, dateOrder?: 'mdy' | 'dmy') =>
  parseAnyImportFile({
    fileName: name,
    bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/xlsx', name))),
    ...(dateOrder ? { dateOrder } : {}),
  });

describe('each XLSX export fixture lands what its CSV twin does', () => {
  it.each(XLSX_TWINS.map((t) => [t.xlsx, t] as const))('%s', async (_name, twin) => {
    // The committed file is what scripts/make-xlsx-fixtures.ts makes of its twin.
    expect(Buffer.from(readFileSync(resolve('tests/fixtures/xlsx', twin.xlsx))).equals(buildTwin(twin))).toBe(true);
    const set = Object.values(FIXTURE_SETS).find((s) => s.files.includes(twin.csv))!;
    const order = set.dateOrder?.[twin.csv];
    const xlsx = await readXlsx(twin.xlsx, order);
    const csv = readCsv(twin.csv, order ? { dateOrder: order } : {});
    expect([xlsx.format, xlsx.sheets, xlsx.kind, xlsx.preset]).toEqual(['xlsx', [twin.sheet], csv.kind, csv.preset]);
    expect(xlsx.ignored).toEqual(csv.ignored);
    expect(xlsx.records).toEqual(csv.records);
    const files = set.files.map((f) =>
      f === twin.csv ? xlsx : readCsv(f, set.dateOrder?.[f] ? { dateOrder: set.dateOrder[f] } : {}),
    );
    expectLanded(await land(db, ...files), set.landed);
  });
});
