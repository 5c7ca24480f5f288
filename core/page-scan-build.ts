/**
 * Builds the page scan's trie. Every pattern is folded to a key (page-scan-fold.ts) appended to
 * one Uint16Array pool, with no string or object per pattern. The keys are radix-sorted and the
 * trie laid out in one Int32Array: a node is four words (label and flags, first child, child
 * count or tail start, key), its children are consecutive nodes (no edge list), the children's
 * blocks go depth first, and single-key chains become tails. For the 50k-account bench data
 * (320k patterns) that is ~606k nodes and ~19 MB of typed arrays, where a plain trie would have
 * 3.7M nodes, and an object per node ten times the memory.
 */
import { FNV_PRIME } from './hash';
import { FNV_START } from './page-scan-fold';
import { addressKeyRange, keyCodes, nameKeyRange } from './page-scan-keys';

export const PATTERN_KINDS = ['name', 'alias', 'domain', 'email'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

/** A node's first word: label in the low 16 bits, then the TERM and TAIL flags, then the tail's length or the DENSE row. */
export const LABEL_MASK = 0xffff;
export const TERM = 1 << 16;
export const TAIL = 1 << 17;
export const TAIL_SHIFT = 18;
/** A node with many children has a row of `dense`, numbered from TAIL_SHIFT (a tail node has no children). */
export const DENSE = 1 << 31;
export const DENSE_ROW_MASK = 0x1fff;
/** A dense row covers labels DENSE_LOW .. DENSE_LOW + DENSE_WIDTH - 1 (ASCII: joiners, digits, letters). */
export const DENSE_LOW = 0x20;
export const DENSE_WIDTH = 0x60;
const DENSE_MIN_CHILDREN = 9;
/** Words per node in `node`. */
export const STRIDE = 4;
/**
 * The first-word filter has 2^21 bits (256 KB, so it stays in cache). A word is hashed as FNV-1a
 * over its codes (foldText hashes the page's words alike), then spread by a multiply; its bit is
 * the top 21 bits.
 */
export const FILTER_SHIFT = 32 - 21;
export const SPREAD = 0x9e3779b1 | 0;

export interface Trie {
  /**
   * STRIDE words per node, node 0 the root: [label and flags, first child, child count (for a TAIL
   * node: where its tail starts in `tail`), key ending there (TERM) or going on alone (TAIL)].
   * A node's children are consecutive, in label order; the child blocks are laid out depth
   * first, so a chain of nodes (most of a long name) is consecutive memory, not a cache miss
   * per step as in a breadth-first layout.
   */
  node: Int32Array;
  /**
   * For nodes with DENSE: row (node[4n] >>> TAIL_SHIFT & DENSE_ROW_MASK) has, per ASCII label, 1 +
   * the child's place among the node's children (0: none), so a busy node's child is one read, not a search.
   */
  dense: Uint8Array;
  tail: Uint16Array;
  /**
   * A bit set over the hash of each key's first word (its codes up to its first non-word code).
   * A page word whose bit is clear starts no key, so the walk does not start there: nine page
   * words in ten are ordinary words, and a walk into the trie is a cache miss or two per step.
   */
  firstWords: Int32Array;
  /** Key k's patterns are entries entryStart[k] .. entryStart[k + 1] - 1, ordered by kind. */
  entryStart: Int32Array;
  entryKind: Uint8Array;
  /** Each entry's account id (the records' own strings: the build looks up nothing by id). */
  entryAccountId: string[];
  entryPattern: string[];
}

/** Collects patterns, then lays out the trie once. */
export class PageScanBuilder {
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private offset = new Int32Array(1024); // key i is pool[offset[i], offset[i + 1])
  private kind = new Uint8Array(1024);
  private patterns: string[] = [];
  private accounts: string[] = [];
  /** Set as keys are added, while their codes are at hand (see Trie.firstWords). */
  private firstWords = new Int32Array(1 << (32 - FILTER_SHIFT - 5));
  private built: Trie | undefined;

  constructor(private readonly minNameLength = 3) {}

  get size(): number {
    return this.patterns.length;
  }

  /** Adds one pattern; false (and ignored) when it folds to nothing usable. Never throws. */
  add(text: unknown, accountId: unknown, kind: PatternKind): boolean {
    if (this.built || typeof text !== 'string' || typeof accountId !== 'string' || !text || !accountId) return false;
    const r =
      kind === 'domain' || kind === 'email' ? addressKeyRange(text, kind) : nameKeyRange(text, this.minNameLength);
    if (r < 0) return false;
    const from = r >>> 16,
      len = (r & 0xffff) - from;
    const i = this.patterns.length;
    if (i + 2 > this.offset.length) this.growEntries();
    if (this.poolUsed + len > this.pool.length) this.pool = grow(this.pool, this.poolUsed + len);
    const codes = keyCodes(); // copied by hand: a subarray view per pattern is an allocation per pattern
    let h = FNV_START,
      inFirstWord = true;
    for (let k = 0; k < len; k++) {
      const c = codes[from + k]!;
      if (c < 0x30) inFirstWord = false;
      else if (inFirstWord) h = Math.imul(h ^ c, FNV_PRIME);
      this.pool[this.poolUsed + k] = c;
    }
    const bit = Math.imul(h, SPREAD) >>> FILTER_SHIFT;
    this.firstWords[bit >>> 5]! |= 1 << (bit & 31);
    this.offset[i] = this.poolUsed;
    this.poolUsed += len;
    this.offset[i + 1] = this.poolUsed;
    this.kind[i] = PATTERN_KINDS.indexOf(kind);
    this.patterns.push(text);
    this.accounts.push(accountId);
    return true;
  }

  /** Room for `patterns` more patterns of `chars` characters in all (folding rarely lengthens a key). */
  reserve(patterns: number, chars: number): void {
    if (this.built) return;
    if (this.poolUsed + chars + 64 > this.pool.length) this.pool = grow(this.pool, this.poolUsed + chars + 64, true);
    const room = this.patterns.length + patterns + 2;
    if (room > this.offset.length) {
      this.offset = grow(this.offset, room, true);
      this.kind = grow(this.kind, room, true);
    }
  }

  private growEntries(): void {
    this.offset = grow(this.offset, this.offset.length * 2);
    this.kind = grow(this.kind, this.kind.length * 2);
  }

  /** Lays out the trie; once, as the layout reuses the builder's buffers (a second call returns the same trie). */
  build(): Trie {
    if (this.built) return this.built;
    const { entryOrder, ...t } = layout(this.pool, this.offset, this.patterns.length, this.kind, this.accounts);
    // Plain loops: Array.from over a typed array with a map function goes through the iterator
    // protocol, a call per entry (about 35 ms of a 50k-account build).
    const entryPattern = new Array<string>(entryOrder.length);
    const entryAccountId = new Array<string>(entryOrder.length);
    for (let e = 0; e < entryOrder.length; e++) {
      entryPattern[e] = this.patterns[entryOrder[e]!]!;
      entryAccountId[e] = this.accounts[entryOrder[e]!]!;
    }
    this.built = { ...t, firstWords: this.firstWords, entryPattern, entryAccountId };
    this.pool = new Uint16Array(0);
    this.patterns = [];
    this.accounts = [];
    return this.built;
  }
}

function grow<T extends Uint16Array | Int32Array | Uint8Array>(a: T, min: number, exact = false): T {
  const b = new (a.constructor as new (n: number) => T)(exact ? min : Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Key numbers in key order: an MSD radix sort, depth first so each small range stays in cache. */
function sortKeys(pool: Uint16Array, offset: Int32Array, n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const tmp = new Int32Array(n);
  const count = new Int32Array(65536);
  const at = new Uint16Array(n); // per place: its key's code at the current depth
  const stack = [0, n, 0];
  while (stack.length) {
    const depth = stack.pop()!,
      hi = stack.pop()!;
    let lo = stack.pop()!;
    if (hi - lo <= 16) {
      insertionSort(pool, offset, idx, lo, hi, depth);
      continue;
    }
    // Keys that end at this depth sort first (they are all the same key).
    for (let p = lo; p < hi; p++) {
      const e = idx[p]!;
      if (offset[e + 1]! - offset[e]! === depth) {
        idx[p] = idx[lo]!;
        idx[lo++] = e;
      }
    }
    if (hi - lo <= 1) continue;
    const codes: number[] = [];
    for (let p = lo; p < hi; p++) {
      const c = pool[offset[idx[p]!]! + depth]!;
      at[p] = c; // read once: the pool is read in random order, the copy in order
      if (count[c]! === 0) codes.push(c);
      count[c]!++;
    }
    codes.sort((x, y) => x - y);
    let next = lo;
    for (const c of codes) {
      const size = count[c]!;
      if (size > 1) stack.push(next, next + size, depth + 1);
      count[c] = next;
      next += size;
    }
    for (let p = lo; p < hi; p++) tmp[count[at[p]!]!++] = idx[p]!;
    for (let p = lo; p < hi; p++) idx[p] = tmp[p]!;
    for (const c of codes) count[c] = 0;
  }
  return idx;
}

function insertionSort(
  pool: Uint16Array,
  offset: Int32Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  depth: number,
): void {
  const less = (a: number, b: number) => {
    const ea = offset[a + 1]!,
      eb = offset[b + 1]!;
    for (let i = offset[a]! + depth, j = offset[b]! + depth; ; i++, j++) {
      if (j >= eb) return false;
      if (i >= ea) return true;
      if (pool[i] !== pool[j]) return pool[i]! < pool[j]!;
    }
  };
  for (let p = lo + 1; p < hi; p++) {
    const e = idx[p]!;
    let q = p;
    for (; q > lo && less(e, idx[q - 1]!); q--) idx[q] = idx[q - 1]!;
    idx[q] = e;
  }
}

/**
 * The layout from sorted keys, in two passes over them (child counts, then nodes). Key i (in sorted order) brings a
 * new node at depth D exactly when it shares fewer than D codes with the key before it (lcp).
 * Once a node's subtree holds a single key, the rest of that key goes to the tail pool instead
 * of a chain of one-child nodes: most of a 290k-pattern trie is such chains (email addresses,
 * the ends of names), and a chain walked node by node is a cache miss per character.
 */
function layout(pool: Uint16Array, offset: Int32Array, n: number, kind: Uint8Array, accounts: string[]) {
  const order = sortKeys(pool, offset, n);
  // Key i in sorted order is keys[start[i], start[i] + len[i]); lcp[i]: codes it shares with key i - 1.
  // The keys are copied out in sorted order first: the passes below then read them front to
  // back, where each pass over the pool jumped to a random place (a cache miss) per key.
  const len = new Int32Array(n),
    start = new Int32Array(n),
    lcp = new Int32Array(n + 1);
  const keys = new Uint16Array(offset[n]!);
  for (let i = 0, used = 0; i < n; i++) {
    const from = offset[order[i]!]!,
      to = offset[order[i]! + 1]!;
    start[i] = used;
    len[i] = to - from;
    for (let k = from; k < to; k++) keys[used++] = pool[k]!;
  }
  // Key i has nodes at depths lcp[i] + 1 .. min(len, alone), `alone` being where it parts from
  // both neighbours and its rest becomes a tail: so both sizes are known before the layout.
  let nodes = 1,
    tailSize = 0,
    termCount = 0,
    tailCount = 0;
  for (let i = 0; i < n; i++) {
    let l = 0;
    if (i > 0)
      for (
        const a = start[i - 1]!, b = start[i]!, m = Math.min(len[i]!, len[i - 1]!);
        l < m && keys[a + l] === keys[b + l];
      )
        l++;
    lcp[i] = l;
  }
  for (let i = 0; i < n; i++) {
    const alone = Math.max(lcp[i]!, lcp[i + 1]!) + 1;
    nodes += Math.max(0, Math.min(len[i]!, alone) - lcp[i]!);
    if (len[i]! > alone) {
      tailSize += len[i]! - alone;
      tailCount++;
    } else if (lcp[i]! < len[i]!) termCount++;
  }
  // Nodes are made in preorder (the order of the sorted keys). A first pass counts each one's
  // children; the second gives each node, as it is made, the next free block for its children,
  // and takes its own place in its parent's block.
  let maxLen = 0;
  for (let i = 0; i < n; i++) if (len[i]! > maxLen) maxLen = len[i]!;
  const childCount = new Int32Array(nodes),
    cur = new Int32Array(maxLen + 1);
  let made = 1;
  for (let i = 0; i < n; i++) {
    for (let d = lcp[i]! + 1, top = Math.min(len[i]!, Math.max(lcp[i]!, lcp[i + 1]!) + 1); d <= top; d++) {
      childCount[cur[d - 1]!]!++;
      cur[d] = made++;
    }
  }
  const node = new Int32Array(STRIDE * nodes);
  const nextSlot = cur; // per depth: the next free place in the block of the current node at that depth
  node[1] = 1;
  node[2] = childCount[0]!;
  nextSlot[0] = 1;
  let free = 1 + childCount[0]!;
  made = 1;
  let terms = 0,
    tails = 0,
    keyCount = 0,
    entries = 0;
  const entryStart = new Int32Array(n + 1),
    entryOrder = new Int32Array(n);
  const tail = new Uint16Array(tailSize);
  let tailUsed = 0;
  for (let i = 0; i < n; i++) {
    const alone = Math.max(lcp[i]!, lcp[i + 1]!) + 1;
    for (let d = lcp[i]! + 1, top = Math.min(len[i]!, alone); d <= top; d++) {
      const id = nextSlot[d - 1]!++,
        children = childCount[made++]!,
        at = STRIDE * id;
      node[at] = keys[start[i]! + d - 1]!;
      node[at + 1] = free;
      node[at + 2] = children;
      nextSlot[d] = free;
      free += children;
      if (d < len[i]! && d < alone) continue;
      // The key ends here, or is alone from here on and its rest is a tail.
      entryStart[keyCount] = entries;
      let j = i + 1;
      while (j < n && len[j] === len[i] && lcp[j] === len[i]) j++; // the same key again
      entries = addEntries(order, i, j, kind, accounts, entryOrder, entries);
      node[at + 3] = keyCount++;
      if (d === len[i]) {
        node[at]! |= TERM;
        terms++;
        continue;
      }
      node[at]! |= TAIL | ((len[i]! - d) << TAIL_SHIFT);
      node[at + 2] = tailUsed;
      tails++;
      for (let k = start[i]! + d, end = start[i]! + len[i]!; k < end; k++) tail[tailUsed++] = keys[k]!;
    }
  }
  const dense = denseRows(node, nodes);
  if (tailUsed !== tailSize || terms !== termCount || tails !== tailCount || free !== nodes || made !== nodes)
    throw new Error('page scan: trie layout miscounted'); // an invariant, not input
  entryStart[keyCount] = entries;
  const entryKind = new Uint8Array(entries);
  for (let e = 0; e < entries; e++) entryKind[e] = kind[entryOrder[e]!]!;
  return {
    node,
    dense,
    tail,
    entryStart: entryStart.slice(0, keyCount + 1),
    entryKind,
    entryOrder: entryOrder.subarray(0, entries),
  };
}

/** Rows for the nodes with DENSE_MIN_CHILDREN or more children (and fewer than 256), flagged in place. */
function denseRows(node: Int32Array, nodes: number): Uint8Array {
  let rows = 0;
  const want = (v: number) =>
    !(node[STRIDE * v]! & TAIL) && node[STRIDE * v + 2]! >= DENSE_MIN_CHILDREN && node[STRIDE * v + 2]! < 256;
  for (let v = 0; v < nodes && rows < DENSE_ROW_MASK; v++) if (want(v)) rows++;
  const dense = new Uint8Array(rows * DENSE_WIDTH);
  const max = rows;
  rows = 0;
  for (let v = 0; v < nodes && rows < max; v++) {
    if (!want(v)) continue;
    const lo = node[STRIDE * v + 1]!,
      count = node[STRIDE * v + 2]!;
    node[STRIDE * v]! |= DENSE | (rows << TAIL_SHIFT);
    for (let k = 0; k < count; k++) {
      const c = (node[STRIDE * (lo + k)]! & LABEL_MASK) - DENSE_LOW;
      if (c >= 0 && c < DENSE_WIDTH) dense[rows * DENSE_WIDTH + c] = k + 1;
    }
    rows++;
  }
  return dense;
}

/** One key's patterns: by kind, then as added; one per account (a name beats an alias of the same account). */
function addEntries(
  order: Int32Array,
  from: number,
  to: number,
  kind: Uint8Array,
  accounts: string[],
  out: Int32Array,
  used: number,
): number {
  if (to - from === 1) {
    out[used] = order[from]!;
    return used + 1;
  }
  const group = Array.from(order.subarray(from, to)).sort((x, y) => kind[x]! - kind[y]! || x - y);
  const seen = new Set<string>();
  for (const i of group)
    if (!seen.has(accounts[i]!)) {
      seen.add(accounts[i]!);
      out[used++] = i;
    }
  return used;
}
