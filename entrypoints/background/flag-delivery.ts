import { deliverDue } from '@/storage/flag-delivery';
import { getDb } from '@/storage/db';
import { loadCredentials, openSecrets } from '@/storage/secrets';
import { sourcesItem } from '@/storage/sources';
import type { HttpOptions } from '@/sources/http';

export const FLAG_ALARM = 'deliver-flags';

/** One delivery round at a time in this worker; a second request joins it. */
let running: Promise<number> | undefined;

/**
 * Deliver due flags. `http` tunes the requests: the attempt made while the technician waits in the
 * sidebar does not retry (a failure leaves the flag pending for the alarm's rounds).
 */
export function deliverFlags(force = false, http?: HttpOptions): Promise<number> {
  running ??= (async () => deliverDue(getDb(), { configs: await sourcesItem.getValue(), secrets: (id) => loadCredentials(openSecrets(), id), force, http }))().finally(() => (running = undefined));
  return running;
}
