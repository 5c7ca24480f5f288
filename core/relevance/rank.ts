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
  guessLang,
  langOf,
  scanWords,
  stemOf,
  tokenize,
  type Lang,
  type Token,
  type WordInfo,
  type WordScan,
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
  const sold = productWords(options.productsSold ?? []);
  const isName = (t: { folded: string; shaped: boolean }) =>
    t.shaped || isKnownApplication(t.folded) || sold.has(t.folded);
  const ignored = new Set<string>();
  for (const text of options.ignore ?? []) for (const t of tokenize(text, 'en')) ignored.add(t.folded);
  const query = queryTerms(problem, isName).filter((q) => !ignored.has(q.folded));
  if (!query.length || !items.length) return [];

  // Each text's words once, stemmed in its language; a short text with no function words
  // ("Ausfall des DMS: Rückruf binnen 30 Minuten") is taken to be in the language most of the
  // account's texts are in. Postings: for each word, the texts holding it and how often.
  const scans = items.map((i) => analysed(i.text));
  const accountLang = langOf(
    scans.reduce((sum, x) => ({ de: sum.de + x.de, en: sum.en + x.en }), { de: 0, en: 0 }),
    'en',
  );
  const langs = scans.map((x) => langOf(x, accountLang));
  const n = items.length;
  const lengths = new Float64Array(n);
  const postings = new Map<string, Posting[]>();
  const nameStems = new Set<string>();
  const foldedOf = new Map<string, string>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const scan = scans[i]!;
    for (const [stem, { tf, word }] of termsOf(scan, langs[i]!)) {
      const list = postings.get(stem);
      if (list) list.push({ doc: i, tf });
      else {
        postings.set(stem, [{ doc: i, tf }]);
        foldedOf.set(stem, word.folded);
      }
      if (isName(word)) nameStems.add(stem);
    }
    lengths[i] = scan.length;
    total += scan.length;
  }
  const avgLen = total / n || 1;
  const idf = (stem: string) => {
    const f = postings.get(stem)?.length ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };

  const vocab = new Vocabulary(postings, nameStems, foldedOf);
  const matches = query.map((q) => ({ q, to: vocab.matchesFor(q) }));
  // The names the ticket and these texts share.
  const focus = matches.some(({ q, to }) => [...to.keys()].some((s) => q.name || nameStems.has(s)));

  const score = new Float64Array(n);
  const evidence = new Float64Array(n);
  const named = new Uint8Array(n);
  // What each matching word of a text adds to its score: the words shown are the top three.
  const hits = new Map<number, Map<string, number>>();
  for (const { q, to } of matches) {
    // Each text's best match for this query word.
    const best = new Map<number, { part: number; stem: string; factor: number }>();
    for (const [stem, factor] of to) {
      const weight = factor * idf(stem);
      for (const p of postings.get(stem) ?? []) {
        const part = weight * ((p.tf * (K1 + 1)) / (p.tf + K1 * (1 - B + (B * lengths[p.doc]!) / avgLen)));
        if (part > (best.get(p.doc)?.part ?? 0)) best.set(p.doc, { part, stem, factor });
      }
    }
    for (const [doc, { part, stem, factor }] of best) {
      const boost = q.name || nameStems.has(stem) ? NAME_BOOST : 1;
      if (boost > 1) named[doc] = 1;
      score[doc] = score[doc]! + q.weight * boost * part;
      evidence[doc] = evidence[doc]! + q.weight * boost * factor;
      const words = hits.get(doc) ?? new Map<string, number>();
      words.set(stem, (words.get(stem) ?? 0) + q.weight * boost * part);
      hits.set(doc, words);
    }
  }
  const order: Record<RelevantKind, number> = { promise: 0, note: 1, sold: 2 };
  const ranked = [...hits.keys()]
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
    .map((r) => shown(items[r.doc]!, tokenize(items[r.doc]!.text, langs[r.doc]), hits.get(r.doc)!, r.score));
}

interface Posting {
  doc: number;
  tf: number;
}

/** A text's words, counted per stem in the language asked (each language worked out once). */
interface Analysed extends WordScan {
  length: number;
  terms: Partial<Record<Lang, Map<string, { tf: number; word: WordInfo }>>>;
}

/**
 * Texts already read, kept between rankings: the background ranks the same account's notes for
 * each of its tickets. Only their words are kept (no ticket text); emptied past TEXTS_KEPT.
 */
const texts = new Map<string, Analysed>();
const TEXTS_KEPT = 20_000;

function analysed(text: string): Analysed {
  let a = texts.get(text);
  if (a) return a;
  const scan = scanWords(text);
  a = { ...scan, length: scan.words.length, terms: {} };
  if (texts.size >= TEXTS_KEPT) texts.clear();
  texts.set(text, a);
  return a;
}

function termsOf(a: Analysed, lang: Lang): Map<string, { tf: number; word: WordInfo }> {
  let terms = a.terms[lang];
  if (terms) return terms;
  terms = new Map();
  for (const word of a.words) {
    const stem = stemOf(word, lang);
    const had = terms.get(stem);
    if (had) had.tf++;
    else terms.set(stem, { tf: 1, word });
  }
  a.terms[lang] = terms;
  return terms;
}

/** For the benchmark's cold runs: forget the texts read. */
export function forgetReadTexts(): void {
  texts.clear();
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

const PART = 5;

/** The account's words, bucketed by their first and last letters for the compound and typo look-ups. */
class Vocabulary {
  private readonly byEnd = new Map<string, string[]>();
  private readonly names: string[];

  constructor(
    private readonly df: Map<string, unknown>,
    private readonly nameStems: Set<string>,
    private readonly foldedOf: Map<string, string>,
  ) {
    const put = (key: string, stem: string) => {
      const list = this.byEnd.get(key);
      if (list) list.push(stem);
      else this.byEnd.set(key, [stem]);
    };
    for (const stem of df.keys())
      if (stem.length >= PART) {
        put(`<${stem.slice(0, PART)}`, stem);
        put(`>${stem.slice(-PART)}`, stem);
      }
    this.names = [...nameStems];
  }

  /** The query word's matching words in these texts: itself, a compound part, a near spelling of a name. */
  matchesFor(q: QueryTerm): Map<string, number> {
    const to = new Map<string, number>();
    if (this.df.has(q.stem)) to.set(q.stem, 1);
    // A compound and its part: "druckertreib" / "druck" (the part at least 5 letters).
    if (q.stem.length >= PART)
      for (const key of [`<${q.stem.slice(0, PART)}`, `>${q.stem.slice(-PART)}`])
        for (const stem of this.byEnd.get(key) ?? []) {
          const [short, long] = stem.length < q.stem.length ? [stem, q.stem] : [q.stem, stem];
          if (long.length > short.length + 2 && (long.startsWith(short) || long.endsWith(short)))
            to.set(stem, Math.max(to.get(stem) ?? 0, COMPOUND_FACTOR));
        }
    // A product name one or two letters off, either way round, when the word itself is not there.
    if (to.has(q.stem) || q.folded.length < PART) return to;
    const a = q.folded;
    for (const stem of q.name ? this.df.keys() : this.names) {
      if (to.has(stem)) continue;
      const b = this.foldedOf.get(stem) ?? stem;
      const allowed = Math.min(a.length, b.length) >= 9 ? 2 : 1;
      if (b.length < PART || Math.abs(a.length - b.length) > allowed || (a[0] !== b[0] && a[1] !== b[1])) continue;
      if (editDistance(a, b, allowed) <= allowed) to.set(stem, TYPO_FACTOR);
    }
    return to;
  }
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
