/**
 * Parses, plans and stages import files off the options page's main thread, so a 50 MB file does
 * not freeze the page: the page posts the chosen file (a Blob, not copied) and its choices, and
 * gets progress and then the file's summary and a key; the records stay here (import-files.ts).
 * An extension-origin worker opens the extension's database like the page does.
 */
import type { ImportParse } from '@/sources/import-types';
import { getDb } from '@/storage/db';
import { HeldFiles, type Choices } from './import-files';
import { throttleProgress } from './progress';

export type WorkerRequest = { id: number } & (
  | { op: 'parse'; input: Choices; file: Blob }
  | { op: 'hold'; parsed: ImportParse }
  | { op: 'plan'; keys: number[] }
  | { op: 'stage'; stageId: string; keys: number[] }
  | { op: 'forget'; keys: number[] }
);

export type WorkerReply = { id: number } & ({ progress: [number, number] } | { value: unknown } | { error: string });

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (m: WorkerReply) => void;
};

const held = new HeldFiles(getDb);

async function answer(r: WorkerRequest): Promise<unknown> {
  switch (r.op) {
    case 'parse':
      return held.parse(
        r.input,
        new Uint8Array(await r.file.arrayBuffer()),
        throttleProgress((done, total) => scope.postMessage({ id: r.id, progress: [done, total] })),
      );
    case 'hold':
      return held.hold(r.parsed);
    case 'plan':
      return held.plan(r.keys);
    case 'stage':
      return held.stage(r.stageId, r.keys);
    case 'forget':
      return held.forget(r.keys);
  }
}

scope.onmessage = (e) => {
  const r = e.data;
  answer(r).then(
    (value) => scope.postMessage({ id: r.id, value }),
    (err: unknown) => scope.postMessage({ id: r.id, error: String((err as Error)?.message ?? err) }),
  );
};
