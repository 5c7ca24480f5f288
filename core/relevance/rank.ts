/**
 * Which of an account's promises, items sold and notes concern the ticket on screen: BM25 over
 * that account's own texts (Robertson & Zaragoza 2009, k1 1.2, b 0.75: texts-index.ts), the
 * ticket's subject and first message as the query. Words of product and application names weigh more, and a name
 * typed one letter off still finds its note ("Dentirx"). German compounds find their parts
 * ("Druckertreiber" finds "Drucker"), at half weight.
 *
 * The ticket's text is customer-written: it only orders this account's texts, never chooses the
 * account, and nothing of it is returned (the words shown are the note's own).
 */
import { scanWords, stemOf, tokenize, type Lang, type WordInfo } from './text';
import { idf, matchesFor, nameTestOf, type NameTest, type TextsIndex } from './texts-index';
import { keptIndex } from './kept';
import { shown } from './excerpt';
import type { RankedItem, RankItem, RelevantKind, TicketProblem } from './items';

export { forgetReadTexts, keptIndexes } from './kept';

export type { RankedItem, RankItem, TicketProblem } from './items';

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
  /**
   * The index of these very texts and products sold, as saved before (services/relevance-index.ts):
   * used instead of reading the texts when this worker has not read them yet.
   */
  saved?: TextsIndex;
}

/** How much more a product or application name weighs than another word. */
const NAME_BOOST = 2.5;
/** A word of the ticket's subject weighs this much, one only in its message 1. */
const SUBJECT_WEIGHT = 1.5;
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
  const productsSold = options.productsSold ?? [];
  // The account's texts read once and kept (kept.ts), or loaded as saved: the ticket's own
  // words are all that is read here each time.
  const index = keptIndex(
    items.map((i) => i.text),
    productsSold,
    options.saved,
  );
  const ignored = new Set<string>();
  for (const text of options.ignore ?? []) for (const w of scanWords(text).words) ignored.add(w.folded);
  const query = queryTerms(problem, nameTestOf(index)).filter((q) => !ignored.has(q.folded));
  if (!query.length) return [];

  const matches = query.map((q) => ({ q, to: matchesFor(index, q) }));
  const { nameStem } = index;
  // The names the ticket and these texts share.
  let focus = false;
  for (const { q, to } of matches) for (const stem of to.keys()) if (q.name || nameStem[stem]) focus = true;
  const { score, evidence, named, matched, hits } = scoreTexts(index, matches);
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
      for (let h = 0; h < hits.doc.length; h++)
        if (hits.doc[h] === r.doc) {
          const stem = index.stems[hits.stem[h]!]!;
          words.set(stem, (words.get(stem) ?? 0) + hits.part[h]!);
        }
      const item = items[r.doc]!;
      // Its words are not kept (keep: false): an index loaded as saved has no use for them.
      return shown(item, tokenize(item.text, index.langs[r.doc] ? 'de' : 'en', 'en', false), words, r.score);
    });
}

interface Scored {
  score: Float64Array;
  evidence: Float64Array;
  /** 1 where a name matched. */
  named: Uint8Array;
  /** The texts matched, in the order first matched (the order ties keep). */
  matched: number[];
  /** What each matching word of a text adds to its score, in order: the words shown are the top three. */
  hits: { doc: number[]; stem: number[]; part: number[] };
}

/** BM25 over the postings of the ticket's matching stems: each text's best match for each ticket word counts. */
function scoreTexts(index: TextsIndex, matches: { q: QueryTerm; to: Map<number, number> }[]): Scored {
  const { n, postStart, postDoc, postPart, nameStem } = index;
  const score = new Float64Array(n);
  const evidence = new Float64Array(n);
  const named = new Uint8Array(n);
  const matched: number[] = [];
  const seen = new Uint8Array(n);
  const hits = { doc: [] as number[], stem: [] as number[], part: [] as number[] };
  // Each text's best match for one query word, and the texts that have one.
  const bestPart = new Float64Array(n);
  const bestStem = new Int32Array(n);
  const bestFactor = new Float64Array(n);
  const touched: number[] = [];
  for (const { q, to } of matches) {
    for (const [stem, factor] of to) {
      const from = postStart[stem]!;
      const until = postStart[stem + 1]!;
      const weight = factor * idf(index, stem);
      for (let p = from; p < until; p++) {
        const doc = postDoc[p]!;
        const part = weight * postPart[p]!;
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
      hits.doc.push(doc);
      hits.stem.push(stem);
      hits.part.push(q.weight * boost * part);
      bestPart[doc] = 0;
    }
    touched.length = 0;
  }
  return { score, evidence, named, matched, hits };
}

function queryTerms(problem: TicketProblem, isName: NameTest): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  // Customer text: none of its words is kept once this returns (keep: false).
  const subject = problem.subject ? scanWords(problem.subject, false) : undefined;
  const opening = problem.body?.slice(0, BODY_MAX);
  const body = opening ? scanWords(opening, false) : undefined;
  // The subject alone is often too short to tell the language: subject and message together
  // (the whole message, which is read again for that only when it is longer than its opening).
  const hints = problem.body && problem.body.length > BODY_MAX ? scanWords(problem.body, false) : body;
  const de = (subject?.de ?? 0) + (hints?.de ?? 0);
  const en = (subject?.en ?? 0) + (hints?.en ?? 0);
  const lang: Lang = de > en ? 'de' : 'en';
  const add = (words: WordInfo[] | undefined, weight: number) => {
    for (const t of words ?? []) {
      const stem = stemOf(t, lang);
      const had = terms.get(stem);
      const name = isName(t) || !!had?.name;
      // In the subject and the message alike: a little more than the subject alone.
      const w = had ? Math.max(had.weight, weight) + (had.weight !== weight ? 0.25 : 0) : weight;
      terms.set(stem, { stem, folded: had?.folded ?? t.folded, weight: w, name });
    }
  };
  add(subject?.words, SUBJECT_WEIGHT);
  add(body?.words, 1);
  return [...terms.values()];
}
