// Builds small XLSX workbooks for the tests (inline strings, numbers, and dates as Excel stores
// them: a serial number in a cell styled with a date format), so hostile ones can be made too.
// With `sharedStrings`, text goes into xl/sharedStrings.xml as Excel and the CRMs' exports write
// it (scripts/make-xlsx-fixtures.ts builds the export fixtures so).
import { strToU8, zipSync } from 'fflate';

/**
 * A cell: text, a number, a date (serial, built-in format 14 "m/d/yyyy"), a date and time
 * (serial, built-in format 22 "m/d/yy h:mm"), or an amount (a number in a currency format).
 */
export type XCell = string | number | { date: number } | { datetime: number } | { money: number } | null;

export interface WorkbookOptions {
  /** Text as shared strings (t="s") rather than inline strings. */
  sharedStrings?: boolean;
}

/** Excel's serial number of a date (and time) given as UTC parts: days since 1899-12-30. */
export function excelSerial(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return (Date.UTC(y, m - 1, d, h, min, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + col(i % 26));

function sheetXml(rows: XCell[][], strings?: Map<string, number>): string {
  const text = (ref: string, c: string) => {
    if (!strings) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
    if (!strings.has(c)) strings.set(c, strings.size);
    return `<c r="${ref}" t="s"><v>${strings.get(c)}</v></c>`;
  };
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((c, i) => {
          const ref = `${col(i)}${r + 1}`;
          if (c === null) return '';
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (typeof c === 'object' && 'date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
          if (typeof c === 'object' && 'datetime' in c) return `<c r="${ref}" s="2"><v>${c.datetime}</v></c>`;
          if (typeof c === 'object') return `<c r="${ref}" s="3"><v>${c.money}</v></c>`;
          return text(ref, c);
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

function sharedStringsXml(strings: Map<string, number>): string {
  const items = [...strings.keys()].map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>`;
}

/** An .xlsx with one sheet per entry, in order. */
export function workbook(sheets: Record<string, XCell[][]>, options: WorkbookOptions = {}): Uint8Array {
  const names = Object.keys(sheets);
  const strings = options.sharedStrings ? new Map<string, number>() : undefined;
  const sheetFiles = names.map((n) => strToU8(sheetXml(sheets[n]!, strings)));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${strings ? `<Relationship Id="rId${names.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheetFiles.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  if (strings) files['xl/sharedStrings.xml'] = strToU8(sharedStringsXml(strings));
  // A fixed time stamp, so the same sheets make the same file.
  return zipSync(files, { mtime: new Date(2024, 0, 1) });
}
