import type { SenderKind } from './messages';

/** The parts of runtime.MessageSender the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * Classify who sent a message, Bitwarden style. Fails closed: anything not clearly ours is
 * undefined. `isGrantedUrl` says whether a content script may run on a page URL at all.
 */
export function classifySender(
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
  isGrantedUrl: (url: string) => boolean,
  /** Test builds only: the panel page loaded in a tab of its own (tests/e2e/sidepanel.e2e.ts). */
  panelInTab = false,
): SenderKind | undefined {
  if (sender.id !== runtimeId || typeof sender.url !== 'string') return undefined;
  const origin = extensionOrigin.replace(/\/$/, '');
  if (sender.url.startsWith(origin + '/')) {
    // The sidebar is an extension page framed inside a help-desk tab: it may only ask about
    // the ticket in that tab, so it is told apart from the popup and options page.
    const path = new URL(sender.url).pathname;
    if (path === '/sidebar.html') return typeof sender.tab?.id === 'number' ? 'sidebar' : undefined;
    // The side panel lives in the browser's own panel, in no tab (Chrome gives its sender no tab,
    // Firefox's sidebar neither): the same page in a tab is no panel, and not another page either.
    if (path === '/sidepanel.html') return sender.tab === undefined || panelInTab ? 'panel' : undefined;
    return 'extension-page';
  }
  // A content script: only from the top frame of a tab, on a page we are granted.
  if (sender.frameId !== 0 || typeof sender.tab?.id !== 'number') return undefined;
  if (!isGrantedUrl(sender.url)) return undefined;
  return 'content';
}

/**
 * Whether a content script may report this ticket: its address must be on the sender's own
 * origin (a script on one help desk cannot speak for a ticket of another site). No ticket (null)
 * is always allowed: it only withdraws the tab's.
 */
export function mayReport(ref: { url: string } | null, senderUrl: string | undefined): boolean {
  if (!ref) return true;
  try {
    return !!senderUrl && new URL(ref.url).origin === new URL(senderUrl).origin;
  } catch {
    return false;
  }
}
