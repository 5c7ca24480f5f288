/**
 * When to read a changing page again. The first change after a quiet spell is read 250 ms later
 * (a single-page app's new ticket shows quickly); on a page that keeps changing, at most once a
 * second; and never so often that reading takes more than 5% of the main thread (a read that
 * took 30 ms waits 600 ms). Between reads nothing observes the page: the observer is
 * disconnected after the first change and connected again after the read, so a page that
 * changes constantly costs one observer callback per read, not one per change.
 *
 * Where the reader says which parts of the page its last reading rested on (regions: the fields,
 * their labels' holders, the ticket number), a change outside all of them cannot alter that
 * reading, only add a field elsewhere: it is read by a full read at most once a second, while a
 * change inside them is read as soon as above.
 */
export const QUIET_DELAY_MS = 250;
export const BUSY_INTERVAL_MS = 1000;
/** Reading may take at most 1/20 of the time (5%). */
export const SHARE = 20;

export const nextReadDelay = (sinceLastReadMs: number, lastReadCostMs: number): number =>
  Math.max(QUIET_DELAY_MS, lastReadCostMs * SHARE, BUSY_INTERVAL_MS - sinceLastReadMs);

/**
 * Calls `read` again after the page changes, as nextReadDelay says. `read` returns a promise;
 * observing resumes once it settles. Used by the content script (ticket-watcher.ts) and by the
 * bench (bench/reader.ts), which measures its share of the main thread on a changing page.
 */
export class RereadScheduler {
  private observer?: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | 0 = 0;
  private target?: Node;
  private lastReadAt = -Infinity;
  private lastCost = 0;
  private used?: Element[];

  constructor(private readonly read: () => Promise<void> | void) {}

  /** Watch `target` (the page's body) for changes. */
  watch(target: Node): void {
    this.target = target;
    this.observer ??= new MutationObserver((records) => this.changed(records));
    if (!this.timer) this.observe();
  }

  stop(): void {
    this.observer?.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    this.target = undefined;
  }

  /** What the last read cost, in ms (the synchronous part the caller timed). */
  noteCost(ms: number): void {
    this.lastCost = ms;
  }

  /** The elements the last reading rested on; undefined or empty: unknown, every change counts. */
  regions(used: Element[] | undefined): void {
    this.used = used?.length ? used : undefined;
  }

  /** Whether a change could alter the last reading: it touches, holds or removed a region. */
  private touchesRegions(records: MutationRecord[]): boolean {
    const used = this.used;
    // Many changes at once (a new view): read as soon as above rather than compare them all.
    if (!used || records.length > 100) return true;
    for (const r of records)
      for (const el of used) if (!el.isConnected || el.contains(r.target) || r.target.contains(el)) return true;
    return false;
  }

  private observe(): void {
    if (this.target) this.observer?.observe(this.target, { childList: true, subtree: true, characterData: true });
  }

  private changed(records: MutationRecord[]): void {
    this.observer?.disconnect();
    if (this.timer) return;
    const wait = this.touchesRegions(records)
      ? nextReadDelay(performance.now() - this.lastReadAt, this.lastCost)
      : Math.max(BUSY_INTERVAL_MS, this.lastCost * SHARE);
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.lastReadAt = performance.now();
      void Promise.resolve()
        .then(() => this.read())
        .catch(() => undefined)
        .finally(() => this.observe());
    }, wait);
  }
}
