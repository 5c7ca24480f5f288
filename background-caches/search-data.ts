import type { SearchData } from '@/core/search';
import type { BackstoryDB } from '../storage/db';
import { allRecords, salesTables } from '../storage/record-store';

/** Everything the popup's quick search indexes, read in one read-only transaction (one snapshot). */
export async function loadSearchData(db: BackstoryDB): Promise<SearchData> {
  return db.transaction('r', salesTables(db), async () => {
    const [accounts, contacts, campaigns, deals, notes] = await Promise.all([
      allRecords(db, 'account'),
      allRecords(db, 'contact'),
      allRecords(db, 'campaign'),
      allRecords(db, 'deal'),
      allRecords(db, 'note'),
    ]);
    return { accounts, contacts, campaigns, deals, notes };
  });
}
