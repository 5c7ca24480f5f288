/**
 * Delivering flags to their sources. Each attempt re-reads the flag, asks the source to write it
 * idempotently (by flag id), and records the outcome; a failure leaves the flag pending with a
 * backoff, so nothing is lost and nothing is written twice.
 */
import { SourceError, type HttpOptions } from '@/sources/http';
import type { Values } from '@/sources/live-source';
import { liveSource } from '@/sources/live-sources';
import type { BackstoryDB } from '../storage/db';
import { recordById } from '../storage/record-store';
import { dueFlags, markDelivered, markFailed, moveToOutbox } from './flags';
import type { SourceConfig } from '../storage/source-configs';

export interface DeliveryDeps {
  configs: SourceConfig[];
  secrets: (sourceId: string) => Promise<Values | undefined>;
  http?: HttpOptions;
  now?: () => Date;
  /** Ignore the backoff ("Deliver now"). */
  force?: boolean;
}

/** Try every due flag once; returns how many were delivered. */
export async function deliverDue(db: BackstoryDB, deps: DeliveryDeps): Promise<number> {
  const now = deps.now ?? (() => new Date());
  let delivered = 0;
  for (const flag of await dueFlags(db, now(), deps.force)) {
    const config = deps.configs.find((c) => c.id === flag.source);
    const def = config && liveSource(config.kind);
    if (!config || !def?.deliverFlag) {
      await moveToOutbox(db, flag.id, new SourceError('sourceRemoved'));
      continue;
    }
    const secrets = await deps.secrets(config.id).catch(() => undefined);
    if (!secrets) {
      await markFailed(db, flag.id, new SourceError('noKey'), now());
      continue;
    }
    const account = await recordById(db, 'account', flag.accountId);
    if (!account) {
      await moveToOutbox(db, flag.id, new SourceError('accountGone'));
      continue;
    }
    try {
      const { remoteId } = await def.deliverFlag(
        { base: config.base, ...config.settings },
        secrets,
        flag,
        account.sourceId,
        deps.http,
        // What was written is kept with the flag at once, so a retry looks it up by id rather than
        // through the source's search (HubSpot's search index lags behind its writes).
        {
          remoteId: flag.remoteId,
          remember: (remoteId) => db.flags.update(flag.id, { remoteId }).then(() => undefined),
        },
      );
      await markDelivered(db, flag.id, remoteId, now());
      delivered++;
    } catch (e) {
      await markFailed(db, flag.id, e, now());
    }
  }
  return delivered;
}
