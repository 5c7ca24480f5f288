import { getDb, type BackstoryDB } from './db';
import { savePin } from './match-index';
import { tabTicketItem } from './tab-tickets';
import { loadTicketStory, type TicketStory } from './ticket-story';
import { findAccounts, forgetAccountIndex, type AccountHit } from './account-finder';
import type { Flag } from '@/core/flags';
import { flagsOn } from './flags';
import { createFlag, type FlagInput } from './flag-create';
import { withFreshness } from './freshness';

/**
 * What the background answers the sidebar frame. The ticket always comes from what the tab's
 * content script reported (session storage), never from the frame, so a frame can only ever see
 * the backstory of the ticket on screen in its own tab.
 */
export async function storyForTab(tabId: number, tabUrl: string | undefined, db: BackstoryDB = getDb()): Promise<TicketStory | null> {
  const ref = await tabTicketItem(tabId).getValue();
  // The tab may have moved on to a site without our content script, which then cannot clear
  // the old ticket: a page there that frames the sidebar must not see that ticket's story.
  if (!ref || !sameOrigin(ref.url, tabUrl)) return null;
  const story = await loadTicketStory(db, ref);
  if (!story.story) return story;
  // Earlier flags on this customer, so two technicians do not flag the same thing twice. A flag
  // delivered as a CRM note comes back with the next sync: it is listed once, as the flag.
  const flags = await flagsOn(db, story.story.accountIds);
  const notes = flags.length ? story.story.notes.filter((n) => !flags.some((f) => n.body.includes(f.id))) : story.story.notes;
  return { ...story, story: await withFreshness({ ...story.story, notes }), flags };
}

/** Flag the ticket on screen in this tab; `deliver` tries to send it before answering. */
export async function flagForTab(tabId: number, tabUrl: string | undefined, input: FlagInput, deliver: () => Promise<unknown>, db: BackstoryDB = getDb()): Promise<Flag> {
  const ref = await tabTicketItem(tabId).getValue();
  if (!ref || !sameOrigin(ref.url, tabUrl)) throw new Error('no ticket on screen in this tab');
  const story = await loadTicketStory(db, ref);
  if (!story.story) throw new Error('this ticket has no account yet: pick one first');
  const flag = await createFlag(db, input, ref, story.story.account.id);
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

export async function pinForTab(tabId: number, accountId: string, db: BackstoryDB = getDb()): Promise<{ ok: boolean; error?: PinRefusal }> {
  const ref = await tabTicketItem(tabId).getValue();
  if (!ref) return { ok: false, error: 'noTicket' };
  if (!(await db.accounts.get(accountId))) return { ok: false, error: 'noAccount' };
  const key = await savePin(db, ref, accountId);
  if (!key) return { ok: false, error: 'noKey' };
  forgetAccountIndex();
  return { ok: true };
}

export function findForSidebar(query: string, db: BackstoryDB = getDb()): Promise<AccountHit[]> {
  return findAccounts(db, query);
}
