import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseAnyImportFile } from '@/sources/csv-import';
import { unpackedSize } from '@/sources/xlsx-import';
import { describeImportError } from '@/i18n/import-messages';
import type { Account, Deal } from '@/core/model';
import { workbook } from './xlsx-workbook';

const read = (bytes: Uint8Array, extra: { sheet?: number } = {}) =>
  parseAnyImportFile({ fileName: 'export.xlsx', bytes, ...extra });

describe('XLSX import', () => {
  it('reads the first sheet: numbers as amounts, date cells and serial dates as dates', async () => {
    const bytes = workbook({
      Deals: [
        [
          'Record ID',
          'Deal Name',
          'Amount',
          'Close Date',
          'Deal Stage',
          'Deal owner',
          'Associated Company',
          'Create Date',
        ],
        [
          31001,
          'Fairway Physio - managed IT',
          4200,
          { date: 45379 },
          'Closed Won',
          'Dana Whitfield',
          'Fairway Physiotherapy',
          45334.5,
        ],
        [
          31002,
          'Quayside - survey',
          '1,250.50',
          '2024-06-14',
          'Closed Lost',
          'Marcus Oyelaran',
          'Quayside Marine',
          null,
        ],
      ],
      Other: [['name'], ['Ignored Co']],
    });
    const p = await read(bytes);
    expect(p.errors.map(describeImportError)).toEqual([]);
    expect([p.format, p.kind, p.preset, p.sheets, p.sheet]).toEqual(['xlsx', 'deal', 'hubspot', ['Deals', 'Other'], 0]);
    const [fairway, quayside] = p.records as Deal[];
    expect(fairway).toMatchObject({
      sourceId: '31001',
      valueOneTime: 4200,
      closeDate: '2024-03-28',
      salesRep: 'Dana Whitfield',
    });
    expect(quayside).toMatchObject({ valueOneTime: 1250.5, closeDate: '2024-06-14' });
  });

  it('reads the sheet the user picks', async () => {
    const bytes = workbook({
      Notes: [['x']],
      Accounts: [
        ['Company name', 'Website URL'],
        ['Harbor Dental', 'harbordental.example'],
      ],
    });
    const p = await read(bytes, { sheet: 1 });
    expect((p.records as Account[]).map((a) => [a.name, a.domains])).toEqual([
      ['Harbor Dental', ['harbordental.example']],
    ]);
    expect(describeImportError((await read(bytes, { sheet: 5 })).errors[0]!)).toBe(
      'export.xlsx: the workbook has no sheet 6',
    );
  });

  it('keeps a header named __proto__ a plain column name, refused like in CSV', async () => {
    const p = await read(
      workbook({
        S: [
          ['name', '__proto__'],
          ['Acme', 'x'],
        ],
      }),
    );
    expect(p.errors.map(describeImportError)).toEqual([
      'export.xlsx line 1, column "__proto__": column name "__proto__" is not allowed',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a bad date and a file that is not a workbook, naming where', async () => {
    const bad = await read(
      workbook({
        S: [
          ['name', 'customerSince'],
          ['Acme', 'yesterday'],
          ['Beta', 99999999],
        ],
      }),
    );
    expect(bad.errors.map(describeImportError)).toEqual([
      'export.xlsx line 2, column "customerSince": "yesterday" is not a date (use YYYY-MM-DD, m/d/yyyy or dd.mm.yyyy)',
      'export.xlsx line 3, column "customerSince": "99999999" is not a date (use YYYY-MM-DD, m/d/yyyy or dd.mm.yyyy)',
    ]);
    const junk = await read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(describeImportError(junk.errors[0]!)).toMatch(/^export\.xlsx: not a readable Excel workbook/);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(2_000_000) }, { level: 9 });
    expect(unpackedSize(bomb)).toBe(2_000_000);
    const view = new DataView(bomb.buffer);
    // Declare 3 GB unpacked in the central directory, as a crafted bomb would.
    for (let i = bomb.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 3_000_000_000, true);
        break;
      }
    const p = await read(bomb);
    expect(describeImportError(p.errors[0]!)).toMatch(/unpacks to more than 1024 MB/);
    expect(unpackedSize(strToU8('not a zip'))).toBe(Infinity);
  });

  it('reads a bigger sheet (5k rows) in one go', async () => {
    const rows: (string | number)[][] = [['id', 'name', 'domains']];
    for (let i = 0; i < 5_000; i++) rows.push([`a${i}`, `Account ${i}`, `a${i}.example`]);
    const p = await read(workbook({ S: rows }));
    expect(p.errorCount).toBe(0);
    expect(p.records).toHaveLength(5_000);
  }, 30_000);
});
