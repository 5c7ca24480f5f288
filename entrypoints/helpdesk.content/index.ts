import { browser, createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { contentScriptMatches } from '@/adapters/hosts';
import { detectTicket, enrichFromApi } from '@/adapters';
import type { TicketRef } from '@/core/model';
import { siteFor } from '@/core/sites';
import { sidebarCollapsed } from '@/storage/settings';
import { sitesItem } from '@/storage/sites';
import { sameOriginJson } from './same-origin-json';
import { SIDEBAR_HOST_CSS, setCollapsed } from './frame-style';

/**
 * Recognises a ticket page, reports only the ticket reference to the background, and shows the
 * sidebar: an extension-page iframe inside a closed shadow root, so no sales data ever enters the
 * help-desk page's DOM. Every listener is tied to `ctx` and dies with the content script.
 */
export default defineContentScript({
  matches: contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1'),
  runAt: 'document_idle',
  // No stylesheet: the host element is styled inline and the sidebar page carries its own CSS.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const sidebar = new SidebarFrame(ctx);
    // On a site the user added, the product they picked for it ("detect" lets adapters decide).
    const siteAdapterId = siteFor(await sitesItem.getValue(), location.href)?.adapterId;
    let lastKey = '';

    const check = () => {
      const url = new URL(location.href);
      const ref = detectTicket(document, url, siteAdapterId);
      const key = JSON.stringify(ref);
      if (key === lastKey) return;
      lastKey = key;
      // Report first, then show or nudge the sidebar: it asks the background for what was reported.
      void report(ref).then(() => {
        if (lastKey !== key || !ctx.isValid) return;
        if (ref) void sidebar.show().then(() => sidebar.nudge());
        else sidebar.hide();
      });
      // What the page does not show may come from the help desk's own API (same origin, the
      // technician's session); report again if the ticket is still the one on screen.
      if (ref) {
        void enrichFromApi(ref, url, sameOriginJson).then((better) => {
          if (better !== ref && lastKey === key && ctx.isValid) void report(better).then(() => sidebar.nudge());
        });
      }
    };

    check();
    // SPA help desks: a new URL, or a ticket view rendered after the URL changed.
    ctx.addEventListener(window, 'wxt:locationchange', check);
    let pending = 0;
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = 0;
        check();
      }, 250);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});

async function report(ref: TicketRef | null): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'ticket:update', ref });
  } catch {
    // The background may be restarting (extension update); the next check reports again.
  }
}

class SidebarFrame {
  private ui?: ShadowRootContentScriptUi<HTMLIFrameElement>;
  private unwatch?: () => void;

  constructor(private readonly ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.hide());
  }

  async show(): Promise<void> {
    if (this.ui) return;
    const collapsed = await sidebarCollapsed.getValue();
    const ui = await createShadowRootUi(this.ctx, {
      name: 'backstory-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      css: SIDEBAR_HOST_CSS,
      onMount: (container, _shadow, host) => {
        const frame = document.createElement('iframe');
        frame.src = browser.runtime.getURL('/sidebar.html');
        frame.title = 'Backstory';
        container.append(frame);
        setCollapsed(host, collapsed);
        return frame;
      },
    });
    if (this.ui) return; // a second check raced this one
    this.ui = ui;
    ui.mount();
    this.unwatch = sidebarCollapsed.watch((value) => {
      setCollapsed(ui.shadowHost, !!value);
    });
  }

  /** Tell the sidebar page the ticket changed. Carries no data; a forged nudge only refetches. */
  nudge(): void {
    const frame = this.ui?.mounted;
    if (!frame?.contentWindow) return;
    // Any target origin: the nudge carries nothing, and Chrome's use_dynamic_url gives the frame
    // an origin other than the one runtime.getURL() names.
    frame.contentWindow.postMessage('backstory:refresh', '*');
  }

  hide(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.ui?.remove();
    this.ui = undefined;
  }
}

