import type { TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import { tellBackstory, type AccountRecords } from '../services/backstory';
import { DATA_STAMP_KEY, PIN_STAMP_KEY } from '@/storage/data-stamp';
import type { BackstoryDB, MetaRow, StoredAccount } from '../storage/db';
import type { MatchMemory } from './match-memory';

/** Which accounts a story is made of, and the memory that holds their records (background-caches/match-memory.ts). */
export interface StoryPlan {
  accountId: string;
  /** As services/backstory.ts findTwins would find them, in its order. */
  twinIds: string[];
  memory: Pick<MatchMemory, 'account' | 'records' | 'campaign'>;
}

export interface Stamps {
  /** The data stamp now. */
  stamp: string;
  /** The pins' stamp now. */
  pinStamp: string;
}

/**
 * The data and pin stamps now, to tell whether a memory built at some stamps is still current:
 * the meta table is a few rows, read with one getAll straight on IndexedDB (Dexie's promise and
 * transaction bookkeeping costs about as much as the read itself).
 */
export function readStamps(db: BackstoryDB): Promise<Stamps> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction('meta', 'readonly').objectStore('meta').getAll() as IDBRequest<
      MetaRow[]
    >;
    request.onsuccess = () => {
      const value = (key: string) => request.result.find((row) => row.key === key)?.value ?? '';
      resolve({ stamp: value(DATA_STAMP_KEY), pinStamp: value(PIN_STAMP_KEY) });
    };
    request.onerror = () => reject(request.error ?? new Error('the stamps could not be read'));
  });
}

/**
 * The planned story told from the memory's records, which are the ones services/backstory.ts
 * readBackstory reads, in the same order, so tellBackstory tells the same story from them. It is
 * only as current as the memory. 'missing' when the memory lacks one of the plan's accounts (the
 * plan was stale).
 */
export function storyFromMemory(plan: StoryPlan, ref: TicketRef): Backstory | 'missing' {
  const ids = [plan.accountId, ...plan.twinIds];
  const accounts = ids.map((id) => plan.memory.account(id));
  if (!accounts.every((a) => a)) return 'missing';
  const all: AccountRecords[] = ids.map((accountId) => {
    const records = plan.memory.records(accountId);
    // The deals' campaigns, as readBackstory takes them (from the deals read).
    const campaignIds = [...new Set(records.deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
    return { accountId, ...records, campaigns: campaignIds.flatMap((id) => plan.memory.campaign(id) ?? []) };
  });
  const [stored, ...twins] = accounts as StoredAccount[];
  return tellBackstory(stored!, twins, all, ref);
}
