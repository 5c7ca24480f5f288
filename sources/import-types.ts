/** What parsing an import file produces, shared by the CSV and JSON readers and the commit. */
import type { AnyRecord, RecordKind } from '@/core/model';
import type { Preset } from './column-maps';
import type { BackupFile } from './backup';

export interface ImportError {
  file: string;
  /** 1-based physical line in the file; 0 when the error is about the whole file. */
  line: number;
  /** 1-based position in a JSON array, for JSON files (which have no meaningful line). */
  item?: number;
  /** Header name (CSV) or key (JSON); '' when the error is about a row or the file. */
  column: string;
  message: string;
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
}

export interface ImportParse {
  file: string;
  /** Data source the records belong to; ids are `${source}:${sourceId}`. */
  source: string;
  /** 'backup' when the file is a Backstory backup: then `backup` holds it and records is empty. */
  kind: RecordKind | 'backup';
  preset: Preset;
  format: 'csv' | 'json';
  /** The CSV delimiter used. */
  delimiter?: string;
  headers: string[];
  /** Field -> header index, as used (the user's mapping when one was given). */
  mapping: Record<string, number>;
  /** Records of `kind`, ready to store except for references (see rows). */
  records: AnyRecord[];
  rows: RowMeta[];
  /** The first 5 records, as they will be stored. */
  preview: AnyRecord[];
  /** The first MAX_LISTED_ERRORS errors; errorCount counts all of them. */
  errors: ImportError[];
  errorCount: number;
  warnings: string[];
  /** Data rows (CSV) or items (JSON) read, valid or not. */
  rowCount: number;
  backup?: BackupFile;
}

export const MAX_LISTED_ERRORS = 100;

/** `accounts.csv line 7, column "Amount": "12k" is not a number` */
export function formatImportError(e: ImportError): string {
  const where = e.item !== undefined ? ` item ${e.item}` : e.line > 0 ? ` line ${e.line}` : '';
  const col = e.column ? `, ${e.item !== undefined ? 'field' : 'column'} "${e.column}"` : '';
  return `${e.file}${where}${col}: ${e.message}`;
}

/** Collects errors up to the cap while still counting the rest. */
export class ErrorList {
  readonly list: ImportError[] = [];
  count = 0;
  constructor(readonly file: string) {}
  add(line: number, column: string, message: string, item?: number): void {
    this.count++;
    if (this.list.length < MAX_LISTED_ERRORS) {
      this.list.push(
        item === undefined
          ? { file: this.file, line, column, message }
          : { file: this.file, line, item, column, message },
      );
    }
  }
}

/** One file to import, as the options page hands it over. */
export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** What the file holds; detected from its headers when absent. */
  kind?: RecordKind;
  /** Field -> column index, replacing the automatic mapping (start from a previous parse's). */
  mapping?: Record<string, number>;
  /** Data source the records belong to; 'csv' by default. */
  source?: string;
  /** Force a CSV delimiter instead of detecting it. */
  delimiter?: string;
}
