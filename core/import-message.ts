/** The importer's messages as data (a code and its arguments), worded only in the UI. Pure, so storage/ can name them too. */
import type { RecordKind } from './model';

/**
 * Every message the importer gives, by code. The words live only in locales/*.yml under
 * importMsg.<code> (the UI translates a message from its code and args: components/import-messages.ts);
 * nothing in sources/ or storage/ writes an English sentence for the user.
 */
export const IMPORT_CODES = [
  'notNumber',
  'notDate',
  'invalidDateUs',
  'invalidDate',
  'invalidTime',
  'ambiguousDate',
  'notYesNo',
  'notNameValue',
  'forbiddenName',
  'notDomain',
  'expectedText',
  'tooLarge',
  'empty',
  'expectedList',
  'notCurrency',
  'notEmail',
  'expectedPairs',
  'headerQuotes',
  'footer',
  'unterminated',
  'malformedQuotes',
  'widthStray',
  'width',
  'noRows',
  'fileEmpty',
  'fileTooBig',
  'notUtf8Latin',
  'notUtf8',
  'expectedArray',
  'expectedObject',
  'emptyArray',
  'headerNotAllowed',
  'wrongDelimiter',
  'oneQuotedValue',
  'separatedBy',
  'unknownColumns',
  'missingRequiredHint',
  'missingRequired',
  'mappingField',
  'mappingColumn',
  'duplicateId',
  'sameRecord',
  'repeatsNote',
  'contactNameEmpty',
  'accountEmpty',
  'keyNotAllowed',
  'notJsonLine',
  'notJson',
  'notBackupObject',
  'notBackupFormat',
  'backupNewer',
  'backupVersion',
  'invalidBackup',
  'problems',
  'unresolved',
  'campaignsCreated',
  'accountsCreated',
  'accountsWillBeCreated',
  'notesFromText',
  'ignoredColumns',
  'duplicateHeader',
  'noSpace',
  'saveFailed',
  'ambiguousRef',
  'noRef',
  'noRefInFeed',
  'withIdOrNamed',
  'withId',
  'named',
  'itemN',
  'lineN',
  'andMore',
  'xlsxUnreadable',
  'xlsxNoSheet',
  'wordColumn',
  'wordKey',
  'delimComma',
  'delimSemicolon',
  'delimTab',
  'delimPipe',
  'account',
  'contact',
  'campaign',
  'deal',
  'note',
  'companyName',
  'campaignName',
  'dealName',
  'noteText',
  'recipesRestored',
  'recipeManaged',
] as const;
export type ImportCode = (typeof IMPORT_CODES)[number];

/** An argument is shown as it is (a value from the file, a number), or is a message itself. */
export type MessageArg = string | ImportMessage;
export interface ImportMessage {
  code: ImportCode;
  args?: MessageArg[];
}
/** A message with its code and arguments: msg('notNumber', '"12k"'). */
export const msg = (code: ImportCode, ...args: MessageArg[]): ImportMessage =>
  args.length ? { code, args } : { code };

export interface ImportError extends ImportMessage {
  file: string;
  /** 1-based physical line in the file; 0 when the error is about the whole file. */
  line: number;
  /** 1-based position in a JSON array, for JSON files (which have no meaningful line). */
  item?: number;
  /** Header name (CSV) or key (JSON); '' when the error is about a row or the file. */
  column: string;
}

/** Whether a message argument is an error with its place in a file. */
export const isImportError = (a: MessageArg): a is ImportError => typeof a === 'object' && 'file' in a;

/** What an import wrote, per kind, and the warnings it gave (storage/record-writes.ts). */
export interface ImportSummary {
  added: Record<RecordKind, number>;
  updated: Record<RecordKind, number>;
  pins: number;
  warnings: ImportMessage[];
}

/** How a handed-over import ended: its summary, or every error that kept it out (nothing written). */
export type ImportOutcome =
  { ok: true; summary: ImportSummary } | { ok: false; reason: ImportMessage; errors: ImportError[]; count: number };
