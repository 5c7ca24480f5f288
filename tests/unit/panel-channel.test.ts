import { describe, expect, it } from 'vitest';
import type { TicketRef } from '@/core/model';
import { parseMessage, parsePortName } from '@/core/messages';
import { classifySender } from '@/core/senders';
import { PANEL_PORT, ticketKey } from '@/core/story-port';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { saveTabTicket } from '@/storage/tab-tickets';
import { StoryChannel, type PanelTabs, type StoryPort } from '@/services/story-channel';
import { panelTab, type TabFacts } from '@/services/panel-requests';
import { sameTabLoading, storyFeed, type StoryPush } from '@/messaging/story-feed';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';

/**
 * The browser's side panel (entrypoints/sidepanel): one per window, pushed the story of its
 * window's active tab as that tab's content script reported it; never the previous tab's.
 */
const acme: TicketRef = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  company: 'Acme Dental Group',
  contactEmail: 'dana@acmedental.com',
  emails: [],
  missing: [],
};
const baker: TicketRef = {
  ...acme,
  ticketId: '1044',
  url: 'https://help.example.com/tickets/1044',
  company: 'Baker & Price LLP',
  contactEmail: undefined,
};

async function sampleDb() {
  const db = openDb('panel-' + Math.random());
  await loadRecordSet(db, makeSampleData(), 'sample');
  return db;
}

function fakePort() {
  const sent: StoryPush[] = [];
  const port: StoryPort = {
    postMessage: (m) => {
      if (m.type !== 'ready') sent.push(m);
    },
    onDisconnect: { addListener: () => undefined },
  };
  return { port, sent };
}

/** Windows with tabs; `slow` holds a tab's address lookups until released. */
function fakeTabs(windows: Record<number, { id: number; url: string }[]>, active: Record<number, number>) {
  const all = Object.values(windows).flat();
  const tabs: PanelTabs = {
    active: (w) => Promise.resolve(windows[w]?.find((t) => t.id === active[w])),
    url: (id) => Promise.resolve(all.find((t) => t.id === id)?.url),
  };
  return tabs;
}

const poll = <T>(fn: () => T) => expect.poll(fn, { timeout: 10_000 });
/** What a panel was shown, in order: a name, "no ticket", or "loading". */
const seen = (sent: StoryPush[]) =>
  sent.map((p) =>
    p.loading ? `loading ${p.tab}` : p.error ? `error` : (p.story?.story?.account.name ?? `no ticket ${p.tab}`),
  );

describe('the side panel channel', { timeout: 30_000 }, () => {
  it("follows its window's active tab: loading first at a switch, then that tab's story", async () => {
    const db = await sampleDb();
    await saveTabTicket(11, acme, undefined);
    await saveTabTicket(12, baker, undefined);
    const tabs = fakeTabs(
      {
        1: [
          { id: 11, url: acme.url },
          { id: 12, url: baker.url },
          { id: 13, url: 'https://news.example/' },
        ],
      },
      { 1: 11 },
    );
    const channel = new StoryChannel(() => db, undefined, tabs);
    const { port, sent } = fakePort();
    channel.addPanel(port, 1);
    await poll(() => seen(sent)).toEqual(['loading 11', SAMPLE_FIXED.acme.name]);
    expect(sent[1]!.tab).toBe(11);
    channel.tabActivated(1, 12);
    // Synchronously, before anything else: the old tab's customer is gone.
    expect(seen(sent).at(-1)).toBe('loading 12');
    await poll(() => seen(sent).at(-1)).toBe(SAMPLE_FIXED.baker.name);
    channel.tabActivated(1, 13);
    await poll(() => seen(sent).at(-1)).toBe('no ticket 13');
    // An SPA ticket change in the shown tab is pushed at once; in another tab it is not.
    await saveTabTicket(13, { ...baker, url: 'https://news.example/t/1' }, undefined);
    channel.ticketChanged(13);
    await poll(() => seen(sent).at(-1)).toBe(SAMPLE_FIXED.baker.name);
    const before = sent.length;
    channel.ticketChanged(11);
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toHaveLength(before);
    expect(channel.panelShows(1, 13)).toBe(true);
    expect(channel.panelShows(1, 11)).toBe(false);
  });

  it("drops a late push of the previous tab's story after a switch", async () => {
    const db = await sampleDb();
    await saveTabTicket(11, acme, undefined);
    await saveTabTicket(13, null, undefined);
    const tabs = fakeTabs(
      {
        1: [
          { id: 11, url: acme.url },
          { id: 13, url: 'https://news.example/' },
        ],
      },
      { 1: 11 },
    );
    const channel = new StoryChannel(() => db, undefined, tabs);
    const { port, sent } = fakePort();
    channel.addPanel(port, 1);
    await poll(() => seen(sent)).toEqual(['loading 11', SAMPLE_FIXED.acme.name]);
    // Tab 11's ticket changes (a push about it begins), and at once the window switches to tab 13.
    await saveTabTicket(11, baker, undefined);
    channel.ticketChanged(11);
    channel.tabActivated(1, 13);
    await poll(() => seen(sent).at(-1)).toBe('no ticket 13');
    await new Promise((r) => setTimeout(r, 50));
    // Baker (tab 11's new story) was never shown: after "loading 13" only tab 13's state came.
    const after = seen(sent).slice(seen(sent).indexOf('loading 13'));
    expect(after).toEqual(['loading 13', 'no ticket 13']);
  });

  it('keeps windows apart: two windows, two tickets, each panel its own customer', async () => {
    const db = await sampleDb();
    await saveTabTicket(21, acme, undefined);
    await saveTabTicket(31, baker, undefined);
    const tabs = fakeTabs(
      {
        2: [
          { id: 21, url: acme.url },
          { id: 22, url: 'https://news.example/' },
        ],
        3: [{ id: 31, url: baker.url }],
      },
      { 2: 21, 3: 31 },
    );
    const channel = new StoryChannel(() => db, undefined, tabs);
    const two = fakePort();
    const three = fakePort();
    channel.addPanel(two.port, 2);
    channel.addPanel(three.port, 3);
    await poll(() => seen(two.sent).at(-1)).toBe(SAMPLE_FIXED.acme.name);
    await poll(() => seen(three.sent).at(-1)).toBe(SAMPLE_FIXED.baker.name);
    const threeBefore = three.sent.length;
    channel.tabActivated(2, 22);
    await poll(() => seen(two.sent).at(-1)).toBe('no ticket 22');
    expect(three.sent).toHaveLength(threeBefore);
  });

  it('names only a window (digits) in its port; classifies only the panel page, in no tab, as a panel', () => {
    expect(parsePortName(PANEL_PORT + '42')).toEqual({ role: 'panel', windowId: 42 });
    expect(parsePortName(PANEL_PORT + '42;1')).toBeUndefined();
    expect(parsePortName(PANEL_PORT + '-1')).toBeUndefined();
    expect(parsePortName(PANEL_PORT)).toBeUndefined();
    const ID = 'abc';
    const ORIGIN = 'chrome-extension://abc/';
    const never = () => false;
    expect(classifySender({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN, never)).toBe('panel');
    // The same page in a tab is not the browser's panel (except in test builds, which ask for it).
    expect(classifySender({ id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 3 } }, ID, ORIGIN, never)).toBe(
      undefined,
    );
    expect(classifySender({ id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 3 } }, ID, ORIGIN, never, true)).toBe(
      'panel',
    );
    expect(classifySender({ id: 'other', url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN, never)).toBeUndefined();
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN, never)).toBe('extension-page');
  });
});

describe("a side panel's pin, flag and search", () => {
  const shown = { tabId: 11, ticket: ticketKey(acme) };
  const tab = (facts: Partial<TabFacts>) => () =>
    Promise.resolve({ active: true, windowId: 1, url: acme.url, ...facts });
  const shows = (w: number, t: number) => w === 1 && t === 11;

  it("act on the tab it shows while that tab is its window's active tab and shows that ticket", async () => {
    await saveTabTicket(11, acme, undefined);
    expect(await panelTab(shown, tab({}), shows)).toEqual({ id: 11, url: acme.url });
  });

  it('are refused when the tab is no longer active, the panel shows another tab, or the ticket changed', async () => {
    await saveTabTicket(11, acme, undefined);
    expect(await panelTab(undefined, tab({}), shows)).toBeUndefined();
    expect(await panelTab(shown, tab({ active: false }), shows)).toBeUndefined();
    // Its window's panel shows another tab (or the tab moved to a window without one).
    expect(await panelTab(shown, tab({ windowId: 2 }), shows)).toBeUndefined();
    expect(await panelTab(shown, tab({}), () => false)).toBeUndefined();
    // The tab left the ticket's origin, or is gone.
    expect(await panelTab(shown, tab({ url: 'https://evil.example/' }), shows)).toBeUndefined();
    expect(await panelTab(shown, () => Promise.reject(new Error('No tab with id: 11')), shows)).toBeUndefined();
    // The help desk opened another ticket in that tab.
    await saveTabTicket(11, baker, undefined);
    expect(await panelTab(shown, tab({}), shows)).toBeUndefined();
  });

  it('carry what the panel shows in a checked shape', () => {
    expect(parseMessage({ type: 'sidebar:pin', accountId: 'a', shown })).toBeTruthy();
    expect(parseMessage({ type: 'sidebar:pin', accountId: 'a', shown: { tabId: -1, ticket: 'x' } })).toBeUndefined();
    expect(parseMessage({ type: 'sidebar:pin', accountId: 'a', shown: { tabId: 1.5, ticket: 'x' } })).toBeUndefined();
    expect(parseMessage({ type: 'sidebar:find', query: 'ac', shown: { tabId: 1 } })).toBeUndefined();
  });
});

describe("the side panel's feed", () => {
  it('keeps the story shown when a new port says "loading" for the same tab, not for another tab', () => {
    let onMessage: (m: unknown) => void = () => undefined;
    const feed = storyFeed(PANEL_PORT + '1', {
      skip: sameTabLoading,
      connect: () => ({
        onMessage: { addListener: (fn) => void (onMessage = fn) },
        onDisconnect: { addListener: () => undefined },
        disconnect: () => undefined,
      }),
      setTimer: () => () => undefined,
    });
    const story = { type: 'story', story: null, tab: 5 } as const;
    onMessage({ type: 'story', loading: true, tab: 5 });
    expect(feed.latest?.loading).toBe(true);
    onMessage(story);
    // The worker was stopped and the panel connected again: the same tab, "loading" is left out.
    onMessage({ type: 'story', loading: true, tab: 5 });
    expect(feed.latest).toEqual(story);
    // Another tab: shown at once.
    onMessage({ type: 'story', loading: true, tab: 6 });
    expect(feed.latest).toEqual({ type: 'story', loading: true, tab: 6 });
    feed.close();
  });
});
