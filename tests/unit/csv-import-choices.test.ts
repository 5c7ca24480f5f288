// The importer (sources/csv-import.ts): ids for rows without an id column, and the user's choices.
import { describe, expect, it } from 'vitest';
import { messages, parse, warnings } from './csv-import-parse';

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
