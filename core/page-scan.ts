/**
 * Page scan: finds every known account name, alias, domain and contact email in a ticket page's
 * text, each hit with its account ids and its place in the original text.
 *
 * How it matches (the alphabet is in page-scan-fold.ts, the trie in page-scan-build.ts):
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
 * The walk starts at every word start and follows the trie until it has no edge: work is bounded
 * by the longest key (200 characters), not by the number of patterns. Limits cap the rest.
 */
import type { Account, Contact } from './model';
import { PATTERN_KINDS, PageScanBuilder, rank, type PatternKind, type Trie } from './page-scan-build';
import * as fold from './page-scan-fold';
import { FoldBuffer, foldText, isSkipped } from './page-scan-fold';

// Copied once: under tsx/CommonJS an imported binding is a getter call on every use in the walk.
const { APOS, DOT, INITDOT, SEP } = fold;

export type { PatternKind } from './page-scan-build';
export { PageScanBuilder } from './page-scan-build';

export interface PageHit {
  /** Every account with this pattern of this kind (two accounts may share a name). */
  accountIds: string[];
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

  constructor(private readonly trie: Trie) {}

  /** Patterns kept (after dropping those that fold to nothing and duplicates within an account). */
  get patternCount(): number {
    return this.trie.entryKind.length;
  }

  get nodeCount(): number {
    return this.trie.label.length;
  }

  /** Bytes in the typed arrays (the pattern strings are shared with the records they came from). */
  get bytes(): number {
    return Object.values(this.trie).reduce((n: number, a) => n + (ArrayBuffer.isView(a) ? a.byteLength : 0), 0);
  }

  /** Never throws: anything but a string scans as empty text. */
  scan(text: unknown, limits: ScanLimits = {}): ScanResult {
    if (typeof text !== 'string' || !text) return { hits: [], truncated: false };
    try {
      return this.run(text, { ...DEFAULT_LIMITS, ...limits });
    } catch {
      return { hits: [], truncated: true };
    }
  }

  private run(text: string, limits: Required<ScanLimits>): ScanResult {
    const { first, label, termBits, termRank, termKey, tailBits, tailRank, tailStart, tailLength, tailKey, tail } = this.trie;
    const child = (node: number, c: number): number => {
      let lo = first[node]!, hi = first[node + 1]!;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) if (label[lo] === c) return lo;
        return -1;
      }
      while (lo < hi) {
        const mid = (lo + hi) >>> 1, l = label[mid]!;
        if (l === c) return mid;
        if (l < c) lo = mid + 1;
        else hi = mid;
      }
      return -1;
    };
    const stack = this.stack;
    foldText(text, limits.maxChars, this.buf);
    const { codes, orig } = this.buf;
    const n = this.buf.length;
    const hits: PageHit[] = [];
    let truncated = text.length > limits.maxChars;
    let steps = 0;
    scan: for (let i = 0; i < n; i++) {
      if (codes[i]! < 0x30 || (i > 0 && codes[i - 1]! >= 0x30)) continue; // not a word start
      const before = hits.length;
      let forked = false;
      // Walk states: (node, text position, position in the node's tail or -1 while in the trie).
      let sp = 0;
      stack[sp++] = 0; stack[sp++] = i; stack[sp++] = -1;
      while (sp > 0) {
        let tp = stack[--sp]!, pos = stack[--sp]!, node = stack[--sp]!;
        let tailEnd = 0, key = 0;
        if (tp >= 0) { const r = rank(tailBits, tailRank, node); tailEnd = tailStart[r]! + tailLength[r]!; key = tailKey[r]!; }
        for (;;) {
          if (++steps > limits.maxSteps) { truncated = true; break scan; }
          if (tp < 0 && (tailBits[node >> 5]! >>> (node & 31)) & 1) {
            const r = rank(tailBits, tailRank, node);
            tp = tailStart[r]!;
            tailEnd = tp + tailLength[r]!;
            key = tailKey[r]!;
          }
          if (tp >= 0) {
            // In a tail: the codes of the one key left, compared in order.
            if (tp === tailEnd) {
              if (pos === n || codes[pos]! < 0x30) this.hit(text, key, orig[i]!, orig[pos - 1]!, hits);
              break;
            }
            if (pos === n) break;
            const c = codes[pos]!, t = tail[tp]!;
            if (c === t) { tp++; pos++; continue; }
            if (c >= 0x30 || c === SEP) break;
            if ((c === APOS || c === INITDOT) && sp + 3 <= stack.length) { stack[sp++] = node; stack[sp++] = pos + 1; stack[sp++] = tp; forked = true; }
            if ((c === INITDOT && t === DOT) || (t === SEP && c !== APOS)) { tp++; pos++; continue; }
            break;
          }
          if (pos === n) break;
          const c = codes[pos]!;
          if (c >= 0x30) {
            node = child(node, c);
            if (node < 0) break;
            pos++;
            // A key ends here and so does the word: a hit.
            if ((pos === n || codes[pos]! < 0x30) && (termBits[node >> 5]! >>> (node & 31)) & 1) {
              this.hit(text, termKey[rank(termBits, termRank, node)]!, orig[i]!, orig[pos - 1]!, hits);
              if (hits.length >= limits.maxHits) { truncated = true; break scan; }
            }
            continue;
          }
          if (c !== SEP && sp + 6 <= stack.length) {
            // A joiner: literal for addresses, a separator for names, or nothing for "O'Brien" / "A.B.C.".
            if (c === APOS || c === INITDOT) { stack[sp++] = node; stack[sp++] = pos + 1; stack[sp++] = -1; forked = true; }
            const s = c === APOS ? -1 : child(node, SEP);
            if (s >= 0) { stack[sp++] = s; stack[sp++] = pos + 1; stack[sp++] = -1; forked = true; }
          }
          node = child(node, c === INITDOT ? DOT : c);
          if (node < 0) break;
          pos++;
        }
        if (hits.length >= limits.maxHits) { truncated = true; break scan; }
      }
      if (forked && hits.length - before > 1) {
        const mine = hits.splice(before).sort((a, b) => a.end - b.end || PATTERN_KINDS.indexOf(a.kind) - PATTERN_KINDS.indexOf(b.kind));
        for (const h of mine) hits.push(h);
      }
    }
    if (hits.length > limits.maxHits) hits.length = limits.maxHits;
    return { hits, truncated };
  }

  /** One hit per kind among the key's entries (entries are ordered by kind). */
  private hit(text: string, key: number, start: number, lastChar: number, hits: PageHit[]): void {
    const t = this.trie;
    let end = lastChar + 1;
    while (end < text.length && isSkipped(text.charCodeAt(end))) end++; // a trailing combining accent belongs to the name
    for (let e = t.entryStart[key]!, stop = t.entryStart[key + 1]!; e < stop;) {
      const kind = t.entryKind[e]!;
      const accountIds: string[] = [];
      const pattern = t.entryPattern[e]!;
      for (; e < stop && t.entryKind[e] === kind; e++) accountIds.push(t.accountIds[t.entryAccount[e]!]!);
      hits.push({ accountIds, kind: PATTERN_KINDS[kind]!, start, end, pattern });
    }
  }
}

export interface PagePattern {
  text: string;
  accountId: string;
  kind: PatternKind;
}

/** A scanner over given patterns (tests, or sources other than the record store). */
export function scannerFromPatterns(patterns: Iterable<PagePattern>, minNameLength?: number): PageScanner {
  const b = new PageScanBuilder(minNameLength);
  for (const p of patterns) b.add(p.text, p.accountId, p.kind);
  return new PageScanner(b.build());
}

/** The scanner over every account's name, aliases and domains and every contact's email. */
export function scannerFromRecords(accounts: readonly Account[], contacts: readonly Contact[], minNameLength?: number): PageScanner {
  const b = new PageScanBuilder(minNameLength);
  // Sized up front: growing the key pool by doubling makes tens of MB of garbage at 290k patterns.
  let count = 0, chars = 0;
  const size = (x: unknown) => { if (typeof x === 'string') { count++; chars += x.length; } };
  for (const a of accounts) {
    size(a.name);
    if (Array.isArray(a.aliases)) a.aliases.forEach(size);
    if (Array.isArray(a.domains)) a.domains.forEach(size);
  }
  for (const c of contacts) size(c.email);
  b.reserve(count, chars);
  for (const a of accounts) {
    b.add(a.name, a.id, 'name');
    if (Array.isArray(a.aliases)) for (const x of a.aliases) b.add(x, a.id, 'alias');
    if (Array.isArray(a.domains)) for (const x of a.domains) b.add(x, a.id, 'domain');
  }
  for (const c of contacts) b.add(c.email, c.accountId, 'email');
  return new PageScanner(b.build());
}
