/**
 * The sorted dictionary of an index's terms, with the typo table: every term (3+ characters)
 * and every one-character deletion of it (4+ characters), hashed and sorted. A query term's own
 * deletions looked up there find every term one edit away (a swap of neighbours included)
 * without scanning the dictionary: the symmetric deletion method of SymSpell.
 */
import { maxEdits, withinEdits } from './text';
import { lowerBound, packStrings, prefixRange, stringAt, type PackedStrings } from './packed';
import { firstAtLeast } from '../binary-search';
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../hash';

/** Typo keys are hash * 2^21 + term id, so term ids above this have no typo entries. */
const ID_BITS = 2 ** 21;
const MIN_TYPO_TERM = 3;
const MAX_TYPO_TERM = 25;

export interface Lexicon {
  terms: PackedStrings;
  /** Sorted hash * 2^21 + term id; empty when the index has no typo tolerance. */
  typoKeys: Float64Array;
}

function deletions(term: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < term.length; i++) out.add(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** `sortedTerms` must be sorted and unique (packed.sortedUnique). */
export function buildLexicon(sortedTerms: readonly string[], typos: boolean): Lexicon {
  const terms = packStrings(sortedTerms);
  if (!typos) return { terms, typoKeys: new Float64Array(0) };
  let size = 0;
  for (let id = 0; id < sortedTerms.length && id < ID_BITS; id++) {
    const n = sortedTerms[id]!.length;
    if (n >= MIN_TYPO_TERM && n <= MAX_TYPO_TERM) size += 1 + (n > MIN_TYPO_TERM ? n : 0);
  }
  // Hashes and term ids in id order; a stable sort by hash then leaves equal hashes in id order,
  // which is the order of hash * 2^21 + id.
  const hashes = new Uint32Array(size);
  const ids = new Uint32Array(size);
  const prefix = new Int32Array(MAX_TYPO_TERM + 1);
  let k = 0;
  for (let id = 0; id < sortedTerms.length && id < ID_BITS; id++) {
    const t = sortedTerms[id]!;
    const n = t.length;
    if (n < MIN_TYPO_TERM || n > MAX_TYPO_TERM) continue;
    // prefix[i]: fnv1a's state after the first i characters.
    let h = FNV_OFFSET;
    for (let i = 0; i < n; i++) {
      prefix[i] = h;
      h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
    }
    hashes[k] = h >>> 0;
    ids[k++] = id;
    if (n <= MIN_TYPO_TERM) continue;
    // Each deletion's hash, from the state before the deleted character: millions of them, so
    // no string for each.
    for (let i = 0; i < n; i++) {
      if (i > 0 && t.charCodeAt(i) === t.charCodeAt(i - 1)) continue; // same deletion as i - 1
      let d = prefix[i]!;
      for (let j = i + 1; j < n; j++) d = Math.imul(d ^ t.charCodeAt(j), FNV_PRIME);
      hashes[k] = d >>> 0;
      ids[k++] = id;
    }
  }
  return { terms, typoKeys: sortedKeys(hashes, ids, k) };
}

const BUCKET_BITS = 18;

/**
 * hash * 2^21 + id, sorted: a counting sort by the hash's top bits, then each bucket (a few keys)
 * sorted in place. Needs no second pair of arrays: large typed arrays made during a build make
 * the engine collect the whole heap.
 */
function sortedKeys(hashes: Uint32Array, ids: Uint32Array, n: number): Float64Array {
  const shift = 32 - BUCKET_BITS;
  const starts = new Uint32Array((1 << BUCKET_BITS) + 1);
  for (let k = 0; k < n; k++) starts[(hashes[k]! >>> shift) + 1]!++;
  for (let b = 0; b < 1 << BUCKET_BITS; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, 1 << BUCKET_BITS);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[fill[hashes[k]! >>> shift]!++] = hashes[k]! * ID_BITS + ids[k]!;
  for (let b = 0; b < 1 << BUCKET_BITS; b++) {
    const lo = starts[b]!;
    const hi = starts[b + 1]!;
    if (hi - lo > 32) {
      keys.subarray(lo, hi).sort();
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const v = keys[i]!;
      let j = i - 1;
      while (j >= lo && keys[j]! > v) {
        keys[j + 1] = keys[j]!;
        j--;
      }
      keys[j + 1] = v;
    }
  }
  return keys;
}

function termCount(lex: Lexicon): number {
  return lex.terms.ends.length;
}

export function termAt(lex: Lexicon, id: number): string {
  return stringAt(lex.terms, id);
}

export function termLength(lex: Lexicon, id: number): number {
  return lex.terms.ends[id]! - (id ? lex.terms.ends[id - 1]! : 0);
}

export function exactTerm(lex: Lexicon, q: string): number {
  const at = lowerBound(lex.terms, q);
  return at < termCount(lex) && termAt(lex, at) === q ? at : -1;
}

export { prefixRange };

/**
 * Ids of the terms within the query term's allowed edits (text.maxEdits), sorted. Terms found
 * this way are at most one deletion from each side apart, which covers every single typo.
 */
export function typoTerms(lex: Lexicon, q: string): Uint32Array {
  const max = maxEdits(q);
  if (!max || !lex.typoKeys.length) return new Uint32Array(0);
  const found = new Set<number>();
  const keys = lex.typoKeys;
  for (const v of [q, ...deletions(q)]) {
    const base = fnv1a(v) * ID_BITS;
    for (let i = firstAtLeast(keys, base); i < keys.length && keys[i]! < base + ID_BITS; i++) {
      const id = keys[i]! - base;
      if (!found.has(id)) found.add(id);
    }
  }
  const out: number[] = [];
  for (const id of found) {
    const t = termAt(lex, id);
    if (t !== q && withinEdits(q, t, max)) out.push(id);
  }
  return Uint32Array.from(out).sort();
}
