import { storage } from '#imports';
import type { TicketRef, TicketWords } from '@/core/model';
import type { PinOutcome } from '@/core/messages';
import { getDb, type BackstoryDB } from '../storage/db';
import { recordById } from '../storage/record-store';
import { savePin } from './match-index';
import { readTabTicket } from '../storage/tab-tickets';
import { sameOrigin, ticketOnScreen } from './ticket-on-screen';
import { loadTicketStory, type TicketStory } from './ticket-story';
import { createTextIndex } from '../background-caches/page-scan-index';
import { findAccounts, forgetAccountIndex, type AccountHit } from '../background-caches/account-finder';
import type { Flag } from '@/core/flags';
import { flagsOn, notesShown } from './flags';
import { createFlag, type FlagInput } from './flag-create';
import { describeSources } from './freshness';
import { heldMatchMemory } from '../background-caches/match-memory';
import { relevantForStory } from './relevance-index';
import { dataStamp } from '../storage/data-stamp';

/**
 * Each tab's story, begun as soon as its content script reports its ticket and kept while that
 * ticket, the data, the pins and the flags stay as they were (`storiesChanged` forgets them all;
 * the background calls it on every write it is told of: see entrypoints/background/index.ts).
 * Memory is only a shortcut here: a stopped worker forgets it and tells the story from storage.
 */
const stories = new Map<number, { key: string; db: BackstoryDB; story: Promise<TicketStory> }>();

/** The same ticket, whatever order storage gave its fields back in. */
const refKey = (ref: TicketRef) => JSON.stringify(ref, Object.keys(ref).sort());

/** The same ticket page, whatever its fields say by now (the help desk's API may fill some in later). */
const ticketKey = (ref: TicketRef) => JSON.stringify([ref.helpdesk, ref.ticketId ?? '', ref.url]);

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
/** null: the tab's report had no text, known without asking storage.session. */
const texts = new Map<number, KeptText | null>();
const textItem = (tabId: number) =>
  storage.defineItem<KeptText | null>(`session:ticketText:${tabId}`, { fallback: null });

/**
 * Keep the text (and the words) the tab's content script sent with this ticket. A report without
 * either for the same ticket page (a field the help desk's API filled in) keeps what it has; any
 * other report without them forgets it.
 */
export async function rememberTicketText(
  tabId: number,
  ref: TicketRef | null,
  text: string | undefined,
  words?: TicketWords,
): Promise<void> {
  if (ref && (text || words)) {
    const kept: KeptText = { key: ticketKey(ref), ...(text ? { text } : {}), ...(words ? { words } : {}) };
    texts.set(tabId, kept);
    return textItem(tabId)
      .setValue(kept)
      .catch(() => undefined);
  }
  const known = texts.get(tabId);
  if (ref && known && known.key === ticketKey(ref)) return;
  // A worker started since the last report asks the copy; what a newer report left meanwhile stays.
  if (ref && !texts.has(tabId) && ((await textFor(tabId, ref)) !== undefined || texts.has(tabId))) return;
  texts.set(tabId, null);
  return textItem(tabId)
    .removeValue()
    .catch(() => undefined);
}

/** The tab's text and words, only while they are for this very ticket page. */
async function textFor(tabId: number, ref: TicketRef): Promise<Omit<KeptText, 'key'> | undefined> {
  // From memory when this worker was told; else (a worker started since) from the copy.
  const kept = texts.has(tabId)
    ? texts.get(tabId)
    : await textItem(tabId)
        .getValue()
        .catch(() => null);
  return kept && kept.key === ticketKey(ref) ? { text: kept.text, words: kept.words } : undefined;
}

/** This tab's story of this ticket: the one begun already, or begun now. */
function storyOf(tabId: number, ref: TicketRef, db: BackstoryDB): Promise<TicketStory> {
  const key = refKey(ref);
  const kept = stories.get(tabId);
  if (kept && kept.key === key && kept.db === db) return kept.story;
  const entry = { key, db, story: textFor(tabId, ref).then((kept) => tellStory(db, ref, kept ?? {})) };
  // A failure is not kept: the next push tries again.
  entry.story.catch(() => stories.get(tabId) === entry && stories.delete(tabId));
  stories.set(tabId, entry);
  return entry.story;
}

/** Begin the story of the ticket a tab just reported (its text remembered first), before anyone asks. */
export function beginStory(tabId: number, ref: TicketRef | null, db: BackstoryDB = getDb()): void {
  if (ref) void storyOf(tabId, ref, db).catch(() => undefined);
  else stories.delete(tabId);
}

/** The data, the pins or the flags changed: no story told so far holds. */
export function storiesChanged(): void {
  stories.clear();
}

/** A closed tab: its story and its text go. */
export function forgetTab(tabId: number): void {
  stories.delete(tabId);
  texts.delete(tabId);
  void textItem(tabId)
    .removeValue()
    .catch(() => undefined);
}

/**
 * The story of the ticket on screen in a tab, for a sidebar or panel showing it. The ticket
 * always comes from what the tab's content script reported (session storage), never from the
 * asker, so it can only ever see the backstory of the ticket on screen in that tab; and only
 * while the tab is still on the origin of that ticket (`tabUrl`: the tab's address as the browser
 * gives it). With `page`, only a ticket that page reported: undefined until it has.
 */
export async function storyForTab(
  tabId: number,
  tabUrl: string | undefined,
  db: BackstoryDB = getDb(),
  page?: string,
): Promise<TicketStory | null | undefined> {
  const reported = await readTabTicket(tabId);
  if (page !== undefined && reported.page !== page) return undefined;
  const ref = reported.ref;
  // The tab may have moved on to a site without our content script, which then cannot clear
  // the old ticket: a page there that frames the sidebar must not see that ticket's story.
  if (!ref || !sameOrigin(ref.url, tabUrl)) return null;
  return storyOf(tabId, ref, db);
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
  const problem = problemOf(words);
  // The data stamp before the story is read: a saved relevance index is used only while it holds.
  const stamp = problem ? await dataStamp(db).catch(() => '') : '';
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
  const notes = notesShown(story.story.notes, flags);
  const relevant = problem ? await relevantForStory(db, { ...story.story, notes }, problem, stamp) : [];
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
  // The story the sidebar shows (told already, unless the data changed meanwhile) names the account.
  const story = await storyForTab(tabId, tabUrl, db);
  if (!story) throw new Error('no ticket on screen in this tab');
  if (!story.story) throw new Error('this ticket has no account yet: pick one first');
  const flag = await createFlag(db, input, story.ref, story.story.account.id);
  storiesChanged();
  if (flag.status === 'pending') await deliver().catch(() => undefined);
  return (await db.flags.get(flag.id)) ?? flag;
}

/** Pin an account to the ticket on screen in this tab (refused for a tab that has left the ticket's origin). */
export async function pinForTab(
  tabId: number,
  tabUrl: string | undefined,
  accountId: string,
  db: BackstoryDB = getDb(),
): Promise<PinOutcome> {
  const ref = await ticketOnScreen(tabId, tabUrl);
  if (!ref) return { ok: false, error: 'noTicket' };
  if (!(await recordById(db, 'account', accountId))) return { ok: false, error: 'noAccount' };
  const key = await savePin(db, ref, accountId);
  if (!key) return { ok: false, error: 'noKey' };
  storiesChanged();
  forgetAccountIndex();
  return { ok: true };
}

/** Accounts to pin to the ticket on screen in this tab: only while there is one (the sidebar searches for nothing else). */
export async function findForTab(
  tabId: number,
  tabUrl: string | undefined,
  query: string,
  db: BackstoryDB = getDb(),
): Promise<AccountHit[]> {
  if (!(await ticketOnScreen(tabId, tabUrl))) throw new Error('no ticket on screen in this tab');
  return findAccounts(db, query);
}
