import { browser } from '#imports';
import { storyPlace, type StoryPlace } from '@/storage/settings';
import { t } from '@/i18n/i18n';

/**
 * The browser's side panel in the mode the technician chose (Options > Display, storage/settings.ts
 * storyPlace): enabled, opened by the toolbar button, the keyboard command and the context menu
 * in `panel` mode; disabled (Chrome) and out of the way in `page` mode, the default.
 *
 * Chrome: the panel is enabled for every tab at once (sidePanel.setOptions without a tabId),
 * not per ticket tab: a panel disabled for a tab closes when that tab becomes active, and the
 * panel is to stay open across tabs and say so on a tab without a ticket. The toolbar button
 * opens the panel (setPanelBehavior) instead of the popup, whose quick search the panel offers
 * on a tab without a ticket. Firefox: the sidebar (sidebar_action) is always listed in its
 * sidebar menu; in panel mode the toolbar button and the command open it.
 */

/** Firefox's sidebar (not in Chrome's types). */
interface SidebarAction {
  open(): Promise<void>;
  toggle?(): Promise<void>;
}
const sidebarAction = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
const MENU_ACTION = 'backstory-panel-action';
const MENU_PAGE = 'backstory-panel-page';
const POPUP = 'popup.html';

/** The mode, kept here so a click's handler can open the panel before awaiting anything (it must). */
let place: StoryPlace | undefined;

export function openPanel(windowId: number | undefined): void {
  if (sidebarAction) {
    void sidebarAction.open().catch(() => undefined);
    return;
  }
  // Refused by Chrome while the panel is disabled (page mode): nothing opens.
  if (windowId !== undefined) void browser.sidePanel?.open({ windowId }).catch(() => undefined);
}

async function apply(next: StoryPlace, helpdeskPages: string[]): Promise<void> {
  place = next;
  const panel = next === 'panel';
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setPopup({ popup: panel ? '' : POPUP }).catch(() => undefined);
  if (browser.sidePanel) {
    await browser.sidePanel.setOptions({ enabled: panel }).catch(() => undefined);
    await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: panel }).catch(() => undefined);
  }
  // The context menu's entry: on the toolbar button, and on help-desk pages.
  const menus = browser.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  if (!panel) return;
  const title = t('panel.menu');
  menus.create({
    id: MENU_ACTION,
    title,
    contexts: [sidebarAction ? ('browser_action' as 'action') : 'action'],
  });
  menus.create({ id: MENU_PAGE, title, contexts: ['page'], documentUrlPatterns: helpdeskPages });
}

/** Keep the browser's panel, button and menu in step with the mode; wire their clicks. */
export function watchPanelMode(helpdeskPages: string[]): void {
  const sync = (next: StoryPlace | null | undefined) =>
    void apply(next ?? 'page', helpdeskPages).catch((e: unknown) =>
      console.error('Backstory: could not set up the side panel', e),
    );
  void storyPlace.getValue().then(sync);
  storyPlace.watch(sync);
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ACTION || info.menuItemId === MENU_PAGE) openPanel(tab?.windowId);
  });
  // Firefox has no setPanelBehavior: with the popup taken off in panel mode the button's click
  // comes here. (Chrome opens the panel itself and sends no click.)
  if (sidebarAction) {
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    action.onClicked.addListener((tab) => openPanel(tab.windowId));
  }
}

/**
 * The keyboard command (Alt+Shift+B): opens the panel in panel mode. Chrome's open() is tried
 * at once, while the keypress still counts as the user's gesture, and fails harmlessly in page
 * mode (the panel is disabled there). Whether the mode is page mode: the caller then folds or
 * unfolds the in-page sidebar.
 */
export async function commandOpensPanel(windowId: number | undefined): Promise<boolean> {
  if (place === 'panel' || (!sidebarAction && place === undefined)) openPanel(windowId);
  const now = place ?? (await storyPlace.getValue());
  return now === 'panel';
}
