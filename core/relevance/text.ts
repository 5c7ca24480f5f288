/**
 * Words for the relevance ranking: tokens with their place in the text, folded, stemmed for
 * English or German (a light suffix stripper each, picked per text), with the filler words of
 * both languages and of ticket mail ("please", "urgent", "seit", "bitte") left out.
 */
import { FNV_OFFSET, FNV_PRIME } from '../hash';
import { DE_HINTS, EN_HINTS, fold, isDigit, isStopword, stemDe, stemEn, type Lang } from './language';

export interface Token {
  /** Where the word stands in the text: [start, end). */
  start: number;
  end: number;
  /** Lower-case, umlauts and accents folded ("Störung" -> "storung"). */
  folded: string;
  stem: string;
  /** Written with a capital inside the word or with a digit: "QuickBooks", "M365", "FortiGate". */
  shaped: boolean;
}

export type { Lang } from './language';

// core/hash.ts's FNV-1a, stepped inline as the words are read (no substring per word).
const FNV_BASIS = FNV_OFFSET | 0;
/** A letter or digit of any script: what a word is made of. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** For each UTF-16 unit above ASCII that stands alone: 1 a word character, 2 not, 0 not asked yet. */
const wordUnits = new Uint8Array(0x10000);

/**
 * Calls `visit(start, end)` for each run of letters and digits in `text`, as the regular
 * expression /[\p{L}\p{N}]+/gu finds them, with the word's hash (hashOf), without its match objects (the notes of an account
 * are read word by word, and their ASCII words without a regular expression at all).
 */
export function forEachWord(text: string, visit: (start: number, end: number, hash: number) => void): void {
  const n = text.length;
  let start = -1;
  // The word's FNV-1a hash over its UTF-16 units, worked out as it is read (hashOf).
  let h = 0;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0x80) word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      word = WORD_CHAR.test(text.slice(i, i + 2));
    } else if (c < 0x100 || (c >= 0x2000 && c < 0x2070) || (c >= 0x20a0 && c < 0x20d0)) word = isLatin1WordUnit(c);
    else {
      let known = wordUnits[c]!;
      if (!known) known = wordUnits[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      word = known === 1;
    }
    if (word) {
      if (start < 0) {
        start = i;
        h = FNV_BASIS;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      if (width === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
    } else if (start >= 0) {
      visit(start, i, h);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) visit(start, n, h);
}

/**
 * Whether a unit of Latin-1 (below 0x100), of General Punctuation (0x2000 to 0x206f: dashes,
 * quotes) or of the currency signs (0x20a0 to 0x20cf: €) is a letter or digit, as WORD_CHAR says
 * (a unit test checks each; the signs and punctuation never are):
 * the text of Western European notes is read without compiling that Unicode class.
 */
function isLatin1WordUnit(c: number): boolean {
  if (c >= 0x2000) return false;
  if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7;
  return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
}

export interface WordInfo {
  folded: string;
  stop: boolean;
  /** A function word of German (1) or English (2), for guessing the text's language. */
  hint: 0 | 1 | 2;
  shaped: boolean;
  en: string | undefined;
  de: string | undefined;
  /** The number of its English and German stem in the account index being built (`mark`), for the index's builder. */
  mark: number;
  enId: number;
  deId: number;
}

/**
 * What is known about each word as written, kept between calls: an account's notes are read
 * again in each new worker, and words repeat. A table of its own (open addressing on an FNV-1a
 * hash of the word's characters), so a word is looked up where it stands in the text, without
 * cutting it out first. Emptied when it grows past WORDS_KEPT.
 */
const WORDS_KEPT = 200_000;
let keys: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
let infos: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(4096).fill(undefined);
let hashes = new Int32Array(4096);
let kept = 0;

function hashOf(text: string, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Where the word text[start, end) is in the table, or the free place it would go. */
function placeOf(text: string, start: number, end: number, h: number): number {
  const mask = keys.length - 1;
  const length = end - start;
  for (let at = h & mask; ; at = (at + 1) & mask) {
    const key = keys[at];
    if (key === undefined) return at;
    if (hashes[at] === h && key.length === length) {
      let i = 0;
      while (i < length && key.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === length) return at;
    }
  }
}

function keepWord(raw: string, h: number, info: WordInfo): void {
  if (kept >= WORDS_KEPT) forgetWords();
  else if ((kept + 1) * 2 > keys.length) {
    const [oldKeys, oldInfos, oldHashes] = [keys, infos, hashes];
    keys = new Array<string | undefined>(oldKeys.length * 2).fill(undefined);
    infos = new Array<WordInfo | undefined>(oldKeys.length * 2).fill(undefined);
    hashes = new Int32Array(oldKeys.length * 2);
    for (let at = 0; at < oldKeys.length; at++) {
      const key = oldKeys[at];
      if (key === undefined) continue;
      const to = placeOf(key, 0, key.length, oldHashes[at]!);
      keys[to] = key;
      infos[to] = oldInfos[at];
      hashes[to] = oldHashes[at]!;
    }
  }
  const at = placeOf(raw, 0, raw.length, h);
  keys[at] = raw;
  infos[at] = info;
  hashes[at] = h;
  kept++;
}

/** The word text[start, end) as written; `keep: false` (customer text) leaves it out of the memory. */
function wordAt(text: string, start: number, end: number, h: number, keep = true): WordInfo {
  const at = placeOf(text, start, end, h);
  const known = infos[at];
  if (keys[at] !== undefined && known) return known;
  const raw = text.slice(start, end);
  const info = newWord(raw);
  if (keep) keepWord(raw, h, info);
  return info;
}

function newWord(raw: string): WordInfo {
  // Most words are ASCII or Latin-1 letters and digits: read them without regular expressions.
  let ascii = true;
  let latin1 = true;
  let digit = false;
  let letter = false;
  let camel = false;
  let lower = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      if (c >= 0x100) {
        latin1 = false;
        break;
      }
    }
    const kind = latin1Kind(c);
    if (kind === DIGIT) digit = true;
    else if (kind !== OTHER) letter = true;
    if (kind === UPPER && lower) camel = true;
    lower = kind === LOWER;
  }
  const folded = ascii ? raw.toLowerCase() : fold(raw);
  return {
    folded,
    stop: folded.length < 2 || isStopword(folded) || (folded.length === 2 && isDigit(folded, 0) && isDigit(folded, 1)),
    hint: DE_HINTS.has(folded) ? 1 : EN_HINTS.has(folded) ? 2 : 0,
    shaped: latin1
      ? (digit && letter) || camel
      : /\d/.test(raw) && /\p{L}/u.test(raw)
        ? true
        : /\p{Ll}\p{Lu}/u.test(raw),
    en: undefined,
    de: undefined,
    mark: 0,
    enId: 0,
    deId: 0,
  };
}

const [OTHER, DIGIT, LOWER, UPPER, LETTER] = [0, 1, 2, 3, 4] as const;

/**
 * A unit of a word below 0x100 as the regular expressions would class it: an ASCII digit (\d),
 * a lower-case (\p{Ll}) or upper-case (\p{Lu}) letter, another letter (ª, º), or else (², ½).
 * A unit test checks each against them.
 */
function latin1Kind(c: number): number {
  if (c >= 48 && c <= 57) return DIGIT;
  if ((c >= 97 && c <= 122) || c === 0xb5 || (c >= 0xdf && c !== 0xf7)) return LOWER;
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return UPPER;
  return c === 0xaa || c === 0xba ? LETTER : OTHER;
}

/** A text's words (filler words left out) and its function words of each language, unstemmed. */
export interface WordScan {
  words: WordInfo[];
  de: number;
  en: number;
}

/** `keep: false` for customer text (the ticket's): its words are not kept once the call returns. */
export function scanWords(text: string, keep = true): WordScan {
  const out: WordInfo[] = [];
  let de = 0;
  let en = 0;
  forEachWord(text, (start, end, h) => {
    const info = wordAt(text, start, end, h, keep);
    if (info.hint === 1) de++;
    else if (info.hint === 2) en++;
    if (!info.stop) out.push(info);
  });
  return { words: out, de, en };
}

/** The language a scanned text's function words say, else `fallback`. */
export const langOf = (scan: Pick<WordScan, 'de' | 'en'>, fallback: Lang): Lang =>
  scan.de > scan.en ? 'de' : scan.en > scan.de ? 'en' : fallback;

/** A scanned word's stem in that language (kept with the word). */
export const stemOf = (info: WordInfo, lang: Lang): string =>
  lang === 'de' ? (info.de ??= stemDe(info.folded)) : (info.en ??= stemEn(info.folded));

/**
 * The text's words with their places, filler words left out, each stemmed in the text's
 * language (`lang`; else guessed from its function words, else `fallback`). `keep: false` for
 * the ticket's own (customer) text: its words are not kept once the call returns.
 */
export function tokenize(text: string, lang?: Lang, fallback: Lang = 'en', keep = true): Token[] {
  const found: [number, number, WordInfo][] = [];
  let de = 0;
  let en = 0;
  forEachWord(text, (start, end, h) => {
    const info = wordAt(text, start, end, h, keep);
    if (info.hint === 1) de++;
    else if (info.hint === 2) en++;
    if (!info.stop) found.push([start, end, info]);
  });
  const use: Lang = lang ?? (de > en ? 'de' : en > de ? 'en' : fallback);
  return found.map(([start, end, info]) => ({
    start,
    end,
    folded: info.folded,
    stem: use === 'de' ? (info.de ??= stemDe(info.folded)) : (info.en ??= stemEn(info.folded)),
    shaped: info.shaped,
  }));
}

/** editDistance's three rows, kept between calls (a name is compared with many words). */
let rows = new Int32Array(96);

/** Damerau-Levenshtein distance (adjacent swaps count one), capped: returns max + 1 once above it. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  const r = rows;
  // Where the rows two back, one back and this one start in `r`.
  let before = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) {
    r[before + j] = 0;
    r[prev + j] = j;
    r[row + j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    r[row] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(r[prev + j]! + 1, r[row + j - 1]! + 1, r[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, r[before + j - 2]! + 1);
      r[row + j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return r[prev + b.length]!;
}

/** Forget the words read (the benchmark's cold runs: a worker just started). */
export function forgetWords(): void {
  keys = new Array<string | undefined>(4096).fill(undefined);
  infos = new Array<WordInfo | undefined>(4096).fill(undefined);
  hashes = new Int32Array(4096);
  kept = 0;
}

/** For tests: whether this word, as written, is in the word memory. */
export const isWordKept = (raw: string): boolean =>
  keys[placeOf(raw, 0, raw.length, hashOf(raw, 0, raw.length))] !== undefined;
