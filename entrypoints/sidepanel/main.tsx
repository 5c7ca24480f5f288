import { render } from 'preact';
import { browser } from '#imports';
import '@/components/ui.css';
import '../popup/popup.css';
import '../sidebar/sidebar.css';
import './sidepanel.css';
import { SidebarApp } from '../sidebar/SidebarApp';
import { PopupApp } from '../popup/PopupApp';
import { openIndex } from '../popup/saved-index';
import { PANEL_PORT } from '@/core/story-port';
import { sameTabLoading, storyFeed } from '@/messaging/story-feed';
import { i18nReady } from '@/i18n/i18n';
import { panelAsks } from './asks';

/**
 * The browser's own side panel (Chrome's side panel, Firefox's sidebar): the sidebar's app,
 * beside the page rather than in it. It never names a ticket: its port names only its window,
 * and the background pushes the story of that window's active tab as the tab's content script
 * reported it, again at every tab switch (loading first) and ticket change.
 *
 * Test builds only: `?window=<id>` makes the page follow that window, so the browser tests can
 * load it as an extension page in a window of its own (Playwright cannot open Chrome's side
 * panel); the background also takes such a page as a panel only in test builds (core/senders.ts).
 */
async function windowToFollow(): Promise<number> {
  const given = new URLSearchParams(location.search).get('window');
  if (import.meta.env.WXT_TEST_HOSTS === '1' && given && /^\d+$/.test(given)) return Number(given);
  return (await browser.windows.getCurrent()).id!;
}

void windowToFollow().then((windowId) => {
  const feed = storyFeed(PANEL_PORT + windowId, { skip: sameTabLoading });
  // Read while the first story is on its way: the search a tab without a ticket offers.
  openIndex();
  void i18nReady().then(() =>
    render(
      <SidebarApp feed={feed} asks={panelAsks(feed)} panel={{ search: <PopupApp /> }} />,
      document.getElementById('app')!,
    ),
  );
});
