import type { TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import { matchTicket, matchTicketText, type MatchResult, type TextIndex } from '@/core/match';
import { createMatchIndex } from '@/storage/match-index';
import { loadBackstory, readBackstory, storyTables } from '@/storage/backstory';
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
 * Matching and the story are read in one read transaction (only database reads are awaited in
 * it), and the story starts from the account record the matcher read.
 */
export async function loadTicketStory(db: BackstoryDB, ref: TicketRef, text?: TicketText): Promise<TicketStory> {
  const index = createMatchIndex(db);
  const found = await db.transaction('r', [db.pins, ...storyTables(db)], async () => {
    const match = await matchTicket(ref, index);
    const story = matchedAccount(match) ? await readBackstory(db, match.account!, ref, index.accounts.get(match.account!)) : undefined;
    return { match, story };
  });
  if (found.match.status !== 'none' || !text?.text) return { ref, ...found };
  const match = (await matchTicketText(text.text, text.index)) ?? found.match;
  const story = matchedAccount(match) ? await loadBackstory(db, match.account!, ref) : undefined;
  return { ref, match, story };
}

const matchedAccount = (match: MatchResult): boolean => match.status === 'matched' && !!match.account;
