/**
 * When to read a changing page again. The first change after a quiet spell is read 250 ms later
 * (a single-page app's new ticket shows quickly); on a page that keeps changing, at most once a
 * second; and never so often that reading takes more than 5% of the main thread (a read that
 * took 30 ms waits 600 ms). Between reads nothing observes the page: the observer is
 * disconnected after the first change and connected again after the read, so a page that
 * changes constantly costs one observer callback per read, not one per change.
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

  constructor(private readonly read: () => Promise<void> | void) {}

  /** Watch `target` (the page's body) for changes. */
  watch(target: Node): void {
    this.target = target;
    this.observer ??= new MutationObserver(() => this.changed());
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

  private observe(): void {
    if (this.target) this.observer?.observe(this.target, { childList: true, subtree: true, characterData: true });
  }

  private changed(): void {
    this.observer?.disconnect();
    if (this.timer) return;
    const wait = nextReadDelay(performance.now() - this.lastReadAt, this.lastCost);
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
