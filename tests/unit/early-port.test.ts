import { describe, expect, it } from 'vitest';
import { connectEarlyFirst, openEarlyPort, takeEarlyPort } from '@/messaging/early-port';
import { storyFeed } from '@/messaging/story-feed';

/** A port the test talks through, as the background would. */
function fakePort(name: string) {
  const messages: ((m: unknown) => void)[] = [];
  const drops: (() => void)[] = [];
  let disconnected = false;
  return {
    name,
    get disconnected() {
      return disconnected;
    },
    tell: (m: unknown) => messages.forEach((fn) => fn(m)),
    drop: () => drops.forEach((fn) => fn()),
    onMessage: { addListener: (fn: (m: unknown) => void) => void messages.push(fn) },
    onDisconnect: { addListener: (fn: () => void) => void drops.push(fn) },
    disconnect: () => void (disconnected = true),
  };
}

const story = (ticketId: string) => ({ type: 'story', story: { ref: { ticketId } } });

describe("the sidebar frame's early port", () => {
  it('holds what the background says before the main script takes it, and hands it over in order', () => {
    const holder = {};
    const ports: ReturnType<typeof fakePort>[] = [];
    openEarlyPort(
      { connect: ({ name }) => (ports.push(fakePort(name)), ports.at(-1)!) },
      'backstory:sidebar:p1',
      holder,
    );
    ports[0]!.tell({ type: 'ready' });
    ports[0]!.tell(story('1'));
    const later: string[] = [];
    const connect = connectEarlyFirst((name) => {
      later.push(name);
      return fakePort(name);
    }, holder);
    const feed = storyFeed('backstory:sidebar:p1', { connect, setTimer: () => () => undefined });
    // The story told before the feed existed is its latest at once: the first render shows it.
    expect(feed.latest).toEqual(story('1'));
    expect(later).toEqual([]);
    const seen: unknown[] = [];
    feed.subscribe((p) => seen.push(p));
    ports[0]!.tell(story('2'));
    expect(seen).toEqual([story('2')]);
    feed.close();
    expect(ports[0]!.disconnected).toBe(true);
  });

  it('is taken once, and only under its own name', () => {
    const holder = {};
    openEarlyPort({ connect: ({ name }) => fakePort(name) }, 'backstory:sidebar:p1', holder);
    expect(takeEarlyPort('backstory:sidebar:other', holder)).toBeUndefined();
    openEarlyPort({ connect: ({ name }) => fakePort(name) }, 'backstory:sidebar:p1', holder);
    expect(takeEarlyPort('backstory:sidebar:p1', holder)).toBeDefined();
    expect(takeEarlyPort('backstory:sidebar:p1', holder)).toBeUndefined();
  });

  it('dropped before it was taken (the worker stopped), the channel opens a new port', async () => {
    const holder = {};
    const early: ReturnType<typeof fakePort>[] = [];
    openEarlyPort(
      { connect: ({ name }) => (early.push(fakePort(name)), early.at(-1)!) },
      'backstory:sidebar:p1',
      holder,
    );
    early[0]!.drop();
    const opened: ReturnType<typeof fakePort>[] = [];
    const connect = connectEarlyFirst((name) => (opened.push(fakePort(name)), opened.at(-1)!), holder);
    const feed = storyFeed('backstory:sidebar:p1', { connect, setTimer: () => () => undefined });
    await Promise.resolve();
    expect(opened.map((p) => p.name)).toEqual(['backstory:sidebar:p1']);
    opened[0]!.tell(story('3'));
    expect(feed.latest).toEqual(story('3'));
    feed.close();
  });

  it('without an early port (another browser, a script that did not run) connects as before', () => {
    const opened: string[] = [];
    const connect = connectEarlyFirst((name) => (opened.push(name), fakePort(name)), {});
    storyFeed('backstory:sidebar:p9', { connect, setTimer: () => () => undefined }).close();
    expect(opened).toEqual(['backstory:sidebar:p9']);
  });
});
