/**
 * Import: parse and commit a 100k-row accounts CSV. `importBench` runs it in Node over
 * fake-indexeddb; bench/in-chromium runs the same `importInto` in Chromium's real IndexedDB.
 */
import 'fake-indexeddb/auto'; // left out of the Chromium page's bundle (bench/in-chromium/bundle.ts)
import { openDb, type BackstoryDB } from '../storage/db';
import { commitImport } from '../services/import';
import { parseImportFile } from '../sources/csv-import';
import type { BenchData } from './data';
import { now } from './stats';

export interface ImportRow {
  rows: number;
  parseMs: number;
  /** The options page hands the parsed file to the background through IndexedDB (services/data-writes.ts): its put and the background's read. */
  handOverMs: number;
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

/** Time parseImportFile, then commitImport into `db` (the database is opened by the commit). */
export async function importInto(db: BackstoryDB, bytes: Uint8Array, rows: number): Promise<ImportRow> {
  const t0 = now();
  const parsed = parseImportFile({ fileName: 'accounts.csv', bytes, kind: 'account' });
  const parseMs = now() - t0;
  if (parsed.errorCount) throw new Error(`bench CSV has errors: ${parsed.errors[0]?.message}`);
  const t1 = now();
  await db.importStages.put({ id: 'bench', createdAt: new Date().toISOString(), payload: [parsed] });
  const staged = (await db.importStages.get('bench'))!.payload as (typeof parsed)[];
  const handOverMs = now() - t1;
  const t2 = now();
  await commitImport(db, staged);
  const commitMs = now() - t2;
  await db.importStages.delete('bench');
  return { rows, parseMs, handOverMs, commitMs, rowsPerSecond: rows / ((parseMs + handOverMs + commitMs) / 1000) };
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
