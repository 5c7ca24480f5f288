import { deliverDue } from '@/storage/flag-delivery';
import { getDb } from '@/storage/db';
import { loadCredentials, openSecrets } from '@/storage/secrets';
import { sourcesItem } from '@/storage/sources';

export const FLAG_ALARM = 'deliver-flags';

/** One delivery round at a time in this worker; a second request joins it. */
let running: Promise<number> | undefined;

export function deliverFlags(force = false): Promise<number> {
  running ??= (async () => deliverDue(getDb(), { configs: await sourcesItem.getValue(), secrets: (id) => loadCredentials(openSecrets(), id), force }))().finally(() => (running = undefined));
  return running;
}
