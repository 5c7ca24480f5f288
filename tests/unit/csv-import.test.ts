import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { parseImportFile, type ImportParse } from '@/sources/csv-import';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { CellError, parseDate, parseMoney } from '@/sources/values';
import { msg } from '@/sources/import-types';

/** The problem a cell parser refused a value with. */
function problemOf(parse: () => unknown) {
  try {
    parse();
  } catch (e) {
    if (e instanceof CellError) return e.problem;
    throw e;
  }
  return undefined;
}

const enc = new TextEncoder();
const parse = (fileName: string, text: string, extra: Partial<Parameters<typeof parseImportFile>[0]> = {}) =>
  parseImportFile({ fileName, bytes: enc.encode(text), ...extra });
const fixture = (name: string) =>
  parseImportFile({ fileName: name, bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))) });
const messages = (p: ImportParse) => p.errors.map(describeImportError);
const warnings = (p: ImportParse) => p.warnings.map(describeImportMessage);

describe('fixtures from real exports', () => {
  it.each([
    ['hubspot-companies.csv', 4],
    ['hubspot-contacts.csv', 3],
    ['hubspot-deals.csv', 3],
    ['salesforce-opportunities.csv', 3],
    ['salesforce-accounts.csv', 3],
    ['salesforce-campaigns.csv', 3],
    ['salesforce-contacts.csv', 2],
    ['connectwise-companies.csv', 3],
    ['connectwise-opportunities.csv', 3],
    ['backstory-accounts.csv', 3],
    ['backstory-notes-semicolon.csv', 3],
  ])('%s parses cleanly into %i records', (name, count) => {
    const p = fixture(name);
    expect(messages(p)).toEqual([]);
    expect(p.records).toHaveLength(count);
    expect(p.rowCount).toBe(count);
    expect(p.preview).toEqual(p.records.slice(0, 5));
  });

  it('leaves fields the file has no value for out of records and row references, not as undefined', () => {
    const [account] = parse('a.csv', 'id,name,industry\n1,Acme,\n').records as Account[];
    expect(account).toEqual({
      id: 'csv:1',
      source: 'csv',
      sourceId: '1',
      name: 'Acme',
      aliases: [],
      domains: [],
      externalIds: {},
    });
    expect(Object.keys(account!)).not.toContain('industry');
    const deals = parse('d.csv', 'Deal Name,Account\nRenewal,Acme\n');
    expect(Object.keys(deals.records[0]!)).not.toContain('campaignId');
    expect(Object.keys(deals.rows[0]!)).toEqual(['line', 'account']);
  });

  it('reads HubSpot companies: ids, domains from domain and website, source with drill-down', () => {
    const [harbor, , lakeside] = fixture('hubspot-companies.csv').records as Account[];
    expect(harbor).toMatchObject({
      id: 'csv:18200311',
      sourceId: '18200311',
      name: 'Harbor Dental Group',
      domains: ['harbordental.example'],
      externalIds: { hubspot: '18200311' },
      leadSource: 'Offline Sources / Postcard mailer',
      owner: 'Dana Whitfield',
    });
    expect(lakeside!.leadSource).toBe('Organic Search');
  });

  it('reads HubSpot deals amounts with and without "$" and thousands separators', () => {
    const deals = fixture('hubspot-deals.csv').records as Deal[];
    expect(deals.map((d) => d.valueOneTime)).toEqual([1850, 12400, 4500]);
    expect(deals[0]).toMatchObject({
      closeDate: '2023-04-20',
      stage: 'Closed Won',
      salesRep: 'Dana Whitfield',
      currency: 'USD',
    });
  });

  it('combines first and last name and lower-cases emails', () => {
    const contacts = fixture('hubspot-contacts.csv').records as Contact[];
    expect(contacts[1]).toMatchObject({ name: 'Tom Kessler', email: 'tom@pinecrestvet.example', title: 'Owner' });
    expect(fixture('hubspot-contacts.csv').rows[1]!.account).toEqual({
      name: 'Pinecrest Veterinary Clinic',
      column: 'Associated Company',
    });
  });

  it('reads Salesforce US dates and skips the report footer with a warning', () => {
    const p = fixture('salesforce-opportunities.csv');
    expect((p.records as Deal[]).map((d) => d.closeDate)).toEqual(['2024-03-28', '2024-05-02', '2024-11-15']);
    expect(warnings(p).join('\n')).toMatch(/line 7 and below look like a report footer/);
    expect(p.rows[0]!.campaign).toEqual({ name: 'Spring Logistics Expo 2024', column: 'Primary Campaign Source' });
  });

  it('reads Salesforce campaigns with actual cost', () => {
    const [expo] = fixture('salesforce-campaigns.csv').records as Campaign[];
    expect(expo).toMatchObject({
      name: 'Spring Logistics Expo 2024',
      channel: 'Trade Show',
      startDate: '2024-03-12',
      endDate: '2024-03-14',
      cost: 7420.5,
    });
  });

  it('reads ConnectWise opportunities: Won status, open stage, recurring revenue, expected close', () => {
    const [won, open] = fixture('connectwise-opportunities.csv').records as Deal[];
    expect(won).toMatchObject({
      stage: 'Won',
      valueRecurring: 1850,
      closeDate: '2023-04-20',
      accountId: 'csv:HarborDental',
    });
    expect(open).toMatchObject({ stage: '3.Proposal', valueOneTime: 3200, closeDate: '2024-08-01' });
  });

  it('reads the template: lists, external ids, customer since', () => {
    const [acc] = fixture('backstory-accounts.csv').records as Account[];
    expect(acc).toEqual({
      id: 'csv:acc-1',
      source: 'csv',
      sourceId: 'acc-1',
      name: 'Harbor Dental Group',
      aliases: ['Harbor Dental', 'HDG'],
      domains: ['harbordental.example', 'hdg-mail.example'],
      externalIds: { connectwise: 'HarborDental' },
      industry: 'Dental',
      leadSource: 'Postcard mailer',
      customerSince: '2023-04-20',
      owner: 'Dana Whitfield',
    });
  });

  it('handles a semicolon-separated file with European dates and "|" lists', () => {
    const p = fixture('backstory-notes-semicolon.csv');
    expect(p.delimiter).toBe(';');
    const [first, second, third] = p.records as Note[];
    expect(first).toMatchObject({ date: '2023-04-20', tags: ['promise', 'vip'], pinned: true, accountId: 'csv:acc-1' });
    expect(first!.body).toContain('(Dentrix); owner');
    expect(second!.pinned).toBe(false);
    expect(third!.body).toContain('the "archive" mailbox');
  });
});

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

describe('ids for rows without an id column', () => {
  const text = 'Company,Website\nAcme Dental LLC,acme.example\nBeta Corp,beta.example\n';

  it('are stable across imports and follow the normalised name', () => {
    const a = parse('a.csv', text).records;
    const b = parse('b.csv', 'Company,Website\nACME Dental,acme.example\nBeta Corp,new-beta.example\n').records;
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    expect(a[0]!.id).toMatch(/^csv:h-[0-9a-f]{14}$/);
  });

  it('refuses two rows that are the same account, but imports a repeated note once', () => {
    const p = parse('a.csv', 'Company\nAcme Dental\n"acme dental, llc"\n');
    expect(messages(p)).toEqual([
      'a.csv line 3, column "Company": same account as line 2; add an id column to import both',
    ]);
    const notes = parse('n.csv', 'Account,Note,Date\nAcme,Called,2024-01-01\nAcme,Called,2024-01-01\n', {
      kind: 'note',
    });
    expect(notes.records).toHaveLength(1);
    expect(warnings(notes).join()).toMatch(/line 3 repeats the note on line 2/);
  });

  it('give deals name + account and keep the account reference for commit', () => {
    const p = parse('d.csv', 'Deal Name,Account Name\nRenewal,Acme\nRenewal,Beta\n');
    expect(messages(p)).toEqual([]);
    expect(p.records[0]!.id).not.toBe(p.records[1]!.id);
    expect(p.rows[1]).toEqual({ line: 3, account: { name: 'Beta', column: 'Account Name' } });
  });
});

describe('user choices', () => {
  it('uses a given kind, source and mapping', () => {
    const p = parse('x.csv', 'Kunde,Notiz\nAcme,Hallo\n', {
      kind: 'note',
      source: 'hubspot',
      mapping: { accountName: 0, body: 1 },
    });
    expect(messages(p)).toEqual([]);
    expect(p.records[0]).toMatchObject({ source: 'hubspot', body: 'Hallo' });
    expect(p.rows[0]!.account).toEqual({ name: 'Acme', column: 'Kunde' });
  });

  it('refuses a mapping pointing past the last column', () => {
    expect(messages(parse('x.csv', 'a\n1\n', { kind: 'note', mapping: { body: 3 } }))[0]).toMatch(
      /points at column 3, but the file has 1 columns/,
    );
  });
});

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
