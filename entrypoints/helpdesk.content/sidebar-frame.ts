import { browser, type ContentScriptContext } from '#imports';
import { SIDEBAR_HOST_CSS, setCollapsed } from './frame-style';
import { watchCollapsed } from './local-values';

/**
 * The sidebar: an extension-page iframe inside a closed shadow root on a <backstory-sidebar>
 * element, so the help-desk page can neither read nor restyle it, and no sales data ever enters
 * the page's DOM (the background pushes the frame its data). Built by hand rather than
 * with WXT's createShadowRootUi, whose helpers were a quarter of the content script.
 */
export class SidebarFrame {
  private host?: HTMLElement;
  private unwatch?: () => void;

  /** `page`: this page's id (core/messages.ts): the background tells the frame only this page's ticket. */
  constructor(
    ctx: ContentScriptContext,
    private readonly page: string,
  ) {
    ctx.onInvalidated(() => this.hide());
  }

  get shown(): boolean {
    return !!this.host;
  }

  /**
   * The sidebar may open before this page's ticket is reported (document_start): the background
   * pushes it this page's ticket once reported, never the tab's previous one. `hidden`: loaded
   * where the page may show a ticket, shown (by a later show()) only once it does; it is removed
   * if not.
   */
  show(collapsed: boolean, hidden = false): void {
    if (this.host) {
      if (!hidden) this.reveal(collapsed);
      return;
    }
    const host = document.createElement('backstory-sidebar');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SIDEBAR_HOST_CSS;
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(`/sidebar.html?page=${this.page}`);
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
    this.unwatch = watchCollapsed((value) => setCollapsed(host, value));
  }

  /** Show a frame loaded hidden (the page turned out to show a ticket), folded or not. */
  private reveal(collapsed: boolean): void {
    if (!this.host?.hasAttribute('data-hidden')) return;
    setCollapsed(this.host, collapsed);
    this.host.removeAttribute('data-hidden');
    this.host.inert = false;
  }

  hide(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.host?.remove();
    this.host = undefined;
  }
}
