import type { TicketRef } from '@/core/model';
import { pinKey, type MatchIndex } from '@/core/match';
import { normalizeEmail } from '@/core/normalize';
import { touchPins } from '../storage/data-stamp';
import { getDb, type BackstoryDB, type StoredAccount } from '../storage/db';
import { accountIdsByContactEmail, accountIdsByKey, recordsByIds } from '../storage/record-store';

/** The Dexie match index, which keeps the account records it read for the story that follows. */
export interface StoredMatchIndex extends MatchIndex {
  /** Accounts read by getAccounts, by id: the matched one need not be read again. */
  readonly accounts: ReadonlyMap<string, StoredAccount>;
}

/**
 * The matcher's lookups as storage/record-store.ts lookups. Callers pass keys already normalised
 * (core/match.ts does that), so every lookup is one exact index hit.
 */
export function createMatchIndex(db: BackstoryDB = getDb()): StoredMatchIndex {
  const read = new Map<string, StoredAccount>();
  return {
    accounts: read,
    accountIdsByContactEmail: (email) => accountIdsByContactEmail(db, normalizeEmail(email)),
    accountIdsByDomain: (domain) => accountIdsByKey(db, 'domains', domain),
    accountIdsByNameKey: (key) => accountIdsByKey(db, 'nameKey', key),
    accountIdsByAliasKey: (key) => accountIdsByKey(db, 'aliasKeys', key),
    async getAccounts(ids) {
      const accounts = await recordsByIds(db, 'account', ids);
      for (const a of accounts) if (a) read.set(a.id, a);
      return accounts.flatMap((a) => (a ? [{ id: a.id, name: a.name }] : []));
    },
    getPin: async (key) => (await db.pins.get(key))?.accountId,
  };
}

/** Remember the technician's choice for this ticket's company. Returns the pin key, if any. */
export async function savePin(db: BackstoryDB, ref: TicketRef, accountId: string): Promise<string | undefined> {
  const key = pinKey(ref);
  if (!key) return undefined;
  await db.transaction('rw', db.pins, db.meta, async () => {
    await db.pins.put({ key, accountId, createdAt: new Date().toISOString() });
    await touchPins(db);
  });
  return key;
}
