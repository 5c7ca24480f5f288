// The importer (sources/csv-import.ts) on JSON files, and its reading of cell values (sources/values.ts).
import { describe, expect, it } from 'vitest';
import { parseDate, parseMoney } from '@/sources/values';
import { msg } from '@/sources/import-types';
import { messages, parse, problemOf } from './csv-import-parse';

describe('JSON files', () => {
  it('imports an array of objects of one kind, with errors by item', () => {
    const items = [
      { name: 'Acme', domains: ['acme.example'], externalIds: { zendesk: 'org-1' } },
      { name: 'Beta', customerSince: 'last year' },
    ];
    const p = parse('accounts.json', JSON.stringify(items));
    expect(p.format).toBe('json');
    expect(p.kind).toBe('account');
    expect(messages(p)).toEqual([
      'accounts.json item 2, field "customerSince": "last year" is not a date (use YYYY-MM-DD, m/d/yyyy or dd.mm.yyyy)',
    ]);
    expect(p.records[0]).toMatchObject({ name: 'Acme', domains: ['acme.example'], externalIds: { zendesk: 'org-1' } });
  });

  it('rejects __proto__ keys and says where JSON is broken', () => {
    expect(messages(parse('a.json', '[{"name": "Acme", "__proto__": {"x": 1}}]'))).toEqual([
      'a.json: key "__proto__" is not allowed',
    ]);
    // The line is given when the engine reports a position (V8 does for some errors only).
    expect(messages(parse('a.json', '[\n{"name": "Acme"},\n{"name": }\n]'))[0]).toMatch(
      /^a\.json( line 3)?: not valid JSON: /,
    );
    expect(messages(parse('a.json', '[\n{"name": "Acme"},\n{"name": "x"} "y"\n]'))[0]).toMatch(
      /^a\.json line 3: not valid JSON/,
    );
  });

  it('recognises a Backstory backup', () => {
    const backup = {
      format: 'backstory-backup',
      version: 1,
      exportedAt: '2024-01-01T00:00:00Z',
      records: { accounts: [], contacts: [], campaigns: [], deals: [], notes: [] },
      pins: [],
    };
    const p = parse('backup.json', JSON.stringify(backup));
    expect(p.kind).toBe('backup');
    expect(p.backup).toEqual(backup);
    expect(messages(parse('backup.json', JSON.stringify({ ...backup, version: 2 })))[0]).toMatch(
      /version 2, newer than this Backstory reads/,
    );
  });
});

describe('cell values', () => {
  it.each([
    ['1,234.50', 1234.5, undefined],
    ['$1,234', 1234, undefined],
    ['1.234,50 €', 1234.5, 'EUR'],
    ['12000', 12000, undefined],
    ['1,5', 1.5, undefined],
    ['(300)', -300, undefined],
    ['USD 1,200', 1200, 'USD'],
    ["1'234.50", 1234.5, undefined],
    ['1,234,567.89', 1234567.89, undefined],
    ['1.234.567', 1234567, undefined],
    ['-5', -5, undefined],
    ['£99', 99, 'GBP'],
    ['-$1,234', -1234, undefined],
    ['$-5', -5, undefined],
    ['0,125', 0.125, undefined],
  ])('reads %s as %d', (raw, value, currency) => {
    expect(parseMoney(raw)).toEqual({ value, currency });
  });

  it.each(['12k', '1,2,3', '1.2.3', 'abc', '1,23,4.5', '--5'])('refuses %s as a number', (raw) => {
    expect(problemOf(() => parseMoney(raw))).toEqual(msg('notNumber', `"${raw}"`));
  });

  it.each([
    ['2024-03-05', false, '2024-03-05'],
    ['2024-03-05 14:33', false, '2024-03-05'],
    ['2024-03-05 14:33', true, '2024-03-05T14:33'],
    ['3/5/2024', false, '2024-03-05'],
    ['05.03.2024', false, '2024-03-05'],
    ['Mar 5, 2024', false, '2024-03-05'],
    ['5 March 2024', false, '2024-03-05'],
    ['4/12/2023 2:05 PM', true, '2023-04-12T14:05'],
    ['2024-03-05T10:00:00Z', true, '2024-03-05T10:00:00Z'],
  ])('reads date %s (time: %s) as %s', (raw, withTime, iso) => {
    expect(parseDate(raw, withTime)).toBe(iso);
  });

  it('refuses impossible and day-first slash dates', () => {
    expect(problemOf(() => parseDate('2024-02-30'))).toEqual(msg('invalidDate', '"2024-02-30"'));
    expect(problemOf(() => parseDate('25/12/2024'))).toEqual(msg('invalidDateUs', '"25/12/2024"'));
    expect(problemOf(() => parseDate('yesterday'))).toEqual(msg('notDate', '"yesterday"'));
  });
});
