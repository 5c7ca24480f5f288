import { browser } from '#imports';
import { deliverDue } from '@/services/flag-delivery';
import { getDb } from '@/storage/db';
import { loadCredentials, openSecrets } from '@/storage/secrets';
import { sourcesItem } from '@/storage/source-configs';
import type { HttpOptions } from '@/sources/http';

export const FLAG_ALARM = 'deliver-flags';

/** One delivery round at a time in this worker; a second request joins it. */
let running: Promise<number> | undefined;

/**
 * Deliver due flags. `http` tunes the requests: the attempt made while the technician waits in the
 * sidebar does not retry (a failure leaves the flag pending for the alarm's rounds).
 */
export function deliverFlags(force = false, http?: HttpOptions): Promise<number> {
  running ??= (async () => {
    try {
      return await deliverDue(getDb(), {
        configs: await sourcesItem.getValue(),
        secrets: (id) => loadCredentials(openSecrets(), id),
        force,
        http,
      });
    } finally {
      // Open sidebars are pushed the new state by the story channel, which hears of the flags'
      // writes (entrypoints/background/index.ts).
      await scheduleRetries();
    }
  })().finally(() => (running = undefined));
  return running;
}

/**
 * A retry round every minute while flags wait (each flag keeps its own backoff on top), and no
 * alarm at all otherwise, so the worker is not woken for nothing.
 */
export async function scheduleRetries(): Promise<void> {
  const waiting = await getDb().flags.where('status').equals('pending').count();
  const alarm = await browser.alarms.get(FLAG_ALARM);
  if (waiting && !alarm) await browser.alarms.create(FLAG_ALARM, { periodInMinutes: 1 });
  if (!waiting && alarm) await browser.alarms.clear(FLAG_ALARM);
}
