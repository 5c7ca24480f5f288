import { browser, type ContentScriptContext } from '#imports';
import { SIDEBAR_HOST_CSS, setCollapsed } from './frame-style';
import { watchCollapsed } from './local-values';

/**
 * The sidebar: an extension-page iframe inside a closed shadow root on a <backstory-sidebar>
 * element, so the help-desk page can neither read nor restyle it, and no sales data ever enters
 * the page's DOM (the frame fetches its own data from the background). Built by hand rather than
 * with WXT's createShadowRootUi, whose helpers were a quarter of the content script.
 */
export class SidebarFrame {
  private host?: HTMLElement;
  private frame?: HTMLIFrameElement;
  private unwatch?: () => void;
  /** A frame opened before the ticket was reported waits for its first nudge until it loads. */
  private waiting?: { loaded: boolean; nudged: boolean };

  constructor(ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.hide());
  }

  get shown(): boolean {
    return !!this.host;
  }

  /**
   * `wait`: the sidebar opens before this page's ticket is reported (document_start), so it must
   * not ask the background at load (it would get the tab's previous ticket): it asks on its first
   * nudge, sent once both the report is done and the frame has loaded. `hidden`: loaded where
   * the page may show a ticket, shown (by a later show()) only once it does; it is removed if not.
   */
  show(collapsed: boolean, wait = false, hidden = false): void {
    if (this.host) {
      if (!hidden) this.reveal(collapsed);
      return;
    }
    const host = document.createElement('backstory-sidebar');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SIDEBAR_HOST_CSS;
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(wait ? '/sidebar.html?wait' : '/sidebar.html');
    if (wait) {
      const waiting = { loaded: false, nudged: false };
      // On the frame element, which goes with the frame: nothing to remove.
      frame.addEventListener('load', () => {
        waiting.loaded = true;
        if (waiting.nudged) this.nudge();
      });
      this.waiting = waiting;
    }
    frame.title = 'Backstory';
    shadow.append(style, frame);
    setCollapsed(host, collapsed);
    if (hidden) {
      host.toggleAttribute('data-hidden', true);
      // Nothing in it to reach by keyboard or screen reader until it is shown.
      host.inert = true;
    }
    (document.body ?? document.documentElement).append(host);
    this.host = host;
    this.frame = frame;
    this.unwatch = watchCollapsed((value) => setCollapsed(host, value));
  }

  /** Show a frame loaded hidden (the page turned out to show a ticket), folded or not. */
  private reveal(collapsed: boolean): void {
    if (!this.host?.hasAttribute('data-hidden')) return;
    setCollapsed(this.host, collapsed);
    this.host.removeAttribute('data-hidden');
    this.host.inert = false;
  }

  /** Tell the sidebar page the ticket changed. Carries no data; a forged nudge only refetches. */
  nudge(): void {
    if (this.waiting && !this.waiting.loaded) {
      this.waiting.nudged = true;
      return;
    }
    // Any target origin: the nudge carries nothing, and Chrome's use_dynamic_url gives the frame
    // an origin other than the one runtime.getURL() names.
    this.frame?.contentWindow?.postMessage('backstory:refresh', '*');
  }

  hide(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.host?.remove();
    this.host = undefined;
    this.frame = undefined;
    this.waiting = undefined;
  }
}
