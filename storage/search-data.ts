import type { SearchData } from '@/core/search';
import type { BackstoryDB } from './db';

/** Everything the popup's quick search indexes, read in one read-only transaction (one snapshot). */
export async function loadSearchData(db: BackstoryDB): Promise<SearchData> {
  return db.transaction('r', [db.accounts, db.contacts, db.campaigns, db.deals, db.notes], async () => {
    const [accounts, contacts, campaigns, deals, notes] = await Promise.all([
      db.accounts.toArray(),
      db.contacts.toArray(),
      db.campaigns.toArray(),
      db.deals.toArray(),
      db.notes.toArray(),
    ]);
    return { accounts, contacts, campaigns, deals, notes };
  });
}
