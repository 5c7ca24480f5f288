import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IMPORT_TEMPLATES, describeImportError, translateImportMessage } from '@/i18n/import-messages';
import { parseImportFile } from '@/sources/csv-import';
import { catalog, getMessageFrom } from './catalog';

const en = catalog('en');
const useLanguage = (lang: string) => {
  const i18n = { getMessage: getMessageFrom(catalog(lang), lang), getUILanguage: () => lang };
  Object.assign(fakeBrowser, { i18n });
  (globalThis as unknown as { chrome: { i18n: typeof i18n } }).chrome.i18n = i18n;
};

const parse = (fileName: string, text: string) => parseImportFile({ fileName, bytes: new TextEncoder().encode(text) });
/** Every message the importer produced for a file, errors and warnings. */
const messagesOf = (p: ReturnType<typeof parse>) => [...p.errors.map((e) => e.message), ...p.warnings];

describe('importer messages in the user language', () => {
  beforeEach(() => useLanguage('de'));
  afterEach(() => useLanguage('en'));

  it('keeps the English templates equal to locales/en.yml', () => {
    for (const [key, template] of Object.entries(IMPORT_TEMPLATES))
      expect(en[`importMsg_${key}`]?.message, key).toBe(template);
  });

  it.each(Object.entries(IMPORT_TEMPLATES))('translates %s with its parts', (key, template) => {
    const english = template.replace(/\$([1-9])/g, (_, n: string) => `«v${n}»`);
    const german = translateImportMessage(english);
    expect(german).not.toBe(english);
    for (const n of new Set(template.match(/\$[1-9]/g) ?? [])) expect(german, key).toContain(`«v${n.slice(1)}»`);
  });

  it('translates what the importer really says, including nested parts', () => {
    const samples = [
      parse('deals.csv', 'Deal Name,Amount,Associated Company\nA,12k,Acme\n'),
      parse('accounts.csv', 'id;name;domains\n1;Acme;acme.example\n'),
      parse('empty.csv', ''),
      parse('deals.csv', 'Deal Name,Amount\nA,1\n'),
      parse('people.json', '[]'),
      parse('dates.csv', 'name,customerSince\nAcme,13/45/2024\n'),
    ];
    const all = samples.flatMap(messagesOf);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const m of all) expect(translateImportMessage(m), m).not.toBe(m);
    const e = samples[0]!.errors[0]!;
    expect(describeImportError(e)).toBe('deals.csv Zeile 2, Spalte „Amount“: "12k" ist keine Zahl');
  });

  it('leaves an unknown message as it is', () => {
    expect(translateImportMessage('something new went wrong')).toBe('something new went wrong');
  });
});
