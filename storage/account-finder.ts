import { buildSearchIndex, type SearchHit, type SearchIndex } from '@/core/search';
import type { BackstoryDB } from './db';
import { loadSearchData } from './search-data';

/**
 * Account search for the sidebar's "pin an account", answered by the background. Building the
 * index reads every record, so it is kept for a short while: typing a query sends a message per
 * keystroke. An import done meanwhile shows up when the cache expires.
 */
const TTL_MS = 30_000;
let cached: { db: BackstoryDB; index: Promise<SearchIndex>; at: number } | undefined;

export type AccountHit = Pick<SearchHit, 'title' | 'subtitle'> & { accountId: string };

export async function findAccounts(db: BackstoryDB, query: string, limit = 8, now = Date.now()): Promise<AccountHit[]> {
  if (!cached || cached.db !== db || now - cached.at > TTL_MS) {
    // Only accounts are picked here: leave notes, deals and campaigns out of this index.
    const index = loadSearchData(db).then((d) => buildSearchIndex({ ...d, campaigns: [], deals: [], notes: [] }));
    cached = { db, index, at: now };
  }
  const index = await cached.index;
  return index.search(query, { limitPerGroup: limit }).accounts.map((h) => ({
    accountId: h.accountId ?? h.id,
    title: h.title,
    subtitle: h.subtitle,
  }));
}

export function forgetAccountIndex(): void {
  cached = undefined;
}
