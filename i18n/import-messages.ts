import { t, tDynamic } from './i18n';
import type { ImportError } from '@/sources/import-types';

/**
 * The importer words its errors in English (the unit tests read them); this puts them in the
 * user's language. Each English template below is also the message under importMsg.* in
 * locales/en.yml (a unit test keeps the two equal): a message that matches a template is
 * re-worded from that locale's catalogue, with its parts translated the same way.
 */
export const IMPORT_TEMPLATES = {
  notNumber: '$1 is not a number',
  notDate: '$1 is not a date (use YYYY-MM-DD, m/d/yyyy or dd.mm.yyyy)',
  invalidDateUs: '$1 is not a valid date (slashes are read as US month/day/year)',
  invalidDate: '$1 is not a valid date',
  invalidTime: '$1 has an invalid time',
  notYesNo: '$1 is not yes/no',
  notNameValue: '$1 is not name=value',
  forbiddenName: '$1 is not allowed as a name',
  notDomain: '$1 is not a domain or web address',
  expectedText: 'expected text',
  tooLarge: 'value is $1 MB; cells over 1 MB are refused (is a quote left open above?)',
  empty: '$1 is empty',
  expectedList: 'expected a list of text',
  notCurrency: '$1 is not a currency code (e.g. USD, EUR)',
  notEmail: '$1 is not an email address',
  expectedPairs: 'expected name: text pairs',
  headerQuotes: 'the header row has unbalanced quotes',
  footer: 'line $1 and below look like a report footer and were skipped',
  unterminated: 'a quoted value that starts on this line never closes (unterminated quote)',
  malformedQuotes: 'malformed quotes: a quote inside a quoted value must be doubled ("")',
  widthStray: 'expected $1 values like the header, found $2 (a $3 inside an unquoted value?)',
  width: 'expected $1 values like the header, found $2',
  noRows: 'the file has a header row but no data rows',
  fileEmpty: 'file is empty',
  notUtf8Latin: 'not UTF-8: byte $1 at line $2 looks like Windows-1252/Latin-1; save the file as UTF-8',
  notUtf8: 'not UTF-8: byte $1 at line $2; save the file as UTF-8',
  expectedArray: 'expected an array of records or a Backstory backup',
  expectedObject: 'expected an object',
  emptyArray: 'the array is empty: nothing to import',
  headerNotAllowed: '$1 name $2 is not allowed',
  wrongDelimiter:
    'wrong delimiter: the header row was read as one column; $1. Save the file as CSV with one value per column',
  oneQuotedValue: 'each line is one quoted value full of $1s',
  separatedBy: 'the values look separated by $1s, not $2s',
  unknownColumns:
    'no known $1s: cannot tell whether this file holds accounts, contacts, campaigns, deals or notes; choose the kind and $1s by hand ($1s found: $2)',
  missingRequiredHint:
    'missing a required $1 for $2s: $3 (e.g. $4); $1s found: $5 ($1 $6 contains a separator: wrong delimiter?)',
  missingRequired: 'missing a required $1 for $2s: $3 (e.g. $4); $1s found: $5',
  mappingField: 'mapping names $1, which is not a field of $2s',
  mappingColumn: 'mapping for $1 points at column $2, but the file has $3 columns',
  duplicateId: 'duplicate id $1 (first on $2)',
  sameRecord: 'same $1 as $2; add an id column to import both',
  repeatsNote: '$1 repeats the note on $2; imported once',
  contactNameEmpty: 'contact name is empty',
  accountEmpty: 'account is empty',
  keyNotAllowed: 'key $1 is not allowed',
  notJsonLine: 'not valid JSON (line $1): $2',
  notJson: 'not valid JSON: $1',
  notBackupObject: 'not a Backstory backup: expected a JSON object',
  notBackupFormat: 'not a Backstory backup: "format" is $1, expected "$2"',
  backupNewer: 'this backup is version $1, newer than this Backstory reads ($2); update the extension',
  backupVersion: 'unsupported backup version $1 (expected $2)',
  invalidBackup: 'invalid backup: $1',
  problems: '$1 problem(s) in $2; nothing was imported. $3',
  unresolved: '$1 reference(s) could not be resolved; nothing was imported. $2',
  campaignsCreated: '$1 campaign(s) known only by name were created',
  noSpace: 'the browser has no storage space left for Backstory; nothing was imported',
  saveFailed: 'saving failed, nothing was imported: $1',
  ambiguousRef: '$1 $2s are named $3 ($4); give the $2 id instead',
  noRef: 'no $1 $2 in this import or in Backstory',
  withIdOrNamed: 'with id $1 or named $2',
  withId: 'with id $1',
  named: 'named $1',
  itemN: 'item $1',
  lineN: 'line $1',
} as const;

type Key = keyof typeof IMPORT_TEMPLATES;

interface Compiled {
  key: Key;
  re: RegExp;
  /** Placeholder number of each capture group, in order. */
  slots: number[];
}

/** "$1 is not a number" -> /^(.+?) is not a number$/; a repeated $n must match the same text. */
function compile(key: Key, template: string): Compiled {
  const slots: number[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\$([1-9])/g)) {
    source += template.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const n = Number(m[1]);
    const seen = slots.indexOf(n);
    source += seen >= 0 ? `\\${seen + 1}` : '(.+?)';
    if (seen < 0) slots.push(n);
    last = m.index + m[0].length;
  }
  source += template.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { key, re: new RegExp(`^${source}$`, 's'), slots };
}

// Longer templates first, so "…found $2 (a $3 inside…)" wins over "…found $2".
const COMPILED: Compiled[] = (Object.entries(IMPORT_TEMPLATES) as [Key, string][])
  .sort(([, a], [, b]) => b.length - a.length)
  .map(([key, template]) => compile(key, template));

/** An importer message in the user's language (unchanged when no template fits). */
export function translateImportMessage(text: string, depth = 0): string {
  for (const c of COMPILED) {
    const m = c.re.exec(text);
    if (!m) continue;
    const args: string[] = [];
    c.slots.forEach((n, i) => {
      const part = m[i + 1] ?? '';
      args[n - 1] = depth < 3 ? translateImportMessage(part, depth + 1) : part;
    });
    for (let i = 0; i < args.length; i++) args[i] ??= '';
    return tDynamic(`importMsg.${c.key}`, args);
  }
  // A formatted error inside another message ("deals.csv line 3, column "Amount": …").
  const where = /^(.+?) (line|item) (\d+)(?:, (?:column|field) "(.*?)")?: (.+)$/s.exec(text);
  if (where && depth < 3) {
    const [, file, kind, n, column, message] = where;
    return formatWhere(file!, kind === 'item', Number(n), column ?? '', translateImportMessage(message!, depth + 1));
  }
  return text;
}

function formatWhere(file: string, isItem: boolean, n: number, column: string, message: string): string {
  const num = String(n);
  if (isItem) return column ? t('where.item', [file, num, column, message]) : t('where.itemOnly', [file, num, message]);
  return column ? t('where.line', [file, num, column, message]) : t('where.lineOnly', [file, num, message]);
}

/** formatImportError, in the user's language. */
export function describeImportError(e: ImportError): string {
  const message = translateImportMessage(e.message);
  if (e.item !== undefined) return formatWhere(e.file, true, e.item, e.column, message);
  if (e.line > 0) return formatWhere(e.file, false, e.line, e.column, message);
  return t('where.file', [e.file, message]);
}
