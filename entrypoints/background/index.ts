import { browser } from '#imports';
import { parsePortName } from '@/core/messages';
import { contentScriptMatches } from '@/adapters/hosts';
import { forgetTabTicket } from '@/storage/tab-tickets';
import { sidebarCollapsed } from '@/storage/settings';
import { sitesItem } from '@/storage/sites';
import { forgetTab, storiesChanged } from '@/services/sidebar-requests';
import { StoryChannel } from '@/services/story-channel';
import { commandOpensPanel, watchPanelMode } from './side-panel';
import { onAnnouncedWrites } from '@/background-caches/announced-writes';
import { salesTables } from '@/storage/record-store';
import { importedAtItem } from '@/services/freshness';
import { FLAG_ALARM, deliverFlags, scheduleRetries } from './flag-delivery-alarm';
import { countTicketView } from '@/services/ticket-views';
import { getDb } from '@/storage/db';
import { keepSiteScripts } from './site-scripts';
import { RESUME_ALARM, SYNC_ALARM, resumeInterrupted, syncAll } from './source-sync';
import { sourceStatusItem, sourcesItem, syncIntervalItem } from '@/storage/source-configs';
import { watchPolicy } from './policy-watch';
import { createRouter } from './router';

const CONTENT_MATCHES = contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1');
/** Test builds only: the side panel page loaded in a tab of its own counts as a panel (core/senders.ts). */
const PANEL_IN_TAB = import.meta.env.WXT_TEST_HOSTS === '1';

/**
 * The one message router, plus the upkeep of user-added help-desk sites. Listeners are
 * registered synchronously at the top level so a stopped service worker wakes up for them; no
 * state lives in memory.
 */
export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');

  // Campaign insights count matched tickets, only with the technician's consent (a view counts
  // once a day however often its story is told); the story does not wait for it.
  const channel = new StoryChannel(
    getDb,
    (s) => {
      if (s.story) void countTicketView(getDb(), s.ref, s.story.account.id).catch(() => false);
    },
    {
      active: async (windowId) => {
        const [tab] = await browser.tabs.query({ active: true, windowId });
        return typeof tab?.id === 'number' ? { id: tab.id, url: tab.url } : undefined;
      },
      url: async (tabId) => (await browser.tabs.get(tabId)).url,
    },
  );
  // The side panels follow their window's active tab, and its address.
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => channel.tabActivated(windowId, tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') channel.tabUrlChanged(tabId, tab.url);
  });
  watchPanelMode(CONTENT_MATCHES);

  // The one message router (./router.ts): every message, and who opened each port.
  const { route, senderKind } = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin,
    contentMatches: CONTENT_MATCHES,
    panelInTab: PANEL_IN_TAB,
    channel,
    getTab: (id) => browser.tabs.get(id),
  });
  browser.runtime.onMessage.addListener((payload: unknown, sender) => route(payload, sender));

  // A sidebar frame's port: it is pushed its own tab's story (never one it names) from now on.
  // A side panel's: the story of its window's active tab, whichever that is.
  browser.runtime.onConnect.addListener((port) => {
    let gone = false;
    port.onDisconnect.addListener(() => (gone = true));
    void senderKind(port.sender ?? {}).then((kind) => {
      const named = parsePortName(port.name);
      const tab = port.sender?.tab;
      if (gone) return;
      if (kind === 'panel' && named?.role === 'panel') return channel.addPanel(port, named.windowId);
      if (kind !== 'sidebar' || named?.role !== 'sidebar' || typeof tab?.id !== 'number') {
        console.warn('Backstory: refused a connection', { kind: kind ?? 'unknown' });
        return port.disconnect();
      }
      channel.add(port, { tabId: tab.id, tabUrl: tab.url, page: named.page });
    });
  });

  // Whatever a story is told from changed: open sidebars are told again (only those whose story
  // changed are sent it). Writes made here and in the extension's pages (an import in options)
  // are announced alike; the sources' freshness lives in storage.local.
  const dataChanged = () => {
    storiesChanged();
    channel.dataChanged();
  };
  const db = getDb();
  onAnnouncedWrites(
    db.name,
    [...salesTables(db), db.pins, db.flags].map((t) => t.name),
    dataChanged,
  );
  for (const item of [sourcesItem, sourceStatusItem, importedAtItem]) item.watch(dataChanged);

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    void forgetTabTicket(tabId);
  });

  // Alt+Shift+B: in panel mode it opens the browser's side panel, else it folds or unfolds the sidebar.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    if (await commandOpensPanel(tab?.windowId)) return;
    await sidebarCollapsed.setValue(!(await sidebarCollapsed.getValue()));
  });

  // User-added sites: one content script per granted site, kept in step with grants and revokes.
  const resync = () =>
    void keepSiteScripts(() => sitesItem.getValue(), browser.scripting, browser.permissions).catch((e: unknown) =>
      console.error('Backstory: could not update help-desk site scripts', e),
    );
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  sitesItem.watch(resync);
  resync();

  // Data sources sync on a schedule (alarms survive the worker being stopped).
  const schedule = async () => {
    const minutes = Math.max(5, await syncIntervalItem.getValue());
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== minutes)
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: 1 });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncAll();
    if (alarm.name === RESUME_ALARM) void resumeInterrupted();
    if (alarm.name === FLAG_ALARM) void deliverFlags();
  });
  // Waiting flags are retried every minute while there are any.
  void scheduleRetries();
  syncIntervalItem.watch(() => void schedule());
  void schedule();
  void resumeInterrupted();
  // The organisation's browser policy: applied now and whenever it changes.
  watchPolicy();
  // After an update, sync once rather than wait for the first alarm.
  browser.runtime.onInstalled.addListener(() => void syncAll());
});
