import { browser } from '#imports';
import { applyPolicy, loadPolicy } from '@/services/policy';
import { getDb } from '@/storage/db';
import { syncSource } from './source-sync';

/** One application at a time: the start of the worker and a change of policy may meet. */
let queue: Promise<unknown> = Promise.resolve();

/** Read the organisation's policy and apply it; new or changed data sources sync at once. */
export function applyManagedPolicy(): Promise<unknown> {
  queue = queue
    .then(async () => {
      const toSync = await applyPolicy(getDb(), await loadPolicy());
      for (const id of toSync) void syncSource(id).catch(() => undefined);
    })
    .catch((e: unknown) => console.error('Backstory: could not apply the browser policy', e));
  return queue;
}

/** A policy edited while the browser runs arrives as a change of the "managed" area (Chrome: ~5 s later). */
export function watchPolicy(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyManagedPolicy();
  });
  void applyManagedPolicy();
}
