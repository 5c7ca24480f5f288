import type { SearchIndex } from '@/core/search';
import type { AccountHit } from '@/core/messages';
import type { BackstoryDB } from '../storage/db';
import { currentNamesIndex, dataStamp } from './search-snapshot';

/**
 * Account search for the sidebar's "pin an account", answered by the background: typing sends
 * a message per keystroke. The names index is kept in memory while the data stamp says it is
 * current; a restarted worker loads the saved index (background-caches/search-snapshot.ts) rather than
 * rebuilding it.
 */
let cached: { db: BackstoryDB; stamp: string; index: Promise<SearchIndex> } | undefined;

export type { AccountHit };

export async function findAccounts(db: BackstoryDB, query: string, limit = 8): Promise<AccountHit[]> {
  const stamp = await dataStamp(db);
  if (!cached || cached.db !== db || cached.stamp !== stamp) {
    const index = currentNamesIndex(db);
    cached = { db, stamp, index };
    index.catch(() => (cached = undefined));
  }
  const index = await cached.index;
  return index.search(query, { limitPerGroup: limit, scope: 'names' }).accounts.map((h) => ({
    accountId: h.accountId ?? h.id,
    title: h.title,
    subtitle: h.subtitle,
  }));
}

export function forgetAccountIndex(): void {
  cached = undefined;
}
