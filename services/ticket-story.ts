import type { TicketRef } from '@/core/model';
import type { Backstory } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import { matchTicket, type MatchResult } from '@/core/match';
import { matchTicketText, type TextIndex } from '@/core/match-text';
import { createMatchIndex } from '@/services/match-index';
import { loadBackstory, readBackstory, storyTables } from '@/services/backstory';
import type { BackstoryDB } from '@/storage/db';
import { matchMemoryIsStale, type MatchMemory } from '@/background-caches/match-memory';
import { readStamps, storyFromMemory } from '@/background-caches/match-memory-story';

export interface TicketStory {
  ref: TicketRef;
  match: MatchResult;
  story?: Backstory;
  /** Flags technicians raised on this customer (the sidebar's answer only). */
  flags?: Flag[];
}

/** How to read the ticket's visible text, and the scanner to read it with (the background's, see sidebar-requests). */
export interface TicketText {
  /** Asked only when the fields match nothing (services/page-text.ts reads it from the tab). */
  read: () => Promise<string | undefined>;
  index: TextIndex;
}

/**
 * From what the page said to what the sidebar shows: match, then load the account's story. The
 * ticket's visible text (read from the tab only then, never kept) is scanned last, when its fields
 * matched nothing. The scanner is passed in, so pages that never scan (the popup) do not load it.
 * Matching and the story are read in one read transaction (only database reads are awaited in
 * it), and the story starts from the account record the matcher read. With the worker's match
 * memory (background-caches/match-memory.ts) neither the match nor the story needs a read while the memory
 * is current (see fromMemory); else the story is read again through the lookups (storage/record-store.ts).
 */
export async function loadTicketStory(
  db: BackstoryDB,
  ref: TicketRef,
  text?: TicketText,
  memory?: MatchMemory,
): Promise<TicketStory> {
  const found = (memory && (await fromMemory(db, ref, memory))) || (await fromLookups(db, ref));
  if (found.match.status !== 'none' || !text) return { ref, ...found };
  const visible = await text.read();
  const match = (visible && (await matchTicketText(visible, text.index))) || found.match;
  const story = matchedAccount(match) ? await loadBackstory(db, match.account!, ref) : undefined;
  return { ref, match, story };
}

type Found = Pick<TicketStory, 'match' | 'story'>;

async function fromLookups(db: BackstoryDB, ref: TicketRef): Promise<Found> {
  const index = createMatchIndex(db);
  return db.transaction('r', [db.pins, ...storyTables(db)], async () => {
    const match = await matchTicket(ref, index);
    const story = matchedAccount(match)
      ? await readBackstory(db, match.account!, ref, index.accounts.get(match.account!))
      : undefined;
    return { match, story };
  });
}

/**
 * The memory's answer, or undefined when the memory turned out stale (and is then rebuilt). It is
 * trusted as it stands while no write to what it copies has been announced since it was built or
 * last confirmed; after one, only if the stamps read now are still the ones it was built from.
 * Now and then the stamps are read after the answer too, off the ticket's path, so a change no
 * announcement told of (the database deleted from the browser's tools, say) is found by the next
 * ticket.
 */
async function fromMemory(db: BackstoryDB, ref: TicketRef, memory: MatchMemory): Promise<Found | undefined> {
  if (!memory.stamp) return undefined;
  const match = await matchTicket(ref, memory.index);
  const account = matchedAccount(match) ? match.account! : undefined;
  const story = account
    ? storyFromMemory({ accountId: account, twinIds: memory.twinIds(account), memory }, ref)
    : undefined;
  const unchanged = memory.unchanged();
  if (unchanged && Date.now() - memory.confirmedAt >= CONFIRM_EVERY_MS) {
    void confirmMemory(db, memory).then((current) => current || matchMemoryIsStale(db, memory));
  }
  if (!(unchanged || (await confirmMemory(db, memory))) || story === 'missing') {
    matchMemoryIsStale(db, memory);
    return undefined;
  }
  return { match, story };
}

/** How long the memory is trusted on announcements alone before the stamps are read again (off the path). */
const CONFIRM_EVERY_MS = 10_000;

/** Whether the stamps now are still the memory's (it is then confirmed up to the writes announced before the read). */
async function confirmMemory(db: BackstoryDB, memory: MatchMemory): Promise<boolean> {
  const seen = memory.writesSeen();
  // A failed read (a closed or deleted database) is left to the lookups' path to report.
  const current = await readStamps(db).then(
    (now) => now.stamp === memory.stamp && now.pinStamp === memory.pinStamp,
    () => false,
  );
  if (current) memory.confirm(seen);
  return current;
}

const matchedAccount = (match: MatchResult): boolean => match.status === 'matched' && !!match.account;
