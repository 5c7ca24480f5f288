/**
 * Page scan: finds every known account name, alias, domain and contact email in a ticket page's
 * text, each hit with its account ids and its place in the original text.
 *
 * How it matches (the alphabet is in page-scan-fold.ts, the patterns' keys in page-scan-keys.ts, the trie in page-scan-build.ts):
 * - Case and accents do not matter ("MÜLLER" finds "Muller"); names are keyed as normalizeCompany
 *   keys them, so "Acme Dental, LLC" is found as "Acme Dental" and "Baker & Price" as "baker and price".
 * - Names match whole words only ("acme" is not found in "acmeton" or "acme2") and any run of
 *   spaces, punctuation or line breaks between their words counts as one separator, so
 *   "Acme  Dental,\nGroup" finds "Acme Dental Group". That also lets a name run across a comma
 *   ("... to Acme, Dental Group ..."): accepted, as names of three words rarely meet by accident.
 * - Domains and emails must appear with their dots, "@" and hyphens as written; they are found
 *   inside longer text too ("mail.acme.com", "<dana@acme.com>"), and "acme" the name is found
 *   inside "acme.com" since "." ends a word.
 * - Overlapping names are all found: "Acme" and "Acme Dental Group" at the same place, an email
 *   and the domain inside it.
 * The walk starts at every word start that some key's first word could match (a bit set over the
 * hashes of the keys' first words says which: about one page word in ten) and follows the trie
 * until it has no edge: work is bounded by the longest key (200 characters), not by the number of
 * patterns. Limits cap the rest.
 */
import * as build from './page-scan-build';
import { PATTERN_KINDS, type PatternKind, type Trie } from './page-scan-build';
import * as fold from './page-scan-fold';
import { FoldBuffer, foldText, isSkipped } from './page-scan-fold';

// Copied once: under tsx/CommonJS an imported binding is a getter call on every use in the walk.
const { APOS, DOT, INITDOT, SEP } = fold;
const {
  DENSE,
  DENSE_LOW,
  DENSE_ROW_MASK,
  DENSE_WIDTH,
  FILTER_SHIFT,
  LABEL_MASK,
  SPREAD,
  STRIDE,
  TAIL,
  TAIL_SHIFT,
  TERM,
} = build;

export type { PatternKind } from './page-scan-build';
export { PageScanBuilder } from './page-scan-build';

export interface PageHit {
  /** Every account with this pattern of this kind (two accounts may share a name); shared by every hit of the pattern, so frozen. */
  accountIds: readonly string[];
  kind: PatternKind;
  /** Half-open span in the original text: text.slice(start, end) is what the page says. */
  start: number;
  end: number;
  /** The pattern as given (the first one, when several accounts share the key). */
  pattern: string;
}

export interface ScanResult {
  /** Ordered by start, then end, then kind. */
  hits: PageHit[];
  /** True when a limit stopped the scan early: the hits are those found up to there. */
  truncated: boolean;
}

export interface ScanLimits {
  /** Characters of the page read (a ticket page is 20-100 KB; a 10 MB log dump is not read whole). */
  maxChars?: number;
  maxHits?: number;
  /** Trie steps, a bound on work whatever the text looks like. */
  maxSteps?: number;
}

const DEFAULT_LIMITS: Required<ScanLimits> = { maxChars: 512 * 1024, maxHits: 5000, maxSteps: 4_000_000 };

export class PageScanner {
  // Reused between scans: a scan allocates nothing but its hits.
  private readonly buf = new FoldBuffer();
  private readonly stack = new Int32Array(64);
  /** The walk's finds, RECORD words each; grown when a scan allows more hits. */
  private found = new Int32Array(RECORD * 1024);
  /** Per key: the hits it makes (one per kind among its entries). */
  private readonly keyHits: Uint8Array;
  /**
   * Per entry that starts a kind's group: that group's account ids, made on its first hit. A
   * 100 KB page makes about a thousand hits, mostly of the same few patterns: one array each
   * per page is garbage the collector then stops a scan for.
   */
  private readonly groupIds: (readonly string[] | undefined)[] = [];

  constructor(private readonly trie: Trie) {
    const { entryStart, entryKind } = trie;
    this.keyHits = new Uint8Array(entryStart.length - 1);
    for (let k = 0; k + 1 < entryStart.length; k++) {
      let count = 0;
      for (let e = entryStart[k]!; e < entryStart[k + 1]!; e++)
        if (e === entryStart[k] || entryKind[e] !== entryKind[e - 1]) count++;
      this.keyHits[k] = count;
    }
  }

  /** Patterns kept (after dropping those that fold to nothing and duplicates within an account). */
  get patternCount(): number {
    return this.trie.entryKind.length;
  }

  get nodeCount(): number {
    return this.trie.node.length / STRIDE;
  }

  /** Bytes in the typed arrays (the pattern strings are shared with the records they came from). */
  get bytes(): number {
    return Object.values(this.trie).reduce((n: number, a) => n + (ArrayBuffer.isView(a) ? a.byteLength : 0), 0);
  }

  /** Never throws: anything but a string scans as empty text. */
  scan(text: unknown, limits: ScanLimits = {}): ScanResult {
    if (typeof text !== 'string' || !text) return { hits: [], truncated: false };
    try {
      return this.run(
        text,
        limits.maxChars ?? DEFAULT_LIMITS.maxChars,
        limits.maxHits ?? DEFAULT_LIMITS.maxHits,
        limits.maxSteps ?? DEFAULT_LIMITS.maxSteps,
      );
    } catch {
      return { hits: [], truncated: true };
    }
  }

  /**
   * Folds the text, walks it (a function of typed arrays and numbers only, so it is optimized
   * early and stays so), then makes the hits. The hits of one word start found by different
   * readings of a joiner are put in order of their end, then kind.
   */
  private run(text: string, maxChars: number, maxHits: number, maxSteps: number): ScanResult {
    foldText(text, maxChars, this.buf);
    let r = FULL;
    while (r === FULL) {
      r = walk(
        this.trie.node,
        this.trie.dense,
        this.trie.tail,
        this.trie.firstWords,
        this.keyHits,
        this.buf.codes,
        this.buf.length,
        this.buf.wordStart,
        this.buf.wordEnd,
        this.buf.wordHash,
        this.buf.words,
        this.stack,
        this.found,
        maxHits,
        maxSteps,
      );
      if (r === FULL) this.found = new Int32Array(this.found.length * 2); // rare: walked again with room
    }
    const found = this.found;
    const count = r < 0 ? -r - 1 : r;
    const orig = this.buf.orig;
    const hits: PageHit[] = [];
    for (let f = 0; f < count; f++) {
      const at = RECORD * f;
      if (found[at + 3]! < 0) {
        // A word start whose hits (the next -found[at + 3] records) need ordering.
        const before = hits.length;
        for (let g = f, stop = f - found[at + 3]!; g < stop; g++)
          this.hit(text, found[RECORD * g]!, orig[found[RECORD * g + 1]!]!, orig[found[RECORD * g + 2]!]!, hits);
        f -= found[at + 3]! + 1;
        if (hits.length - before > 1) {
          const mine = hits
            .splice(before)
            .sort((a, b) => a.end - b.end || PATTERN_KINDS.indexOf(a.kind) - PATTERN_KINDS.indexOf(b.kind));
          for (const h of mine) hits.push(h);
        }
        continue;
      }
      this.hit(text, found[at]!, orig[found[at + 1]!]!, orig[found[at + 2]!]!, hits);
    }
    if (hits.length > maxHits) hits.length = maxHits;
    return { hits, truncated: r < 0 || text.length > maxChars };
  }

  /** One hit per kind among the key's entries (entries are ordered by kind). */
  private hit(text: string, key: number, start: number, lastChar: number, hits: PageHit[]): void {
    const t = this.trie;
    let end = lastChar + 1;
    while (end < text.length && isSkipped(text.charCodeAt(end))) end++; // a trailing combining accent belongs to the name
    for (let e = t.entryStart[key]!, stop = t.entryStart[key + 1]!; e < stop;) {
      const first = e,
        kind = t.entryKind[e]!;
      while (e < stop && t.entryKind[e] === kind) e++;
      const accountIds = (this.groupIds[first] ??= Object.freeze(t.entryAccountId.slice(first, e)));
      hits.push({ accountIds, kind: PATTERN_KINDS[kind]!, start, end, pattern: t.entryPattern[first]! });
    }
  }
}

/** Words per find: key, start code, last code, and on a word's first find, -(finds to order) or 0. */
const RECORD = 4;
/** The walk's answer when `found` has no room left. */
const FULL = -0x7fffffff;

/**
 * The trie walk from the folded text's word starts that pass the first-word filter; finds go to `found`. Returns the
 * number of finds, -(that + 1) when a limit stopped it, or FULL. The hits a find makes are
 * counted as it is found, so maxHits stops the walk where making the hits one by one would have.
 */
function walk(
  nd: Int32Array,
  dense: Uint8Array,
  tail: Uint16Array,
  firstWords: Int32Array,
  keyHits: Uint8Array,
  codes: Uint16Array,
  n: number,
  wordStart: Int32Array,
  wordEnd: Int32Array,
  wordHash: Int32Array,
  words: number,
  stack: Int32Array,
  found: Int32Array,
  maxHits: number,
  maxSteps: number,
): number {
  let count = 0,
    hits = 0,
    steps = 0;
  const room = found.length / RECORD;
  for (let w = 0; w < words; w++) {
    const i = wordStart[w]!,
      after = wordEnd[w]! < n ? codes[wordEnd[w]!]! : SEP;
    // Only where some key's first word is this word. Unless an apostrophe or an initial's dot
    // follows it: read as nothing, the key's first word runs on past them ("o'brien" is "obrien").
    if (after !== APOS && after !== INITDOT) {
      const bit = Math.imul(wordHash[w]!, SPREAD) >>> FILTER_SHIFT;
      if ((firstWords[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
    }
    const before = count;
    let forked = false;
    // Walk states: (node, text position, position in the node's tail or -1 while in the trie).
    let sp = 0;
    stack[sp++] = 0;
    stack[sp++] = i;
    stack[sp++] = -1;
    while (sp > 0) {
      let tp = stack[--sp]!,
        pos = stack[--sp]!,
        node = stack[--sp]!;
      let tailEnd = 0,
        key = 0;
      if (tp >= 0) {
        key = nd[STRIDE * node + 3]!;
        tailEnd = nd[STRIDE * node + 2]! + (nd[STRIDE * node]! >>> TAIL_SHIFT);
      }
      for (;;) {
        if (++steps > maxSteps) return -count - 1;
        if (tp < 0 && nd[STRIDE * node]! & TAIL) {
          key = nd[STRIDE * node + 3]!;
          tp = nd[STRIDE * node + 2]!;
          tailEnd = tp + (nd[STRIDE * node]! >>> TAIL_SHIFT);
        }
        if (tp >= 0) {
          // In a tail: the codes of the one key left, compared in order.
          if (tp === tailEnd) {
            if (pos === n || codes[pos]! < 0x30) {
              if (count === room) return FULL;
              found[RECORD * count] = key;
              found[RECORD * count + 1] = i;
              found[RECORD * count + 2] = pos - 1;
              found[RECORD * count + 3] = 0;
              count++;
              hits += keyHits[key]!;
            }
            break;
          }
          if (pos === n) break;
          const c = codes[pos]!,
            t = tail[tp]!;
          if (c === t) {
            tp++;
            pos++;
            continue;
          }
          if (c >= 0x30 || c === SEP) break;
          if ((c === APOS || c === INITDOT) && sp + 3 <= stack.length) {
            stack[sp++] = node;
            stack[sp++] = pos + 1;
            stack[sp++] = tp;
            forked = true;
          }
          if ((c === INITDOT && t === DOT) || (t === SEP && c !== APOS)) {
            tp++;
            pos++;
            continue;
          }
          break;
        }
        if (pos === n) break;
        const c = codes[pos]!;
        if (c >= 0x30) {
          node = child(nd, dense, node, c);
          if (node < 0) break;
          pos++;
          // A key ends here and so does the word: a find.
          if ((pos === n || codes[pos]! < 0x30) && nd[STRIDE * node]! & TERM) {
            key = nd[STRIDE * node + 3]!;
            if (count === room) return FULL;
            found[RECORD * count] = key;
            found[RECORD * count + 1] = i;
            found[RECORD * count + 2] = pos - 1;
            found[RECORD * count + 3] = 0;
            count++;
            hits += keyHits[key]!;
            if (hits >= maxHits) return -count - 1;
          }
          continue;
        }
        if (c !== SEP && sp + 6 <= stack.length) {
          // A joiner: literal for addresses, a separator for names, or nothing for "O'Brien" / "A.B.C.".
          if (c === APOS || c === INITDOT) {
            stack[sp++] = node;
            stack[sp++] = pos + 1;
            stack[sp++] = -1;
            forked = true;
          }
          const s = c === APOS ? -1 : child(nd, dense, node, SEP);
          if (s >= 0) {
            stack[sp++] = s;
            stack[sp++] = pos + 1;
            stack[sp++] = -1;
            forked = true;
          }
        }
        node = child(nd, dense, node, c === INITDOT ? DOT : c);
        if (node < 0) break;
        pos++;
      }
      if (hits >= maxHits) return -count - 1;
    }
    if (forked && count - before > 1) found[RECORD * before + 3] = before - count;
  }
  return count;
}

/** The child of `node` labelled `c`, or -1: children are consecutive records sorted by label. */
function child(nd: Int32Array, dense: Uint8Array, node: number, c: number): number {
  const w = nd[STRIDE * node]!;
  if (w & TAIL) return -1;
  let lo = nd[STRIDE * node + 1]!;
  if (w & DENSE && c >= DENSE_LOW && c < DENSE_LOW + DENSE_WIDTH) {
    const k = dense[((w >>> TAIL_SHIFT) & DENSE_ROW_MASK) * DENSE_WIDTH + c - DENSE_LOW]!;
    return k ? lo + k - 1 : -1;
  }
  let hi = lo + nd[STRIDE * node + 2]!;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) {
      const l = nd[STRIDE * lo]! & LABEL_MASK;
      if (l >= c) return l === c ? lo : -1;
    }
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1,
      l = nd[STRIDE * mid]! & LABEL_MASK;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
