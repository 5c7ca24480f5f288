import { browser } from '#imports';
import {
  IMPORT_PROGRESS,
  PANEL_MOVED,
  parseMessage,
  parsePortName,
  messageSchemas,
  type Message,
  type MessageType,
  type Reply,
  type ReplyTo,
  type ReplyValue,
} from '@/core/messages';
import { classifySender, mayReport } from '@/core/senders';
import { siteFor, type HelpdeskSite } from '@/core/sites';
import { contentScriptMatches } from '@/adapters/hosts';
import { matchesAny } from '@/adapters/url-match';
import { forgetTabTicket, saveTabTicket, tabTicketItem } from '@/storage/tab-tickets';
import { sidebarCollapsed } from '@/storage/settings';
import { sitesItem } from '@/storage/sites';
import {
  beginStory,
  findForTab,
  flagForTab,
  forgetTab,
  pinForTab,
  rememberTicketText,
  storiesChanged,
} from '@/services/sidebar-requests';
import { StoryChannel } from '@/services/story-channel';
import { panelTab } from '@/services/panel-requests';
import { commandOpensPanel, watchPanelMode } from './side-panel';
import { onAnnouncedWrites } from '@/background-caches/announced-writes';
import { salesTables } from '@/storage/record-store';
import { importedAtItem } from '@/services/freshness';
import { FLAG_ALARM, deliverFlags, scheduleRetries } from './flag-delivery-alarm';
import { markHandedOver } from '@/services/flags';
import { clearTicketViews, countTicketView } from '@/services/ticket-views';
import { clearEverything, commitStagedImport, loadSample, removeLiveSource } from '@/services/data-writes';
import { getDb } from '@/storage/db';
import { recordFound, recordTicket } from './site-stats';
import { keepSiteScripts } from './site-scripts';
import { RESUME_ALARM, SYNC_ALARM, resumeInterrupted, syncAll, syncSource } from './source-sync';
import { sourceStatusItem, sourcesItem, syncIntervalItem } from '@/storage/source-configs';
import { watchPolicy } from './policy-watch';
import { saveRecipe, startPicking } from '@/services/recipes';

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

  browser.runtime.onMessage.addListener((payload: unknown, sender) => route(payload, sender));

  /** Who sent a message or opened a port (see core/senders.ts). */
  async function senderKind(sender: Parameters<typeof classifySender>[0]) {
    // A content script may speak from a hosted help desk or from a site the user added; the
    // sites are read only when the sender is not already known (most messages need no read).
    const granted = (sites: HelpdeskSite[]) => (url: string) =>
      matchesAny(url, CONTENT_MATCHES) || !!siteFor(sites, url);
    return (
      classifySender(sender, browser.runtime.id, extensionOrigin, granted([]), PANEL_IN_TAB) ??
      classifySender(sender, browser.runtime.id, extensionOrigin, granted(await sitesItem.getValue()), PANEL_IN_TAB)
    );
  }

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

  type Sender = Parameters<typeof classifySender>[0];

  /**
   * One handler per message type, each bound to answer with its reply type in core/messages.ts
   * (the type every caller gets). The sender check guarantees `tabId` for content and sidebar messages.
   */
  const handlers: {
    [T in MessageType]: (message: Message<T>, sender: Sender, tabId: number) => Promise<ReplyValue<T>>;
  } = {
    'ticket:update': async (message, sender, tabId) => {
      // A ticket on another origin than the page that reports it is not that page's to report.
      if (!mayReport(message.ref, sender.url)) throw new Error('a ticket of another site');
      // The ticket's text (and its subject and first message, customer text that only orders the
      // account's notes) stays in memory for this ticket only. Its story is begun at once, and
      // pushed to the tab's sidebar once the ticket is stored (it may connect before or after).
      void rememberTicketText(tabId, message.ref, message.text, message.words);
      beginStory(tabId, message.ref);
      const previous = await tabTicketItem(tabId).getValue();
      await saveTabTicket(tabId, message.ref, message.page);
      channel.ticketChanged(tabId);
      const ref = message.ref;
      if (ref && ref.ticketId !== previous?.ticketId) await recordTicket(sender.url!, ref);
      else if (ref && previous)
        await recordFound(
          sender.url!,
          previous.missing.filter((f) => !ref.missing.includes(f)),
        );
      return null;
    },
    'sidebar:find': (message, sender, tabId) => findForTab(tabId, sender.tab?.url, message.query),
    'sidebar:pin': (message, sender, tabId) => pinForTab(tabId, sender.tab?.url, message.accountId),
    'source:sync': (message) => syncSource(message.id, message.askedAt),
    'sidebar:flag': ({ type: _t, ...input }, sender, tabId) =>
      flagForTab(tabId, sender.tab?.url, input, () => deliverFlags(false, { retries: 0, timeoutMs: 10_000 })),
    // The user waits for this round: one try per flag, as from the sidebar. A flag that fails
    // stays pending, and the alarm's rounds retry it with backoff.
    'flags:deliver': () => deliverFlags(true, { retries: 0, timeoutMs: 10_000 }),
    'flags:handedOver': ({ ids }) => markHandedOver(getDb(), ids),
    // The background is the only writer of sales data (services/data-writes.ts).
    'data:import': ({ stageId }) => {
      const progress = (done: number, total: number) =>
        void browser.runtime.sendMessage({ type: IMPORT_PROGRESS, stageId, done, total }).catch(() => undefined);
      return commitStagedImport(getDb(), stageId, progress);
    },
    'data:sample': () => loadSample(getDb()),
    'data:clear': () => clearEverything(getDb()).then(() => null),
    'source:remove': ({ id }) => removeLiveSource(getDb(), id).then(() => null),
    'insights:forget': () => clearTicketViews(getDb()),
    // "Show me where": started from the sidebar (its tab) or the popup (the active tab); saved
    // by the content script for its own page's site only.
    'recipe:start': (_message, _sender, tabId) => startPicking(tabId),
    'recipe:save': ({ recipe }, sender) => saveRecipe(sender.url, recipe),
  };

  async function route(payload: unknown, sender: Sender): Promise<ReplyTo<MessageType> | undefined> {
    const kind = await senderKind(sender);
    const message = parseMessage(payload);
    if (!kind || !message || !messageSchemas[message.type].from.includes(kind)) {
      // Refused without throwing; say only the reason code, never the payload.
      console.warn('Backstory: refused a message', { kind: kind ?? 'unknown', type: message?.type ?? 'invalid' });
      return undefined;
    }
    if (kind === 'panel') return answer(fromPanel(message, sender));
    return answer(handle(message, sender, sender.tab?.id ?? -1));
  }

  /**
   * A side panel's request acts on the tab and ticket it names (what it was pushed), only while
   * that tab is still its window's active tab shown by a panel and still shows that ticket.
   */
  async function fromPanel(message: Message, sender: Sender): Promise<ReplyValue<MessageType>> {
    if (!('shown' in message)) throw new Error('not a side panel request');
    const tab = await panelTab(
      message.shown,
      (id) => browser.tabs.get(id),
      (windowId, tabId) => channel.panelShows(windowId, tabId),
    );
    if (!tab) {
      if (message.type === 'sidebar:pin') return { ok: false, error: 'moved' };
      throw new Error(PANEL_MOVED);
    }
    // Handled as the sidebar of that tab would be (its address as the browser gives it now).
    return handle(message, { ...sender, tab: { id: tab.id, url: tab.url } }, tab.id);
  }

  /** A message to its type's handler (TypeScript cannot follow the type from the message to the handler by itself). */
  function handle<T extends MessageType>(message: Message<T>, sender: Sender, tabId: number): Promise<ReplyValue<T>> {
    const handler = handlers[message.type as T] as (m: Message<T>, s: Sender, id: number) => Promise<ReplyValue<T>>;
    return handler(message, sender, tabId);
  }

  /** Errors cross the message boundary as data: a rejected promise would arrive as a bare string. */
  function answer<T>(work: Promise<T>): Promise<Reply<T>> {
    return work.then(
      (value) => ({ ok: true as const, value }),
      (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
    );
  }

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
