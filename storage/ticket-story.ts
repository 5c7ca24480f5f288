import type { TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import { matchTicket, matchTicketText, type MatchResult, type TextIndex } from '@/core/match';
import { createMatchIndex } from '@/storage/match-index';
import { loadBackstory } from '@/storage/backstory';
import type { BackstoryDB } from '@/storage/db';

export interface TicketStory {
  ref: TicketRef;
  match: MatchResult;
  story?: Backstory;
  /** Flags technicians raised on this customer (the sidebar's answer only). */
  flags?: Flag[];
}

/** The ticket's visible text and the scanner to read it with (the background's, see sidebar-requests). */
export interface TicketText {
  text: string;
  index: TextIndex;
}

/**
 * From what the page said to what the sidebar shows: match, then load the account's story. The
 * ticket's visible text (held in the background's memory only) is scanned last, when its fields
 * matched nothing. The scanner is passed in, so pages that never scan (the popup) do not load it.
 */
export async function loadTicketStory(db: BackstoryDB, ref: TicketRef, text?: TicketText): Promise<TicketStory> {
  let match = await matchTicket(ref, createMatchIndex(db));
  if (match.status === 'none' && text?.text) match = (await matchTicketText(text.text, text.index)) ?? match;
  const story = match.status === 'matched' && match.account ? await loadBackstory(db, match.account, ref) : undefined;
  return { ref, match, story };
}
