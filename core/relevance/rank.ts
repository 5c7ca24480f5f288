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
import { editDistance, guessLang, tokenize, type Token } from './text';
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

interface Doc {
  item: RankItem;
  tokens: Token[];
  tf: Map<string, number>;
}

/** The items that concern the ticket, best first; empty when none clearly does. */
export function rankForProblem(items: RankItem[], problem: TicketProblem, options: RankOptions = {}): RankedItem[] {
  const max = options.max ?? 3;
  const sold = productWords(options.productsSold ?? []);
  const isName = (t: Pick<Token, 'folded' | 'shaped'>) =>
    t.shaped || isKnownApplication(t.folded) || sold.has(t.folded);
  const ignored = new Set<string>();
  for (const text of options.ignore ?? []) for (const t of tokenize(text, 'en')) ignored.add(t.folded);
  const query = queryTerms(problem, isName).filter((q) => !ignored.has(q.folded));
  if (!query.length || !items.length) return [];

  // A short text with no function words ("Ausfall des DMS: Rückruf binnen 30 Minuten") is taken
  // to be in the language most of the account's texts are in.
  const accountLang = guessLang(items.map((i) => i.text).join('\n')) ?? 'en';
  const docs: Doc[] = items.map((item) => {
    const tokens = tokenize(item.text, guessLang(item.text) ?? accountLang);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
    return { item, tokens, tf };
  });
  const df = new Map<string, number>();
  const nameStems = new Set<string>();
  const foldedOf = new Map<string, string>();
  for (const d of docs) {
    for (const s of d.tf.keys()) df.set(s, (df.get(s) ?? 0) + 1);
    for (const t of d.tokens) {
      if (isName(t)) nameStems.add(t.stem);
      if (!foldedOf.has(t.stem)) foldedOf.set(t.stem, t.folded);
    }
  }
  const n = docs.length;
  const avgLen = docs.reduce((s, d) => s + d.tokens.length, 0) / n || 1;
  const idf = (stem: string) => {
    const f = df.get(stem) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };

  // Each query word's matching words in these texts: itself, a near spelling of a name, a compound part.
  const matches = query.map((q) => ({ q, to: matchesFor(q, df, nameStems, foldedOf) }));

  // The names the ticket and these texts share.
  const focus = matches.filter(({ q, to }) => [...to.keys()].some((s) => q.name || nameStems.has(s)));
  const ranked: RankedItem[] = [];
  for (const d of docs) {
    let score = 0;
    let evidence = 0;
    let named = false;
    // What each matching word of this text adds to its score: the words shown are the top three.
    const hitStems = new Map<string, number>();
    for (const { q, to } of matches) {
      let best = 0;
      let bestStem: string | undefined;
      let bestFactor = 0;
      for (const [stem, factor] of to) {
        const tf = d.tf.get(stem);
        if (!tf) continue;
        const part = factor * idf(stem) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.tokens.length) / avgLen)));
        if (part > best) [best, bestStem, bestFactor] = [part, stem, factor];
      }
      if (!bestStem) continue;
      const boost = q.name || nameStems.has(bestStem) ? NAME_BOOST : 1;
      if (boost > 1) named = true;
      score += q.weight * boost * best;
      evidence += q.weight * boost * bestFactor;
      hitStems.set(bestStem, (hitStems.get(bestStem) ?? 0) + q.weight * boost * best);
    }
    if (evidence < MIN_EVIDENCE) continue;
    ranked.push(shown(d, hitStems, score * KIND_FACTOR[d.item.kind] * (focus.length && !named ? OFF_TOPIC : 1)));
  }
  const order: Record<RelevantKind, number> = { promise: 0, note: 1, sold: 2 };
  ranked.sort((a, b) => b.score - a.score || order[a.kind] - order[b.kind]);
  const top = ranked[0]?.score ?? 0;
  return ranked.filter((r) => r.score >= top * NEAR_BEST).slice(0, max);
}

function queryTerms(problem: TicketProblem, isName: (t: Token) => boolean): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  // The subject alone is often too short to tell the language: subject and message together.
  const lang = guessLang(`${problem.subject ?? ''}\n${problem.body ?? ''}`) ?? 'en';
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const t of tokenize(text, lang)) {
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

function matchesFor(
  q: QueryTerm,
  df: Map<string, number>,
  nameStems: Set<string>,
  foldedOf: Map<string, string>,
): Map<string, number> {
  const to = new Map<string, number>();
  if (df.has(q.stem)) to.set(q.stem, 1);
  for (const stem of df.keys()) {
    if (stem === q.stem) continue;
    // A compound and its part: "druckertreib" / "druck" (both at least 5 letters).
    const [short, long] = stem.length < q.stem.length ? [stem, q.stem] : [q.stem, stem];
    if (short.length >= 5 && long.length > short.length + 2 && (long.startsWith(short) || long.endsWith(short))) {
      to.set(stem, Math.max(to.get(stem) ?? 0, COMPOUND_FACTOR));
      continue;
    }
    // A product name one or two letters off, either way round.
    if (!(q.name || nameStems.has(stem))) continue;
    const a = q.folded;
    const b = foldedOf.get(stem) ?? stem;
    if (a.length < 5 || b.length < 5 || (a[0] !== b[0] && a[1] !== b[1])) continue;
    const allowed = Math.min(a.length, b.length) >= 9 ? 2 : 1;
    if (editDistance(a, b, allowed) <= allowed) to.set(stem, Math.max(to.get(stem) ?? 0, TYPO_FACTOR));
  }
  return to;
}

function shown(d: Doc, hitStems: Map<string, number>, score: number): RankedItem {
  // The three words that add most, highlighted wherever the text has them.
  const top = [...hitStems].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const rank = new Map(top.map(([stem], i) => [stem, i]));
  const hits = d.tokens.filter((t) => rank.has(t.stem));
  const text = d.item.text;
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
  return { kind: d.item.kind, id: d.item.id, text: excerpt, spans, terms, score };
}
