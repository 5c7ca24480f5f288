/** Import: parse and commit a 100k-row accounts CSV (fake-indexeddb in Node). */
import 'fake-indexeddb/auto';
import { openDb } from '../storage/db';
import { commitImport } from '../storage/import';
import { parseImportFile } from '../sources/csv-import';
import type { BenchData } from './data';
import { now } from './stats';

export interface ImportRow { rows: number; parseMs: number; commitMs: number; rowsPerSecond: number }

export async function importBench(data: BenchData, rows: number): Promise<ImportRow> {
  const lines = ['id,name,aliases,domains,industry'];
  for (let i = 0; i < rows; i++) {
    const a = data.accounts[i % data.accounts.length]!;
    lines.push(`imp${i},"${a.name} ${i}","${a.aliases.join(';')}",${i}-${a.domains[0]},${a.industry ?? ''}`);
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const t0 = now();
  const parsed = parseImportFile({ fileName: 'accounts.csv', bytes, kind: 'account' });
  const parseMs = now() - t0;
  if (parsed.errorCount) throw new Error(`bench CSV has errors: ${parsed.errors[0]?.message}`);
  const db = openDb(`bench-import-${Date.now()}`);
  const t1 = now();
  await commitImport(db, parsed);
  const commitMs = now() - t1;
  db.close();
  return { rows, parseMs, commitMs, rowsPerSecond: rows / ((parseMs + commitMs) / 1000) };
}
