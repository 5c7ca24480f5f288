/**
 * Import: parse and commit a 100k-row accounts CSV. `importBench` runs it in Node over
 * fake-indexeddb; bench/in-chromium runs the same `importInto` in Chromium's real IndexedDB.
 */
import 'fake-indexeddb/auto'; // left out of the Chromium page's bundle (bench/in-chromium/bundle.ts)
import { openDb, type BackstoryDB } from '../storage/db';
import { commitImport } from '../services/import';
import { parseAnyImportFile } from '../sources/csv-import';
import { workbook, type XCell } from '../tests/unit/xlsx-workbook';
import type { BenchData } from './data';
import { now } from './stats';

export interface ImportRow {
  rows: number;
  parseMs: number;
  commitMs: number;
  rowsPerSecond: number;
}

/** An accounts CSV of `rows` rows (names, aliases, domains and industries from `data`), as bytes. */
export function importCsv(data: BenchData, rows: number): Uint8Array {
  const lines = ['id,name,aliases,domains,industry'];
  for (let i = 0; i < rows; i++) {
    const a = data.accounts[i % data.accounts.length]!;
    lines.push(`imp${i},"${a.name} ${i}","${a.aliases.join(';')}",${i}-${a.domains[0]},${a.industry ?? ''}`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

/** The same accounts as importCsv, as an XLSX workbook of one sheet (tests/unit/xlsx-workbook.ts). */
export function importXlsx(data: BenchData, rows: number): Uint8Array {
  const cells: XCell[][] = [['id', 'name', 'aliases', 'domains', 'industry']];
  for (let i = 0; i < rows; i++) {
    const a = data.accounts[i % data.accounts.length]!;
    cells.push([`imp${i}`, `${a.name} ${i}`, a.aliases.join(';'), `${i}-${a.domains[0]}`, a.industry ?? '']);
  }
  return workbook({ Accounts: cells });
}

/** Time the parse (CSV, or XLSX through its reader), then commitImport into `db` (opened by the commit). */
export async function importInto(
  db: BackstoryDB,
  bytes: Uint8Array,
  rows: number,
  fileName = 'accounts.csv',
): Promise<ImportRow> {
  const t0 = now();
  const parsed = await parseAnyImportFile({ fileName, bytes, kind: 'account' });
  const parseMs = now() - t0;
  if (parsed.errorCount) throw new Error(`bench ${fileName} has errors: ${JSON.stringify(parsed.errors[0])}`);
  const t1 = now();
  await commitImport(db, parsed);
  const commitMs = now() - t1;
  return { rows, parseMs, commitMs, rowsPerSecond: rows / ((parseMs + commitMs) / 1000) };
}

export async function importBench(data: BenchData, rows: number): Promise<ImportRow> {
  const bytes = importCsv(data, rows);
  const db = openDb(`bench-import-${Date.now()}`);
  try {
    return await importInto(db, bytes, rows);
  } finally {
    db.close();
  }
}
