/**
 * Which of an account's promises, items sold and notes concern the ticket on screen: BM25 over
 * that account's own texts (Robertson & Zaragoza 2009, k1 1.2, b 0.75), the ticket's subject and
 * first message as the query. Words of product and application names weigh more, and a name
 * typed one letter off still finds its note ("Dentirx"). German compounds find their parts
 * ("Druckertreiber" finds "Drucker"), at half weight.
 *
 * The ticket's text is customer-written: it only orders this account's texts, never chooses the
 * account, and nothing of it is returned (the words shown are the note's own).
 */
import {
  editDistance,
  forgetWords,
  guessLang,
  langOf,
  scanWords,
  stemOf,
  tokenize,
  type Lang,
  type Token,
} from './text';
import { isKnownApplication, productWords } from './names';

export type RelevantKind = 'promise' | 'note' | 'sold';

export interface RankItem {
  kind: RelevantKind;
  id: string;
  text: string;
}

/** The ticket's own words: its subject and its first message. */
export interface TicketProblem {
  subject?: string;
  body?: string;
}

export interface RankedItem {
  kind: RelevantKind;
  id: string;
  /** The item's text, or for a long note the part around its first matching word. */
  text: string;
  /** The matching words in `text`, as [start, end) offsets. */
  spans: [number, number][];
  /** Why it is relevant: its matching words as it writes them, names first (at most 3). */
  terms: string[];
  score: number;
}

export interface RankOptions {
  /** At most this many (3). */
  max?: number;
  /** The account's "products sold" texts: their words count as product names. */
  productsSold?: string[];
  /**
   * Words of the ticket that say nothing about its problem: the account's own name and its
   * contacts' names ("Dana Whitfield, DDS, Acme Dental Group" under the message).
   */
  ignore?: Iterable<string>;
}

const K1 = 1.2;
const B = 0.75;
/** How much more a product or application name weighs than another word. */
const NAME_BOOST = 2.5;
/** A word of the ticket's subject weighs this much, one only in its message 1. */
const SUBJECT_WEIGHT = 1.5;
const TYPO_FACTOR = 0.8;
const COMPOUND_FACTOR = 0.5;
/**
 * How much matched evidence an item needs to be shown at all: a name, or a subject word with
 * another word, or three words of the message. Everyday words ("password", "email") are not enough.
 */
const MIN_EVIDENCE = 2.5;
/** Shown only while scoring at least this share of the best item's score. */
const NEAR_BEST = 0.4;
/**
 * When the ticket names a product these texts know ("Dentrix"), a text that does not mention
 * it is most likely about another system: its score is multiplied by this.
 */
const OFF_TOPIC = 0.4;
/**
 * A relevant promise is what the technician must act on: it goes ahead of a note that matches
 * about as well. The sold line lists every product, so matching one says less than a note does.
 */
const KIND_FACTOR: Record<RelevantKind, number> = { promise: 2, note: 1, sold: 0.6 };
/** The most characters of the ticket's message read (the opening says what the problem is). */
const BODY_MAX = 4000;
/** A longer note is shown as an excerpt of about this many characters. */
const EXCERPT = 240;

interface QueryTerm {
  stem: string;
  folded: string;
  weight: number;
  name: boolean;
}

/** The items that concern the ticket, best first; empty when none clearly does. */
export function rankForProblem(items: RankItem[], problem: TicketProblem, options: RankOptions = {}): RankedItem[] {
  const max = options.max ?? 3;
  if (!items.length) return [];
  // The account's texts read once and kept (textsIndex): the ticket's own words are all that
  // is read here each time.
  const index = textsIndex(items, options.productsSold ?? []);
  const ignored = new Set<string>();
  for (const text of options.ignore ?? []) for (const t of tokenize(text, 'en')) ignored.add(t.folded);
  const query = queryTerms(problem, index.isName).filter((q) => !ignored.has(q.folded));
  if (!query.length) return [];

  const { n, lengths, avgLen, postStart, postDoc, postTf, nameStem } = index;
  const matches = query.map((q) => ({ q, to: index.matchesFor(q) }));
  // The names the ticket and these texts share.
  let focus = false;
  for (const { q, to } of matches) for (const stem of to.keys()) if (q.name || nameStem[stem]) focus = true;

  const score = new Float64Array(n);
  const evidence = new Float64Array(n);
  const named = new Uint8Array(n);
  // The texts matched, in the order first matched (the order ties keep).
  const matched: number[] = [];
  const seen = new Uint8Array(n);
  // What each matching word of a text adds to its score, in order: the words shown are the top three.
  const hitDoc: number[] = [];
  const hitStem: number[] = [];
  const hitPart: number[] = [];
  // Each text's best match for one query word, and the texts that have one.
  const bestPart = new Float64Array(n);
  const bestStem = new Int32Array(n);
  const bestFactor = new Float64Array(n);
  const touched: number[] = [];
  for (const { q, to } of matches) {
    for (const [stem, factor] of to) {
      const from = postStart[stem]!;
      const until = postStart[stem + 1]!;
      const weight = factor * index.idf(stem);
      for (let p = from; p < until; p++) {
        const doc = postDoc[p]!;
        const tf = postTf[p]!;
        const part = weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / avgLen)));
        if (part > bestPart[doc]!) {
          if (bestPart[doc] === 0) touched.push(doc);
          bestPart[doc] = part;
          bestStem[doc] = stem;
          bestFactor[doc] = factor;
        }
      }
    }
    for (const doc of touched) {
      const part = bestPart[doc]!;
      const stem = bestStem[doc]!;
      const boost = q.name || nameStem[stem] ? NAME_BOOST : 1;
      if (boost > 1) named[doc] = 1;
      score[doc] = score[doc]! + q.weight * boost * part;
      evidence[doc] = evidence[doc]! + q.weight * boost * bestFactor[doc]!;
      if (!seen[doc]) {
        seen[doc] = 1;
        matched.push(doc);
      }
      hitDoc.push(doc);
      hitStem.push(stem);
      hitPart.push(q.weight * boost * part);
      bestPart[doc] = 0;
    }
    touched.length = 0;
  }
  const order: Record<RelevantKind, number> = { promise: 0, note: 1, sold: 2 };
  const ranked = matched
    .filter((doc) => evidence[doc]! >= MIN_EVIDENCE)
    .map((doc) => ({
      doc,
      score: score[doc]! * KIND_FACTOR[items[doc]!.kind] * (focus && !named[doc] ? OFF_TOPIC : 1),
    }))
    .sort((a, b) => b.score - a.score || order[items[a.doc]!.kind] - order[items[b.doc]!.kind]);
  const top = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.score >= top * NEAR_BEST)
    .slice(0, max)
    .map((r) => {
      const words = new Map<string, number>();
      for (let h = 0; h < hitDoc.length; h++)
        if (hitDoc[h] === r.doc) {
          const stem = index.stems[hitStem[h]!]!;
          words.set(stem, (words.get(stem) ?? 0) + hitPart[h]!);
        }
      return shown(items[r.doc]!, tokenize(items[r.doc]!.text, index.langs[r.doc]), words, r.score);
    });
}

/**
 * The indexes of the accounts ranked last, most recent first: the background ranks the same
 * account's texts again for each of its tickets, and reads them again only when they changed
 * (an index is used only for the very texts and products sold it was built from, so a change of
 * the data can never be answered from an old one). At most INDEXES_KEPT, and past
 * POSTINGS_KEPT postings in all the oldest are let go.
 */
const indexes: TextsIndex[] = [];
const INDEXES_KEPT = 8;
const POSTINGS_KEPT = 1_000_000;

function textsIndex(items: RankItem[], productsSold: string[]): TextsIndex {
  const at = indexes.findIndex((x) => x.isFor(items, productsSold));
  if (at >= 0) {
    const found = indexes[at]!;
    if (at > 0) {
      indexes.splice(at, 1);
      indexes.unshift(found);
    }
    return found;
  }
  const made = new TextsIndex(items, productsSold);
  indexes.unshift(made);
  let postings = 0;
  for (let i = 0; i < indexes.length; i++) {
    postings += indexes[i]!.postDoc.length;
    if (i > 0 && (i >= INDEXES_KEPT || postings > POSTINGS_KEPT)) {
      indexes.length = i;
      break;
    }
  }
  return made;
}

/** Forget every word and account index read (the benchmark: a worker just started). */
export function forgetReadTexts(): void {
  indexes.length = 0;
  forgetWords();
}

/** For tests: how many account indexes are kept. */
export const keptIndexes = (): number => indexes.length;

const PART = 5;
/** Index builds so far: each marks the words it read with its own number. */
let builds = 0;

/**
 * One account's texts, read once: their stems (numbered), BM25's postings and lengths, which stems
 * are names, and the look-ups for compounds (by the first and last letters) and for names typed
 * a letter off (by first or second letter and length), so a ticket's word is compared with a
 * handful of the account's words rather than all of them.
 */
class TextsIndex {
  readonly n: number;
  readonly lengths: Float64Array;
  readonly avgLen: number;
  readonly langs: Lang[];
  /** Stem number -> stem, and the stem's first word as written in the texts, folded. */
  readonly stems: string[] = [];
  private readonly folded: string[] = [];
  private readonly stemIds = new Map<string, number>();
  /** 1 where the stem is a product or application name. */
  readonly nameStem: Uint8Array;
  /** Postings of stem s: postDoc/postTf[postStart[s] .. postStart[s + 1]), texts in order. */
  readonly postStart: Int32Array;
  readonly postDoc: Int32Array;
  readonly postTf: Float64Array;
  /** The name stems, in the order first met. */
  private readonly names: number[] = [];
  private readonly byEnd = new Map<string, number[]>();
  private readonly byLetter = new Map<string, number[]>();
  private readonly texts: string[];
  private readonly productsSold: string[];
  readonly isName: (t: { folded: string; shaped: boolean }) => boolean;

  constructor(items: RankItem[], productsSold: string[]) {
    this.texts = items.map((i) => i.text);
    this.productsSold = [...productsSold];
    const sold = productWords(productsSold);
    this.isName = (t) => t.shaped || isKnownApplication(t.folded) || sold.has(t.folded);
    // Each text's words once, stemmed in its language; a short text with no function words
    // ("Ausfall des DMS: Rückruf binnen 30 Minuten") is taken to be in the language most of the
    // account's texts are in.
    const scans = this.texts.map(scanWords);
    let de = 0;
    let en = 0;
    for (const x of scans) {
      de += x.de;
      en += x.en;
    }
    const accountLang = langOf({ de, en }, 'en');
    this.langs = scans.map((x) => langOf(x, accountLang));
    const n = (this.n = items.length);
    this.lengths = new Float64Array(n);
    // Postings gathered text by text (each stem's count in the text, in the order first met),
    // then laid out per stem.
    const docStems: number[] = [];
    const docTfs: number[] = [];
    const docStart = new Int32Array(n + 1);
    const isNameStem: number[] = [];
    const df: number[] = [];
    /** Per stem number, where its count for the text being read is in docTfs (-1: not in it yet). */
    const slot: number[] = [];
    const mark = ++builds;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const { words } = scans[i]!;
      const lang = this.langs[i]!;
      const first = (docStart[i] = docStems.length);
      for (const word of words) {
        // The word's stem number in this index, once looked up (kept on the word while this index is built).
        let id = word.mark !== mark ? -1 : lang === 'en' ? word.enId : word.deId;
        if (id < 0) {
          const stem = stemOf(word, lang);
          let known = this.stemIds.get(stem);
          if (known === undefined) {
            known = this.stems.length;
            this.stemIds.set(stem, known);
            this.stems.push(stem);
            this.folded.push(word.folded);
            isNameStem.push(0);
            df.push(0);
            slot.push(-1);
          }
          id = known;
          if (word.mark !== mark) {
            word.mark = mark;
            word.enId = word.deId = -1;
          }
          if (lang === 'en') word.enId = id;
          else word.deId = id;
        }
        const at = slot[id]!;
        if (at >= first) docTfs[at]!++;
        else {
          slot[id] = docStems.length;
          docStems.push(id);
          docTfs.push(1);
          df[id]!++;
          // The stem's first word in this text says whether it is a name.
          if (!isNameStem[id] && this.isName(word)) {
            isNameStem[id] = 1;
            this.names.push(id);
          }
        }
      }
      this.lengths[i] = words.length;
      total += words.length;
    }
    docStart[n] = docStems.length;
    this.avgLen = total / n || 1;
    this.nameStem = Uint8Array.from(isNameStem);
    const stems = this.stems.length;
    this.postStart = new Int32Array(stems + 1);
    for (let s = 0; s < stems; s++) this.postStart[s + 1] = this.postStart[s]! + df[s]!;
    this.postDoc = new Int32Array(docStems.length);
    this.postTf = new Float64Array(docStems.length);
    const fill = this.postStart.slice(0, stems);
    for (let i = 0; i < n; i++)
      for (let p = docStart[i]!; p < docStart[i + 1]!; p++) {
        const at = fill[docStems[p]!]!++;
        this.postDoc[at] = i;
        this.postTf[at] = docTfs[p]!;
      }
    for (let s = 0; s < stems; s++) {
      const stem = this.stems[s]!;
      if (stem.length >= PART) {
        put(this.byEnd, `<${stem.slice(0, PART)}`, s);
        put(this.byEnd, `>${stem.slice(-PART)}`, s);
      }
      const b = this.folded[s]!;
      if (b.length >= PART) {
        put(this.byLetter, `0${b[0]}${b.length}`, s);
        put(this.byLetter, `1${b[1]}${b.length}`, s);
      }
    }
  }

  /** Whether this index was built from these very texts and products sold. */
  isFor(items: RankItem[], productsSold: string[]): boolean {
    if (items.length !== this.n || productsSold.length !== this.productsSold.length) return false;
    for (let i = 0; i < productsSold.length; i++) if (productsSold[i] !== this.productsSold[i]) return false;
    for (let i = 0; i < items.length; i++) if (items[i]!.text !== this.texts[i]) return false;
    return true;
  }

  idf(stem: number): number {
    const f = this.postStart[stem + 1]! - this.postStart[stem]!;
    return Math.log(1 + (this.n - f + 0.5) / (f + 0.5));
  }

  /** The query word's matching words in these texts (stem numbers): itself, a compound part, a near spelling of a name. */
  matchesFor(q: QueryTerm): Map<number, number> {
    const to = new Map<number, number>();
    const self = this.stemIds.get(q.stem);
    if (self !== undefined) to.set(self, 1);
    // A compound and its part: "druckertreib" / "druck" (the part at least 5 letters).
    if (q.stem.length >= PART)
      for (const key of [`<${q.stem.slice(0, PART)}`, `>${q.stem.slice(-PART)}`])
        for (const s of this.byEnd.get(key) ?? []) {
          const stem = this.stems[s]!;
          const [short, long] = stem.length < q.stem.length ? [stem, q.stem] : [q.stem, stem];
          if (long.length > short.length + 2 && (long.startsWith(short) || long.endsWith(short)))
            to.set(s, Math.max(to.get(s) ?? 0, COMPOUND_FACTOR));
        }
    // A product name one or two letters off, either way round, when the word itself is not there:
    // a name of the ticket against all these words, another word of it against their names.
    if (self !== undefined || q.folded.length < PART) return to;
    const a = q.folded;
    for (const s of q.name ? this.nearInLength(a) : this.names) {
      if (to.has(s)) continue;
      const b = this.folded[s]!;
      const allowed = Math.min(a.length, b.length) >= 9 ? 2 : 1;
      if (b.length < PART || Math.abs(a.length - b.length) > allowed || (a[0] !== b[0] && a[1] !== b[1])) continue;
      if (editDistance(a, b, allowed) <= allowed) to.set(s, TYPO_FACTOR);
    }
    return to;
  }

  /** The stems written with a's first or second letter in that place, at most two letters longer or shorter, in order. */
  private nearInLength(a: string): number[] {
    const out: number[] = [];
    for (let len = Math.max(PART, a.length - 2); len <= a.length + 2; len++) {
      for (const s of this.byLetter.get(`0${a[0]}${len}`) ?? []) out.push(s);
      for (const s of this.byLetter.get(`1${a[1]}${len}`) ?? []) out.push(s);
    }
    // In the order of the stems (ties keep the first), once each (a stem with both letters of a is in both lists).
    out.sort((x, y) => x - y);
    return out.filter((s, i) => s !== out[i - 1]);
  }
}

function put(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function queryTerms(problem: TicketProblem, isName: (t: Token) => boolean): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  // The subject alone is often too short to tell the language: subject and message together.
  // Customer text: none of its words is kept once this returns (keep: false).
  const lang = guessLang(`${problem.subject ?? ''}\n${problem.body ?? ''}`, false) ?? 'en';
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const t of tokenize(text, lang, 'en', false)) {
      const had = terms.get(t.stem);
      const name = isName(t) || !!had?.name;
      // In the subject and the message alike: a little more than the subject alone.
      const w = had ? Math.max(had.weight, weight) + (had.weight !== weight ? 0.25 : 0) : weight;
      terms.set(t.stem, { stem: t.stem, folded: had?.folded ?? t.folded, weight: w, name });
    }
  };
  add(problem.subject, SUBJECT_WEIGHT);
  add(problem.body?.slice(0, BODY_MAX), 1);
  return [...terms.values()];
}

function shown(item: RankItem, tokens: Token[], hitStems: Map<string, number>, score: number): RankedItem {
  // The three words that add most, highlighted wherever the text has them.
  const top = [...hitStems].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const rank = new Map(top.map(([stem], i) => [stem, i]));
  const hits = tokens.filter((t) => rank.has(t.stem));
  const text = item.text;
  let from = 0;
  let to = text.length;
  if (text.length > EXCERPT && hits.length) {
    // From the start of the sentence holding the best word, if that is not too far back.
    const first = hits.find((t) => rank.get(t.stem) === 0)!.start;
    const sentence = Math.max(text.lastIndexOf('. ', first), text.lastIndexOf('\n', first));
    from = sentence >= 0 && first - sentence < EXCERPT / 2 ? sentence + 1 : Math.max(0, first - 40);
    while (from < first && /\s/.test(text[from]!)) from++;
    to = Math.min(text.length, from + EXCERPT);
    const space = text.lastIndexOf(' ', to);
    if (to < text.length && space > first) to = space;
  }
  const lead = from > 0 ? '… ' : '';
  const excerpt = lead + text.slice(from, to) + (to < text.length ? ' …' : '');
  const spans = hits
    .filter((t) => t.start >= from && t.end <= to)
    .map((t): [number, number] => [t.start - from + lead.length, t.end - from + lead.length]);
  const terms = top.map(([stem]) => {
    const t = hits.find((h) => h.stem === stem)!;
    return text.slice(t.start, t.end);
  });
  return { kind: item.kind, id: item.id, text: excerpt, spans, terms, score };
}
