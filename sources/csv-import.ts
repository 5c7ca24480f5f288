/**
 * Import of a CSV, XLSX or JSON file into typed records, validated in full before anything is
 * stored: every problem in the file is listed (file, line, column) so the user fixes them in one
 * pass. Nothing here touches the database; storage/import.ts commits the result.
 */
import Papa from 'papaparse';
import { DecodeError, decodeText } from './decode';
import { ErrorList, emptyParse, finishParse, msg, type ImportParse } from './import-types';
import type { ImportInput } from './import-types';
export type { ImportInput } from './import-types';

import { parseJsonImport } from './json-import';
import { TableReader } from './table-reader';

export type { ImportParse } from './import-types';

/** Files larger than this are refused before they are read: the page would hold them twice. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const DELIMITERS = [',', ';', '\t', '|'];

/** Any file the importer reads: XLSX (loaded on demand), CSV or JSON. */
export async function parseAnyImportFile(input: ImportInput): Promise<ImportParse> {
  if (input.bytes.length <= MAX_IMPORT_BYTES && isXlsx(input.fileName, input.bytes)) {
    const { parseXlsxImport } = await import('./xlsx-import');
    return parseXlsxImport(input);
  }
  return parseImportFile(input);
}

/** A ZIP (and so an XLSX) starts with "PK\x03\x04"; the name says so too. */
function isXlsx(fileName: string, bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip || /\.xlsx$/i.test(fileName);
}

export function parseImportFile(input: ImportInput): ImportParse {
  const errors = new ErrorList(input.fileName);
  const base = emptyParse(input, errors, 'csv');
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    errors.add(0, '', msg('fileTooBig', String(Math.round(MAX_IMPORT_BYTES / 1024 / 1024))));
    return { ...base, errorCount: errors.count };
  }
  let text: string;
  try {
    text = decodeText(input.bytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    errors.add(e.line ?? 0, '', e.problem);
    return { ...base, errorCount: errors.count };
  }
  const json = /\.json$/i.test(input.fileName) || /^\s*[[{]/.test(text.slice(0, 100));
  const result = json ? parseJsonImport(text, input, base, errors) : parseCsv(text, input, base, errors);
  return finishParse(result, errors);
}

/** The candidate that occurs most often outside quotes in the header line (ties: comma first). */
function detectDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const header = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function parseCsv(raw: string, input: ImportInput, base: ImportParse, errors: ErrorList): ImportParse {
  // One line ending throughout: Papa guesses a single one and mixed files are common.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const delimiter = input.delimiter ?? detectDelimiter(text.slice(0, 65536).replace(/^\s*\n/, ''));
  const out: ImportParse = { ...base, delimiter };
  const reader = new TableReader(out, input, errors);
  let newlines = 0;
  let lastCursor = 0;
  let rows = 0;

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    step(results, parser) {
      const cursor = results.meta.cursor;
      newlines += countNewlines(text, lastCursor, cursor);
      lastCursor = cursor;
      const cells = results.data;
      if (input.onProgress && ++rows % 5000 === 0) input.onProgress(cursor, text.length);
      // Physical line where the row starts: the row's end, less the line breaks inside it.
      const inner = cells.reduce((n, c) => n + (c.includes('\n') ? countNewlines(c) : 0), 0);
      const line = 1 + newlines - (text.charCodeAt(cursor - 1) === 10 ? 1 : 0) - inner;

      if (!reader.started) {
        if (!reader.start(cells, line, delimiter) || results.errors.length) {
          if (results.errors.length) errors.add(line, '', msg('headerQuotes'));
          parser.abort();
        }
        return;
      }
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        if (reader.skipFooter(cells, line)) return;
        out.rowCount++;
        reader.fail(line, msg(quoteError.code === 'MissingQuotes' ? 'unterminated' : 'malformedQuotes'));
        return;
      }
      reader.row(cells, line, delimiter);
    },
  });
  reader.finish();
  return out;
}
