/**
 * Compact in-memory lookups for background-caches/match-memory.ts, which copies every account, contact,
 * deal and note into the worker: at 50,000 accounts, how they are held decides the heap.
 */

/**
 * Key → ids, each id once, in the order met (callers meet records in primary key order). Most
 * keys have one id, kept without an array: at 50,000 accounts that is a few hundred thousand
 * arrays the worker does not hold.
 */
export class Postings {
  private readonly map = new Map<string, string | string[]>();
  add(key: string, id: string): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, id);
    else if (typeof list === 'string') {
      if (list !== id) this.map.set(key, [list, id]);
    } else if (!list.includes(id)) list.push(id);
  }
  get(key: string): string[] {
    const list = this.map.get(key);
    return list === undefined ? [] : typeof list === 'string' ? [list] : list;
  }
}

/** Groups turned into text between pauses, so a sidebar request waiting on the worker is not held up long. */
const GROUPS_PER_SLICE = 2000;

/**
 * Records grouped by a key, each group held as one JSON text once sealed. At 50,000 accounts the
 * contacts, deals and notes take 119 MB of heap against 138 MB as objects (measured in Node),
 * and the collector has 150,000 strings to trace instead of 350,000 records with their arrays.
 * Parsing one account's few records back takes microseconds, and each `get` parses anew, so
 * callers get records of their own that they may change. Groups keep the order their records
 * were added in.
 */
export class Groups<T> {
  private open = new Map<string, T[]>();
  private readonly texts = new Map<string, string>();
  add(key: string, record: T): void {
    const group = this.open.get(key);
    if (group) group.push(record);
    else this.open.set(key, [record]);
  }
  /** Turn every group into text, pausing now and then; nothing may be added after. */
  async seal(pause: () => Promise<void>): Promise<this> {
    let n = 0;
    for (const [key, group] of this.open) {
      this.texts.set(key, JSON.stringify(group));
      if (++n % GROUPS_PER_SLICE === 0) await pause();
    }
    this.open = new Map();
    return this;
  }
  has(key: string): boolean {
    return this.texts.has(key);
  }
  get(key: string): T[] {
    const text = this.texts.get(key);
    return text === undefined ? [] : (JSON.parse(text) as T[]);
  }
}
