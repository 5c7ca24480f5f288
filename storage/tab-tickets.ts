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
