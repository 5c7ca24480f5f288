import type { TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import { matchTicket, matchTicketText, type MatchResult } from '@/core/match';
import { createMatchIndex } from '@/storage/match-index';
import { createTextIndex } from '@/storage/page-scan-index';
import { loadBackstory } from '@/storage/backstory';
import type { BackstoryDB } from '@/storage/db';

export interface TicketStory {
  ref: TicketRef;
  match: MatchResult;
  story?: Backstory;
  /** Flags technicians raised on this customer (the sidebar's answer only). */
  flags?: Flag[];
}

/**
 * From what the page said to what the sidebar shows: match, then load the account's story. The
 * ticket's visible text (held in memory only) is scanned last, when its fields matched nothing.
 */
export async function loadTicketStory(db: BackstoryDB, ref: TicketRef, text?: string): Promise<TicketStory> {
  let match = await matchTicket(ref, createMatchIndex(db));
  if (match.status === 'none' && text) match = (await matchTicketText(text, createTextIndex(db))) ?? match;
  const story = match.status === 'matched' && match.account ? await loadBackstory(db, match.account, ref) : undefined;
  return { ref, match, story };
}
