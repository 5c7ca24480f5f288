/**
 * Reads a chosen file for the import review: refuses one over the size limit at once (before
 * reading a byte of it), then parses it in a worker (entrypoints/options/import-worker.ts) so the
 * page stays responsive, with progress. Where no worker can start, it parses here.
 */
import { ErrorList, emptyParse, finishParse, msg } from '@/sources/import-types';
import { MAX_IMPORT_BYTES, parseAnyImportFile, type ImportInput, type ImportParse } from '@/sources/csv-import';
import type { WorkerRequest } from './import-worker';

export interface ReadFile {
  /** The file as chosen, kept to read it again with other choices (kind, columns, sheet). */
  file: Blob;
  parsed: ImportParse;
}

export type ReadProgress = (done: number, total: number) => void;
type Choices = Omit<ImportInput, 'bytes' | 'onProgress'>;

/** A parse that holds only the "file too big" error, for a file that is not read at all. */
export function tooBig(fileName: string): ImportParse {
  const errors = new ErrorList(fileName);
  errors.add(0, '', msg('fileTooBig', String(Math.round(MAX_IMPORT_BYTES / 1024 / 1024))));
  return finishParse(emptyParse({ fileName }, errors, 'csv'), errors);
}

let worker: Worker | undefined;
let noWorker = false;
let nextId = 1;

function startWorker(): Worker | undefined {
  if (worker || noWorker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  return worker;
}

function inWorker(w: Worker, input: Choices, file: Blob, onProgress?: ReadProgress): Promise<ImportParse> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const listen = (
      e: MessageEvent<{ id: number; progress?: [number, number]; parsed?: ImportParse; error?: string }>,
    ) => {
      if (e.data.id !== id) return;
      if (e.data.progress) return onProgress?.(...e.data.progress);
      w.removeEventListener('message', listen);
      if (e.data.parsed) resolve(e.data.parsed);
      else reject(new Error(e.data.error ?? 'import worker failed'));
    };
    // A worker that cannot start (a browser without module workers) fails here, not at `new Worker`.
    const failed = (e: Event) => {
      w.removeEventListener('message', listen);
      reject(new WorkerFailed(String((e as ErrorEvent).message ?? 'worker error')));
    };
    w.addEventListener('message', listen);
    w.addEventListener('error', failed, { once: true });
    w.postMessage({ id, input, file } satisfies WorkerRequest);
  });
}

class WorkerFailed extends Error {}

export async function readImportFile(input: Choices, file: Blob, onProgress?: ReadProgress): Promise<ReadFile> {
  if (file.size > MAX_IMPORT_BYTES) return { file, parsed: tooBig(input.fileName) };
  onProgress?.(0, file.size);
  const w = startWorker();
  if (w) {
    try {
      return { file, parsed: await inWorker(w, input, file, onProgress) };
    } catch (e) {
      if (!(e instanceof WorkerFailed)) throw e;
      w.terminate();
      worker = undefined;
      noWorker = true;
    }
  }
  const parsed = await parseAnyImportFile({ ...input, bytes: new Uint8Array(await file.arrayBuffer()), onProgress });
  return { file, parsed };
}
