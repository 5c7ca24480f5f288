/**
 * One query over both indexes: names first (AND, then OR when no record has every word), notes
 * apart, each kept to the few best per group as they are found, so a broad query costs a bounded
 * walk rather than a sort of everything it touched.
 */
import {
  emptyResults,
  MAX_QUERY_CHARS,
  MAX_QUERY_TERMS,
  type SearchHit,
  type SearchOptions,
  type SearchParts,
  type SearchResults,
} from './types';
import { nameHit, noteHit, type SearchLabels } from './hits';
import { termLength } from './lexicon';
import {
  hasKey,
  hasMatch,
  isPrimary,
  KINDS,
  lengthFactor,
  lookupTerm,
  matchDoc,
  weightOf,
  type DocMatch,
  type NameIndexData,
  type TermLookup,
} from './name-index';
import { searchNotes } from './note-index';
import { stringAt } from './packed';
import { fnv1a } from '../hash';
import { maxEdits, processAll, tokenizeQuery } from './text';

const DEFAULT_LIMIT_PER_GROUP = 5;
const DEFAULT_LIMIT_TOP = 8;
/** Postings a query may visit: enough for every prefix of 3+ letters at 50,000 accounts. */
const VISIT_ONE = 20_000;
const VISIT_AND = 12_000;
const VISIT_OR = 4_000;
/**
 * Candidates matched in full for a query of several words. Shorter words are walked first, so
 * the first few hundred that hold every word are the best; a query that broad ("amber l") has
 * no one intended record anyway.
 */
const MATCH_AND = 300;

export interface Scratch {
  /** Per document: the generation that last visited it. */
  stamp: Uint32Array;
  generation: number;
}

interface Ranked0 {
  doc: number;
  tier: number;
  score: number;
}

/** Tier first, then score, then title. */
function ranksAbove(index: NameIndexData, a: Ranked0, b: Ranked0): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.score !== b.score) return a.score > b.score;
  return stringAt(index.titles, a.doc) < stringAt(index.titles, b.doc);
}

/** The few best matches of one group, best first; one entry per document. */
class Best {
  readonly items: Ranked0[] = [];
  constructor(
    private readonly size: number,
    private readonly index: NameIndexData,
  ) {}

  private better(a: Ranked0, b: Ranked0): boolean {
    return ranksAbove(this.index, a, b);
  }

  offer(m: Ranked0): void {
    if (this.size <= 0) return;
    const items = this.items;
    const at = items.findIndex((x) => x.doc === m.doc);
    if (at >= 0) {
      if (!this.better(m, items[at]!)) return;
      items.splice(at, 1);
    } else if (items.length >= this.size && !this.better(m, items[items.length - 1]!)) return;
    let i = items.length;
    while (i > 0 && this.better(m, items[i - 1]!)) i--;
    items.splice(i, 0, m);
    if (items.length > this.size) items.pop();
  }
}

/** Longest word the walk orders by length; longer ones come last, in dictionary order. */
const MAX_ORDERED_LENGTH = 32;

/**
 * Visits the lookup's postings, at most `limit` of them: the exact term first, then shorter
 * words before longer ones (a prefix most likely begins a short word), then typo terms. Ordered
 * by a counting sort over word lengths: no object per term, since a one-letter prefix spans
 * thousands of terms and garbage made per keystroke shows up as pauses.
 */
function walk(
  index: NameIndexData,
  l: TermLookup,
  limit: number,
  visit: (doc: number, term: number, field: number) => void,
): void {
  const { starts, values } = index.postings;
  let left = limit;
  const visitTerm = (t: number) => {
    for (let k = starts[t]!; k < starts[t + 1]! && left > 0; k++, left--) visit(values[k]! >>> 4, t, values[k]! & 15);
  };
  const span = l.hi - l.lo;
  if (span <= 1) {
    if (span === 1) visitTerm(l.lo);
  } else {
    const counts = new Uint32Array(MAX_ORDERED_LENGTH + 2);
    const lengthOf = (t: number) => Math.min(MAX_ORDERED_LENGTH + 1, termLength(index.lexicon, t));
    for (let t = l.lo; t < l.hi; t++) counts[lengthOf(t)]!++;
    let at = 0;
    for (let n = 0; n < counts.length; n++) {
      const c = counts[n]!;
      counts[n] = at;
      at += c;
    }
    const order = new Uint32Array(span);
    for (let t = l.lo; t < l.hi; t++) order[counts[lengthOf(t)]!++] = t;
    for (let i = 0; i < span && left > 0; i++) visitTerm(order[i]!);
  }
  for (let i = 0; i < l.typos.length && left > 0; i++) visitTerm(l.typos[i]!);
}

function searchNames(
  index: NameIndexData,
  scratch: Scratch,
  terms: string[],
  keyHash: number,
  k: number,
): DocMatch[][] {
  const groups = KINDS.map(() => new Best(k, index)); // accounts, campaigns, deals
  const lookups = terms.map((q) => lookupTerm(index.lexicon, index.postings, q, maxEdits(q) > 0));
  const offer = (m: Ranked0) => groups[index.kinds[m.doc]!]!.offer(m);
  const nextGeneration = () => {
    if (++scratch.generation >= 0xffffffff) {
      scratch.stamp.fill(0);
      scratch.generation = 1;
    }
  };

  if (lookups.length === 1) {
    // One word (most keystrokes): a posting says all there is to rank by, so no document is
    // read until the few best are known.
    const l = lookups[0]!;
    walk(index, l, VISIT_ONE, (doc, term, field) => {
      const q = term === l.exact ? 0 : term >= l.lo && term < l.hi ? 1 : 2;
      const tier = q === 0 && hasKey(index, doc, keyHash) ? 0 : q === 2 ? 3 : isPrimary(field) ? 1 : 2;
      offer({ doc, tier, score: weightOf(index, l, term, field, q) * lengthFactor(index, doc) });
    });
  } else {
    // Several words: the rarest drives, the others are checked in each candidate's own terms.
    const driver = lookups.reduce((a, b) => (b.postings < a.postings ? b : a));
    const others = lookups.filter((l) => l !== driver);
    nextGeneration();
    if (driver.postings) {
      let matched = 0;
      walk(index, driver, VISIT_AND, (doc) => {
        if (matched >= MATCH_AND || scratch.stamp[doc] === scratch.generation) return;
        scratch.stamp[doc] = scratch.generation;
        if (!others.every((l) => hasMatch(index, doc, l))) return;
        const m = matchDoc(index, doc, lookups, keyHash, true);
        if (m) {
          matched++;
          offer(m);
        }
      });
    }
    if (groups.every((g) => !g.items.length)) {
      nextGeneration();
      for (const l of lookups) {
        walk(index, l, VISIT_OR, (doc) => {
          if (scratch.stamp[doc] === scratch.generation) return;
          scratch.stamp[doc] = scratch.generation;
          const m = matchDoc(index, doc, lookups, keyHash, false);
          if (m) offer(m);
        });
      }
    }
  }
  // The few best, matched in full for their result lines.
  return groups.map((g) => {
    const full = g.items.map((r) => matchDoc(index, r.doc, lookups, keyHash, false)).filter((m): m is DocMatch => !!m);
    full.sort((a, b) => (ranksAbove(index, a, b) ? -1 : ranksAbove(index, b, a) ? 1 : 0));
    return full;
  });
}

function queryTerms(query: string): string[] {
  return processAll(tokenizeQuery(query.slice(0, MAX_QUERY_CHARS)));
}

const count = (n: number | undefined, dflt: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : dflt;

export function searchAll(
  parts: SearchParts,
  scratch: Scratch,
  query: unknown,
  opts: SearchOptions | undefined,
  labels: SearchLabels,
): SearchResults {
  if (typeof query !== 'string' || !query.trim()) return emptyResults();
  const all = queryTerms(query);
  const terms = [...new Set(all)].slice(0, MAX_QUERY_TERMS);
  if (!terms.length) return emptyResults();
  const perGroup = count(opts?.limitPerGroup, DEFAULT_LIMIT_PER_GROUP);
  const topCount = count(opts?.limitTop, DEFAULT_LIMIT_TOP);
  const k = Math.max(perGroup, topCount);

  const scope = opts?.scope ?? 'all';

  const [accounts, campaigns, deals] =
    scope === 'notes'
      ? [[], [], []]
      : (searchNames(parts.names, scratch, terms, fnv1a(all.join(' ')), k).map((g) =>
          g.map((m) => ({ tier: m.tier, hit: nameHit(parts.names, m, labels) })),
        ) as [Ranked[], Ranked[], Ranked[]]);
  const notes: Ranked[] =
    parts.notes && scope !== 'names'
      ? searchNotes(parts.notes, terms, k).map((m) => ({ tier: m.tier, hit: noteHit(parts.notes!, m, terms) }))
      : [];

  const top = [...accounts, ...campaigns, ...deals, ...notes]
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        b.hit.score - a.hit.score ||
        (a.hit.title < b.hit.title ? -1 : a.hit.title > b.hit.title ? 1 : 0),
    )
    .slice(0, topCount);
  const hits = (g: Ranked[]) => g.slice(0, perGroup).map((r) => r.hit);
  return {
    accounts: hits(accounts),
    campaigns: hits(campaigns),
    deals: hits(deals),
    notes: hits(notes),
    top: top.map((r) => r.hit),
  };
}

interface Ranked {
  tier: number;
  hit: SearchHit;
}
