import { browser } from '#imports';
import { parseMessage, messageSchemas, type SidebarHelloReply } from '@/core/messages';
import { classifySender } from '@/core/senders';
import { contentScriptMatches } from '@/adapters/hosts';
import { matchesAny } from '@/adapters/url-match';
import { tabTicketItem } from '@/storage/tab-tickets';
import { sidebarCollapsed } from '@/storage/settings';
import { findForSidebar, pinForTab, storyForTab } from '@/storage/sidebar-requests';

const CONTENT_MATCHES = contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1');

/**
 * The one message router. Listeners are registered synchronously at the top level so a stopped
 * service worker wakes up for them; no state lives in memory.
 */
export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((payload: unknown, sender) => {
    const kind = classifySender(sender, browser.runtime.id, extensionOrigin, (url) =>
      matchesAny(url, CONTENT_MATCHES),
    );
    const message = parseMessage(payload);
    if (!kind || !message || !messageSchemas[message.type].from.includes(kind)) {
      // Refused without throwing; say only the reason code, never the payload.
      console.warn('Backstory: refused a message', { kind: kind ?? 'unknown', type: message?.type ?? 'invalid' });
      return undefined;
    }
    switch (message.type) {
      case 'ticket:update':
        return tabTicketItem(sender.tab!.id!).setValue(message.ref).then(() => ({ ok: true }));
      // The sender check guarantees a tab id for every sidebar message.
      case 'sidebar:hello':
        return Promise.resolve({ tabId: sender.tab!.id! } satisfies SidebarHelloReply);
      case 'sidebar:story':
        return answer(storyForTab(sender.tab!.id!));
      case 'sidebar:find':
        return answer(findForSidebar(message.query));
      case 'sidebar:pin':
        return answer(pinForTab(sender.tab!.id!, message.accountId));
    }
  });

  /** Errors cross the message boundary as data: a rejected promise would arrive as a bare string. */
  function answer<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
    return work.then(
      (value) => ({ ok: true as const, value }),
      (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
    );
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabTicketItem(tabId).removeValue();
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command === 'toggle-sidebar') await sidebarCollapsed.setValue(!(await sidebarCollapsed.getValue()));
  });
});
