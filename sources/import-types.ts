/** What parsing an import file produces, shared by the CSV, XLSX and JSON readers and the commit. */
import type { AnyRecord, Note, RecordKind } from '@/core/model';
import type { Preset } from './column-maps';
import type { BackupFile } from './backup';

export {
  IMPORT_CODES,
  isImportError,
  msg,
  type ImportError,
  type ImportMessage,
  type MessageArg,
} from '@/core/import-message';
import type { ImportError, ImportMessage } from '@/core/import-message';

/** What a file holds: records of one kind, a backup, a CRM's users, or contacts' roles on deals. */
export type ImportKind = RecordKind | 'backup' | 'user' | 'contactRole';

/**
 * One row of Salesforce's OpportunityContactRole.csv (Data Export): the role a contact plays on
 * an opportunity (Salesforce Object Reference, OpportunityContactRole: OpportunityId, ContactId,
 * Role, IsPrimary, IsDeleted).
 */
interface ContactRole {
  opportunityId: string;
  contactId: string;
  role: string;
  primary: boolean;
}

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
  /** For kind 'contactRole': the roles, joined to contacts and deals at commit (resolve-refs.ts). */
  contactRoles?: ContactRole[];
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

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** What the file holds; detected from its headers when absent. */
  kind?: RecordKind | 'user' | 'contactRole';
  /** Field -> column index, replacing the automatic mapping (start from a previous parse's). */
  mapping?: Record<string, number>;
  /** Data source the records belong to; 'csv' by default. */
  source?: string;
  /** Force a CSV delimiter instead of detecting it. */
  delimiter?: string;
  /** Which sheet of an XLSX file to read (0-based; the first by default). */
  sheet?: number;
  /** How to read slash dates in a column that reads both ways (month first when not chosen). */
  dateOrder?: 'mdy' | 'dmy';
  /** Told now and then how far reading has come (characters of the text, or rows). */
  onProgress?: (done: number, total: number) => void;
}
