/**
 * The dictionary of an index build (names and notes alike), looked up by spans of record text.
 */
import { FNV_OFFSET, FNV_PRIME } from '../hash';

/**
 * A build's dictionary: term -> id in an open-addressing table of FNV hashes. A word is
 * looked up by its span of the record text, so only a word seen for the first time makes a
 * string; most words of 50,000 accounts are repeats ("dental", "com", first names).
 */
export class TermTable {
  readonly terms: string[] = [];
  private hashes = new Uint32Array(1 << 12);
  /** Slot -> term id + 1 (0: empty). */
  private slots = new Int32Array(1 << 13);
  private mask = (1 << 13) - 1;

  get size(): number {
    return this.terms.length;
  }

  /** Id of the lower-cased text[start, end), added when new. */
  spanId(text: string, start: number, end: number, upper: boolean): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (upper && c <= 90 && c >= 65) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    h >>>= 0;
    const n = end - start;
    const { slots, hashes, terms, mask } = this;
    let slot = h & mask;
    for (let v = slots[slot]!; v !== 0; v = slots[slot]!) {
      const id = v - 1;
      if (hashes[id] === h) {
        const t = terms[id]!;
        if (t.length === n) {
          let j = 0;
          for (; j < n; j++) {
            let c = text.charCodeAt(start + j);
            if (upper && c <= 90 && c >= 65) c += 32;
            if (c !== t.charCodeAt(j)) break;
          }
          if (j === n) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const term = upper ? text.slice(start, end).toLowerCase() : text.slice(start, end);
    return this.add(term, h, slot);
  }

  /** Id of a (processed) term, added when new. */
  id(term: string): number {
    return this.spanId(term, 0, term.length, false);
  }

  private add(term: string, h: number, slot: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id === this.hashes.length) {
      const next = new Uint32Array(id * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
