/**
 * The names of the long-lived connections (runtime.connect) over which the background pushes a
 * ticket's story. Apart from core/messages.ts, whose zod schemas the sidebar's first render does
 * not need (they are a third of its script): the sidebar imports only these.
 */

/** `backstory:sidebar:<page id>`: the sidebar frame a page's content script opened (see core/messages.ts). */
export const SIDEBAR_PORT = 'backstory:sidebar:';

/**
 * `backstory:panel:<window id>`: the browser's side panel (Chrome's side panel, Firefox's
 * sidebar) of that window. It is pushed the story of the window's active tab, as that tab's
 * content script reported it; it never names a ticket or a tab itself.
 */
export const PANEL_PORT = 'backstory:panel:';

/** Which ticket a story is of, as a side panel names it back with its pin or flag (core/messages.ts). */
export const ticketKey = (ref: { helpdesk: string; ticketId?: string; url: string }): string =>
  JSON.stringify([ref.helpdesk, ref.ticketId ?? '', ref.url]).slice(0, 2200);
