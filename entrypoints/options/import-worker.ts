/**
 * Parses an import file off the options page's main thread, so a 50 MB file does not freeze the
 * page: the page posts the chosen file (a Blob, not copied) and its choices, and gets progress
 * and then the parse, which is plain data (records, errors with their codes).
 */
import { parseAnyImportFile, type ImportInput } from '@/sources/csv-import';

export interface WorkerRequest {
  id: number;
  input: Omit<ImportInput, 'bytes' | 'onProgress'>;
  file: Blob;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (m: unknown) => void;
};

scope.onmessage = (e) => {
  const { id, input, file } = e.data;
  void (async () => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await parseAnyImportFile({
        ...input,
        bytes,
        onProgress: (done, total) => scope.postMessage({ id, progress: [done, total] }),
      });
      scope.postMessage({ id, parsed });
    } catch (err) {
      scope.postMessage({ id, error: String((err as Error)?.message ?? err) });
    }
  })();
};
