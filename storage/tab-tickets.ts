import { storage } from '#imports';
import type { TicketRef } from '@/core/model';

/**
 * The ticket on screen in each tab, as its content script last reported it. Kept in
 * storage.session so it survives the service worker being stopped, and is not readable by
 * content scripts (session storage is limited to trusted contexts by default).
 */
export function tabTicketItem(tabId: number) {
  return storage.defineItem<TicketRef | null>(`session:ticket:${tabId}`, { fallback: null });
}

/** The id of the page (core/messages.ts) that reported the tab's ticket, beside it. */
function tabPageItem(tabId: number) {
  return storage.defineItem<string | null>(`session:ticketPage:${tabId}`, { fallback: null });
}

/** Keep the tab's ticket and the page that reported it, in one write. */
export async function saveTabTicket(tabId: number, ref: TicketRef | null, page: string | undefined): Promise<void> {
  await storage.setItems([
    { item: tabTicketItem(tabId), value: ref },
    { item: tabPageItem(tabId), value: page ?? null },
  ]);
}

/** The tab's ticket and the page that reported it, in one read. */
export async function readTabTicket(tabId: number): Promise<{ ref: TicketRef | null; page: string | null }> {
  const [ref, page] = await storage.getItems([tabTicketItem(tabId), tabPageItem(tabId)]);
  return { ref: (ref?.value ?? null) as TicketRef | null, page: (page?.value ?? null) as string | null };
}

/** A closed tab's ticket goes. */
export async function forgetTabTicket(tabId: number): Promise<void> {
  await storage.removeItems([tabTicketItem(tabId), tabPageItem(tabId)]);
}
