import type { TicketStory } from './ticket-story';
import { storyForTab } from './sidebar-requests';
import { getDb, type BackstoryDB } from '../storage/db';
import type { Ready, StoryPush } from '@/messaging/story-feed';

/** The parts of runtime.Port the channel uses (a test passes its own). */
export interface StoryPort {
  postMessage(message: StoryPush | Ready): void;
  onDisconnect: { addListener(fn: () => void): void };
}

/** Whose story a port is told: a tab's, as its sidebar frame (`page`: the page that opened it) sees it. */
export interface Viewer {
  tabId: number;
  /** The tab's address as the browser gave it when the port opened (its origin must be the ticket's). */
  tabUrl: string | undefined;
  page?: string;
}

/** What the channel asks the browser about tabs, for side panels (a test passes its own). */
export interface PanelTabs {
  /** The active tab of a window, if any. */
  active(windowId: number): Promise<{ id: number; url?: string } | undefined>;
  /** A tab's current address (undefined: gone, or not ours to read). */
  url(tabId: number): Promise<string | undefined>;
}

interface Open extends Viewer {
  /** Bumped by every push begun: only the latest push's story is sent. */
  pushes: number;
  /** What was sent last (as JSON): the same story is not sent twice. */
  sent?: string;
  /** A side panel: the window whose active tab it follows (tabId -1 until that tab is known). */
  windowId?: number;
  /** Bumped each time a panel is moved to another tab: a late answer about the old one is dropped. */
  moves?: number;
  /** A panel's new tab's address is being asked for: no push until it is known. */
  resolving?: boolean;
}

const noTabs: PanelTabs = { active: () => Promise.resolve(undefined), url: () => Promise.resolve(undefined) };

/**
 * The one channel from the background to the sidebars: each opens a port (runtime.connect) and
 * is pushed its tab's story at once, then whenever that tab's ticket, the data, the pins or the
 * flags change. Nothing is asked for and nothing polled. A stopped worker drops every port; each
 * sidebar then connects again and is pushed the current story by the new worker, from storage.
 *
 * A side panel (the browser's own, one per window) follows its window's active tab: when another
 * tab becomes active it is first told "loading" for that tab, synchronously, before anything
 * else, and every push about the previous tab still under way is dropped (see `moves`, `pushes`).
 */
export class StoryChannel {
  private readonly open = new Map<StoryPort, Open>();

  constructor(
    private readonly db: () => BackstoryDB = getDb,
    /** Called with each story told (campaign insights count matched tickets, with consent). */
    private readonly told: (story: TicketStory) => void = () => undefined,
    private readonly tabs: PanelTabs = noTabs,
  ) {}

  /** A sidebar connected: it is told its tab's story now. */
  add(port: StoryPort, viewer: Viewer): void {
    const entry: Open = { ...viewer, pushes: 0 };
    if (!this.take(port, entry)) return;
    void this.push(port, entry);
  }

  /** A side panel connected: it is told the story of its window's active tab, and follows that window. */
  addPanel(port: StoryPort, windowId: number): void {
    const entry: Open = { tabId: -1, tabUrl: undefined, pushes: 0, windowId, moves: 0 };
    if (!this.take(port, entry)) return;
    const moves = entry.moves;
    void this.tabs.active(windowId).then(
      (tab) => {
        // The window's tab changed meanwhile (tabActivated told it): that is the current one.
        if (entry.moves !== moves || !this.open.has(port)) return;
        // No tab (yet): the panel says no ticket.
        if (tab) this.moveTo(port, entry, tab.id, tab.url);
        else this.send(port, entry, { type: 'story', story: null });
      },
      () => undefined,
    );
  }

  /** Another tab became the active one of a window: that window's panels show it (loading first). */
  tabActivated(windowId: number, tabId: number): void {
    for (const [port, entry] of this.open) {
      if (entry.windowId !== windowId) continue;
      this.moveTo(port, entry, tabId, undefined);
      const moves = entry.moves;
      entry.resolving = true;
      const resolved = (url: string | undefined) => {
        if (entry.moves !== moves) return;
        entry.resolving = false;
        entry.tabUrl = url;
        void this.push(port, entry);
      };
      void this.tabs.url(tabId).then(resolved, () => resolved(undefined));
    }
  }

  /** A tab's address changed (a panel checks the reported ticket against the tab's current origin). */
  tabUrlChanged(tabId: number, url: string | undefined): void {
    for (const [port, entry] of this.open)
      if (entry.windowId !== undefined && entry.tabId === tabId && entry.tabUrl !== url) {
        entry.tabUrl = url;
        entry.resolving = false;
        void this.push(port, entry);
      }
  }

  /** A tab's content script reported its ticket: that tab's sidebars and the panels showing it are told. */
  ticketChanged(tabId: number): void {
    for (const [port, entry] of this.open) if (entry.tabId === tabId) void this.push(port, entry);
  }

  /** The data, the pins or the flags changed: every sidebar is told (only those whose story changed get it). */
  dataChanged(): void {
    for (const [port, entry] of this.open) if (entry.tabId >= 0) void this.push(port, entry);
  }

  /** Whether a side panel of this window is open and shows this tab now. */
  panelShows(windowId: number, tabId: number): boolean {
    for (const entry of this.open.values()) if (entry.windowId === windowId && entry.tabId === tabId) return true;
    return false;
  }

  /** How many ports are open (for tests). */
  get size(): number {
    return this.open.size;
  }

  private take(port: StoryPort, entry: Open): boolean {
    this.open.set(port, entry);
    port.onDisconnect.addListener(() => this.open.delete(port));
    try {
      port.postMessage({ type: 'ready' });
      return true;
    } catch {
      this.open.delete(port);
      return false;
    }
  }

  /** A panel shows another tab: "loading" for it now, and nothing more about the one before. */
  private moveTo(port: StoryPort, entry: Open, tabId: number, tabUrl: string | undefined): void {
    entry.moves = (entry.moves ?? 0) + 1;
    // Cancels every push still under way (they check `pushes`).
    entry.pushes++;
    entry.tabId = tabId;
    entry.tabUrl = tabUrl;
    entry.sent = undefined;
    entry.resolving = false;
    this.send(port, entry, { type: 'story', loading: true, tab: tabId });
    if (tabUrl !== undefined) void this.push(port, entry);
  }

  private async push(port: StoryPort, entry: Open): Promise<void> {
    if (entry.resolving) return;
    const mine = ++entry.pushes;
    const panel = entry.windowId !== undefined;
    const tabId = entry.tabId;
    let message: StoryPush;
    try {
      const story = await storyForTab(tabId, entry.tabUrl, this.db(), entry.page);
      // Not yet this page's ticket: its report will push it.
      if (story === undefined) return;
      message = { type: 'story', story };
    } catch (e) {
      message = { type: 'story', error: e instanceof Error ? e.message : String(e) };
    }
    // A later push began meanwhile (the ticket or the data changed again, or a panel's window
    // switched tabs), or the port went.
    if (mine !== entry.pushes || tabId !== entry.tabId || !this.open.has(port)) return;
    // A panel is told whose story it is: it names that tab (and ticket) back with a pin or flag.
    if (panel) message = { ...message, tab: tabId };
    const sent = this.send(port, entry, message);
    if (sent && message.story) this.told(message.story);
  }

  /** Send unless it is what this port was sent last. Whether it was sent. */
  private send(port: StoryPort, entry: Open, message: StoryPush): boolean {
    const json = JSON.stringify(message);
    if (json === entry.sent) return false;
    entry.sent = json;
    try {
      port.postMessage(message);
      return true;
    } catch {
      // Disconnected before its onDisconnect ran.
      this.open.delete(port);
      return false;
    }
  }
}
