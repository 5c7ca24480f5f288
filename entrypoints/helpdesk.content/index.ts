import { contentScriptMatches } from '@/adapters/hosts';
import { mayBeTicketUrl } from '@/adapters';
import { TicketWatcher } from './ticket-watcher';

/**
 * Recognises a ticket page, reports only the ticket reference to the background, and shows the
 * sidebar (see ticket-watcher.ts). On any other page of a help desk it only checks the URL,
 * again when a single-page app changes it: no DOM reads, observers, storage or messages.
 */
export default defineContentScript({
  matches: contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1'),
  // The page's HTML is parsed at document_end, so the ticket can be read at once; document_idle
  // came about 50 ms after DOMContentLoaded, and the sidebar waited for it.
  runAt: 'document_end',
  // No stylesheet: the host element is styled inline and the sidebar page carries its own CSS.
  cssInjectionMode: 'manual',
  main(ctx) {
    let watcher: TicketWatcher | undefined;
    const onUrl = () => {
      if (mayBeTicketUrl(new URL(location.href))) (watcher ??= new TicketWatcher(ctx)).start();
      else watcher?.stop();
    };
    onUrl();
    // Single-page help desks: a new URL.
    ctx.addEventListener(window, 'wxt:locationchange', onUrl);
  },
});
