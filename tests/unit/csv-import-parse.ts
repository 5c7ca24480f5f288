// What the csv-import-*.test.ts files share: a file parsed from text or from tests/fixtures/csv,
// its errors and warnings as the user reads them, and the problem a cell parser refused a value with.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseImportFile, type ImportParse } from '@/sources/csv-import';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { CellError } from '@/sources/values';

/** The problem a cell parser refused a value with. */
export function problemOf(parse: () => unknown) {
  try {
    parse();
  } catch (e) {
    if (e instanceof CellError) return e.problem;
    throw e;
  }
  return undefined;
}

export const enc = new TextEncoder();
export const parse = (fileName: string, text: string, extra: Partial<Parameters<typeof parseImportFile>[0]> = {}) =>
  parseImportFile({ fileName, bytes: enc.encode(text), ...extra });
export const fixture = (name: string) =>
  parseImportFile({ fileName: name, bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))) });
export const messages = (p: ImportParse) => p.errors.map(describeImportError);
export const warnings = (p: ImportParse) => p.warnings.map(describeImportMessage);
