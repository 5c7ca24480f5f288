import type { TicketStory } from './ticket-story';
import { storyForTab } from './sidebar-requests';
import { getDb, type BackstoryDB } from '../storage/db';
import type { Ready, StoryPush } from '@/messaging/story-channel';

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

interface Open extends Viewer {
  /** Bumped by every push begun: only the latest push's story is sent. */
  pushes: number;
  /** What was sent last (as JSON): the same story is not sent twice. */
  sent?: string;
}

/**
 * The one channel from the background to the sidebars: each opens a port (runtime.connect) and
 * is pushed its tab's story at once, then whenever that tab's ticket, the data, the pins or the
 * flags change. Nothing is asked for and nothing polled. A stopped worker drops every port; each
 * sidebar then connects again and is pushed the current story by the new worker, from storage.
 */
export class StoryChannel {
  private readonly open = new Map<StoryPort, Open>();

  constructor(
    private readonly db: () => BackstoryDB = getDb,
    /** Called with each story told (campaign insights count matched tickets, with consent). */
    private readonly told: (story: TicketStory) => void = () => undefined,
  ) {}

  /** A sidebar connected: it is told its tab's story now. */
  add(port: StoryPort, viewer: Viewer): void {
    const entry: Open = { ...viewer, pushes: 0 };
    this.open.set(port, entry);
    port.onDisconnect.addListener(() => this.open.delete(port));
    try {
      port.postMessage({ type: 'ready' });
    } catch {
      this.open.delete(port);
      return;
    }
    void this.push(port, entry);
  }

  /** A tab's content script reported its ticket: that tab's sidebars are told. */
  ticketChanged(tabId: number): void {
    for (const [port, entry] of this.open) if (entry.tabId === tabId) void this.push(port, entry);
  }

  /** The data, the pins or the flags changed: every sidebar is told (only those whose story changed get it). */
  dataChanged(): void {
    for (const [port, entry] of this.open) void this.push(port, entry);
  }

  /** How many ports are open (for tests). */
  get size(): number {
    return this.open.size;
  }

  private async push(port: StoryPort, entry: Open): Promise<void> {
    const mine = ++entry.pushes;
    let message: StoryPush;
    try {
      const story = await storyForTab(entry.tabId, entry.tabUrl, this.db(), entry.page);
      // Not yet this page's ticket: its report will push it.
      if (story === undefined) return;
      message = { type: 'story', story };
    } catch (e) {
      message = { type: 'story', error: e instanceof Error ? e.message : String(e) };
    }
    // A later push began meanwhile (the ticket or the data changed again), or the port went.
    if (mine !== entry.pushes || !this.open.has(port)) return;
    const json = JSON.stringify(message);
    if (json === entry.sent) return;
    entry.sent = json;
    try {
      port.postMessage(message);
    } catch {
      // Disconnected before its onDisconnect ran.
      this.open.delete(port);
      return;
    }
    if (message.story) this.told(message.story);
  }
}
