import { browser, type ContentScriptContext } from '#imports';
import { SIDEBAR_HOST_CSS } from './frame-style';
import { watchCollapsed } from './local-values';
import { MOVED_MESSAGE } from '@/core/click-guard';

/** The host's only attributes: anything else the page sets on it is removed. */
const OURS = ['data-collapsed', 'data-hidden', 'inert'];

/**
 * The sidebar: an extension-page iframe inside a closed shadow root on a <backstory-sidebar>
 * element, so the help-desk page can neither read nor restyle it, and no sales data ever enters
 * the page's DOM (the background pushes the frame its data). Built by hand rather than
 * with WXT's createShadowRootUi, whose helpers were a quarter of the content script.
 *
 * The page may still move the host (into an invisible container), set attributes on it or
 * restyle the root element above it, to get clicks onto buttons the technician cannot see
 * (issue 20, part 2). The host is kept a child of the root element with only its own attributes
 * (put back at once); its style is the shadow root's !important rules, which beat anything the page
 * writes. Whether a click counts is decided by the frame itself, from its own visibility
 * (entrypoints/sidebar/guard.ts). This script only tells it "moved a moment ago", an unsigned
 * message the page could send too: it can only make the frame refuse clicks for a moment.
 */
export class SidebarFrame {
  private host?: HTMLElement;
  private unwatch?: () => void;
  // One for the life of the page (disconnected while no sidebar is shown).
  private readonly keeper = new MutationObserver(() => this.keep());
  private frame?: HTMLIFrameElement;
  private restores = 0;
  private window = 0;
  private collapsed = false;
  private hidden = false;

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
      // Show a frame loaded hidden (the page turned out to show a ticket), folded or not.
      if (!hidden && this.hidden) this.set(collapsed, false);
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
    this.host = host;
    this.frame = frame;
    // Hidden: nothing in it to reach by keyboard or screen reader until it is shown.
    this.set(collapsed, hidden);
    document.documentElement.append(host);
    this.keeper.observe(host, { attributes: true });
    this.keeper.observe(document.documentElement, { childList: true, attributes: true });
    this.unwatch = watchCollapsed((value) => this.set(value, this.hidden));
  }

  /** Set the host's attributes to these (and only these), not counting it as a move. */
  private set(collapsed: boolean, hidden: boolean): void {
    const host = this.host!;
    this.collapsed = collapsed;
    this.hidden = hidden;
    for (const { name } of [...host.attributes]) if (!OURS.includes(name)) host.removeAttribute(name);
    host.toggleAttribute(OURS[0]!, collapsed);
    host.toggleAttribute(OURS[1]!, hidden);
    host.inert = hidden;
    this.keeper.takeRecords();
  }

  /** The page changed the host, its place or the root element: put the host back, tell the frame. */
  private keep(): void {
    const host = this.host;
    const now = Date.now();
    if (now > this.window + 1000) {
      this.window = now;
      this.restores = 0;
    }
    // A page that fights back (moves it again at once) is answered at most MAX_RESTORES times a
    // second, not in an endless loop; meanwhile the frame keeps refusing clicks by itself.
    if (!host || ++this.restores > MAX_RESTORES) return;
    // Moving the frame reloads it: the new one starts refusing clicks until seen visible a while.
    if (host.parentNode !== document.documentElement) document.documentElement.append(host);
    this.set(this.collapsed, this.hidden);
    // To any origin: the word is no secret, and the frame may carry a dynamic extension origin.
    this.frame?.contentWindow?.postMessage(MOVED_MESSAGE, '*');
  }

  hide(): void {
    this.keeper.disconnect();
    this.unwatch?.();
    this.unwatch = undefined;
    this.host?.remove();
    this.host = undefined;
  }
}

/** How often a second the host is put back at most. */
const MAX_RESTORES = 20;
