/**
 * The keystroke index: accounts (name, aliases, domains, and their contacts' names and emails),
 * campaigns (name, channel) and deals (name, products, sales rep). Notes have their own index
 * (note-index.ts), so their volume never slows this one.
 *
 * A query term matches a document term exactly, as a prefix (a contiguous range of the sorted
 * dictionary), or within its allowed typos (lexicon.typoTerms). Multi-word queries are AND-ed:
 * the term with the fewest postings drives, and every candidate is checked against the other
 * terms through its own short, sorted term list, so no query scans the collection.
 */
import { buildLexicon, exactTerm, prefixRange, termLength, typoTerms, type Lexicon } from './lexicon';
import { packStrings, sortStrings, transpose, U32Chunks, U32List, type PackedStrings, type Rows } from './packed';
import { TermTable } from './term-table';
import { eachTermSpan, keyHash } from './text';
import { firstAtLeast } from '../binary-search';

/** Fields, in the order that breaks ties for "what it matched on". */
export const FIELDS = ['name', 'alias', 'domain', 'contact', 'email', 'channel', 'products', 'rep'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_CODE = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;
const BOOST = [3, 2.5, 2.5, 2, 2, 1.5, 1.2, 1.2];
const PRIMARY = 0b11111; // name, alias, domain, contact, email

export const KINDS = ['account', 'campaign', 'deal'] as const;
export type DocKind = (typeof KINDS)[number];

/** What the display needs of a document, beside its title. Four slots per document. */
export const SLOTS = 4;

export interface NameIndexData {
  lexicon: Lexicon;
  /** Per term: doc * 16 + field, in doc order. */
  postings: Rows;
  /** Per doc: term * 16 + field, sorted. */
  docTerms: Rows;
  /** Per doc: hashes of its whole-value keys. */
  docKeys: Rows;
  /** Per doc: words in its name (shorter names rank first among equals). */
  titleWords: Uint8Array;
  kinds: Uint8Array;
  ids: PackedStrings;
  accountIds: PackedStrings;
  titles: PackedStrings;
  slots: PackedStrings;
}

/**
 * Builds the index document by document: `doc()`, then its `field()`s and `key()`s. Records are
 * streamed in rather than turned into document objects first: at 50,000 accounts the build is
 * mostly allocation, and this keeps it to the terms themselves.
 */
export class NameIndexBuilder {
  private readonly table = new TermTable();
  /** term id * 16 + field, document after document; pairStarts: where each document's begin. */
  private readonly pairs = new U32Chunks();
  private readonly pairStarts = new U32List(1 << 12);
  /** Whole-value key hashes, document after document; keyStarts: where each document's begin. */
  private readonly keys = new U32Chunks();
  private readonly keyStarts = new U32List(1 << 12);
  /** Per term: the last doc that had it (+ 1), and in which fields (a bit each): no Set per doc. */
  private lastDoc = new Int32Array(1 << 12);
  private fieldsSeen = new Uint16Array(1 << 12);
  private readonly kinds: number[] = [];
  private readonly ids: string[] = [];
  private readonly accountIds: string[] = [];
  private readonly titles: string[] = [];
  private readonly slots: string[] = [];
  private readonly titleWords: number[] = [];
  private d = -1;

  /** Starts a document. `accountId`: the account a hit opens ('' for none). */
  doc(kind: DocKind, id: string, accountId: string, title: string, slots: [string, string, string, string]): void {
    this.d++;
    this.pairStarts.push(this.pairs.length);
    this.keyStarts.push(this.keys.length);
    this.kinds.push(KINDS.indexOf(kind));
    this.ids.push(id);
    this.accountIds.push(accountId);
    this.titles.push(title);
    this.slots.push(slots[0], slots[1], slots[2], slots[3]);
    this.titleWords.push(0);
  }

  field(field: Field, text: string): void {
    if (this.d < 0 || !text) return;
    this.field0 = FIELD_CODE[field];
    eachTermSpan(text, this.addSpan, this.addTerm);
  }

  private field0 = 0;
  private readonly addSpan = (text: string, start: number, end: number, upper: boolean): void => {
    this.addId(this.table.spanId(text, start, end, upper));
  };
  private readonly addTerm = (term: string): void => {
    this.addId(this.table.id(term));
  };

  private addId(id: number): void {
    if (this.field0 === 0) this.titleWords[this.d] = Math.min(255, this.titleWords[this.d]! + 1);
    if (id >= this.lastDoc.length) {
      const lastDoc = new Int32Array(this.lastDoc.length * 2);
      lastDoc.set(this.lastDoc);
      this.lastDoc = lastDoc;
      const fieldsSeen = new Uint16Array(this.fieldsSeen.length * 2);
      fieldsSeen.set(this.fieldsSeen);
      this.fieldsSeen = fieldsSeen;
    }
    const bit = 1 << this.field0;
    const stamp = this.d + 1;
    if (this.lastDoc[id] !== stamp) {
      this.lastDoc[id] = stamp;
      this.fieldsSeen[id] = 0;
    } else if (this.fieldsSeen[id]! & bit) return;
    this.fieldsSeen[id]! |= bit;
    this.pairs.push(id * 16 + this.field0);
  }

  /** A whole value (name, alias, domain, email...) that makes a query equal to it "exact". */
  key(value: string): void {
    if (this.d < 0 || !value) return;
    const h = keyHash(value);
    if (h < 0) return;
    this.keys.push(h);
  }

  build(): NameIndexData {
    const docCount = this.d + 1;
    const table = this.table;
    // The table's terms are unique: one sort of them, then integer ids.
    const sorted = sortStrings(table.terms);
    const rank = new Uint32Array(table.size);
    for (let i = 0; i < sorted.length; i++) rank[table.id(sorted[i]!)] = i;
    // Postings by counting sort straight from the pairs: doc * 16 + field per term, in doc order.
    const n = this.pairs.length;
    const starts = new Uint32Array(sorted.length + 1);
    this.pairs.forEach((v) => starts[rank[v >>> 4]! + 1]!++);
    for (let t = 0; t < sorted.length; t++) starts[t + 1]! += starts[t]!;
    const fill = rank; // reused: per table id, where its term's next posting goes
    for (let id = 0; id < fill.length; id++) fill[id] = starts[rank[id]!]!;
    const values = new Uint32Array(n);
    const pairStarts = this.pairStarts.data;
    let doc = -1;
    let next = 0;
    this.pairs.forEach((v, i) => {
      while (i >= next) next = ++doc + 1 < docCount ? pairStarts[doc + 1]! : n;
      values[fill[v >>> 4]!++] = doc * 16 + (v & 15);
    });
    const postings = { starts, values };
    const keyStarts = new Uint32Array(docCount + 1);
    keyStarts.set(this.keyStarts.data.subarray(0, docCount));
    keyStarts[docCount] = this.keys.length;
    return {
      lexicon: buildLexicon(sorted, true),
      postings,
      docTerms: transpose(postings, docCount, 4),
      docKeys: { starts: keyStarts, values: this.keys.toArray() },
      titleWords: Uint8Array.from(this.titleWords),
      kinds: Uint8Array.from(this.kinds),
      ids: packStrings(this.ids),
      accountIds: packStrings(this.accountIds),
      titles: packStrings(this.titles),
      slots: packStrings(this.slots),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Query

/** How one query term is looked up. */
export interface TermLookup {
  q: string;
  exact: number;
  lo: number;
  hi: number;
  typos: Uint32Array;
  postings: number;
}

export function lookupTerm(lex: Lexicon, postings: Rows, q: string, withTypos: boolean): TermLookup {
  const [lo, hi] = prefixRange(lex.terms, q);
  const exact = lo < hi && exactTerm(lex, q) === lo ? lo : -1;
  const typos = withTypos ? typoTerms(lex, q).filter((t) => t < lo || t >= hi) : new Uint32Array(0);
  let count = postings.starts[hi]! - postings.starts[lo]!;
  for (const t of typos) count += postings.starts[t + 1]! - postings.starts[t]!;
  return { q, exact, lo, hi, typos, postings: count };
}

/** Per query term: 0 exact, 1 prefix, 2 typo, 3 not matched. */
export type Quality = 0 | 1 | 2 | 3;

export interface DocMatch {
  doc: number;
  tier: number;
  score: number;
  /** Best quality per query term. */
  qualities: Quality[];
  /** The field that carried the match. */
  field: Field;
  /** term * 16 + field of the doc's terms that matched (for subtitles: which alias, contact). */
  matchedTerms: number[];
}

function qualityOf(l: TermLookup, term: number): Quality {
  if (term === l.exact) return 0;
  if (term >= l.lo && term < l.hi) return 1;
  const t = l.typos;
  for (let i = 0; i < t.length; i++) if (t[i] === term) return 2;
  return 3;
}

/** Weight of one term match: the field's boost, less for a word only begun or a typo. */
export function weightOf(index: NameIndexData, l: TermLookup, term: number, field: number, q: Quality): number {
  // A prefix is more likely the start of a short word than of a long one.
  return (
    BOOST[field]! * (q === 0 ? 1 : q === 1 ? (0.9 * (l.q.length + 2)) / (termLength(index.lexicon, term) + 2) : 0.4)
  );
}

/** Among equal matches, a shorter name ranks first. */
export function lengthFactor(index: NameIndexData, doc: number): number {
  return 1 / (1 + 0.05 * index.titleWords[doc]!);
}

/** Whether the doc has a term matching the lookup (binary search in its sorted terms). */
export function hasMatch(index: NameIndexData, doc: number, l: TermLookup): boolean {
  const { starts, values } = index.docTerms;
  const end = starts[doc + 1]!;
  let a = firstAtLeast(values, l.lo * 16, starts[doc]!, end);
  if (a < end && values[a]! < l.hi * 16) return true;
  for (const t of l.typos) {
    a = firstAtLeast(values, t * 16, starts[doc]!, end);
    if (a < end && values[a]! < (t + 1) * 16) return true;
  }
  return false;
}

/**
 * Scores one document against the query terms, or returns undefined when it misses a term and
 * `needAll` is set. Tiers: 0 the query is one of its whole values, 1 every term exact or prefix
 * with one in a primary field, 2 every term exact or prefix, 3 typos, 4 some terms only.
 */
export function matchDoc(
  index: NameIndexData,
  doc: number,
  lookups: TermLookup[],
  queryKeyHash: number,
  needAll: boolean,
): DocMatch | undefined {
  const { starts, values } = index.docTerms;
  const nq = lookups.length;
  // best[field * nq + j]: best quality of query term j in that field.
  const best = new Uint8Array(FIELDS.length * nq).fill(3);
  const overall = new Array<Quality>(nq).fill(3);
  const weight = new Array<number>(nq).fill(0);
  const matchedTerms: number[] = [];
  for (let k = starts[doc]!; k < starts[doc + 1]!; k++) {
    const v = values[k]!;
    const field = v & 15;
    const term = (v - field) / 16;
    let any = false;
    for (let j = 0; j < nq; j++) {
      const l = lookups[j]!;
      const q = qualityOf(l, term);
      if (q === 3) continue;
      any = true;
      if (q < best[field * nq + j]!) best[field * nq + j] = q;
      if (q < overall[j]!) overall[j] = q;
      const w = weightOf(index, l, term, field, q);
      if (w > weight[j]!) weight[j] = w;
    }
    if (any) matchedTerms.push(v);
  }
  let covered = 0;
  for (const q of overall) if (q < 3) covered++;
  if (covered === 0 || (needAll && covered < nq)) return undefined;

  let field = 0;
  let bestValue = -1;
  let strongPrimary = false;
  for (let f = 0; f < FIELDS.length; f++) {
    let value = 0;
    for (let j = 0; j < nq; j++) {
      const q = best[f * nq + j]!;
      value += q <= 1 ? 2 : q === 2 ? 1 : 0;
      if (q <= 1 && (PRIMARY >> f) & 1) strongPrimary = true;
    }
    if (value > bestValue) {
      bestValue = value;
      field = f;
    }
  }
  const allStrong = overall.every((q) => q <= 1);
  const tier = covered < nq ? 4 : hasKey(index, doc, queryKeyHash) ? 0 : allStrong ? (strongPrimary ? 1 : 2) : 3;
  const score = (weight.reduce((s, w) => s + w, 0) / nq) * lengthFactor(index, doc);
  return { doc, tier, score, qualities: overall, field: FIELDS[field]!, matchedTerms };
}

export function hasKey(index: NameIndexData, doc: number, h: number): boolean {
  const { starts, values } = index.docKeys;
  for (let k = starts[doc]!; k < starts[doc + 1]!; k++) if (values[k] === h) return true;
  return false;
}

/** Whether the field is a primary one (name, alias, domain, contact, email). */
export const isPrimary = (field: number): boolean => ((PRIMARY >> field) & 1) === 1;
