import type { TextIndex } from '@/core/match-text';
import { TICKET_TEXT_MAX } from '@/core/messages';
import type { PageScanner } from '@/core/page-scan';
import { scannerFromRecords } from '@/core/page-scan-make';
import { dataStamp } from '@/storage/data-stamp';
import { getDb, type BackstoryDB } from '../storage/db';
import { allRecords, recordsByIds } from '../storage/record-store';

/**
 * The page-text scanner over every account and contact, kept in the worker's memory only and
 * rebuilt when the data stamp changes (every write of records changes it). A stopped worker
 * simply builds it again on the next ticket that needs it.
 */
let cached: { db: BackstoryDB; stamp: string; scanner: Promise<PageScanner> } | undefined;

async function pageScanner(db: BackstoryDB = getDb()): Promise<PageScanner> {
  const stamp = await dataStamp(db);
  if (cached && cached.db === db && cached.stamp === stamp && stamp) return cached.scanner;
  const scanner = (async () => {
    const [accounts, contacts] = await Promise.all([allRecords(db, 'account'), allRecords(db, 'contact')]);
    return scannerFromRecords(
      accounts,
      contacts.filter((c) => typeof c.accountId === 'string' && c.accountId),
    );
  })();
  const entry = { db, stamp, scanner };
  cached = entry;
  // A failed build is not kept: the next ticket tries again.
  scanner.catch(() => cached === entry && (cached = undefined));
  return scanner;
}

/** The matcher's view of the scanner (core/match.ts matchTicketText). */
export function createTextIndex(db: BackstoryDB = getDb()): TextIndex {
  return {
    scan: async (text) => (await pageScanner(db)).scan(text, { maxChars: TICKET_TEXT_MAX }).hits,
    async getAccounts(ids) {
      const accounts = await recordsByIds(db, 'account', ids);
      return accounts.flatMap((a) => (a ? [{ id: a.id, name: a.name }] : []));
    },
  };
}
