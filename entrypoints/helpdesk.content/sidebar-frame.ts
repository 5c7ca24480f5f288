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

  constructor(ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.hide());
  }

  get shown(): boolean {
    return !!this.host;
  }

  show(collapsed: boolean): void {
    if (this.host) return;
    const host = document.createElement('backstory-sidebar');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SIDEBAR_HOST_CSS;
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL('/sidebar.html');
    frame.title = 'Backstory';
    shadow.append(style, frame);
    setCollapsed(host, collapsed);
    (document.body ?? document.documentElement).append(host);
    this.host = host;
    this.frame = frame;
    this.unwatch = watchCollapsed((value) => setCollapsed(host, value));
  }

  /** Tell the sidebar page the ticket changed. Carries no data; a forged nudge only refetches. */
  nudge(): void {
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
  }
}
