/**
 * Builds the page scan's trie. Every pattern is folded to a key (page-scan-fold.ts) appended to
 * one Uint16Array pool, with no string or object per pattern. The trie is then laid out level by
 * level, breadth first, by bucketing each node's keys on their next code (an MSD radix sort that
 * is the trie build itself): a node's children are consecutive nodes, so a node costs 6 bytes
 * (label + first child) and no edge list. That is what keeps ~290k patterns (~3.7M nodes) near
 * 25 MB and the build well under a second; an object per node would cost ten times that.
 */
import { addressKeyRange, keyCodes, nameKeyRange } from './page-scan-fold';

export const PATTERN_KINDS = ['name', 'alias', 'domain', 'email'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export interface Trie {
  /** Node n's children are nodes first[n] .. first[n + 1] - 1, in label order; node 0 is the root. */
  first: Int32Array;
  label: Uint16Array;
  /** Nodes that end a key: a bit each, and rank(node) indexes termKey. */
  termBits: Uint32Array;
  termRank: Int32Array;
  termKey: Int32Array;
  /** Nodes below which only one key goes on: the rest of it is tail[tailStart[r], tailStart[r + 1]). */
  tailBits: Uint32Array;
  tailRank: Int32Array;
  tailKey: Int32Array;
  tailStart: Int32Array;
  tail: Uint16Array;
  /** Key k's patterns are entries entryStart[k] .. entryStart[k + 1] - 1, ordered by kind. */
  entryStart: Int32Array;
  entryKind: Uint8Array;
  entryAccount: Int32Array;
  entryPattern: string[];
  accountIds: string[];
}

/** Collects patterns, then lays out the trie once. */
export class PageScanBuilder {
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private offset = new Int32Array(1024); // key i is pool[offset[i], offset[i + 1])
  private kind = new Uint8Array(1024);
  private account = new Int32Array(1024);
  private patterns: string[] = [];
  private accountIndex = new Map<string, number>();
  private accountIds: string[] = [];
  private built: Trie | undefined;

  constructor(private readonly minNameLength = 3) {}

  get size(): number {
    return this.patterns.length;
  }

  /** Adds one pattern; false (and ignored) when it folds to nothing usable. Never throws. */
  add(text: unknown, accountId: unknown, kind: PatternKind): boolean {
    if (this.built || typeof text !== 'string' || typeof accountId !== 'string' || !text || !accountId) return false;
    const r = kind === 'domain' || kind === 'email' ? addressKeyRange(text, kind) : nameKeyRange(text, this.minNameLength);
    if (r < 0) return false;
    const from = r >>> 16, len = (r & 0xffff) - from;
    const i = this.patterns.length;
    if (i + 2 > this.offset.length) this.growEntries();
    if (this.poolUsed + len > this.pool.length) this.pool = grow(this.pool, this.poolUsed + len);
    this.pool.set(keyCodes().subarray(from, from + len), this.poolUsed);
    this.offset[i] = this.poolUsed;
    this.poolUsed += len;
    this.offset[i + 1] = this.poolUsed;
    let a = this.accountIndex.get(accountId);
    if (a === undefined) {
      this.accountIndex.set(accountId, (a = this.accountIds.length));
      this.accountIds.push(accountId);
    }
    this.kind[i] = PATTERN_KINDS.indexOf(kind);
    this.account[i] = a;
    this.patterns.push(text);
    return true;
  }

  private growEntries(): void {
    this.offset = grow(this.offset, this.offset.length * 2);
    this.kind = grow(this.kind, this.kind.length * 2);
    this.account = grow(this.account, this.account.length * 2);
  }

  /** Lays out the trie; once, as the layout reuses the builder's buffers (a second call returns the same trie). */
  build(): Trie {
    if (this.built) return this.built;
    const { entryOrder, ...t } = layout(this.pool, this.offset, this.patterns.length, this.kind, this.account);
    this.built = { ...t, entryPattern: Array.from(entryOrder, (i) => this.patterns[i]!), accountIds: this.accountIds };
    this.pool = new Uint16Array(0);
    this.patterns = [];
    this.accountIndex.clear();
    return this.built;
  }
}

function grow<T extends Uint16Array | Int32Array | Uint8Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Key numbers in key order: an MSD radix sort, depth first so each small range stays in cache. */
function sortKeys(pool: Uint16Array, offset: Int32Array, n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const tmp = new Int32Array(n);
  const count = new Int32Array(65536);
  const stack = [0, n, 0];
  while (stack.length) {
    const depth = stack.pop()!, hi = stack.pop()!;
    let lo = stack.pop()!;
    if (hi - lo <= 16) { insertionSort(pool, offset, idx, lo, hi, depth); continue; }
    // Keys that end at this depth sort first (they are all the same key).
    for (let p = lo; p < hi; p++) {
      const e = idx[p]!;
      if (offset[e + 1]! - offset[e]! === depth) { idx[p] = idx[lo]!; idx[lo++] = e; }
    }
    if (hi - lo <= 1) continue;
    const codes: number[] = [];
    for (let p = lo; p < hi; p++) {
      const c = pool[offset[idx[p]!]! + depth]!;
      if (count[c]! === 0) codes.push(c);
      count[c]!++;
    }
    codes.sort((x, y) => x - y);
    let at = lo;
    for (const c of codes) {
      const size = count[c]!;
      if (size > 1) stack.push(at, at + size, depth + 1);
      count[c] = at;
      at += size;
    }
    for (let p = lo; p < hi; p++) {
      const e = idx[p]!;
      tmp[count[pool[offset[e]! + depth]!]!++] = e;
    }
    for (let p = lo; p < hi; p++) idx[p] = tmp[p]!;
    for (const c of codes) count[c] = 0;
  }
  return idx;
}

function insertionSort(pool: Uint16Array, offset: Int32Array, idx: Int32Array, lo: number, hi: number, depth: number): void {
  const less = (a: number, b: number) => {
    const ea = offset[a + 1]!, eb = offset[b + 1]!;
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
 * Breadth-first layout from sorted keys. Key i (in sorted order) brings a new node at depth D
 * exactly when it shares fewer than D codes with the key before it, so each level is one
 * sequential pass over the keys still that long, over a copy of the keys laid out in order.
 * Once a node's subtree holds a single key, the rest of that key goes to the tail pool instead
 * of a chain of one-child nodes: most of a 290k-pattern trie is such chains (email addresses,
 * the ends of names), and a chain walked node by node is a cache miss per character.
 */
function layout(pool: Uint16Array, offset: Int32Array, n: number, kind: Uint8Array, account: Int32Array) {
  const order = sortKeys(pool, offset, n);
  const len = new Int32Array(n), start = new Int32Array(n + 1), lcp = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) { len[i] = offset[order[i]! + 1]! - offset[order[i]!]!; start[i + 1] = start[i]! + len[i]!; }
  const keys = new Uint16Array(start[n]!);
  for (let i = 0; i < n; i++) {
    for (let k = 0, from = offset[order[i]!]!; k < len[i]!; k++) keys[start[i]! + k] = pool[from + k]!;
    let l = 0;
    if (i > 0) while (l < len[i]! && l < len[i - 1]! && keys[start[i]! + l] === keys[start[i - 1]! + l]) l++;
    lcp[i] = l;
  }
  // Nodes are discovered level by level; their count is known only at the end.
  let cap = Math.max(16, n * 2);
  let first = new Int32Array(cap + 1), label = new Uint16Array(cap);
  // Fixed-size lists (each at most one entry per key): fewer allocations, fewer full GCs on a big heap.
  const termNodes = new Int32Array(n), termKey = new Int32Array(n), tailNodes = new Int32Array(n), tailKey = new Int32Array(n);
  const tailStart = new Int32Array(n + 1), entryStart = new Int32Array(n + 1), entryOrder = new Int32Array(n);
  let terms = 0, tails = 0, keyCount = 0, entries = 0;
  const tail = pool; // the pool is copied into `keys` by now: its room takes the tails
  let tailUsed = 0;
  const newKey = (i: number) => {
    entryStart[keyCount] = entries;
    let j = i + 1;
    while (j < n && len[j] === len[i] && lcp[j] === len[i]) j++; // the same key again
    entries = addEntries(order, i, j, kind, account, entryOrder, entries);
    return keyCount++;
  };
  const alive = new Int32Array(n);
  for (let i = 0; i < n; i++) alive[i] = i;
  let aliveCount = n;
  let parentStart = new Int32Array(Math.max(1, n)), childStart = new Int32Array(Math.max(1, n));
  let parents = 1, parentBase = 0, nextId = 1;
  for (let depth = 1; aliveCount > 0; depth++) {
    let children = 0, q = 0, assigned = 0; // q: the parent of the key at hand; parents before `assigned` have their first child
    let kept = 0;
    for (let a = 0; a < aliveCount; a++) {
      const i = alive[a]!;
      let more = len[i]! > depth;
      if (lcp[i]! < depth) {
        while (q + 1 < parents && parentStart[q + 1]! <= i) q++;
        while (assigned <= q) first[parentBase + assigned++] = nextId;
        if (nextId >= cap) { cap *= 2; first = grow(first, cap + 1); label = grow(label, cap); }
        label[nextId] = keys[start[i]! + depth - 1]!;
        childStart[children++] = i;
        if (!more) { termNodes[terms] = nextId; termKey[terms++] = newKey(i); }
        else if (lcp[i + 1]! < depth || i + 1 === n) {
          // Alone below here: the rest of the key is a tail, and the key leaves the level passes.
          tailNodes[tails] = nextId;
          tailKey[tails++] = newKey(i);
          for (let k = start[i]! + depth; k < start[i + 1]!; k++) tail[tailUsed++] = keys[k]!;
          tailStart[tails] = tailUsed;
          more = false;
        }
        nextId++;
      }
      if (more) alive[kept++] = i;
    }
    while (assigned < parents) first[parentBase + assigned++] = nextId;
    parentBase += parents;
    parents = children;
    [parentStart, childStart] = [childStart, parentStart];
    aliveCount = kept;
  }
  const nodes = nextId;
  first = first.slice(0, nodes + 1);
  for (let p = parentBase; p <= nodes; p++) first[p] = nodes; // the deepest level: leaves
  entryStart[keyCount] = entries;
  const entryKind = new Uint8Array(entries), entryAccount = new Int32Array(entries);
  for (let e = 0; e < entries; e++) { entryKind[e] = kind[entryOrder[e]!]!; entryAccount[e] = account[entryOrder[e]!]!; }
  return {
    first, label: label.slice(0, nodes),
    ...bitsWithRank(termNodes.subarray(0, terms), nodes, 'term'),
    termKey: termKey.slice(0, terms),
    ...bitsWithRank(tailNodes.subarray(0, tails), nodes, 'tail'),
    tailKey: tailKey.slice(0, tails),
    tailStart: tailStart.slice(0, tails + 1),
    tail: tail.slice(0, tailUsed),
    entryStart: entryStart.slice(0, keyCount + 1),
    entryKind, entryAccount,
    entryOrder: entryOrder.subarray(0, entries),
  };
}

/** A bit per node and, per 32 nodes, the count of set bits before them: rank in two reads. */
function bitsWithRank<P extends string>(sorted: Int32Array, nodes: number, prefix: P) {
  const bits = new Uint32Array((nodes >> 5) + 1);
  for (const t of sorted) bits[t >> 5]! |= 1 << (t & 31);
  const rank = new Int32Array(bits.length);
  for (let w = 1; w < bits.length; w++) rank[w] = rank[w - 1]! + popcount(bits[w - 1]!);
  return { [`${prefix}Bits`]: bits, [`${prefix}Rank`]: rank } as Record<`${P}Bits`, Uint32Array> & Record<`${P}Rank`, Int32Array>;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** One key's patterns: by kind, then as added; one per account (a name beats an alias of the same account). */
function addEntries(order: Int32Array, from: number, to: number, kind: Uint8Array, account: Int32Array, out: Int32Array, used: number): number {
  if (to - from === 1) { out[used] = order[from]!; return used + 1; }
  const group = Array.from(order.subarray(from, to)).sort((x, y) => kind[x]! - kind[y]! || x - y);
  const seen = new Set<number>();
  for (const i of group) if (!seen.has(account[i]!)) { seen.add(account[i]!); out[used++] = i; }
  return used;
}
