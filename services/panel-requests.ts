import type { Shown } from '@/core/messages';
import { ticketKey } from '@/core/story-port';
import { tabTicketItem } from '../storage/tab-tickets';
import { sameOrigin } from './ticket-on-screen';

/** What the check asks about a tab (runtime tabs.get, or a test's own). */
export interface TabFacts {
  active: boolean;
  windowId: number;
  url?: string;
}

/**
 * The tab a side panel's pin, flag or search acts on: the one it names (`shown`, taken from the
 * background's own push), only while that tab is still the active tab of its window, a panel of
 * that window shows it, and the tab's content script still reports the same ticket on the tab's
 * current origin. Anything else: undefined (refused, worded by the caller), so a click made just
 * as the technician switched tabs never lands on the other tab's ticket.
 */
export async function panelTab(
  shown: Shown | undefined,
  getTab: (tabId: number) => Promise<TabFacts | undefined>,
  panelShows: (windowId: number, tabId: number) => boolean,
): Promise<{ id: number; url: string } | undefined> {
  if (!shown) return undefined;
  const tab = await getTab(shown.tabId).catch(() => undefined);
  if (!tab?.active || !tab.url || !panelShows(tab.windowId, shown.tabId)) return undefined;
  const ref = await tabTicketItem(shown.tabId).getValue();
  if (!ref || ticketKey(ref) !== shown.ticket || !sameOrigin(ref.url, tab.url)) return undefined;
  return { id: shown.tabId, url: tab.url };
}
