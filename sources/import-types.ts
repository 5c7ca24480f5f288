/** What parsing an import file produces, shared by the CSV, XLSX and JSON readers and the commit. */
import type { AnyRecord, Note, RecordKind } from '@/core/model';
import type { Preset } from './column-maps';
import type { BackupFile } from './backup';

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

/** What a file holds: records of one kind, a backup, or a CRM's users. */
export type ImportKind = RecordKind | 'backup' | 'user';

/** A reference to another record, kept as the file wrote it until commit resolves it. */
export interface Ref {
  /** The other record's id in the same source (e.g. HubSpot's company Record ID). */
  id?: string;
  /** Or its name: an account's company name, a deal's or a campaign's name. */
  name?: string;
  /** The column it was read from, for error messages. */
  column: string;
}

/** Where a record came from and what it still points at; parallel to ImportParse.records. */
export interface RowMeta {
  line: number;
  item?: number;
  account?: Ref;
  deal?: Ref;
  campaign?: Ref;
  /** A note's parent known only by id, which may be an account's or a deal's (Salesforce ParentId). */
  parent?: Ref;
  /**
   * What an account created from this row would hold (a deals, contacts or notes file that names
   * an account nobody imported): its lead source and owner, when the row has them.
   */
  accountHints?: { leadSource?: string; owner?: string };
}

export interface ImportParse {
  file: string;
  /** Data source the records belong to; ids are `${source}:${sourceId}`. */
  source: string;
  /**
   * 'backup' when the file is a Backstory backup: then `backup` holds it and records is empty.
   * 'user' for a list of a CRM's users (Salesforce's User.csv): then `users` holds id -> name, and
   * the owner ids other files of the same import carry become names.
   */
  kind: ImportKind;
  preset: Preset;
  format: 'csv' | 'json' | 'xlsx';
  /** The CSV delimiter used. */
  delimiter?: string;
  /** Date columns whose slash dates read both as month/day and day/month (headers). */
  ambiguousDates?: string[];
  /** How those were read, when the user chose. */
  dateOrder?: 'mdy' | 'dmy';
  /** An XLSX workbook's sheet names, and the one read (0-based). */
  sheets?: string[];
  sheet?: number;
  headers: string[];
  /** Field -> header index, as used (the user's mapping when one was given). */
  mapping: Record<string, number>;
  /** Headers no field reads (every one, for the preview to list). */
  ignored: string[];
  /** Records of `kind`, ready to store except for references (see rows). */
  records: AnyRecord[];
  rows: RowMeta[];
  /**
   * Sales notes made from the free-text columns of account and deal rows (a description, a
   * deal's note), with what they hang on; resolved and stored with the records.
   */
  textNotes: Note[];
  textNoteRows: RowMeta[];
  /** For kind 'user': [user id, name] pairs. */
  users?: [string, string][];
  /** The first 5 records, as they will be stored. */
  preview: AnyRecord[];
  /** The first MAX_LISTED_ERRORS errors; errorCount counts all of them. */
  errors: ImportError[];
  errorCount: number;
  warnings: ImportMessage[];
  /** Data rows (CSV) or items (JSON) read, valid or not. */
  rowCount: number;
  backup?: BackupFile;
}

export const MAX_LISTED_ERRORS = 100;

/** Collects errors up to the cap while still counting the rest. */
export class ErrorList {
  readonly list: ImportError[] = [];
  count = 0;
  constructor(readonly file: string) {}
  add(line: number, column: string, message: ImportMessage, item?: number): void {
    this.count++;
    if (this.list.length < MAX_LISTED_ERRORS) {
      this.list.push(
        item === undefined
          ? { ...message, file: this.file, line, column }
          : { ...message, file: this.file, line, item, column },
      );
    }
  }
}

/** What a parse starts from: nothing read yet. */
export function emptyParse(
  input: { fileName: string; source?: string; kind?: ImportKind },
  errors: ErrorList,
  format: ImportParse['format'],
): ImportParse {
  return {
    file: input.fileName,
    source: input.source ?? 'csv',
    kind: input.kind ?? 'account',
    preset: 'generic',
    format,
    headers: [],
    mapping: {},
    ignored: [],
    records: [],
    rows: [],
    textNotes: [],
    textNoteRows: [],
    preview: [],
    errors: errors.list,
    errorCount: 0,
    warnings: [],
    rowCount: 0,
  };
}

/** The preview and the error count, once every row is read. */
export function finishParse(result: ImportParse, errors: ErrorList): ImportParse {
  result.preview = result.records.slice(0, 5);
  result.errorCount = errors.count;
  return result;
}
