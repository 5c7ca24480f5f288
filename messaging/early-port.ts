/**
 * The sidebar frame's story port, opened by a small script of its own (entrypoints/sidebar-port.ts,
 * the first script of sidebar.html) before the page's main script has loaded: the background
 * answers while the frame is still loading the rest (on a loaded machine that loading took most
 * of the frame's time to its backstory), and the first render can already show the story. The
 * main script then takes the port over (messaging/story-feed.ts connects through
 * `connectEarlyFirst`), with whatever it was told meanwhile.
 *
 * Nothing here reaches the help-desk page: the frame is an extension page of another origin,
 * whose globals the page cannot read.
 */

/** The parts of runtime.Port the story channel uses. */
export interface EarlyPortLike {
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

export interface Connects {
  connect(info: { name: string }): EarlyPortLike;
}

/** What the early script leaves for the main script. */
interface Early {
  name: string;
  port: EarlyPortLike;
  /** Told before the main script listened. */
  held: unknown[];
  gone: boolean;
  /** The main script's listeners, once it took the port. */
  listeners: ((message: unknown) => void)[];
  dropped: (() => void)[];
}

const KEY = 'backstoryEarlyPort';
type Holder = { [KEY]?: Early };

/** Open the port named `name` now and hold what it is told (the early script; `runtime`: the browser's). */
export function openEarlyPort(runtime: Connects, name: string, holder: object = globalThis): void {
  const port = runtime.connect({ name });
  const early: Early = { name, port, held: [], gone: false, listeners: [], dropped: [] };
  port.onMessage.addListener((message) => {
    if (early.listeners.length) for (const fn of early.listeners) fn(message);
    else early.held.push(message);
  });
  port.onDisconnect.addListener(() => {
    early.gone = true;
    for (const fn of early.dropped) fn();
  });
  (holder as Holder)[KEY] = early;
}

/**
 * The early port of this name, once (undefined: none was opened, it has another name, or it was
 * taken already). Its first listener is given what it was told so far, in order, at once.
 */
export function takeEarlyPort(name: string, holder: object = globalThis): EarlyPortLike | undefined {
  const early = (holder as Holder)[KEY];
  delete (holder as Holder)[KEY];
  if (!early || early.name !== name) return undefined;
  return {
    onMessage: {
      addListener(fn) {
        early.listeners.push(fn);
        for (const message of early.held.splice(0)) fn(message);
      },
    },
    onDisconnect: {
      addListener(fn) {
        // Dropped before it was taken (a worker stopped meanwhile): said after the caller's set-up.
        if (early.gone) queueMicrotask(fn);
        else early.dropped.push(fn);
      },
    },
    disconnect: () => early.port.disconnect(),
  };
}

/** A connect that takes the early port for its name the first time, and opens new ports after. */
export const connectEarlyFirst =
  <P extends EarlyPortLike>(connect: (name: string) => P, holder: object = globalThis) =>
  (name: string): P | EarlyPortLike =>
    takeEarlyPort(name, holder) ?? connect(name);
