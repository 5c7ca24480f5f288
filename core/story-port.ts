/**
 * The names of the long-lived connections (runtime.connect) over which the background pushes a
 * ticket's story. Apart from core/messages.ts, whose zod schemas the sidebar's first render does
 * not need (they are a third of its script): the sidebar imports only these.
 */

/** `backstory:sidebar:<page id>`: the sidebar frame a page's content script opened (see core/messages.ts). */
export const SIDEBAR_PORT = 'backstory:sidebar:';
