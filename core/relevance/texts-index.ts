/**
 * One account's texts read once for the relevance ranking: their stems, BM25's postings (each
 * with its share of the score, the text's length counted in), and which stems are product or
 * application names. Plain data (typed arrays and
 * string arrays, no maps), so the background can save it beside the records it was built from
 * and a worker that has just started loads it instead of reading 1,000 notes again
 * (services/relevance-index.ts): a ticket then costs only its own words.
 *
 * The stems are kept in sorted order, with a second order by their endings, so a ticket's word
 * finds itself, its compound parts ("druckertreib" / "druck") and the names it may be a typo of
 * by binary search rather than by maps built after loading.
 */
import { editDistance, langOf, scanWords, stemOf, type Lang } from './text';
import { isKnownApplication, productWords } from './names';
import { firstAtLeast, firstWhereNot } from '../binary-search';

/** Bump when the layout changes: saved indexes of another format are read again from the texts. */
export const TEXTS_INDEX_FORMAT = 3;

/** BM25's parameters (Robertson & Zaragoza 2009): term frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

export interface TextsIndex {
  format: number;
  /** Texts read. */
  n: number;
  /** Each text's language: 0 English, 1 German. */
  langs: Uint8Array;
  /** The stems, sorted (a stem's number is its place here). */
  stems: string[];
  /** Each stem's first word as written in the texts, folded. */
  folded: string[];
  /** The stem numbers in the order of their stems read backwards (for compound endings). */
  byEnding: Int32Array;
  /** 1 where the stem is a product or application name. */
  nameStem: Uint8Array;
  /** The name stems, in order. */
  names: Int32Array;
  /** The name words of what was sold (names.ts's productWords), sorted: a ticket's words are told by them. */
  sold: string[];
  /**
   * Postings of stem s: postDoc/postPart[postStart[s] .. postStart[s + 1]), texts in order.
   * postPart is BM25's share of the stem's count in the text, its length against the mean length
   * taken into account (worked out once here: a ticket multiplies it by the stem's weight).
   */
  postStart: Int32Array;
  postDoc: Int32Array;
  postPart: Float64Array;
}

/** A ticket's word as the index is asked about it. */
export interface QueryWord {
  stem: string;
  folded: string;
  name: boolean;
}

/** A compound's part must have at least this many letters; so must a name looked up with a typo. */
const PART = 5;
const TYPO_FACTOR = 0.8;
const COMPOUND_FACTOR = 0.5;

/** Whether a word is a name: written like one, a known application, or a word of what was sold. */
export type NameTest = (t: { folded: string; shaped: boolean }) => boolean;

/** The name test of the index's own products sold (read when it was built: nothing is read again). */
export function nameTestOf(index: TextsIndex): NameTest {
  const { sold } = index;
  return (t) => t.shaped || isKnownApplication(t.folded) || sold[firstAtLeast(sold, t.folded)] === t.folded;
}

/** Index builds so far: each marks the words it read with its own number. */
let builds = 0;

/** For tests: how many indexes were built from texts in this worker. */
export const indexBuilds = (): number => builds;

export function buildTextsIndex(texts: string[], productsSold: string[]): TextsIndex {
  const soldWords = productWords(productsSold);
  const isName: NameTest = (t) => t.shaped || isKnownApplication(t.folded) || soldWords.has(t.folded);
  // Each text's words once, stemmed in its language; a short text with no function words
  // ("Ausfall des DMS: Rückruf binnen 30 Minuten") is taken to be in the language most of the
  // account's texts are in.
  const scans = texts.map((text) => scanWords(text));
  let de = 0;
  let en = 0;
  for (const x of scans) {
    de += x.de;
    en += x.en;
  }
  const accountLang = langOf({ de, en }, 'en');
  const n = texts.length;
  const langs = new Uint8Array(n);
  const lengths = new Float64Array(n);
  // Stems numbered in the order first met while reading, renumbered in sorted order at the end.
  const stems: string[] = [];
  const folded: string[] = [];
  const stemIds = new Map<string, number>();
  // Postings gathered text by text (each stem's count in the text, in the order first met).
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
    const lang: Lang = langOf(scans[i]!, accountLang);
    langs[i] = lang === 'de' ? 1 : 0;
    const first = (docStart[i] = docStems.length);
    for (const word of words) {
      // The word's stem number in this index, once looked up (kept on the word while this index is built).
      let id = word.mark !== mark ? -1 : lang === 'en' ? word.enId : word.deId;
      if (id < 0) {
        const stem = stemOf(word, lang);
        let known = stemIds.get(stem);
        if (known === undefined) {
          known = stems.length;
          stemIds.set(stem, known);
          stems.push(stem);
          folded.push(word.folded);
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
        // The stem's first word in a text says whether it is a name.
        if (!isNameStem[id] && isName(word)) isNameStem[id] = 1;
      }
    }
    lengths[i] = words.length;
    total += words.length;
  }
  docStart[n] = docStems.length;

  // Sorted order: newId[old] is the stem's place among the sorted stems.
  const count = stems.length;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) =>
    stems[a]! < stems[b]! ? -1 : stems[a]! > stems[b]! ? 1 : 0,
  );
  const newId = new Int32Array(count);
  order.forEach((old, i) => (newId[old] = i));
  const sortedStems = order.map((old) => stems[old]!);
  const postStart = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) postStart[s + 1] = postStart[s]! + df[order[s]!]!;
  const postDoc = new Int32Array(docStems.length);
  const postPart = new Float64Array(docStems.length);
  const fill = postStart.slice(0, count);
  const avgLen = total / n || 1;
  for (let i = 0; i < n; i++) {
    const norm = K1 * (1 - B + (B * lengths[i]!) / avgLen);
    for (let p = docStart[i]!; p < docStart[i + 1]!; p++) {
      const at = fill[newId[docStems[p]!]!]!++;
      const tf = docTfs[p]!;
      postDoc[at] = i;
      postPart[at] = (tf * (K1 + 1)) / (tf + norm);
    }
  }
  const nameStem = new Uint8Array(count);
  const names: number[] = [];
  for (let s = 0; s < count; s++)
    if (isNameStem[order[s]!]) {
      nameStem[s] = 1;
      names.push(s);
    }
  const byEnding = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) =>
    compareEndings(sortedStems[a]!, sortedStems[b]!),
  );
  return {
    format: TEXTS_INDEX_FORMAT,
    n,
    langs,
    stems: sortedStems,
    folded: order.map((old) => folded[old]!),
    byEnding,
    nameStem,
    names: Int32Array.from(names),
    sold: [...soldWords].sort(),
    postStart,
    postDoc,
    postPart,
  };
}

/** Whether a saved index has the shape this code reads (what storage gives back may be anything). */
export function isTextsIndex(x: unknown): x is TextsIndex {
  const i = x as Partial<TextsIndex> | undefined;
  return (
    !!i &&
    i.format === TEXTS_INDEX_FORMAT &&
    typeof i.n === 'number' &&
    i.langs instanceof Uint8Array &&
    i.langs.length === i.n &&
    Array.isArray(i.stems) &&
    Array.isArray(i.folded) &&
    i.folded.length === i.stems.length &&
    i.byEnding instanceof Int32Array &&
    i.byEnding.length === i.stems.length &&
    i.nameStem instanceof Uint8Array &&
    i.nameStem.length === i.stems.length &&
    i.names instanceof Int32Array &&
    Array.isArray(i.sold) &&
    i.sold.every((w) => typeof w === 'string') &&
    i.postStart instanceof Int32Array &&
    i.postStart.length === i.stems.length + 1 &&
    i.postDoc instanceof Int32Array &&
    i.postPart instanceof Float64Array &&
    i.postDoc.length === i.postPart.length &&
    i.postStart[i.stems.length] === i.postDoc.length
  );
}

/** Two stems compared by their letters read from the end ("druck" and "drucker" by "kcurd", "rekcurd"). */
function compareEndings(a: string, b: string): number {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d) return d;
  }
  return a.length - b.length;
}

/** The stem's number, or -1. */
function stemNumber(index: TextsIndex, stem: string): number {
  const at = firstAtLeast(index.stems, stem);
  return index.stems[at] === stem ? at : -1;
}

/** How often texts hold the stem, as BM25 weighs it. */
export function idf(index: TextsIndex, stem: number): number {
  const f = index.postStart[stem + 1]! - index.postStart[stem]!;
  return Math.log(1 + (index.n - f + 0.5) / (f + 0.5));
}

/**
 * The ticket word's matching words in these texts (stem numbers, with how much each counts):
 * itself, a compound part or whole, a near spelling of a name.
 */
export function matchesFor(index: TextsIndex, q: QueryWord): Map<number, number> {
  const to = new Map<number, number>();
  const self = stemNumber(index, q.stem);
  if (self >= 0) to.set(self, 1);
  const { stems } = index;
  // A compound and its part: "druckertreib" / "druck" (the part at least 5 letters), found
  // among the stems that begin or end with the same 5 letters.
  if (q.stem.length >= PART) {
    const compound = (s: number) => {
      const stem = stems[s]!;
      const [short, long] = stem.length < q.stem.length ? [stem, q.stem] : [q.stem, stem];
      if (long.length > short.length + 2 && (long.startsWith(short) || long.endsWith(short)))
        to.set(s, Math.max(to.get(s) ?? 0, COMPOUND_FACTOR));
    };
    const start = q.stem.slice(0, PART);
    for (let s = firstAtLeast(stems, start); s < stems.length && stems[s]!.startsWith(start); s++) compound(s);
    const ending = q.stem.slice(-PART);
    for (
      let e = firstWhereNot(
        0,
        index.byEnding.length,
        (i) => compareEndings(index.stems[index.byEnding[i]!]!, ending) < 0,
      );
      e < index.byEnding.length;
      e++
    ) {
      const s = index.byEnding[e]!;
      if (!stems[s]!.endsWith(ending)) break;
      compound(s);
    }
  }
  // A product name one or two letters off, either way round, when the word itself is not there:
  // a name of the ticket against all these words, another word of it against their names.
  if (self >= 0 || q.folded.length < PART) return to;
  const a = q.folded;
  const near = (s: number) => {
    const b = index.folded[s]!;
    const allowed = Math.min(a.length, b.length) >= 9 ? 2 : 1;
    if (b.length < PART || Math.abs(a.length - b.length) > allowed || (a[0] !== b[0] && a[1] !== b[1])) return;
    if (!to.has(s) && editDistance(a, b, allowed) <= allowed) to.set(s, TYPO_FACTOR);
  };
  if (q.name) for (let s = 0; s < stems.length; s++) near(s);
  else for (const s of index.names) near(s);
  return to;
}
