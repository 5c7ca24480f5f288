import { storage } from '#imports';
import type { TicketRef, TicketWords } from '@/core/model';
import { getDb, type BackstoryDB } from '../storage/db';
import { recordById } from '../storage/record-store';
import { savePin } from './match-index';
import { tabTicketItem } from '../storage/tab-tickets';
import { loadTicketStory, type TicketStory } from './ticket-story';
import { createTextIndex } from '../background-caches/page-scan-index';
import { findAccounts, forgetAccountIndex, type AccountHit } from '../background-caches/account-finder';
import type { Flag } from '@/core/flags';
import { flagsOn } from './flags';
import { createFlag, type FlagInput } from './flag-create';
import { describeSources } from './freshness';
import { heldMatchMemory } from '../background-caches/match-memory';
import { relevantToTicket } from '@/core/relevance/story';

/**
 * Stories begun as soon as a tab's content script reports its ticket: the sidebar frame asks
 * only once its page has loaded, and then finds the answer made or half made. Memory is only a
 * shortcut here: a stopped worker forgets it and answers from storage as before.
 */
const prepared = new Map<number, { key: string; at: number; db: BackstoryDB; story: Promise<TicketStory> }>();
/** Long enough for a frame to load, short enough that no import or sync is missed for long. */
const PREPARED_MS = 3000;

/** The same ticket, whatever order storage gave its fields back in. */
const refKey = (ref: TicketRef) => JSON.stringify(ref, Object.keys(ref).sort());

/**
 * Each tab's ticket text as its content script last sent it, for the ticket it was sent with:
 * page content, used only when the ticket's fields match nothing, and the ticket's subject and
 * first message (customer text), used only to order the matched account's notes. Held in the
 * worker's memory, with a copy in storage.session (memory too, never on disk, cleared when the
 * browser closes, not readable by content scripts) so a stopped worker's successor still has it.
 * Where session storage is full, memory alone holds it. Sent nowhere.
 */
interface KeptText {
  key: string;
  text?: string;
  words?: TicketWords;
}
const texts = new Map<number, KeptText>();
const textItem = (tabId: number) =>
  storage.defineItem<KeptText | null>(`session:ticketText:${tabId}`, { fallback: null });

/** Keep the text the tab's content script sent with this ticket (none forgets the tab's). */
export function rememberTicketText(
  tabId: number,
  ref: TicketRef | null,
  text: string | undefined,
  words?: TicketWords,
): Promise<void> {
  if (ref && (text || words)) {
    const kept: KeptText = { key: refKey(ref), ...(text ? { text } : {}), ...(words ? { words } : {}) };
    texts.set(tabId, kept);
    return textItem(tabId)
      .setValue(kept)
      .catch(() => undefined);
  }
  texts.delete(tabId);
  return textItem(tabId)
    .removeValue()
    .catch(() => undefined);
}

/** The tab's text, only while it is for this very ticket. */
async function textFor(tabId: number, ref: TicketRef): Promise<Omit<KeptText, 'key'>> {
  const kept =
    texts.get(tabId) ??
    (await textItem(tabId)
      .getValue()
      .catch(() => null)) ??
    undefined;
  return kept && kept.key === refKey(ref) ? { text: kept.text, words: kept.words } : {};
}

/** Start on this tab's story now (the ticket just reported); null forgets the tab's. */
export function prepareStory(tabId: number, ref: TicketRef | null, db: BackstoryDB = getDb()): void {
  prepared.delete(tabId);
  if (!ref) return;
  const entry = {
    key: refKey(ref),
    at: Date.now(),
    db,
    story: textFor(tabId, ref).then((kept) => tellStory(db, ref, kept)),
  };
  // A failure is not kept: the frame's own request tries again.
  entry.story.catch(() => prepared.get(tabId) === entry && prepared.delete(tabId));
  prepared.set(tabId, entry);
}

/** Stories made before a pin, a flag or a closed tab no longer hold (a closed tab's text neither). */
export function forgetPreparedStories(tabId?: number): void {
  if (tabId === undefined) prepared.clear();
  else {
    prepared.delete(tabId);
    texts.delete(tabId);
    void textItem(tabId)
      .removeValue()
      .catch(() => undefined);
  }
}

/**
 * What the background answers the sidebar frame. The ticket always comes from what the tab's
 * content script reported (session storage), never from the frame, so a frame can only ever see
 * the backstory of the ticket on screen in its own tab.
 */
export async function storyForTab(
  tabId: number,
  tabUrl: string | undefined,
  db: BackstoryDB = getDb(),
): Promise<TicketStory | null> {
  const ref = await tabTicketItem(tabId).getValue();
  // The tab may have moved on to a site without our content script, which then cannot clear
  // the old ticket: a page there that frames the sidebar must not see that ticket's story.
  if (!ref || !sameOrigin(ref.url, tabUrl)) return null;
  const ready = prepared.get(tabId);
  if (ready && ready.db === db && ready.key === refKey(ref) && Date.now() - ready.at < PREPARED_MS) return ready.story;
  return tellStory(db, ref, await textFor(tabId, ref));
}

/** The ticket's subject and first message, as the relevance ranking reads them. */
const problemOf = (words: TicketWords | undefined) => words && { subject: words.subject, body: words.firstMessage };

/**
 * The ticket's story, its account's earlier flags, how fresh each source is, and which of the
 * account's promises and notes concern this ticket (ranked by its subject and first message).
 */
async function tellStory(
  db: BackstoryDB,
  ref: TicketRef,
  { text, words }: Omit<KeptText, 'key'>,
): Promise<TicketStory> {
  const story = await loadTicketStory(
    db,
    ref,
    text ? { text, index: createTextIndex(db) } : undefined,
    heldMatchMemory(db),
  );
  if (!story.story) return story;
  // Earlier flags on this customer, so two technicians do not flag the same thing twice. A flag
  // delivered as a CRM note comes back with the next sync: it is listed once, as the flag.
  // The flags (IndexedDB) and the sources' freshness (storage.local) are read side by side.
  const [flags, sourceInfo] = await Promise.all([
    flagsOn(db, story.story.accountIds),
    describeSources(story.story.sources),
  ]);
  const notes = flags.length
    ? story.story.notes.filter((n) => !flags.some((f) => n.body.includes(f.id)))
    : story.story.notes;
  const problem = problemOf(words);
  const relevant = problem ? relevantToTicket({ ...story.story, notes }, problem) : [];
  return {
    ...story,
    story: { ...story.story, notes, sourceInfo, ...(relevant.length ? { relevant } : {}) },
    flags,
  };
}

/** Flag the ticket on screen in this tab; `deliver` tries to send it before answering. */
export async function flagForTab(
  tabId: number,
  tabUrl: string | undefined,
  input: FlagInput,
  deliver: () => Promise<unknown>,
  db: BackstoryDB = getDb(),
): Promise<Flag> {
  const ref = await tabTicketItem(tabId).getValue();
  if (!ref || !sameOrigin(ref.url, tabUrl)) throw new Error('no ticket on screen in this tab');
  const { text } = await textFor(tabId, ref);
  const story = await loadTicketStory(
    db,
    ref,
    text ? { text, index: createTextIndex(db) } : undefined,
    heldMatchMemory(db),
  );
  if (!story.story) throw new Error('this ticket has no account yet: pick one first');
  const flag = await createFlag(db, input, ref, story.story.account.id);
  forgetPreparedStories();
  if (flag.status === 'pending') await deliver().catch(() => undefined);
  return (await db.flags.get(flag.id)) ?? flag;
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return !!b && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Why a pin was refused, worded by the sidebar. */
export type PinRefusal = 'noTicket' | 'noAccount' | 'noKey';

export async function pinForTab(
  tabId: number,
  accountId: string,
  db: BackstoryDB = getDb(),
): Promise<{ ok: boolean; error?: PinRefusal }> {
  const ref = await tabTicketItem(tabId).getValue();
  if (!ref) return { ok: false, error: 'noTicket' };
  if (!(await recordById(db, 'account', accountId))) return { ok: false, error: 'noAccount' };
  const key = await savePin(db, ref, accountId);
  if (!key) return { ok: false, error: 'noKey' };
  forgetPreparedStories();
  forgetAccountIndex();
  return { ok: true };
}

export function findForSidebar(query: string, db: BackstoryDB = getDb()): Promise<AccountHit[]> {
  return findAccounts(db, query);
}
