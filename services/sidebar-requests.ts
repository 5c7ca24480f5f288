import { storage } from '#imports';
import type { TicketRef, TicketWords } from '@/core/model';
import type { PinOutcome } from '@/core/messages';
import { getDb, type BackstoryDB } from '../storage/db';
import { recordById } from '../storage/record-store';
import { savePin } from './match-index';
import { readTabTicket } from '../storage/tab-tickets';
import { sameOrigin, ticketOnScreen } from './ticket-on-screen';
import { loadTicketStory, type TicketStory } from './ticket-story';
import { readTicketText } from './page-text';
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
 * Each tab's ticket words, read from the tab by the background when the tab reports a ticket
 * page (services/page-text.ts): the ticket's subject and first message (customer text), used
 * only to order the matched account's notes. Held in the worker's memory (as they are being
 * read: a promise), with a copy in storage.session (memory too, never on disk, cleared when the
 * browser closes, not readable by content scripts) so a stopped worker's successor still has
 * them. Where session storage is full, memory alone holds them. Sent nowhere. (The ticket's
 * visible text is not kept: it is read from the tab only when the fields match nothing.)
 */
interface KeptWords {
  key: string;
  words?: TicketWords;
}
/** null: the tab's last report was no ticket, known without asking storage.session. */
const kept = new Map<number, { key: string; words: Promise<TicketWords | undefined> } | null>();
const wordsItem = (tabId: number) =>
  storage.defineItem<KeptWords | null>(`session:ticketWords:${tabId}`, { fallback: null });

/**
 * The tab reported `ref`: keep its words, read by `read` from the tab, unless this worker has
 * them for the same ticket page already (a report the help desk's API filled in reads nothing
 * again; a worker started since reads them again, which costs the tab a moment, rather than
 * wait on storage). A report of no ticket forgets them. The story waits for the reading only,
 * never for the copy; the returned promise resolves once the copy is written too.
 */
export function rememberTicketWords(
  tabId: number,
  ref: TicketRef | null,
  read: () => Promise<TicketWords | undefined>,
): Promise<void> {
  if (!ref) {
    kept.set(tabId, null);
    return wordsItem(tabId)
      .removeValue()
      .catch(() => undefined);
  }
  const key = ticketKey(ref);
  const known = kept.get(tabId);
  if (known && known.key === key) return known.words.then(() => undefined);
  const entry = { key, words: read().catch(() => undefined) };
  kept.set(tabId, entry);
  // What a newer report left meanwhile stays.
  return entry.words.then((words) =>
    kept.get(tabId) === entry
      ? wordsItem(tabId)
          .setValue({ key, words })
          .catch(() => undefined)
      : undefined,
  );
}

/** The tab's words, only while they are for this very ticket page ({}: read, none). */
async function wordsFor(tabId: number, ref: TicketRef): Promise<TicketWords | undefined> {
  const key = ticketKey(ref);
  // From memory when this worker was told; else (a worker started since) from the copy.
  if (kept.has(tabId)) {
    const entry = kept.get(tabId);
    return entry && entry.key === key ? ((await entry.words) ?? {}) : undefined;
  }
  const copy = await wordsItem(tabId)
    .getValue()
    .catch(() => null);
  return copy && copy.key === key ? (copy.words ?? {}) : undefined;
}

/** This tab's story of this ticket: the one begun already, or begun now. */
function storyOf(tabId: number, ref: TicketRef, db: BackstoryDB): Promise<TicketStory> {
  const key = refKey(ref);
  const kept = stories.get(tabId);
  if (kept && kept.key === key && kept.db === db) return kept.story;
  const entry = { key, db, story: wordsFor(tabId, ref).then((words) => tellStory(db, ref, tabId, words)) };
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

/** A closed tab: its story and its words go. */
export function forgetTab(tabId: number): void {
  stories.delete(tabId);
  kept.delete(tabId);
  void wordsItem(tabId)
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
  tabId: number,
  words: TicketWords | undefined,
): Promise<TicketStory> {
  const problem = problemOf(words);
  // The data stamp before the story is read: a saved relevance index is used only while it holds.
  const stamp = problem ? await dataStamp(db).catch(() => '') : '';
  const story = await loadTicketStory(
    db,
    ref,
    { read: () => readTicketText(tabId, ref), index: createTextIndex(db) },
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
