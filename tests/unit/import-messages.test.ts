import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { parseImportFile } from '@/sources/csv-import';
import { IMPORT_CODES, msg } from '@/sources/import-types';
import { catalog, useLanguage } from './catalog';

const parse = (fileName: string, text: string) => parseImportFile({ fileName, bytes: new TextEncoder().encode(text) });

describe('importer messages: codes translated in the UI', () => {
  afterEach(() => useLanguage('en'));

  it.each(['en', 'de'])('every code has a message in %s', (lang) => {
    const messages = catalog(lang);
    for (const code of IMPORT_CODES) expect(messages[`importMsg_${code}`]?.message, code).toBeTruthy();
  });

  it('words a nested message and an error inside a message', () => {
    useLanguage('de');
    const p = parse('deals.csv', 'Deal Name,Amount,Associated Company\nA,12k,Acme\n');
    expect(p.errors[0]).toMatchObject({ code: 'notNumber', file: 'deals.csv', line: 2, column: 'Amount' });
    expect(describeImportError(p.errors[0]!)).toBe('deals.csv Zeile 2, Spalte „Amount“: "12k" ist keine Zahl');
    expect(describeImportMessage(msg('problems', '1', 'deals.csv', p.errors[0]!))).toBe(
      '1 Problem(e) in deals.csv; es wurde nichts importiert. deals.csv Zeile 2, Spalte „Amount“: "12k" ist keine Zahl',
    );
    const wrong = parse('accounts.csv', '"id,name,domains"\n"1,Acme,acme.example"\n');
    expect(describeImportError(wrong.errors[0]!)).toContain('voller Kommas');
  });

  it('translates what the importer really says, in German, with no English left', () => {
    useLanguage('de');
    const samples = [
      parse('deals.csv', 'Deal Name,Amount,Associated Company\nA,12k,Acme\n'),
      parse('accounts.csv', 'id;name;domains\n1;Acme;acme.example\n'),
      parse('empty.csv', ''),
      parse('deals.csv', 'Deal Name,Amount\nA,1\n'),
      parse('people.json', '[]'),
      parse('dates.csv', 'name,customerSince\nAcme,13/45/2024\n'),
    ];
    const all = samples.flatMap((p) => [
      ...p.errors.map(describeImportError),
      ...p.warnings.map(describeImportMessage),
    ]);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const m of all) expect(m, m).not.toMatch(/\b(is not|missing a required|the file|is empty)\b/);
  });
});

beforeEach(() => useLanguage('en'));
