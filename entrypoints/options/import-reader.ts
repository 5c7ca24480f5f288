/**
 * Reads a chosen file for the import review: refuses one over the size limit at once (before
 * reading a byte of it), then parses it.
 */
import { ErrorList, msg } from '@/sources/import-types';
import {
  MAX_IMPORT_BYTES,
  emptyParse,
  finishParse,
  parseImportFile,
  type ImportInput,
  type ImportParse,
} from '@/sources/csv-import';

export interface ReadFile {
  bytes: Uint8Array;
  parsed: ImportParse;
}

export type ReadProgress = (done: number, total: number) => void;

/** A parse that holds only the "file too big" error, for a file that is not read at all. */
export function tooBig(fileName: string): ImportParse {
  const errors = new ErrorList(fileName);
  errors.add(0, '', msg('fileTooBig', String(Math.round(MAX_IMPORT_BYTES / 1024 / 1024))));
  return finishParse(emptyParse({ fileName, bytes: new Uint8Array() }, errors, 'csv'), errors);
}

export async function readImportFile(
  input: Omit<ImportInput, 'bytes'>,
  file: Blob | Uint8Array,
  onProgress?: ReadProgress,
): Promise<ReadFile> {
  const size = file instanceof Uint8Array ? file.length : file.size;
  if (size > MAX_IMPORT_BYTES) return { bytes: new Uint8Array(), parsed: tooBig(input.fileName) };
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  onProgress?.(0, size);
  const parsed = parseImportFile({ ...input, bytes });
  onProgress?.(size, size);
  return { bytes, parsed };
}
