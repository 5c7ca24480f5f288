import type { TicketRef } from '@/core/model';
import { pinKey, type MatchIndex } from '@/core/match';
import { normalizeEmail } from '@/core/normalize';
import { touchPins } from './data-stamp';
import { getDb, type BackstoryDB, type StoredAccount } from './db';

/** The Dexie match index, which keeps the account records it read for the story that follows. */
export interface StoredMatchIndex extends MatchIndex {
  /** Accounts read by getAccounts, by id: the matched one need not be read again. */
  readonly accounts: ReadonlyMap<string, StoredAccount>;
}

/**
 * The matcher's lookups as Dexie index queries. Callers pass keys already normalised
 * (core/match.ts does that), so every lookup is one exact index hit.
 */
export function createMatchIndex(db: BackstoryDB = getDb()): StoredMatchIndex {
  const unique = (ids: string[]) => [...new Set(ids)];
  const read = new Map<string, StoredAccount>();
  return {
    accounts: read,
    async accountIdsByContactEmail(email) {
      const contacts = await db.contacts.where('email').equals(normalizeEmail(email)).toArray();
      return unique(contacts.flatMap((c) => (c.accountId ? [c.accountId] : [])));
    },
    // Multi-entry indexes can return one account once per matching entry: hence unique().
    accountIdsByDomain: async (domain) => unique(await db.accounts.where('domains').equals(domain).primaryKeys()),
    accountIdsByNameKey: async (key) => unique(await db.accounts.where('nameKey').equals(key).primaryKeys()),
    accountIdsByAliasKey: async (key) => unique(await db.accounts.where('aliasKeys').equals(key).primaryKeys()),
    async getAccounts(ids) {
      const accounts = await db.accounts.bulkGet(ids);
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

/** Forget the pin for this ticket's company, so the matcher decides again. */
export async function removePin(db: BackstoryDB, ref: TicketRef): Promise<void> {
  const key = pinKey(ref);
  if (!key) return;
  await db.transaction('rw', db.pins, db.meta, async () => {
    await db.pins.delete(key);
    await touchPins(db);
  });
}
