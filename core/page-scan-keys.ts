/**
 * The page scan's pattern keys: an account name, domain or email folded as page text is
 * (page-scan-fold.ts), plus the rules normalize.ts applies to whole names (legal suffixes, a
 * leading "the"), so a name found on a page is the name matching would find.
 */
import { isFreeMailDomain, normalizeCompany, normalizeDomain, normalizeEmail } from './normalize';
import * as alphabet from './page-scan-fold';
import { FoldBuffer, foldText, isWordCode } from './page-scan-fold';

// Copied once: under tsx/CommonJS an imported binding is a getter call on every use.
const { APOS, AT, DOT, INITDOT, SEP } = alphabet;

const MAX_KEY = 200; // a longer "name" is a paragraph, not a name, and would lengthen every walk
const fold = new FoldBuffer();
const suffixCache = new Map<number, boolean>();
/**
 * Is the word c[from, to) a legal suffix ("llc", "gmbh")? Asked of normalizeCompany itself, so the
 * scan drops exactly what matching drops; cached under the word read as a number (a-z, at most
 * 12 letters, 5 bits each), so checking 100k names makes no strings.
 */
function isLegalSuffix(c: Uint16Array, from: number, to: number): boolean {
  if (to - from > 12) return false;
  let key = 0;
  for (let i = from; i < to; i++) {
    const x = c[i]! - 0x60;
    if (x < 1 || x > 26) return false;
    key = key * 32 + x;
  }
  let s = suffixCache.get(key);
  if (s === undefined) suffixCache.set(key, (s = normalizeCompany(`x ${codesToString(c, from, to)}`) === 'x'));
  return s;
}
const dropsThe = normalizeCompany('the x') === 'x';

/**
 * A name's key: normalizeCompany's rules over the scan's alphabet (apostrophes and initials' dots
 * vanish, other joiners are separators, trailing legal suffixes and a leading "the" go).
 * Needs `minLength` word characters and a letter, so "AB" or "1042" do not light up every page.
 */
export function nameKey(text: string, minLength = 3): string | undefined {
  const r = nameKeyRange(text, minLength);
  return r < 0 ? undefined : keyString(r);
}

/** The key as a range of `keyCodes()`: (from << 16) | to, or -1. */
export function nameKeyRange(text: string, minLength: number): number {
  foldText(text, MAX_KEY * 2, fold);
  const c = fold.codes;
  // In place: drop apostrophes and initials' dots, other joiners become separators.
  let n = 0,
    chars = 0,
    letters = 0;
  for (let i = 0; i < fold.length; i++) {
    const x = c[i]!;
    if (x === APOS || x === INITDOT) continue;
    if (isWordCode(x)) {
      chars++;
      if (x > 0x39) letters++;
      c[n++] = x;
    } else if (n > 0 && c[n - 1] !== SEP) c[n++] = SEP;
  }
  while (n > 0 && c[n - 1] === SEP) n--;
  // Trailing legal suffixes, then a leading "the", never the whole name.
  let from = 0;
  for (let sp = c.lastIndexOf(SEP, n - 1); sp > 0 && sp < n; sp = c.lastIndexOf(SEP, n - 1)) {
    if (!isLegalSuffix(c, sp + 1, n)) break;
    chars -= n - sp - 1;
    n = sp;
  }
  if (dropsThe && n > 4 && c[0] === 0x74 && c[1] === 0x68 && c[2] === 0x65 && c[3] === SEP) {
    from = 4;
    chars -= 3;
  }
  return n - from <= MAX_KEY && letters > 0 && chars >= minLength ? (from << 16) | n : -1;
}

const codesToString = (c: Uint16Array, from: number, to: number) =>
  String.fromCharCode.apply(null, c.subarray(from, to) as unknown as number[]);

/** A domain's or email's key: joiners kept literally; anything with a separator inside is no address. */
export function addressKey(text: string, kind: 'domain' | 'email'): string | undefined {
  const r = addressKeyRange(text, kind);
  return r < 0 ? undefined : keyString(r);
}

/**
 * Lower-case ASCII letters, digits, ".", "-", "_", "+" and (in an email) one "@", not starting with
 * "www." nor ending with ".": what normalizeDomain and normalizeEmail give back unchanged (most
 * stored addresses), so they need not run their regular expressions on it.
 */
function isPlainAddress(text: string, email: boolean): boolean {
  let at = email ? 0 : 1; // normalizeDomain keeps what follows an "@": not plain
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2b)
      continue;
    if (c === 0x40 && ++at === 1) continue;
    return false;
  }
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 0x2e && !text.startsWith('www.');
}

export function addressKeyRange(text: string, kind: 'domain' | 'email'): number {
  const value = isPlainAddress(text, kind === 'email')
    ? text
    : kind === 'domain'
      ? normalizeDomain(text)
      : normalizeEmail(text);
  if (kind === 'domain' && isFreeMailDomain(value)) return -1; // gmail.com says nothing about the account
  foldText(value, MAX_KEY + 1, fold);
  const c = fold.codes,
    n = fold.length;
  let joiner = false;
  for (let i = 0; i < n; i++) {
    if (c[i] === SEP) return -1;
    if (c[i] === INITDOT) c[i] = DOT;
    if (c[i] === (kind === 'domain' ? DOT : AT)) joiner = true;
  }
  return n <= MAX_KEY && joiner ? n : -1;
}

/** The codes the last *KeyRange call left its key in (valid until the next call). */
export const keyCodes = () => fold.codes;
/** A key as readable text (tests, debugging): the internal codes for "@" and "_" turned back. */
const keyString = (r: number) =>
  codesToString(fold.codes, r >>> 16, r & 0xffff).replace(/["#]/g, (c) => (c === '"' ? '@' : '_'));
