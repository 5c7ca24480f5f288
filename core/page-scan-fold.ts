/**
 * The page scan's alphabet: page text (and every pattern, through the same code) folded into
 * 16-bit codes, so "ACME  Dental,\nGroup", "Müller" and "acme dental group" / "muller" meet.
 *
 * Letters and digits fold as core/normalize.ts folds them (NFKD, accents stripped, lower case,
 * "&" as "and", apostrophes dropped), plus a few letters NFKD leaves alone (ß -> ss, ø -> o,
 * æ -> ae...) and letters of other scripts kept as themselves rather than dropped, so Cyrillic
 * or Greek names can be found too. Combining marks and format characters (soft hyphen, zero-width
 * space) vanish. Every other run of characters (spaces, punctuation, line breaks) becomes one
 * separator, except a single ". @ - _ + '" between two word characters: that is kept as a
 * "joiner" so domains and emails can demand it literally, while names may read it as a separator.
 *
 * All non-word codes are below 0x30 ("0"), so "is this a word character" is one comparison.
 *
 * Where it differs from normalizeCompany, on purpose or for simplicity: letters NFKD leaves
 * alone are folded or kept instead of dropped ("Ørsted" is "orsted", not "rsted"); and any dot
 * between two single letters may vanish ("A.B Dental" keys as "ab dental", where normalizeCompany
 * wants "A.B." with the last dot to say "ab dental" and otherwise says "a b dental").
 */
import { FNV_OFFSET, FNV_PRIME } from './hash';

export const SEP = 0x20;
export const APOS = 0x27;
const PLUS = 0x2b;
const HYPHEN = 0x2d;
export const DOT = 0x2e;
export const AT = 0x22; // '@' and '_' moved below 0x30 so every joiner sorts under the word codes
const UNDERSCORE = 0x23;
/** A dot between two single letters ("A.B.C.", "L.L.C."): also readable as nothing, like normalizeCompany's initials. */
export const INITDOT = 0x01;
export const isWordCode = (c: number) => c >= 0x30;

const T_WORD = 1,
  T_EXP = 2,
  T_SEP = 3,
  T_SKIP = 4,
  T_JOIN = 5,
  T_AMP = 6;
/** Per UTF-16 code unit: type in the low 3 bits, payload (a code or an expansion index) above. Filled lazily. */
const table = new Int32Array(65536);
const expansions: string[] = [];
const EXTRA: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const JOINERS: Record<string, number> = {
  '.': DOT,
  '@': AT,
  '-': HYPHEN,
  _: UNDERSCORE,
  '+': PLUS,
  "'": APOS,
  '’': APOS,
};

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return T_SEP; // astral characters (emoji) separate words
  const s = String.fromCharCode(c);
  if (JOINERS[s] !== undefined) return T_JOIN | (JOINERS[s]! << 3);
  if (s === '&') return T_AMP;
  if (/[\p{M}\p{Cf}]/u.test(s)) return T_SKIP;
  let f = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  f = [...f].map((ch) => EXTRA[ch] ?? ch).join('');
  if (!f) return T_SKIP;
  if (!/^[\p{L}\p{N}]+$/u.test(f) || f.length > 8) return T_SEP;
  if (f.length === 1) return T_WORD | (f.charCodeAt(0) << 3);
  expansions.push(f);
  return T_EXP | ((expansions.length - 1) << 3);
}

for (let c = 0; c < 128; c++) table[c] = classify(c);

const entry = (c: number) => table[c] || (table[c] = classify(c));
/** Characters that fold to nothing; a match's end runs over them ("Mu" + U+0308 ends after the mark). */
export const isSkipped = (c: number) => (entry(c) & 7) === T_SKIP;

/** Each word's hash, as FNV-1a over its codes (page-scan-build.ts hashes the keys' first words alike). */
export const FNV_START = FNV_OFFSET | 0;
const AND_HASH = [0x61, 0x6e, 0x64].reduce((h, c) => Math.imul(h ^ c, FNV_PRIME), FNV_START);

/**
 * Reusable output of `foldText`: folded codes and, for each, the index of its character in the
 * original text; and the words (runs of word codes): where each starts and ends among the codes,
 * and its hash, so the scan can pass over most words without reading them again.
 */
export class FoldBuffer {
  codes = new Uint16Array(1024);
  orig = new Int32Array(1024);
  length = 0;
  wordStart = new Int32Array(256);
  wordEnd = new Int32Array(256);
  wordHash = new Int32Array(256);
  words = 0;
  ensure(n: number): void {
    if (n <= this.codes.length) return;
    const cap = Math.max(n, this.codes.length * 2);
    const codes = new Uint16Array(cap);
    const orig = new Int32Array(cap);
    codes.set(this.codes.subarray(0, this.length));
    orig.set(this.orig.subarray(0, this.length));
    this.codes = codes;
    this.orig = orig;
  }
  /** Twice the room for words (foldText asks when it has room for fewer than two more). */
  growWords(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.wordStart = grown(this.wordStart);
    this.wordEnd = grown(this.wordEnd);
    this.wordHash = grown(this.wordHash);
  }
}

/**
 * Folds text[0, limit) into `out`. Guarantees: no two non-word codes in a row, no leading
 * separator; a joiner code always sits between two word codes. One tight loop with no closures:
 * it runs over every character of every page.
 */
export function foldText(text: string, limit: number, out: FoldBuffer): void {
  const n = Math.min(limit, text.length);
  out.length = 0;
  out.words = 0;
  out.ensure(n + 16);
  // Capacity invariant: codes.length >= k + (n - p) + 16; only expansions ("ß", "&") spend slack.
  let codes = out.codes,
    orig = out.orig;
  let k = 0;
  let runStart = -1; // start of the pending non-word run, -1 when none
  let runChars = 0,
    runJoin = 0;
  let runAmp = -1; // an "&" in the run, read as the word "and"
  let wordLen = 0; // codes in the current word
  let joinAt = -1; // index of the joiner just before the current word
  let lenBeforeJoin = 0;
  // The word being written (its start among the codes and its hash so far), when inWord.
  let inWord = false,
    wordStart = 0,
    h = 0;
  let words = 0,
    wordStarts = out.wordStart,
    wordEnds = out.wordEnd,
    wordHashes = out.wordHash;
  for (let p = 0; p < n; p++) {
    const ch = text.charCodeAt(p);
    const v = table[ch] || entry(ch);
    const t = v & 7;
    if (t === T_WORD || t === T_EXP) {
      if (runStart >= 0) {
        // The run ends the word before it (there is one when inWord).
        if (inWord) {
          if (words + 2 > wordStarts.length) {
            out.growWords();
            wordStarts = out.wordStart;
            wordEnds = out.wordEnd;
            wordHashes = out.wordHash;
          }
          wordStarts[words] = wordStart;
          wordEnds[words] = k;
          wordHashes[words++] = h;
        }
        if (joinAt >= 0 && lenBeforeJoin === 1 && wordLen === 1 && codes[joinAt] === DOT) codes[joinAt] = INITDOT;
        if (runAmp >= 0) {
          if (k + (n - p) + 24 > codes.length) {
            out.length = k;
            out.ensure(k + (n - p) + 64);
            codes = out.codes;
            orig = out.orig;
          }
          if (inWord) {
            codes[k] = SEP;
            orig[k++] = runStart;
          }
          if (words + 2 > wordStarts.length) {
            out.growWords();
            wordStarts = out.wordStart;
            wordEnds = out.wordEnd;
            wordHashes = out.wordHash;
          }
          wordStarts[words] = k;
          wordEnds[words] = k + 3;
          wordHashes[words++] = AND_HASH;
          codes[k] = 0x61;
          orig[k++] = runAmp;
          codes[k] = 0x6e;
          orig[k++] = runAmp;
          codes[k] = 0x64;
          orig[k++] = runAmp;
          codes[k] = SEP;
          orig[k++] = runAmp;
          joinAt = -1;
        } else if (inWord && runChars === 1 && runJoin) {
          lenBeforeJoin = wordLen;
          joinAt = k;
          codes[k] = runJoin;
          orig[k++] = runStart;
        } else {
          if (inWord) {
            codes[k] = SEP;
            orig[k++] = runStart;
          }
          joinAt = -1;
        }
        runStart = -1;
        wordLen = 0;
        inWord = false;
      }
      if (!inWord) {
        inWord = true;
        wordStart = k;
        h = FNV_START;
      }
      if (t === T_WORD) {
        const c = v >>> 3;
        h = Math.imul(h ^ c, FNV_PRIME);
        codes[k] = c;
        orig[k++] = p;
        wordLen++;
      } else {
        const f = expansions[v >>> 3]!;
        if (k + (n - p) + 24 > codes.length) {
          out.length = k;
          out.ensure(k + (n - p) + 64);
          codes = out.codes;
          orig = out.orig;
        }
        for (let i = 0; i < f.length; i++) {
          const c = f.charCodeAt(i);
          h = Math.imul(h ^ c, FNV_PRIME);
          codes[k] = c;
          orig[k++] = p;
        }
        wordLen += f.length;
      }
    } else if (t !== T_SKIP) {
      if (runStart < 0) {
        runStart = p;
        runChars = 0;
        runAmp = -1;
      }
      runChars++;
      runJoin = t === T_JOIN ? v >>> 3 : 0;
      if (t === T_AMP && runAmp < 0) runAmp = p;
    }
  }
  if (joinAt >= 0 && lenBeforeJoin === 1 && wordLen === 1 && codes[joinAt] === DOT) codes[joinAt] = INITDOT;
  if (inWord) {
    if (words + 2 > wordStarts.length) {
      out.growWords();
      wordStarts = out.wordStart;
      wordEnds = out.wordEnd;
      wordHashes = out.wordHash;
    }
    wordStarts[words] = wordStart;
    wordEnds[words] = k;
    wordHashes[words++] = h;
  }
  if (runStart >= 0 && k > 0) {
    // A trailing run: one separator, or "and" for a trailing "&".
    if (k + 8 > codes.length) {
      out.length = k;
      out.ensure(k + 16);
      codes = out.codes;
      orig = out.orig;
    }
    codes[k] = SEP;
    orig[k++] = runStart;
    if (runAmp >= 0) {
      wordStarts[words] = k;
      wordEnds[words] = k + 3;
      wordHashes[words++] = AND_HASH;
      codes[k] = 0x61;
      orig[k++] = runAmp;
      codes[k] = 0x6e;
      orig[k++] = runAmp;
      codes[k] = 0x64;
      orig[k++] = runAmp;
    }
  }
  out.length = k;
  out.words = words;
}
