import { storage } from '#imports';
import type { TicketRef } from '@/core/model';

/**
 * The ticket on screen in each tab, as its content script last reported it, and the page that
 * reported it. Held in the worker's memory, which every story is told from, with a copy in
 * storage.session so a stopped worker's successor still has it (session storage is memory too,
 * cleared when the browser closes, and not readable by content scripts: it is limited to trusted
 * contexts by default). The popup, an extension page, reads the copy.
 */
export function tabTicketItem(tabId: number) {
  return storage.defineItem<TicketRef | null>(`session:ticket:${tabId}`, { fallback: null });
}

/** The id of the page (core/messages.ts) that reported the tab's ticket, beside it. */
function tabPageItem(tabId: number) {
  return storage.defineItem<string | null>(`session:ticketPage:${tabId}`, { fallback: null });
}

export interface TabTicket {
  ref: TicketRef | null;
  page: string | null;
}

/** This worker's copy: what it was told, or read back from storage.session after it started. */
const held = new Map<number, TabTicket>();

/** Bumped by every save and forget: a read from storage.session begun before one is not kept. */
let changes = 0;

/** The copy in storage.session, in one read. */
async function readCopy(tabId: number): Promise<TabTicket> {
  const [ref, page] = await storage.getItems([tabTicketItem(tabId), tabPageItem(tabId)]);
  return { ref: (ref?.value ?? null) as TicketRef | null, page: (page?.value ?? null) as string | null };
}

/**
 * Keep the tab's ticket and the page that reported it: in memory at once (every read from now on
 * gets it), and in storage.session in one write. Resolves, once written, to what the tab had
 * before.
 */
export async function saveTabTicket(
  tabId: number,
  ref: TicketRef | null,
  page: string | undefined,
): Promise<TabTicket> {
  const known = held.get(tabId);
  // A worker that started since the last report reads the copy (asked before the write below).
  const before = known ? Promise.resolve(known) : readCopy(tabId);
  changes++;
  held.set(tabId, { ref, page: page ?? null });
  const [previous] = await Promise.all([
    before,
    storage.setItems([
      { item: tabTicketItem(tabId), value: ref },
      { item: tabPageItem(tabId), value: page ?? null },
    ]),
  ]);
  return previous;
}

/**
 * The tab's ticket and the page that reported it: from memory, without waiting, once this worker
 * was told or has read it; else (a worker that started since) from storage.session, in one read.
 */
export async function readTabTicket(tabId: number): Promise<TabTicket> {
  const known = held.get(tabId);
  if (known) return known;
  const asked = changes;
  const read = await readCopy(tabId);
  // A report that came while this read was under way is newer than what it read; after a save
  // or forget of any tab, what was read is answered but not kept.
  const meanwhile = held.get(tabId);
  if (meanwhile) return meanwhile;
  if (asked === changes) held.set(tabId, read);
  return read;
}

/** The tab's ticket (see readTabTicket). */
export async function tabTicket(tabId: number): Promise<TicketRef | null> {
  return (await readTabTicket(tabId)).ref;
}

/** A closed tab's ticket goes, from memory and from storage.session. */
export async function forgetTabTicket(tabId: number): Promise<void> {
  changes++;
  held.delete(tabId);
  await storage.removeItems([tabTicketItem(tabId), tabPageItem(tabId)]);
}

/** For tests: forget this worker's copy, as a stopped worker does (storage.session keeps its own). */
export function forgetHeldTabTickets(): void {
  changes++;
  held.clear();
}
