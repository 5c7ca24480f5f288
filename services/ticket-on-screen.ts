import type { TicketRef } from '@/core/model';
import { tabTicket } from '../storage/tab-tickets';

/** Whether two addresses are on the same origin (an address missing or not parsed: no). */
export function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return !!b && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The ticket on screen in a tab, as its content script reported it, while the tab (its address
 * as the browser gives it with the request) is still on that ticket's origin: every request a
 * sidebar makes about "its" ticket is checked this way, whatever it asks.
 */
export async function ticketOnScreen(tabId: number, tabUrl: string | undefined): Promise<TicketRef | undefined> {
  const ref = await tabTicket(tabId);
  return ref && sameOrigin(ref.url, tabUrl) ? ref : undefined;
}
