import { holdsCandidate, isCandidateElement, isCandidateText, isNumberPlace } from '@/adapters/generic-scan';

/**
 * When to read a changing page again. The first change after a quiet spell is read 250 ms later
 * (a single-page app's new ticket shows quickly); on a page that keeps changing, at most once a
 * second; and never so often that reading takes more than 5% of the main thread (a read that
 * took 30 ms waits 600 ms). Once a read is due nothing observes the page: the observer is
 * disconnected until the read begins, so a page that changes constantly costs one observer
 * callback per read, not one per change; a change while the read is under way (it is made in
 * slices) is observed, and read after it.
 *
 * Where the reader says which parts of the page its last reading rested on (regions: the fields,
 * their labels' holders and surroundings, the card, the ticket number), only the changed parts
 * are looked at: a change inside a region, or one that adds something the reader reads (a
 * label, an address, a heading, a labelled element) is read as above; any other change cannot
 * alter the reading and is not read at all. A batch of changes too large to look at (a new view)
 * is read as above, which on a page that never stops changing is at most once a second.
 */
export const QUIET_DELAY_MS = 250;
export const BUSY_INTERVAL_MS = 1000;
/** Reading may take at most 1/20 of the time (5%). */
export const SHARE = 20;

export const nextReadDelay = (sinceLastReadMs: number, lastReadCostMs: number): number =>
  Math.max(QUIET_DELAY_MS, lastReadCostMs * SHARE, BUSY_INTERVAL_MS - sinceLastReadMs);

/**
 * Calls `read` again after the page changes, as nextReadDelay says; observing resumes as it begins. Used by the content script (ticket-watcher.ts) and by the
 * bench (bench/reader.ts), which measures its share of the main thread on a changing page.
 */
export class RereadScheduler {
  private observer?: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | 0 = 0;
  private target?: Node;
  private lastReadAt = -Infinity;
  private lastCost = 0;
  private used?: Set<Element>;

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

  /** The elements the last reading rested on; undefined, empty or too many: unknown, every change counts. */
  regions(used: Element[] | undefined): void {
    this.used = used?.length && used.length <= MAX_REGIONS ? new Set(used) : undefined;
  }

  /**
   * Whether a batch of changes could alter the last reading or add to it: it touches or removed
   * a region, or adds candidates (only the added parts and changed texts are looked at).
   */
  private matters(records: MutationRecord[]): boolean {
    const used = this.used;
    // Many changes at once (a new view): read rather than look at them all.
    if (!used || records.length > MAX_RECORDS) return true;
    const budget = { nodes: MAX_ADDED_TEXTS };
    // Elements known, in this batch, to be neither a region nor where the ticket number shows,
    // nor inside one: each ancestor is looked at once a batch, however many changes share it.
    const clear = new Set<Element>();
    const insideRegion = (el: Element) => {
      for (let e: Element | null = el; e && !clear.has(e); e = e.parentElement) {
        if (used.has(e) || isNumberPlace(e)) return true;
        clear.add(e);
      }
      return false;
    };
    let removed = false;
    for (const r of records) {
      const target = r.target;
      const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
      if (!el || insideRegion(el)) return true;
      if (r.type === 'attributes') {
        // Relabelled: an element the reader now reads; hidden or shown: a region beneath.
        if (isCandidateElement(el)) return true;
        if (HIDING.has(r.attributeName ?? '')) for (const region of used) if (el.contains(region)) return true;
      } else if (r.type === 'characterData') {
        if (isCandidateText(r.oldValue ?? '') || isCandidateText(target.nodeValue ?? '')) return true;
      } else {
        removed ||= r.removedNodes.length > 0;
        for (const n of r.addedNodes) if (holdsCandidate(n, budget) !== false) return true;
      }
    }
    if (removed) for (const region of used) if (!region.isConnected) return true;
    return false;
  }

  private observe(): void {
    if (this.target) this.observer?.observe(this.target, OBSERVED);
  }

  private changed(records: MutationRecord[]): void {
    if (this.timer || !this.matters(records)) return;
    this.observer?.disconnect();
    this.timer = setTimeout(
      () => {
        this.timer = 0;
        this.lastReadAt = performance.now();
        // Observed again as the read begins: a read made in slices (readInSlices) gives the
        // page the main thread, and a change meanwhile may come after the part it has read.
        this.observe();
        void Promise.resolve()
          .then(() => this.read())
          .catch(() => undefined);
      },
      nextReadDelay(performance.now() - this.lastReadAt, this.lastCost),
    );
  }
}

/** More regions than this, more records in one batch, more added text nodes: read the whole page. */
const MAX_REGIONS = 64;
const MAX_RECORDS = 100;
const MAX_ADDED_TEXTS = 2_000;

/**
 * What is observed: children and texts, and the attributes that hide an element, label it or
 * make it a mailto: link or ticket-number holder (each tested against the regions as above).
 */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributeFilter: ['class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-label', 'aria-labelledby', 'role', 'href'],
};

/** The observed attributes that can hide or show what an element holds. */
const HIDING = new Set(['class', 'style', 'hidden', 'aria-hidden']);
