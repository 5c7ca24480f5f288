import type { Contact, Deal, Note, TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import { tellBackstory, type AccountRecords } from './backstory';
import { DATA_STAMP_KEY, PIN_STAMP_KEY } from './data-stamp';
import type { BackstoryDB, MetaRow, StoredAccount } from './db';
import type { MatchMemory } from './match-memory';

/** Which records a story is made of, known before reading them (from storage/match-memory.ts). */
export interface StoryPlan {
  accountId: string;
  /** As storage/backstory.ts findTwins would find them, in its order. */
  twinIds: string[];
  /** What the memory holds: accounts, the ids of each account's deals and which have notes, campaigns. */
  memory: Pick<MatchMemory, 'account' | 'dealIds' | 'hasDealNotes' | 'campaign'>;
}

export interface StoryRound {
  /** The data stamp now. */
  stamp: string;
  /** The pins' stamp now. */
  pinStamp: string;
  /** The plan's story; 'missing' when the memory lacks one of its records (the plan was stale). */
  story?: Backstory | 'missing';
}

/** IndexedDB orders string keys by UTF-16 code units, as `<` does. */
const sortedUnique = (keys: string[]) => [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The match memory's one round: the data and pin stamps (the meta table is a few rows: one
 * getAll) and the planned story's contacts, deals and notes (its accounts and campaigns are in
 * the memory), all requested at once in one read transaction, straight on IndexedDB. Dexie's own
 * promise and transaction bookkeeping costs about as much as the reads here (measured in
 * Chromium, bench/README.md), and this round is all that stands between a ticket and its story.
 * The reads are the ones storage/backstory.ts readBackstory makes (index getAll by key, in key
 * then primary key order), so tellBackstory tells the same story from them.
 */
export function readStoryRound(db: BackstoryDB, plan: StoryPlan | undefined, ref: TicketRef): Promise<StoryRound> {
  const idb = db.backendDB();
  return new Promise<StoryRound>((resolve, reject) => {
    const tx = idb.transaction(['meta', 'deals', 'contacts', 'notes'], 'readonly');
    const meta = tx.objectStore('meta').getAll() as IDBRequest<MetaRow[]>;
    const notes = tx.objectStore('notes');
    const ids = plan ? [plan.accountId, ...plan.twinIds] : [];
    const reads = ids.map((accountId) => {
      return {
        accountId,
        account: plan!.memory.account(accountId),
        deals: tx.objectStore('deals').index('accountId').getAll(accountId) as IDBRequest<Deal[]>,
        contacts: tx.objectStore('contacts').index('accountId').getAll(accountId) as IDBRequest<Contact[]>,
        notes: notes.index('accountId').getAll(accountId) as IDBRequest<Note[]>,
        // Only deals some note is written on (most have none): each lookup is a request.
        dealNotes: sortedUnique(plan!.memory.dealIds(accountId).filter(plan!.memory.hasDealNotes))
          .map((id) => notes.index('dealId').getAll(id) as IDBRequest<Note[]>),
      };
    });
    tx.oncomplete = () => {
      const value = (key: string) => meta.result.find((row) => row.key === key)?.value ?? '';
      const round: StoryRound = { stamp: value(DATA_STAMP_KEY), pinStamp: value(PIN_STAMP_KEY) };
      if (plan) {
        const accounts = reads.map((r) => r.account);
        const all: AccountRecords[] = reads.map((r) => {
          const notesByDeal = new Map<string, Note[]>();
          for (const n of r.dealNotes.flatMap((q) => q.result)) notesByDeal.set(n.dealId!, [...(notesByDeal.get(n.dealId!) ?? []), n]);
          // The deals' campaigns, as readBackstory takes them (from the deals read).
          const campaignIds = [...new Set(r.deals.result.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
          return {
            accountId: r.accountId, deals: r.deals.result, contacts: r.contacts.result, notes: r.notes.result, notesByDeal,
            campaigns: campaignIds.flatMap((id) => plan.memory.campaign(id) ?? []),
          };
        });
        const [stored, ...twins] = accounts;
        round.story = accounts.every((a) => a) ? tellBackstory(stored!, twins as StoredAccount[], all, ref) : 'missing';
      }
      resolve(round);
    };
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the read was aborted'));
  });
}
