import { browser } from '#imports';
import {
  IMPORT_PROGRESS,
  PANEL_MOVED,
  parseMessage,
  messageSchemas,
  type Message,
  type MessageType,
  type Reply,
  type ReplyTo,
  type ReplyValue,
} from '@/core/messages';
import { classifySender, mayReport } from '@/core/senders';
import { siteFor, type HelpdeskSite } from '@/core/sites';
import { matchesAny } from '@/adapters/url-match';
import { saveTabTicket } from '@/storage/tab-tickets';
import { sitesItem } from '@/storage/sites';
import { beginStory, findForTab, flagForTab, pinForTab, rememberTicketWords } from '@/services/sidebar-requests';
import { readTicketWordsFromTab } from '@/services/page-text';
import { panelTab, type TabFacts } from '@/services/panel-requests';
import { deliverFlags } from './flag-delivery-alarm';
import { clearTicketViews } from '@/services/ticket-views';
import { markHandedOver } from '@/services/flags';
import { clearEverything, commitStagedImport, loadSample, removeLiveSource } from '@/services/data-writes';
import { getDb } from '@/storage/db';
import { recordFound, recordTicket } from './site-stats';
import { syncSource } from './source-sync';
import { saveRecipe, startPicking } from '@/services/recipes';

type Sender = Parameters<typeof classifySender>[0];

/** What the router needs from the rest of the background (entrypoints/background/index.ts; a test's own). */
export interface RouterDeps {
  runtimeId: string;
  /** The extension's own origin, `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /** Where the content script runs by the manifest (adapters/hosts.ts). */
  contentMatches: string[];
  /** Test builds only: the side panel page loaded in a tab of its own counts as a panel (core/senders.ts). */
  panelInTab: boolean;
  /** The story channel: told of a tab's new ticket; says which tab a window's side panel shows. */
  channel: { ticketChanged(tabId: number): void; panelShows(windowId: number, tabId: number): boolean };
  /** A tab as the browser gives it now (runtime tabs.get). */
  getTab: (tabId: number) => Promise<TabFacts | undefined>;
}

/**
 * The one message router: who sent a message (`senderKind`, also asked of every port) and
 * `route`, which checks a message's schema and sender kind and hands it to its type's handler,
 * whose own checks (the sender's tab, its origin, its current ticket) follow. Anything refused
 * answers undefined, without throwing; a handler's failure answers `{ ok: false }`.
 */
export function createRouter(deps: RouterDeps) {
  const { channel } = deps;

  /** Who sent a message or opened a port (see core/senders.ts). */
  async function senderKind(sender: Sender) {
    // A content script may speak from a hosted help desk or from a site the user added; the
    // sites are read only when the sender is not already known (most messages need no read).
    const granted = (sites: HelpdeskSite[]) => (url: string) =>
      matchesAny(url, deps.contentMatches) || !!siteFor(sites, url);
    return (
      classifySender(sender, deps.runtimeId, deps.extensionOrigin, granted([]), deps.panelInTab) ??
      classifySender(sender, deps.runtimeId, deps.extensionOrigin, granted(await sitesItem.getValue()), deps.panelInTab)
    );
  }

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
      // The ticket's subject and first message (customer text that only orders the account's
      // notes) are read from the reporting frame by the background, and stay in memory for this
      // ticket only. Its story is begun at once (it waits for them), and pushed to the tab's
      // sidebar from the worker's memory (it may connect before or after); storage.session's
      // copy, for a worker that starts later, is written meanwhile.
      const ref = message.ref;
      void rememberTicketWords(tabId, ref, () =>
        ref ? readTicketWordsFromTab(tabId, sender.frameId ?? 0, ref) : Promise.resolve(undefined),
      );
      beginStory(tabId, message.ref);
      const saved = saveTabTicket(tabId, message.ref, message.page);
      channel.ticketChanged(tabId);
      const previous = (await saved).ref;
      if (ref && ref.ticketId !== previous?.ticketId) await recordTicket(sender.url!, ref);
      // The same ticket: counted already, unless this is a report sent again because the worker
      // that saved it stopped before counting it (then it is counted now, as it is).
      else if (ref && previous && !(await recordTicket(sender.url!, ref)))
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
    // "Show me where": started from the sidebar (its tab, while on its ticket's origin) or the
    // popup (the active tab); saved by the content script for its own page's site only.
    'recipe:start': (_message, sender, tabId) => startPicking(tabId, sender.tab?.url),
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
    const tab = await panelTab(message.shown, deps.getTab, (windowId, tabId) => channel.panelShows(windowId, tabId));
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

  return { route, senderKind };
}
