/** Making a page scanner (core/page-scan.ts) from the record store's accounts and contacts. */
import type { Account, Contact } from './model';
import { PageScanBuilder } from './page-scan-build';
import { PageScanner } from './page-scan';

/** The scanner over every account's name, aliases and domains and every contact's email. */
export function scannerFromRecords(
  accounts: readonly Account[],
  contacts: readonly Contact[],
  minNameLength?: number,
): PageScanner {
  const b = new PageScanBuilder(minNameLength);
  // Room for about what the records hold (four patterns an account, keys of 28 codes), so the
  // key pool grows once or not at all; reading every record once more to count exactly costs more.
  const guess = 4 * accounts.length + contacts.length;
  b.reserve(guess, 28 * guess);
  for (const a of accounts) {
    b.add(a.name, a.id, 'name');
    if (Array.isArray(a.aliases)) for (const x of a.aliases) b.add(x, a.id, 'alias');
    if (Array.isArray(a.domains)) for (const x of a.domains) b.add(x, a.id, 'domain');
  }
  for (const c of contacts) b.add(c.email, c.accountId, 'email');
  return new PageScanner(b.build());
}
