import { contentScriptMatches } from '@/adapters/hosts';
import { mayBeTicketUrl } from '@/adapters';
import { matchesAny } from '@/adapters/url-match';
import { TicketWatcher } from './ticket-watcher';

/**
 * Recognises a ticket page, reports only the ticket reference to the background, and shows the
 * sidebar (see ticket-watcher.ts). On any other page of a help desk it only checks the URL,
 * again when a single-page app changes it: no DOM reads, observers, storage or messages.
 */
export default defineContentScript({
  matches: contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1'),
  // From the start, so the ticket is read the moment the HTML is parsed (DOMContentLoaded):
  // document_idle and document_end scripts ran tens of milliseconds after it.
  runAt: 'document_start',
  // No stylesheet: the host element is styled inline and the sidebar page carries its own CSS.
  cssInjectionMode: 'manual',
  main(ctx) {
    let watcher: TicketWatcher | undefined;
    // Outside the manifest's own patterns this script runs only because the user added the site
    // (registered at run time): there any page may show a ticket number.
    const addedSite = !matchesAny(location.href, contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1'));
    const onUrl = () => {
      const url = new URL(location.href);
      if (mayBeTicketUrl(url, addedSite)) (watcher ??= new TicketWatcher(ctx)).start(mayBeTicketUrl(url));
      else watcher?.stop();
    };
    onUrl();
    // "Show me where" (entrypoints/show-me-where.ts, injected into this same isolated world, never
    // the page's): once it saved the site's recipe, the page is read again with it.
    (globalThis as { backstoryReread?: () => void }).backstoryReread = () => watcher?.reread();
    // Single-page help desks: a new URL.
    ctx.addEventListener(window, 'wxt:locationchange', onUrl);
  },
});
