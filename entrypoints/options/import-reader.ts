/**
 * The options page's side of the import files: refuses a file over the size limit at once (before
 * reading a byte of it), then has the import worker (entrypoints/options/import-worker.ts) parse
 * it, hold it, plan it and stage it for the background, so the page stays responsive and only
 * ever sees each file's summary. Where no worker can start, the page does the same itself.
 */
import { ErrorList, emptyParse, finishParse, msg } from '@/sources/import-types';
import { MAX_IMPORT_BYTES, type ImportParse } from '@/sources/csv-import';
import type { ImportPlan } from '@/services/import-plan';
import { getDb } from '@/storage/db';
import { HeldFiles, type Choices, type ParseSummary, type ReadProgress } from './import-files';
import type { WorkerReply, WorkerRequest } from './import-worker';

export type { ParseSummary, ReadProgress } from './import-files';

export interface ReadFile {
  /** The file as chosen, kept to read it again with other choices (kind, columns, sheet). */
  file: Blob;
  /** Where its parse is held (the worker, or this page). */
  key: number;
  parsed: ParseSummary;
}

/** A parse that holds only the "file too big" error, for a file that is not read at all. */
export function tooBig(fileName: string): ImportParse {
  const errors = new ErrorList(fileName);
  errors.add(0, '', msg('fileTooBig', String(Math.round(MAX_IMPORT_BYTES / 1024 / 1024))));
  return finishParse(emptyParse({ fileName }, errors, 'csv'), errors);
}

type Held = { key: number; summary: ParseSummary };
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

let worker: Worker | undefined;
let local: HeldFiles | undefined;
let nextId = 1;

class WorkerFailed extends Error {}

function startWorker(): Worker | undefined {
  if (worker || local || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  return worker;
}

function ask<T>(w: Worker, request: Request, onProgress?: ReadProgress): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const listen = (e: MessageEvent<WorkerReply>) => {
      const r = e.data;
      if (r.id !== id) return;
      if ('progress' in r) return onProgress?.(...r.progress);
      w.removeEventListener('message', listen);
      w.removeEventListener('error', failed);
      if ('value' in r) resolve(r.value as T);
      else reject(new Error(r.error));
    };
    // A worker that cannot start (a browser without module workers) fails here, not at `new Worker`.
    const failed = (e: Event) => {
      w.removeEventListener('message', listen);
      reject(new WorkerFailed(String((e as ErrorEvent).message ?? 'worker error')));
    };
    w.addEventListener('message', listen);
    w.addEventListener('error', failed, { once: true });
    w.postMessage({ ...request, id } as WorkerRequest);
  });
}

/** The page holds the files itself from now on (no worker would start). */
function holdHere(): HeldFiles {
  worker?.terminate();
  worker = undefined;
  local ??= new HeldFiles(getDb);
  return local;
}

export async function readImportFile(input: Choices, file: Blob, onProgress?: ReadProgress): Promise<ReadFile> {
  // A file over the limit is not read at all; it is held where the others are, so that planning
  // finds it like any other.
  const tooBigFile = file.size > MAX_IMPORT_BYTES ? tooBig(input.fileName) : undefined;
  if (!tooBigFile) onProgress?.(0, file.size);
  const w = startWorker();
  if (w) {
    try {
      const held = tooBigFile
        ? await ask<Held>(w, { op: 'hold', parsed: tooBigFile })
        : await ask<Held>(w, { op: 'parse', input, file }, onProgress);
      return { file, key: held.key, parsed: held.summary };
    } catch (e) {
      if (!(e instanceof WorkerFailed)) throw e;
    }
  }
  const here = holdHere();
  const held = tooBigFile
    ? here.hold(tooBigFile)
    : await here.parse(input, new Uint8Array(await file.arrayBuffer()), onProgress);
  return { file, key: held.key, parsed: held.summary };
}

/** What committing the held files would do. */
export function planImportFiles(keys: number[]): Promise<ImportPlan> {
  return worker ? ask<ImportPlan>(worker, { op: 'plan', keys }) : holdHere().plan(keys);
}

/** Stage the held files for the background's commit under `stageId`. */
export function stageImportFiles(stageId: string, keys: number[]): Promise<void> {
  return worker ? ask<void>(worker, { op: 'stage', stageId, keys }) : holdHere().stage(stageId, keys);
}

/** Let go of files no longer under review. */
export function forgetImportFiles(keys: number[]): void {
  if (!keys.length) return;
  if (worker) void ask<void>(worker, { op: 'forget', keys }).catch(() => undefined);
  else local?.forget(keys);
}
