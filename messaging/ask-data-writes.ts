/**
 * The options page's side of writing sales data: it asks the background, the only writer
 * (services/data-writes.ts), and shows what the background reports. Parsed files are handed
 * over through the importStages table, written by the import worker that parsed them
 * (entrypoints/options/import-files.ts): a 100k-row import is one put off the page's main
 * thread and one message, not a message of tens of megabytes.
 */
import { browser } from '#imports';
import { IMPORT_PROGRESS, type MessageType, type ReplyValue, type Request } from '@/core/messages';
import type { ImportOutcome } from '@/core/import-message';
import { askBackground } from './ask-background';

/** Lost answers are asked again for this long: each asking wakes a worker, which resumes or reports. */
const PATIENCE_MS = 60_000;

async function ask<T extends MessageType>(message: Request<T> & { type: T }): Promise<ReplyValue<T>> {
  const reply = await askBackground<T>(message, { patienceMs: PATIENCE_MS });
  if (!reply) throw new Error('background-no-answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Commit parsed files through the background, with its progress reports: `stage` writes them to
 * importStages under the id it is given (in the import worker), then the background is asked.
 */
export async function importThroughBackground(
  stage: (stageId: string) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const stageId = crypto.randomUUID();
  await stage(stageId);
  const listener = (m: unknown) => {
    const p = m as { type?: unknown; stageId?: unknown; done?: unknown; total?: unknown } | null;
    if (
      p?.type === IMPORT_PROGRESS &&
      p.stageId === stageId &&
      typeof p.done === 'number' &&
      typeof p.total === 'number'
    )
      onProgress?.(p.done, p.total);
  };
  browser.runtime.onMessage.addListener(listener);
  try {
    return await ask({ type: 'data:import', stageId });
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

export const loadSampleThroughBackground = () => ask({ type: 'data:sample' });
export const clearThroughBackground = () => ask({ type: 'data:clear' });
export const removeSourceThroughBackground = (id: string) => ask({ type: 'source:remove', id });
export const forgetTicketViewsThroughBackground = () => ask({ type: 'insights:forget' });
