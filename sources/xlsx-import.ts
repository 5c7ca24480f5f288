/**
 * XLSX import: the first sheet (or the one picked) read into rows, then the same TableReader as
 * CSV. Loaded only when an XLSX file is chosen (a dynamic import, its own chunk).
 *
 * Library: read-excel-file (MIT; fflate to unzip, a SAX parser for the XML). Chosen over npm's
 * `xlsx` 0.18.5, whose published advisories (prototype pollution, ReDoS) are fixed only in
 * versions not on npm, and over `@e965/xlsx` (a republished SheetJS 0.20.3) because it is a
 * tenth of the size, only reads, returns rows as arrays (no objects keyed by header, so a header
 * named "__proto__" is just a string), and runs in a worker. Dates come as Date objects for
 * date-formatted cells; numbers as numbers.
 *
 * Hostile workbooks: the ZIP's central directory is read first and a workbook that unpacks to
 * more than MAX_UNPACKED_BYTES (a "zip bomb") is refused before anything is inflated.
 */
import type { ImportInput } from './import-types';
import { ErrorList, emptyParse, finishParse, msg, type ImportParse } from './import-types';
import { TableReader } from './table-reader';

/** What a workbook may unpack to: an XLSX's XML is some ten times its zipped size. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** The sum of the uncompressed sizes the ZIP's central directory declares; Infinity when unreadable. */
export function unpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535, at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return Infinity;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity; // ZIP64: more than 4 GB in one part
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** A cell as the importer reads it: text, a number, a boolean, or a date as ISO text. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return v;
}

export async function parseXlsxImport(input: ImportInput): Promise<ImportParse> {
  const errors = new ErrorList(input.fileName);
  const out = emptyParse(input, errors, 'xlsx');
  if (unpackedSize(input.bytes) > MAX_UNPACKED_BYTES) {
    errors.add(0, '', msg('xlsxUnreadable', `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`));
    return finishParse(out, errors);
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = input.bytes.buffer.slice(input.bytes.byteOffset, input.bytes.byteOffset + input.bytes.byteLength);
    sheets = (await readXlsxFile(buffer as ArrayBuffer, { trim: false })) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    errors.add(0, '', msg('xlsxUnreadable', (e as Error)?.message ?? String(e)));
    return finishParse(out, errors);
  }
  out.sheets = sheets.map((s) => s.sheet);
  const index = input.sheet ?? 0;
  const sheet = sheets[index];
  if (!sheet) {
    errors.add(0, '', msg('xlsxNoSheet', String(index + 1)));
    return finishParse(out, errors);
  }
  out.sheet = index;
  const reader = new TableReader(out, input, errors);
  const rows = sheet.data;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!.map(cellValue);
    // Trailing blanks cut, as a CSV line would end: a footer line is then one cell.
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    if (end === 0) continue;
    const line = i + 1;
    if (!reader.started) {
      if (!reader.start(cells.slice(0, end).map(String), line)) break;
      continue;
    }
    const trimmed = cells.slice(0, end);
    if (end === 1 && reader.skipFooter(trimmed, line)) continue;
    while (trimmed.length < reader.width) trimmed.push('');
    reader.row(trimmed, line);
  }
  reader.finish();
  return finishParse(out, errors);
}
