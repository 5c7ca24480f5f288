import { browser } from '#imports';
import type { TicketStory } from '@/services/ticket-story';

/**
 * What the background pushes over a story port (services/story-channel.ts): the ticket's story,
 * null when the tab shows no ticket (or has left its origin), or why it could not be told. The
 * background says `ready` first, as soon as it took the port.
 */
export type Ready = { type: 'ready' };

export type StoryPush = (
  | { type: 'story'; story: TicketStory | null; error?: undefined; loading?: undefined }
  | { type: 'story'; story?: undefined; error: string; loading?: undefined }
  // A side panel's window switched to another tab: its story is on the way.
  | { type: 'story'; story?: undefined; error?: undefined; loading: true }
) & {
  /** To a side panel: the tab whose story this is (it names it back with a pin or flag). */
  tab?: number;
};

/** The parts of runtime.Port the client uses. */
interface Port {
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

export interface StoryChannelOptions {
  connect?: (name: string) => Port;
  /** Pauses between attempts that fail at once (default: none for the first, then growing). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How long a new port may stay unanswered (no `ready`) before it is given up and opened again. */
  readyMs?: number;
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/**
 * Open the channel (named as core/story-port.ts says) and keep it open: `onPush` gets every story
 * the background pushes. When the port drops (the browser stopped the worker), it connects again
 * at once, and the new worker pushes the current story. Only a port that drops within a second,
 * told nothing, waits before the next try (growing pauses, at most 2 s), so a worker that cannot
 * start is not asked in a tight loop. Returns a function that closes it.
 */
export function openStoryChannel(
  name: string,
  onPush: (push: StoryPush) => void,
  {
    connect = (n) => browser.runtime.connect({ name: n }),
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    now = Date.now,
    readyMs = 2_000,
    setTimer = (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  }: StoryChannelOptions = {},
): () => void {
  let closed = false;
  let port: Port | undefined;
  let failures = 0;
  const open = () => {
    if (closed) return;
    let told = false;
    const at = now();
    let mine: Port;
    try {
      mine = port = connect(name);
    } catch {
      // The extension was updated or removed under this page: nothing to connect to, ever.
      return;
    }
    // A port taken by a worker as the browser stopped it may never be answered nor dropped.
    const unwatch = setTimer(() => {
      mine.disconnect();
      dropped();
    }, readyMs);
    mine.onMessage.addListener((message) => {
      const push = message as StoryPush | Ready | null;
      if (push?.type === 'ready') return unwatch();
      if (push?.type !== 'story') return;
      unwatch();
      told = true;
      failures = 0;
      onPush(push);
    });
    const dropped = () => {
      unwatch();
      if (port !== mine) return;
      port = undefined;
      if (closed) return;
      if (told || now() - at >= 1_000) failures = 0;
      const pause = failures ? Math.min(100 * 2 ** failures, 2_000) : 0;
      failures++;
      if (pause) void sleep(pause).then(open);
      else open();
    };
    mine.onDisconnect.addListener(dropped);
  };
  open();
  return () => {
    closed = true;
    port?.disconnect();
  };
}

/** A channel opened at once, before anyone listens: it keeps the latest push for a late subscriber. */
export interface StoryFeed {
  /** The latest push, if one came. */
  readonly latest: StoryPush | undefined;
  /** `fn` gets every push from now on. */
  subscribe(fn: (push: StoryPush) => void): () => void;
  close(): void;
}

/**
 * Open the channel now (a page's script does so before its first render, which Preact paints
 * before running effects), keeping its latest push for the UI to read when it is ready.
 */
export function storyFeed(
  name: string,
  options?: StoryChannelOptions & {
    /** A push to leave out, given the latest kept (the side panel's, panelKeeps below). */
    skip?: (push: StoryPush, latest: StoryPush | undefined) => boolean;
  },
): StoryFeed {
  const subscribers = new Set<(push: StoryPush) => void>();
  let latest: StoryPush | undefined;
  const close = openStoryChannel(
    name,
    (push) => {
      if (options?.skip?.(push, latest)) return;
      latest = push;
      for (const fn of subscribers) fn(push);
    },
    options,
  );
  return {
    get latest() {
      return latest;
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    close,
  };
}

/**
 * The side panel's feed leaves out a "loading" for the tab it already shows: that is the
 * background taking a new port (the browser stopped the worker and the panel connected again),
 * not a tab switch, and the story shown (with a flag being written under it) stays until the
 * fresh one comes. A "loading" for any other tab is shown at once.
 */
export const sameTabLoading = (push: StoryPush, latest: StoryPush | undefined): boolean =>
  !!push.loading && latest !== undefined && !latest.loading && latest.tab === push.tab;
