import { browser } from '#imports';
import { IMPORT_PROGRESS, parseMessage, messageSchemas, type Reply } from '@/core/messages';
import { classifySender } from '@/core/senders';
import { siteFor, type HelpdeskSite } from '@/core/sites';
import { contentScriptMatches } from '@/adapters/hosts';
import { matchesAny } from '@/adapters/url-match';
import { tabTicketItem } from '@/storage/tab-tickets';
import { sidebarCollapsed } from '@/storage/settings';
import { sitesItem } from '@/storage/sites';
import {
  findForSidebar,
  flagForTab,
  forgetPreparedStories,
  pinForTab,
  prepareStory,
  rememberTicketText,
  storyForTab,
} from '@/services/sidebar-requests';
import { FLAG_ALARM, deliverFlags, scheduleRetries } from './flag-delivery';
import { countTicketView } from '@/services/insights';
import { clearEverything, commitStagedImport, loadSample, removeLiveSource } from '@/services/data-writes';
import { getDb } from '@/storage/db';
import { recordFound, recordTicket } from './site-stats';
import { keepSiteScripts } from './site-scripts';
import { RESUME_ALARM, SYNC_ALARM, resumeInterrupted, syncAll, syncSource } from './source-sync';
import { syncIntervalItem } from '@/storage/source-configs';
import { watchPolicy } from './policy';

const CONTENT_MATCHES = contentScriptMatches(import.meta.env.WXT_TEST_HOSTS === '1');

/**
 * The one message router, plus the upkeep of user-added help-desk sites. Listeners are
 * registered synchronously at the top level so a stopped service worker wakes up for them; no
 * state lives in memory.
 */
export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');

  // Per tab, the ticket:update being handled. The tab's sidebar frame waits for it before it is
  // answered, so a frame that asks while its tab's report is being stored gets the new ticket.
  const updating = new Map<number, Promise<unknown>>();

  browser.runtime.onMessage.addListener((payload: unknown, sender) => {
    const done = route(payload, sender);
    const tabId = sender.tab?.id;
    if (typeof tabId === 'number' && (payload as { type?: unknown } | null)?.type === 'ticket:update') {
      const settled = done.catch(() => undefined);
      updating.set(tabId, settled);
      void settled.then(() => updating.get(tabId) === settled && updating.delete(tabId));
    }
    return done;
  });

  async function route(payload: unknown, sender: Parameters<typeof classifySender>[0]): Promise<unknown> {
    // A content script may speak from a hosted help desk or from a site the user added; the
    // sites are read only when the sender is not already known (most messages need no read).
    const granted = (sites: HelpdeskSite[]) => (url: string) =>
      matchesAny(url, CONTENT_MATCHES) || !!siteFor(sites, url);
    const kind =
      classifySender(sender, browser.runtime.id, extensionOrigin, granted([])) ??
      classifySender(sender, browser.runtime.id, extensionOrigin, granted(await sitesItem.getValue()));
    const message = parseMessage(payload);
    if (!kind || !message || !messageSchemas[message.type].from.includes(kind)) {
      // Refused without throwing; say only the reason code, never the payload.
      console.warn('Backstory: refused a message', { kind: kind ?? 'unknown', type: message?.type ?? 'invalid' });
      return undefined;
    }
    // The sender check guarantees a tab id for content and sidebar messages.
    const tabId = sender.tab?.id ?? -1;
    switch (message.type) {
      case 'ticket:update': {
        // The ticket's text (and its subject and first message, customer text that only orders
        // the account's notes) stays in memory for this ticket only; the sidebar frame will ask for
        // this ticket's story once it has loaded: begin it now.
        void rememberTicketText(tabId, message.ref, message.text, message.words);
        prepareStory(tabId, message.ref);
        const item = tabTicketItem(tabId);
        const previous = await item.getValue();
        await item.setValue(message.ref);
        const ref = message.ref;
        if (ref && ref.ticketId !== previous?.ticketId) await recordTicket(sender.url!, ref);
        else if (ref && previous)
          await recordFound(
            sender.url!,
            previous.missing.filter((f) => !ref.missing.includes(f)),
          );
        return { ok: true };
      }
      case 'sidebar:story': {
        await updating.get(tabId);
        const story = storyForTab(tabId, sender.tab?.url);
        // Campaign insights count matched tickets, only with the technician's consent (a view
        // counts once a day however often it is asked for); the answer does not wait for it.
        void story.then((s) => s?.story && countTicketView(getDb(), s.ref, s.story.account.id)).catch(() => false);
        return answer(story);
      }
      case 'sidebar:find':
        return answer(findForSidebar(message.query));
      case 'sidebar:pin':
        return answer(pinForTab(tabId, message.accountId));
      case 'source:sync':
        return answer(syncSource(message.id, message.askedAt));
      case 'sidebar:flag': {
        const { type: _t, ...input } = message;
        return answer(
          flagForTab(tabId, sender.tab?.url, input, () => deliverFlags(false, { retries: 0, timeoutMs: 10_000 })),
        );
      }
      case 'data:import': {
        const { stageId } = message;
        const progress = (done: number, total: number) =>
          void browser.runtime.sendMessage({ type: IMPORT_PROGRESS, stageId, done, total }).catch(() => undefined);
        return answer(commitStagedImport(getDb(), stageId, progress));
      }
      case 'data:sample':
        return answer(loadSample(getDb()));
      case 'data:clear':
        return answer(clearEverything(getDb()));
      case 'source:remove':
        return answer(removeLiveSource(getDb(), message.id));
      case 'flags:deliver':
        // The user waits for this round: one try per flag, as from the sidebar. A flag that fails
        // stays pending, and the alarm's rounds retry it with backoff.
        return answer(deliverFlags(true, { retries: 0, timeoutMs: 10_000 }));
    }
  }

  /** Errors cross the message boundary as data: a rejected promise would arrive as a bare string. */
  function answer<T>(work: Promise<T>): Promise<Reply<T>> {
    return work.then(
      (value) => ({ ok: true as const, value }),
      (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
    );
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetPreparedStories(tabId);
    void tabTicketItem(tabId).removeValue();
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command === 'toggle-sidebar') await sidebarCollapsed.setValue(!(await sidebarCollapsed.getValue()));
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
