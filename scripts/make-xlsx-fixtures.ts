// Writes the XLSX export fixtures (tests/fixtures/xlsx) from their CSV twins in tests/fixtures/csv:
// the same rows, with each product's cells as its Excel export is taken to write them (numbers as
// numbers, dates as date cells or as text; tests/fixtures/xlsx/README.md says which and where each
// fact comes from, and what is assumed). Run: npx tsx scripts/make-xlsx-fixtures.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { excelSerial, workbook, type XCell } from '../tests/unit/xlsx-workbook';

export interface XlsxTwin {
  /** Under tests/fixtures/csv. */
  csv: string;
  /** Under tests/fixtures/xlsx. */
  xlsx: string;
  sheet: string;
  /** Columns written as numbers (amounts: in a currency format when `money`). */
  numbers?: string[];
  money?: string[];
  /** Columns written as date cells (serials); other date columns stay text as the CSV has them. */
  dates?: string[];
  /** How the CSV writes those dates. */
  dateFormat?: 'm/d/yyyy';
}

export const XLSX_TWINS: XlsxTwin[] = [
  {
    csv: 'hubspot-deals-current.csv',
    xlsx: 'hubspot-deals-current.xlsx',
    sheet: 'All deals',
    numbers: ['Record ID', 'Associated Company IDs (Primary)', 'Amount'],
  },
  {
    csv: 'salesforce-opportunities-formatted.csv',
    xlsx: 'salesforce-opportunities-formatted.xlsx',
    sheet: 'Opportunities by Account',
    money: ['Amount'],
    dates: ['Close Date'],
    dateFormat: 'm/d/yyyy',
  },
  {
    csv: 'pipedrive/deals.csv',
    xlsx: 'pipedrive-deals.xlsx',
    sheet: 'Deals',
    numbers: ['Deal - ID', 'Deal - Value'],
  },
  {
    csv: 'zoho-deals.csv',
    xlsx: 'zoho-deals.xlsx',
    sheet: 'Deals',
    numbers: ['Amount'],
  },
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** "$14,800.00", "USD 4,200.00", "12,400" -> the number; text that is no amount stays text. */
function amount(text: string): XCell {
  const plain = text.replace(/^(?:[A-Z]{3}\s*|\$)/, '').replace(/,/g, '');
  return plain !== '' && Number.isFinite(Number(plain)) ? Number(plain) : text || null;
}

function dateCell(text: string): XCell {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? { date: excelSerial(+m[3]!, +m[1]!, +m[2]!) } : text || null;
}

/** The twin's workbook: the CSV's rows, its header row's columns converted as the product writes them. */
export function buildTwin(twin: XlsxTwin): Uint8Array {
  const text = readFileSync(resolve(root, 'tests/fixtures/csv', twin.csv), 'utf8');
  const rows = Papa.parse<string[]>(text.replace(/\r\n/g, '\n'), { skipEmptyLines: false }).data;
  // A formatted report's title block sits above the header: the header is the widest early row.
  const headerAt = rows.findIndex((r) => r.filter((c) => c.trim()).length > 2);
  const headers = rows[headerAt]!.map((h) => h.replace(/[↑↓]/g, '').trim());
  const kind = (i: number) => {
    const h = headers[i] ?? '';
    if (twin.money?.includes(h)) return 'money';
    if (twin.numbers?.includes(h)) return 'number';
    if (twin.dates?.includes(h)) return 'date';
    return 'text';
  };
  const sheet: XCell[][] = rows
    .filter((r, i) => (i === rows.length - 1 ? r.some((c) => c !== '') : true))
    .map((cells, r) =>
      cells.map((c, i): XCell => {
        if (r <= headerAt || c === '') return c || null;
        const k = kind(i);
        if (k === 'number') return amount(c);
        if (k === 'money') {
          const v = amount(c);
          return typeof v === 'number' ? { money: v } : v;
        }
        if (k === 'date') return dateCell(c);
        return c;
      }),
    );
  return workbook({ [twin.sheet]: sheet }, { sharedStrings: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(root, 'tests/fixtures/xlsx');
  mkdirSync(dir, { recursive: true });
  for (const twin of XLSX_TWINS) {
    writeFileSync(resolve(dir, twin.xlsx), buildTwin(twin));
    console.log(`wrote tests/fixtures/xlsx/${twin.xlsx}`);
  }
}
