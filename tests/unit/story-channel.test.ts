import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TicketRef } from '@/core/model';
import { parseMessage, parsePortName } from '@/core/messages';
import { SIDEBAR_PORT } from '@/core/story-port';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { forgetHeldTabTickets, saveTabTicket } from '@/storage/tab-tickets';
import { pinForTab, rememberTicketWords, storiesChanged } from '@/services/sidebar-requests';
import { StoryChannel, type StoryPort } from '@/services/story-channel';
import { openStoryChannel, type StoryPush } from '@/messaging/story-feed';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';

const PAGE = '0123abcd-0000-4000-8000-00000000beef';
const OTHER_PAGE = '0123abcd-0000-4000-8000-00000000f00d';
const ref: TicketRef = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  company: 'Acme Dental Group',
  contactEmail: 'dana@acmedental.com',
  emails: [],
  missing: [],
};
const baker: TicketRef = {
  ...ref,
  ticketId: '1044',
  url: 'https://help.example.com/tickets/1044',
  company: 'Baker & Price LLP',
  contactEmail: undefined,
};

async function sampleDb() {
  const db = openDb('channel-' + Math.random());
  await loadRecordSet(db, makeSampleData(), 'sample');
  return db;
}

/** A port as the background holds it: what it was sent, and a way to drop it. */
function fakePort() {
  const sent: StoryPush[] = [];
  const dropped: (() => void)[] = [];
  let ready = 0;
  const port: StoryPort = {
    // Each port is told it was taken (`ready`) before any story.
    postMessage: (m) => {
      if (m.type === 'ready') return void ready++;
      expect(ready).toBe(1);
      sent.push(m);
    },
    onDisconnect: { addListener: (fn) => void dropped.push(fn) },
  };
  return { port, sent, drop: () => dropped.forEach((fn) => fn()) };
}

/** Stories take a while on a loaded machine (the first reads build the data's caches). */
const poll = <T>(fn: () => T) => expect.poll(fn, { timeout: 10_000 });

const names = (sent: StoryPush[]) =>
  sent.map((p) => (p.error ? `error: ${p.error}` : (p.story?.story?.account.name ?? p.story)));

describe('the story channel in the background', { timeout: 30_000 }, () => {
  it("pushes the tab's story as soon as a sidebar connects, and again when its ticket changes", async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    await saveTabTicket(7, ref, PAGE);
    const { port, sent } = fakePort();
    channel.add(port, { tabId: 7, tabUrl: ref.url, page: PAGE });
    await poll(() => names(sent)).toEqual([SAMPLE_FIXED.acme.name]);
    await saveTabTicket(7, baker, PAGE);
    channel.ticketChanged(7);
    await poll(() => names(sent)).toEqual([SAMPLE_FIXED.acme.name, SAMPLE_FIXED.baker.name]);
    // Another tab's report is not this sidebar's business.
    await saveTabTicket(8, ref, OTHER_PAGE);
    channel.ticketChanged(8);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(2);
  });

  it('tells a frame opened before its page reported nothing of the tab’s previous ticket, then its own', async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    // The tab's previous page reported Acme; the new page's frame connects first.
    await saveTabTicket(7, ref, OTHER_PAGE);
    const { port, sent } = fakePort();
    channel.add(port, { tabId: 7, tabUrl: ref.url, page: PAGE });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([]);
    await saveTabTicket(7, baker, PAGE);
    channel.ticketChanged(7);
    await poll(() => names(sent)).toEqual([SAMPLE_FIXED.baker.name]);
  });

  it('tells a frame whose tab is on another origin than its ticket nothing of it', async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    await saveTabTicket(7, ref, PAGE);
    const { port, sent } = fakePort();
    channel.add(port, { tabId: 7, tabUrl: 'https://evil.example/framing-the-sidebar', page: PAGE });
    await poll(() => sent).toEqual([{ type: 'story', story: null }]);
    const other = fakePort();
    channel.add(other.port, { tabId: 7, tabUrl: undefined, page: PAGE });
    await poll(() => other.sent).toEqual([{ type: 'story', story: null }]);
  });

  it('pushes again when the data or the pins change, only to sidebars whose story changed', async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    await saveTabTicket(7, { ...ref, contactEmail: undefined, company: 'Acme Dental' }, PAGE);
    await saveTabTicket(8, baker, OTHER_PAGE);
    const acme = fakePort();
    const other = fakePort();
    channel.add(acme.port, { tabId: 7, tabUrl: ref.url, page: PAGE });
    channel.add(other.port, { tabId: 8, tabUrl: baker.url, page: OTHER_PAGE });
    await poll(() => acme.sent.length + other.sent.length).toBe(2);
    expect(await pinForTab(7, ref.url, SAMPLE_FIXED.riverside.accountId, db)).toEqual({ ok: true });
    channel.dataChanged();
    expect(acme.sent[0]?.story?.match.status).toBe('none');
    await poll(() => acme.sent.length).toBe(2);
    expect(acme.sent[1]?.story?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    expect(acme.sent[1]?.story?.match).toMatchObject({ method: 'pin' });
    await new Promise((r) => setTimeout(r, 20));
    expect(names(other.sent)).toEqual([SAMPLE_FIXED.baker.name]);
  });

  it('sends only the latest of two pushes begun one after the other, and nothing to a port that went', async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    await saveTabTicket(7, ref, PAGE);
    const { port, sent, drop } = fakePort();
    channel.add(port, { tabId: 7, tabUrl: ref.url, page: PAGE });
    // The ticket changes before the first story is told: the first is not sent after the second.
    await saveTabTicket(7, baker, PAGE);
    channel.ticketChanged(7);
    await poll(() => names(sent)).toEqual([SAMPLE_FIXED.baker.name]);
    drop();
    expect(channel.size).toBe(0);
    storiesChanged();
    channel.dataChanged();
    channel.ticketChanged(7);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
  });

  it("tells the story from the worker's memory of the report, without waiting on storage.session", async () => {
    const db = await sampleDb();
    const channel = new StoryChannel(() => db);
    const { port, sent } = fakePort();
    channel.add(port, { tabId: 9, tabUrl: ref.url, page: PAGE });
    // From the report on, storage.session answers nothing: the story is still told.
    const session = fakeBrowser.storage.session;
    const hang = () => new Promise<never>(() => undefined);
    const get = vi.spyOn(session, 'get').mockImplementation(hang);
    const set = vi.spyOn(session, 'set').mockImplementation(hang);
    const remove = vi.spyOn(session, 'remove').mockImplementation(hang);
    try {
      void rememberTicketWords(9, ref, async () => ({ subject: 'Our scheduler is down since 7am' }));
      void saveTabTicket(9, ref, PAGE);
      channel.ticketChanged(9);
      await poll(() => names(sent)).toEqual([SAMPLE_FIXED.acme.name]);
      // Its copy was asked to be written all the same (for a worker that starts later).
      expect(set).toHaveBeenCalled();
    } finally {
      for (const spy of [get, set, remove]) spy.mockRestore();
    }
  });

  it('tells a worker started after the report (which knows nothing of it) the story from storage.session', async () => {
    const db = await sampleDb();
    await saveTabTicket(10, ref, PAGE);
    forgetHeldTabTickets();
    const channel = new StoryChannel(() => db);
    const { port, sent } = fakePort();
    channel.add(port, { tabId: 10, tabUrl: ref.url, page: PAGE });
    await poll(() => names(sent)).toEqual([SAMPLE_FIXED.acme.name]);
    // Nor does the copy tell a frame of another page, or on another origin, anything.
    forgetHeldTabTickets();
    const other = fakePort();
    channel.add(other.port, { tabId: 10, tabUrl: ref.url, page: OTHER_PAGE });
    forgetHeldTabTickets();
    const evil = fakePort();
    channel.add(evil.port, { tabId: 10, tabUrl: 'https://evil.example/framing-the-sidebar', page: PAGE });
    await poll(() => evil.sent).toEqual([{ type: 'story', story: null }]);
    expect(other.sent).toEqual([]);
  });
});

describe('the port names and the page id in a report', () => {
  it('takes a sidebar port only with a page id', () => {
    expect(parsePortName(SIDEBAR_PORT + PAGE)).toEqual({ role: 'sidebar', page: PAGE });
    for (const name of ['', 'backstory:sidebar:', `${SIDEBAR_PORT}x`, `${SIDEBAR_PORT}${PAGE}/..`, `other:${PAGE}`])
      expect(parsePortName(name)).toBeUndefined();
  });

  it('takes a report with or without its page id, never a page id of another shape', () => {
    expect(parseMessage({ type: 'ticket:update', ref, page: PAGE })).toEqual({
      type: 'ticket:update',
      ref,
      page: PAGE,
    });
    expect(parseMessage({ type: 'ticket:update', ref, page: '<img src=x>' })).toBeUndefined();
  });
});

/** A port as the sidebar holds it, its background played by the test. */
function clientPort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  return {
    port: {
      onMessage: { addListener: (fn: (m: unknown) => void) => void onMessage.push(fn) },
      onDisconnect: { addListener: (fn: () => void) => void onDisconnect.push(fn) },
      disconnect: vi.fn(),
    },
    push: (m: unknown) => onMessage.forEach((fn) => fn(m)),
    drop: () => onDisconnect.forEach((fn) => fn()),
  };
}

describe('the story channel in the sidebar', () => {
  it('connects again at once when the worker stops, and hands on each story pushed', async () => {
    const ports: ReturnType<typeof clientPort>[] = [];
    const connect = vi.fn(() => {
      const p = clientPort();
      ports.push(p);
      return p.port;
    });
    const got: StoryPush[] = [];
    let t = 0;
    const close = openStoryChannel(SIDEBAR_PORT + PAGE, (p) => got.push(p), {
      connect,
      now: () => t,
      sleep: () => new Promise(() => undefined),
      setTimer: () => () => undefined,
    });
    expect(connect).toHaveBeenCalledWith(SIDEBAR_PORT + PAGE);
    ports[0]!.push({ type: 'story', story: null });
    ports[0]!.push('backstory:refresh');
    expect(got).toEqual([{ type: 'story', story: null }]);
    // The worker stops: a new port at once, no pause.
    ports[0]!.drop();
    expect(connect).toHaveBeenCalledTimes(2);
    // A port that stays up a while and drops untold is also replaced at once.
    t += 5_000;
    ports[1]!.drop();
    expect(connect).toHaveBeenCalledTimes(3);
    close();
    expect(ports[2]!.port.disconnect).toHaveBeenCalled();
    ports[2]!.drop();
    expect(connect).toHaveBeenCalledTimes(3);
  });

  it('waits, longer each time, before connecting again to a worker that drops it at once', async () => {
    const pauses: number[] = [];
    const ports: ReturnType<typeof clientPort>[] = [];
    const connect = () => {
      const p = clientPort();
      ports.push(p);
      return p.port;
    };
    openStoryChannel(SIDEBAR_PORT + PAGE, () => undefined, {
      connect,
      now: () => 0,
      sleep: async (ms) => void pauses.push(ms),
      setTimer: () => () => undefined,
    });
    for (let i = 0; i < 6; i++) {
      ports[i]!.drop();
      await new Promise((r) => setTimeout(r, 0));
    }
    // The first drop is answered at once, as a stopped worker's.
    expect(pauses).toEqual([200, 400, 800, 1_600, 2_000]);
    expect(ports).toHaveLength(7);
  });

  it('gives up a port no worker says it took within 2 s, and opens another', () => {
    const ports: ReturnType<typeof clientPort>[] = [];
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    let t = 0;
    openStoryChannel(SIDEBAR_PORT + PAGE, () => undefined, {
      connect: () => {
        const p = clientPort();
        ports.push(p);
        return p.port;
      },
      now: () => t,
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cleared: false };
        timers.push(timer);
        return () => void (timer.cleared = true);
      },
    });
    expect(timers[0]?.ms).toBe(2_000);
    t += 2_000;
    timers[0]!.fn();
    expect(ports[0]!.port.disconnect).toHaveBeenCalled();
    expect(ports).toHaveLength(2);
    // A port the worker took is kept, however long its first story takes.
    ports[1]!.push({ type: 'ready' });
    expect(timers[1]?.cleared).toBe(true);
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
  });

  it('stops when the extension is gone (connect throws)', () => {
    const connect = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    openStoryChannel(SIDEBAR_PORT + PAGE, () => undefined, { connect });
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
