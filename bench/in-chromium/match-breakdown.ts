/**
 * Where one loadTicketStory's time goes in Chromium (bench/in-chromium/entry.ts runs it after the
 * timed pass): each query it makes, timed alone with the IndexedDB work it causes, beside a few
 * alternatives.
 */
import type { BackstoryDB, StoredAccount } from '../../storage/db';
import { bucketOf } from '../../storage/pack-layout';
import type { TicketRef } from '../../core/model';
import { loadTicketStory } from '../../services/ticket-story';
import { loadBackstory } from '../../services/backstory';
import { createMatchIndex } from '../../services/match-index';
import { matchTicket } from '../../core/match';
import {
  accountsByKeys,
  notesOnDeals,
  recordById,
  recordsByIds,
  recordsOfAccount,
  salesTables,
} from '../../storage/record-store';
import { timeEach, type Latency } from '../stats';
import { countIdb, type IdbCounts } from './count-idb';

/** Where one loadTicketStory's time goes, measured after the timed pass (same data, same refs). */
export interface MatchBreakdown {
  /** IndexedDB work per loadTicketStory, averaged over the refs (by email / by company name). */
  perStory: { byEmail: IdbCounts; byCompany: IdbCounts };
  /** matchTicket alone (pin, then email or name lookups, then the accounts they point at). */
  matchTicket: Latency;
  /** loadBackstory alone for the matched account (account, twins, deals/contacts/notes, campaigns). */
  loadBackstory: Latency;
  /** Each query loadTicketStory makes, timed alone over the matched accounts (p50/p95), with its
   * IndexedDB work; and a few alternatives for comparison (marked "instead"). */
  queries: QueryCost[];
  /** One account by id through storage/records.ts: one readonly transaction, one pack row read. */
  dexieGet: Latency;
  /** The same pack row read straight on IndexedDB (no Dexie): the bare round trip. */
  rawGet: Latency;
  /** Ten gets of accounts by id, one after another, each in its own transaction (as the app's reads are). */
  tenGetsOwnTransactions: Latency;
  /** The same ten gets, one after another, inside one Dexie read transaction. */
  tenGetsOneTransaction: Latency;
}

export interface QueryCost {
  query: string;
  latency: Latency;
  idb: IdbCounts;
}

export async function breakdown(db: BackstoryDB, refs: TicketRef[]): Promise<MatchBreakdown> {
  const stories = [];
  for (const ref of refs) stories.push(await loadTicketStory(db, ref));
  const accounts = stories.flatMap((s) => (s.match.account ? [s.match.account] : []));
  const perStory = {
    byEmail: await countIdb(
      refs.filter((r) => r.contactEmail),
      (ref) => loadTicketStory(db, ref),
    ),
    byCompany: await countIdb(
      refs.filter((r) => !r.contactEmail),
      (ref) => loadTicketStory(db, ref),
    ),
  };
  const queries: QueryCost[] = [];
  interface Input {
    ref: TicketRef;
    stored: StoredAccount;
    dealIds: string[];
    campaignIds: string[];
  }
  const inputs: Input[] = [];
  for (const s of stories) {
    const stored = s.match.account ? await recordById(db, 'account', s.match.account) : undefined;
    if (!stored) continue;
    const deals = await recordsOfAccount(db, 'deal', stored.id);
    inputs.push({
      ref: s.ref,
      stored,
      dealIds: deals.map((d) => d.id),
      campaignIds: deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])),
    });
  }
  const cost = async (query: string, run: (input: Input) => Promise<unknown>, only = inputs) => {
    queries.push({ query, latency: await timeEach(only, run), idb: await countIdb(only, run) });
  };
  const byEmail = inputs.filter((i) => i.ref.contactEmail);
  const byCompany = inputs.filter((i) => !i.ref.contactEmail);
  const index = createMatchIndex(db);
  await cost('match: pins.get(pin key)', (i) => index.getPin(`generic|x${i.stored.id}`));
  await cost(
    'match: account ids by contact email (email refs)',
    (i) => index.accountIdsByContactEmail(i.ref.contactEmail!),
    byEmail,
  );
  await cost(
    'match: account ids by name key (company refs)',
    (i) => index.accountIdsByNameKey(i.stored.nameKey),
    byCompany,
  );
  await cost('match: accounts by ids (existing)', (i) => index.getAccounts([i.stored.id]));
  await cost('story: the account by id', (i) => recordById(db, 'account', i.stored.id));
  await cost('story: twins by name key', (i) => accountsByKeys(db, 'nameKey', [i.stored.nameKey]));
  await cost('story: twins by domains', (i) => accountsByKeys(db, 'domains', i.stored.domains));
  await cost("story: the account's deals", (i) => recordsOfAccount(db, 'deal', i.stored.id));
  await cost("story: the account's contacts", (i) => recordsOfAccount(db, 'contact', i.stored.id));
  await cost("story: the account's notes", (i) => recordsOfAccount(db, 'note', i.stored.id));
  await cost('story: the three above at once (Promise.all)', (i) =>
    Promise.all([
      recordsOfAccount(db, 'deal', i.stored.id),
      recordsOfAccount(db, 'contact', i.stored.id),
      recordsOfAccount(db, 'note', i.stored.id),
    ]),
  );
  await cost("story: notes on the account's deals", (i) => notesOnDeals(db, i.dealIds));
  await cost('story: campaigns by ids', (i) => recordsByIds(db, 'campaign', i.campaignIds));
  await cost('instead: the three at once in one read transaction', (i) =>
    db.transaction('r', salesTables(db), () =>
      Promise.all([
        recordsOfAccount(db, 'deal', i.stored.id),
        recordsOfAccount(db, 'contact', i.stored.id),
        recordsOfAccount(db, 'note', i.stored.id),
      ]),
    ),
  );
  const idb = db.backendDB();
  const rawGet = (id: string) =>
    new Promise<void>((resolve, reject) => {
      const req = idb
        .transaction('packs', 'readonly')
        .objectStore('packs')
        .get(['account', bucketOf(id)]);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  const tens = refs.map((_, i) => Array.from({ length: 10 }, (_, k) => accounts[(i * 10 + k) % accounts.length]!));
  const getAll = async (ids: string[]) => {
    for (const id of ids) await recordById(db, 'account', id);
  };
  return {
    perStory,
    queries,
    matchTicket: await timeEach(refs, (ref) => matchTicket(ref, createMatchIndex(db))),
    loadBackstory: await timeEach(stories, (s) =>
      s.match.account ? loadBackstory(db, s.match.account, s.ref) : Promise.resolve(),
    ),
    dexieGet: await timeEach(accounts, (id) => recordById(db, 'account', id)),
    rawGet: await timeEach(accounts, rawGet),
    tenGetsOwnTransactions: await timeEach(tens, getAll),
    tenGetsOneTransaction: await timeEach(tens, (ids) => db.transaction('r', salesTables(db), () => getAll(ids))),
  };
}
