/**
 * Terms for the quick search: how record text and queries are cut into comparable words.
 * Shared by the name index and the note index, so a query means the same thing in both.
 */
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../hash';

/** Separators: white space, punctuation and symbols ("&" is turned into "and" before this). */
const SEPARATOR = /[\s\p{Z}\p{P}\p{S}]+/u;
export const WORD = /[^\s\p{Z}\p{P}\p{S}]+/gu;
const AMPERSAND = /[&\uFF06]/g;
const APOSTROPHE = /['\u2019`\u00B4]/g;
/** Letters NFKD does not decompose. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/g;
const PLAIN = /^[a-z0-9]*$/;

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

/**
 * Index and query term processing: accents stripped ("Müller" -> "muller"), lower case, and a
 * term holding "&" split around it with "and" in between ("at&t" -> "at", "and", "t").
 */
export function processTerm(term: string): string | string[] | null {
  const lower = term.toLowerCase();
  // Most words are plain ASCII: skip Unicode normalisation for them (the index build's hot path).
  const t = PLAIN.test(lower) ? lower : fold(term);
  if (/[&\uFF06]/.test(t)) {
    const parts = t.split(AMPERSAND).flatMap((p, i) => (i > 0 ? ['and', p] : [p]));
    const terms = parts.flatMap((p) => p.split(SEPARATOR)).filter(Boolean);
    return terms.length ? terms : null;
  }
  return t || null;
}

/**
 * Splits indexed text into words. Words joined by apostrophes or hyphens are also indexed
 * whole ("O'Brien" -> "o", "brien", "obrien"), so "obrien" and "o'brien" both find them.
 */
export function tokenizeDocument(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.replace(AMPERSAND, ' and ').split(/\s+/)) {
    if (!chunk) continue;
    const parts = chunk.split(SEPARATOR).filter(Boolean);
    out.push(...parts);
    if (parts.length > 1) {
      const core = chunk.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
      if (/^[\p{L}\p{N}\p{M}]+(?:['\u2019\-\u2010\u2011][\p{L}\p{N}\p{M}]+)+$/u.test(core)) {
        out.push(core.replace(/['\u2019\-\u2010\u2011]/g, ''));
      }
    }
  }
  return out;
}

/** Splits a query: like documents, but apostrophes join ("o'brien" -> "obrien"). */
export function tokenizeQuery(text: string): string[] {
  return text.replace(AMPERSAND, ' and ').replace(APOSTROPHE, '').split(SEPARATOR).filter(Boolean);
}

export function processAll(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const p = processTerm(t);
    if (p === null) continue;
    if (Array.isArray(p)) out.push(...p);
    else out.push(p);
  }
  return out;
}

/** Code unit classes for the scan below: 0 other, 1 lower-case letter or digit, 2 capital. */
const PLAIN_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) PLAIN_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) PLAIN_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) PLAIN_CLASS[c] = 2;
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 127 && /\s/.test(String.fromCharCode(c)));

/**
 * Receives a plain ASCII word as a span of the text, [start, end): the term is that span, lower
 * cased (`upper` says whether it holds capitals). The index build looks words up by their span,
 * so a word already in its dictionary costs no string.
 */
export type SpanSink = (text: string, start: number, end: number, upper: boolean) => void;

/**
 * Calls `emit` with the processed terms of a piece of record text, the same as
 * processAll(tokenizeDocument(text)) but scanning plain ASCII words (most of them) without a
 * regular expression or an array per text: the index build's hot path.
 */
export function eachTerm(text: string, emit: (term: string) => void): void {
  eachTermSpan(
    text,
    (t, start, end, upper) => emit(upper ? t.slice(start, end).toLowerCase() : t.slice(start, end)),
    emit,
  );
}

/**
 * eachTerm with plain ASCII words (also those of emails, domains, "O'Brien") given as spans of
 * the text (`span`), and the other terms as strings (`emit`), in the same order.
 */
export function eachTermSpan(text: string, span: SpanSink, emit: (term: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let plain = true;
    let upper = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const k = PLAIN_CLASS[c]!;
        if (k === 2) upper = true;
        else if (k === 0) {
          if (c === 32 || (c >= 9 && c <= 13)) break;
          plain = false;
        }
      } else if (isSpace(c)) break;
      else plain = false;
    }
    if (plain) span(text, start, i, upper);
    else if (!asciiSpan(text, start, i, span, emit))
      for (const t of processAll(tokenizeDocument(text.slice(start, i)))) emit(t);
  }
}

const isAlnum = (c: number) => c < 128 && PLAIN_CLASS[c]! > 0;

/**
 * tokenizeDocument + processTerm for a chunk of printable ASCII with punctuation in it
 * ("dana.whitfield@acme.com", "O'Brien", "Inc."), without regular expressions. Returns false,
 * having emitted nothing, for anything else.
 */
function asciiChunk(chunk: string, emit: (term: string) => void): boolean {
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  if (chunk.includes('&')) {
    // "&" is " and " between chunks of their own: "AT&T" -> "at", "and", "t".
    chunk.split('&').forEach((piece, k) => {
      if (k > 0) emit('and');
      if (piece) asciiChunk(piece, emit);
    });
    return true;
  }
  const parts: string[] = [];
  let joinable = true;
  let first = -1;
  let last = -1;
  for (let i = 0; i < chunk.length;) {
    if (!isAlnum(chunk.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < chunk.length && isAlnum(chunk.charCodeAt(i))) i++;
    if (first < 0) first = start;
    else {
      // Between two words: joinable only across one apostrophe or hyphen.
      const gap = chunk.slice(last, start);
      if (gap !== "'" && gap !== '-') joinable = false;
    }
    last = i;
    parts.push(chunk.slice(start, i).toLowerCase());
  }
  for (const p of parts) emit(p);
  if (parts.length > 1 && joinable) emit(parts.join(''));
  return true;
}

/**
 * asciiChunk for text[start, end), its words given as spans. Returns false, having given
 * nothing, for anything but printable ASCII; a chunk holding "&" (rare) goes through asciiChunk.
 */
function asciiSpan(text: string, start: number, end: number, span: SpanSink, emit: (term: string) => void): boolean {
  let amp = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126) return false;
    if (c === 38) amp = true;
  }
  if (amp) return asciiChunk(text.slice(start, end), emit);
  let joinable = true;
  let parts = 0;
  let first = -1;
  let last = -1;
  for (let i = start; i < end;) {
    let c = text.charCodeAt(i);
    if (PLAIN_CLASS[c] === 0) {
      i++;
      continue;
    }
    const from = i;
    let upper = false;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      const k = PLAIN_CLASS[c]!;
      if (k === 0) break;
      if (k === 2) upper = true;
    }
    if (first < 0) first = from;
    else if (from - last !== 1 || (text.charCodeAt(last) !== 39 && text.charCodeAt(last) !== 45)) {
      // Between two words: joinable only across one apostrophe or hyphen.
      joinable = false;
    }
    last = i;
    parts++;
    span(text, from, i, upper);
  }
  // Joinable: words and single apostrophes or hyphens from `first` to `last`.
  if (parts > 1 && joinable) emit(text.slice(first, last).replace(/['-]/g, '').toLowerCase());
  return true;
}

/** The processed terms of a piece of record text. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  if (text) eachTerm(text, (t) => out.push(t));
  return out;
}

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** A whole value as one comparable key: "Acme Dental Group" -> "acme dental group". */
export function keyOf(value: string): string {
  if (PLAIN_WORDS.test(value)) return value.toLowerCase();
  return asciiKey(value) ?? processAll(tokenizeQuery(value)).join(' ');
}

/** keyOf for printable ASCII (emails, domains, "Baker & Price LLP") without regular expressions. */
function asciiKey(value: string): string | undefined {
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word) words.push(word);
    word = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126) return undefined;
    if (isAlnum(c)) word += c <= 90 && c >= 65 ? String.fromCharCode(c + 32) : value[i];
    else if (c === 39 || c === 96)
      continue; // apostrophes join: "o'brien" -> "obrien"
    else {
      flush();
      if (c === 38) words.push('and');
    }
  }
  flush();
  return words.join(' ');
}

/**
 * fnv1a(keyOf(value)) (core/hash.ts), or -1 when the key is empty: for printable ASCII, hashed as it is read,
 * without making the key.
 */
export function keyHash(value: string): number {
  let h = FNV_OFFSET;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c < 32 || c > 126) {
      const key = keyOf(value);
      return key ? fnv1a(key) : -1;
    }
    if (isAlnum(c)) {
      if (!inWord) {
        if (words) h = Math.imul(h ^ 32, FNV_PRIME);
        inWord = true;
        words++;
      }
      if (c <= 90 && c >= 65) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    } else if (c === 39 || c === 96)
      continue; // apostrophes join: "o'brien" -> "obrien"
    else {
      inWord = false;
      if (c === 38) {
        if (words) h = Math.imul(h ^ 32, FNV_PRIME);
        words++;
        h = Math.imul(h ^ 97, FNV_PRIME);
        h = Math.imul(h ^ 110, FNV_PRIME);
        h = Math.imul(h ^ 100, FNV_PRIME);
      }
    }
  }
  return words ? h >>> 0 : -1;
}

/** Edit distance allowed for a query term: none under 4 characters, 1 up to 7, then 2. */
export function maxEdits(term: string): number {
  return term.length >= 4 && term.length <= 24 ? Math.min(2, Math.round(term.length * 0.2)) : 0;
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit) is at most `max`. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (max <= 0 || Math.abs(a.length - b.length) > max) return false;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]! <= max;
}

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc']);

/** The registrable label of a domain: "mail.acme-dental.co.uk" -> "acme-dental". */
export function domainStem(domain: string): string {
  const start = domain.startsWith('www.') ? 4 : 0;
  // Its last three non-empty labels, right to left (one string each, no split of the whole).
  const last: string[] = [];
  let end = domain.length;
  for (let i = end - 1; i >= start - 1 && last.length < 3; i--) {
    if (i >= start && domain.charCodeAt(i) !== 46) continue;
    if (end > i + 1) last.push(domain.slice(i + 1, end));
    end = i;
  }
  if (last.length < 2) return last[0] ?? '';
  const drop = last.length > 2 && last[0]!.length === 2 && SECOND_LEVEL.has(last[1]!) ? 2 : 1;
  return last[drop]!;
}
