// The importer's errors (sources/csv-import.ts): each names file, line and column; problems of a whole file.
import { describe, expect, it } from 'vitest';
import type { Account } from '@/core/model';
import { parseImportFile } from '@/sources/csv-import';
import { enc, messages, parse } from './csv-import-parse';

describe('errors name file, line and column', () => {
  it('formats a bad number on its physical line', () => {
    const text =
      'Deal Name,Associated Company,Amount\n' +
      ['A,Acme,1', 'B,Acme,2', 'C,Acme,3', '', 'D,Acme,"4"', 'E,Acme,12k'].join('\n');
    const p = parse('accounts.csv', text);
    expect(messages(p)).toEqual(['accounts.csv line 7, column "Amount": "12k" is not a number']);
    expect(p.errorCount).toBe(1);
  });

  it('counts lines inside quoted multi-line cells and skips blank lines', () => {
    const text =
      'id,name,body,date\r\n1,Acme,"two\nlines",2024-01-01\r\n\r\n2,Acme,"three\n\nlines",2024-01-02\n3,Acme,ok,not a date\n';
    const p = parse('notes.csv', text, { kind: 'note' });
    expect(messages(p)).toEqual([
      'notes.csv line 8, column "date": "not a date" is not a date (use YYYY-MM-DD, m/d/yyyy or dd.mm.yyyy)',
    ]);
  });

  it('validates the whole file and lists every problem', () => {
    const text = [
      'id,name,email,accountName',
      '1,Ann Lee,ann@acme.example,Acme',
      '2,,bob@acme.example,Acme', // required cell empty
      '3,Cy Diaz,not-an-email,Acme',
      '1,Dup Id,dup@acme.example,Acme', // duplicate id
      '4,Too,many,fields,here',
      '5,Eve,"eve@acme.example,Acme', // unterminated quote swallows the rest
      '6,Never,reached@acme.example,Acme',
    ].join('\n');
    const p = parse('people.csv', text, { kind: 'contact' });
    expect(messages(p)).toEqual([
      'people.csv line 3, column "name": contact name is empty',
      'people.csv line 4, column "email": "not-an-email" is not an email address',
      'people.csv line 5, column "id": duplicate id "1" (first on line 2)',
      'people.csv line 6: expected 4 values like the header, found 5 (a "," inside an unquoted value?)',
      'people.csv line 7: a quoted value that starts on this line never closes (unterminated quote)',
    ]);
    expect(p.records).toHaveLength(1);
  });

  it('lists the first 100 errors and counts the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `${i},Acme ${i},lots`);
    const p = parse('big.csv', `id,name,cost\n${rows.join('\n')}`, { kind: 'campaign' });
    expect(p.errors).toHaveLength(100);
    expect(p.errorCount).toBe(250);
  });

  it('names the missing required column and the headers it found', () => {
    const p = parse('deals.csv', 'Deal Name,Amount\nBig one,100\n', { kind: 'deal' });
    expect(messages(p)).toHaveLength(1);
    expect(messages(p)[0]).toMatch(
      /^deals\.csv line 1: missing a required column for deals: accountId \/ accountName \(e\.g\. .*"Associated Company".*\); columns found: "Deal Name", "Amount"$/,
    );
    expect(p.records).toEqual([]);
  });

  it('rejects a cell over 1 MB', () => {
    const p = parse('notes.csv', `id,body\n1,"${'x'.repeat(1_000_001)}"\n2,fine\n`, { kind: 'note' });
    expect(messages(p)).toEqual([
      expect.stringMatching(/^notes\.csv line 2, column "body": value is 1\.0 MB; cells over 1 MB are refused/),
    ]);
    expect(p.records).toHaveLength(1);
  });

  it.each(['__proto__', 'constructor'])('rejects a %s header', (h) => {
    const p = parse('evil.csv', `name,${h}\nAcme,x\n`);
    expect(messages(p)).toEqual([`evil.csv line 1, column "${h}": column name "${h}" is not allowed`]);
    expect(p.records).toEqual([]);
  });

  it('rejects __proto__ in a user mapping and in external ids', () => {
    expect(
      messages(parse('a.csv', 'name\nAcme\n', { kind: 'account', mapping: JSON.parse('{"__proto__": 0}') }))[0],
    ).toMatch(/"__proto__", which is not a field/);
    expect(messages(parse('a.csv', 'name,externalIds\nAcme,__proto__=1\n'))).toEqual([
      'a.csv line 2, column "externalIds": "__proto__" is not allowed as a name',
    ]);
  });
});

describe('file-level problems', () => {
  it('explains Latin-1 bytes instead of guessing', () => {
    const latin1 = Uint8Array.from([...enc.encode('name,city\nAcme,Paris\nCaf'), 0xe9, ...enc.encode(' Bleu,Lyon\n')]);
    const p = parseImportFile({ fileName: 'accounts.csv', bytes: latin1 });
    expect(messages(p)).toEqual([
      'accounts.csv line 3: not UTF-8: byte 0xE9 at line 3 looks like Windows-1252/Latin-1; save the file as UTF-8',
    ]);
    expect(p.records).toEqual([]);
  });

  it('strips a UTF-8 BOM and reads UTF-16 LE with BOM', () => {
    const bom = parseImportFile({
      fileName: 'a.csv',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode('name\nZürich AG\n')]),
    });
    expect(bom.headers).toEqual(['name']);
    const utf16 = new Uint8Array(2 + 'name\nZürich AG\n'.length * 2);
    utf16.set([0xff, 0xfe]);
    [...'name\nZürich AG\n'].forEach((ch, i) => {
      utf16[2 + i * 2] = ch.charCodeAt(0);
    });
    const p = parseImportFile({ fileName: 'a.csv', bytes: utf16 });
    expect((p.records as Account[])[0]!.name).toBe('Zürich AG');
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\r\n '],
  ])('refuses an %s file', (_, text) => {
    expect(messages(parse('empty.csv', text))).toEqual(['empty.csv: file is empty']);
  });

  it('refuses a header-only file', () => {
    const p = parse('accounts.csv', 'id,name,domains\r\n');
    expect(messages(p)).toEqual(['accounts.csv line 1: the file has a header row but no data rows']);
    expect(p.rowCount).toBe(0);
  });

  it('says when it cannot tell what a file holds', () => {
    expect(messages(parse('x.csv', 'foo,bar\n1,2\n'))).toEqual([
      'x.csv line 1: no known columns: cannot tell whether this file holds accounts, contacts, campaigns, deals or notes; choose the kind and columns by hand (columns found: "foo", "bar")',
    ]);
  });

  it('detects the delimiter from the header even when values are full of commas', () => {
    const p = parse('notes.csv', 'id;name;body\n1;Acme;a, b, c, d, e, f\n2;Acme;g, h, i, j, k, l\n', { kind: 'note' });
    expect(p.delimiter).toBe(';');
    expect(messages(p)).toEqual([]);
  });

  it('says so when a wrong delimiter leaves everything in one column', () => {
    const forced = parse('accounts.csv', 'id;name;domains\n1;Acme;acme.example\n', { delimiter: ',' });
    expect(messages(forced)).toEqual([
      'accounts.csv line 1, column "id;name;domains": wrong delimiter: the header row was read as one column; the values look separated by semicolons, not commas. Save the file as CSV with one value per column',
    ]);
    // Excel in a comma locale saving a semicolon file: each line becomes one quoted cell.
    const quoted = parse('accounts.csv', '"id,name,domains"\n"1,Acme,acme.example"\n');
    expect(messages(quoted)[0]).toMatch(/wrong delimiter: .*each line is one quoted value full of commas/);
  });

  it('tolerates mixed line endings and stray trailing commas', () => {
    const p = parse('a.csv', 'id,name\r\n1,Acme,,\n2,Beta\r3,Gamma\n');
    expect(messages(p)).toEqual([]);
    expect((p.records as Account[]).map((a) => a.name)).toEqual(['Acme', 'Beta', 'Gamma']);
  });

  it('un-escapes cells that CSV export protected against formulas', () => {
    const p = parse('a.csv', "name,aliases\n'=Acme,'-dash\n");
    expect((p.records as Account[])[0]).toMatchObject({ name: '=Acme', aliases: ['-dash'] });
  });
});
