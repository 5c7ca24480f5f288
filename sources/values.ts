/**
 * Parsers for one cell of an import file. Each returns the typed value or throws a CellError with
 * a message code (shown to the user after "file line N, column X: ", so it quotes the cell).
 * They accept the forms CRM exports actually write and refuse anything ambiguous.
 */
import { normalizeDomain } from '@/core/normalize';
import { msg, type ImportCode, type ImportMessage } from '@/core/import-message';

export class CellError extends Error {
  readonly problem: ImportMessage;
  constructor(code: ImportCode, ...args: string[]) {
    super(`${code}: ${args.join(', ')}`);
    this.problem = msg(code, ...args);
  }
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Keys that would reach Object.prototype if a record were ever built with them. */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

const SYMBOLS: Record<string, string | undefined> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', $: undefined };

/**
 * "1,234.50", "$1,234", "1.234,50 €", "USD 1200", "(300)" -> number (+ currency when the cell
 * names one). A single "," followed by exactly three digits is read as thousands, as US exports
 * write them; "12k" or "1,2,3" are refused.
 */
export function parseMoney(raw: string): { value: number; currency?: string } {
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  let currency: string | undefined;
  const parens = /^\(.*\)$/.test(s); // accounting style negative
  if (parens) s = s.slice(1, -1);
  const takeSign = () => {
    const sign = /^[-+]/.exec(s)?.[0];
    if (sign) s = s.slice(1);
    return sign;
  };
  let sign = takeSign();
  const code = /^([A-Z]{3})(?=[\d.,-])|(?<=[\d.,])([A-Z]{3})$/.exec(s);
  if (code) {
    currency = code[1] ?? code[2];
    s = s.replace(code[0], '');
  }
  for (const [sym, cur] of Object.entries(SYMBOLS)) {
    if (s.startsWith(sym) || s.endsWith(sym)) {
      s = s.startsWith(sym) ? s.slice(sym.length) : s.slice(0, -sym.length);
      currency ??= cur;
      break;
    }
  }
  sign ??= takeSign(); // "$-5"
  const value = parseDigits(s);
  if (value === undefined) throw new CellError('notNumber', quote(raw));
  return { value: parens || sign === '-' ? -value : value, currency };
}

function parseDigits(s: string): number | undefined {
  if (!/^(\d[\d.,']*|[.,]\d+)$/.test(s)) return undefined;
  s = s.replace(/'(?=\d{3}(\D|$))/g, ''); // Swiss 1'234.50
  if (s.includes("'")) return undefined;
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimal: string | undefined;
  let group: string | undefined;
  if (commas && dots) [decimal, group] = s.lastIndexOf('.') > s.lastIndexOf(',') ? ['.', ','] : [',', '.'];
  // "1,5" and "0,125" are decimals; "1,234" and "1,234,567" are thousands.
  else if (commas === 1 && (s.length - s.indexOf(',') - 1 !== 3 || s.startsWith('0,'))) decimal = ',';
  else if (commas) group = ',';
  else if (dots === 1) decimal = '.';
  else if (dots) group = '.';
  const [int = '', frac = '', extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined || !/^\d*$/.test(frac)) return undefined;
  if (group && int.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(int)) return undefined;
  const digits = group ? int.split(group).join('') : int;
  if (!/^\d*$/.test(digits) || (digits === '' && frac === '')) return undefined;
  const n = Number(`${digits || '0'}.${frac || '0'}`);
  return Number.isFinite(n) ? n : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const US_RE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`);
const DOT_RE = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);
const DMY_NAME_RE = new RegExp(String.raw`^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-,]+(\d{4})${TIME}$`);
const MDY_NAME_RE = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s(\d{1,2}),?\s(\d{4})${TIME}$`);

/**
 * ISO (2024-03-05, with optional time), US m/d/yyyy, European dd.mm.yyyy, "5 Mar 2024" and
 * "Mar 5, 2024" -> "YYYY-MM-DD", or with `withTime` "YYYY-MM-DDTHH:MM[:SS][zone]" when the cell
 * has a time. d/m/yyyy is refused rather than guessed: 03/05 is March in the US and May elsewhere.
 */
export function parseDate(raw: string, withTime = false, slashes: SlashOrder = 'mdy'): string {
  const s = raw.trim();
  let y: number, mo: number, d: number, t: (string | undefined)[];
  let m: RegExpExecArray | null;
  if ((m = ISO_RE.exec(s))) [y, mo, d, t] = [+m[1]!, +m[2]!, +m[3]!, m.slice(4)];
  else if ((m = US_RE.exec(s)) && slashes === 'dmy') [y, mo, d, t] = [fullYear(m[3]!), +m[2]!, +m[1]!, m.slice(4)];
  else if (m) [y, mo, d, t] = [fullYear(m[3]!), +m[1]!, +m[2]!, m.slice(4)];
  else if ((m = DOT_RE.exec(s))) [y, mo, d, t] = [+m[3]!, +m[2]!, +m[1]!, m.slice(4)];
  else if ((m = DMY_NAME_RE.exec(s))) [y, mo, d, t] = [+m[3]!, monthOf(m[2]!), +m[1]!, m.slice(4)];
  else if ((m = MDY_NAME_RE.exec(s))) [y, mo, d, t] = [+m[3]!, monthOf(m[1]!), +m[2]!, m.slice(4)];
  else throw new CellError('notDate', quote(raw));
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth) {
    throw new CellError(US_RE.test(s) && slashes === 'mdy' ? 'invalidDateUs' : 'invalidDate', quote(raw));
  }
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const [hh, mm, ss, ampm, zone] = t;
  if (!withTime || hh === undefined) return date;
  let hour = +hh;
  if (ampm) hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
  if (hour > 23 || +mm! > 59 || (ss !== undefined && +ss > 59)) throw new CellError('invalidTime', quote(raw));
  return `${date}T${pad(hour)}:${mm}${ss !== undefined ? `:${ss}` : ''}${zone ?? ''}`;
}

/** How a column's slash dates read: month first (US) or day first (most of the world). */
export type SlashOrder = 'mdy' | 'dmy';

const SLASH_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/;

/**
 * How a column writes its slash dates, judged from all its values: a first part over 12 means
 * day first, a second part over 12 month first. 'ambiguous' when every date reads both ways and
 * some would change (3/5 and 5/3 both appear, or 3/5 alone): then the user is asked.
 */
export function slashOrderOf(values: Iterable<unknown>): SlashOrder | 'ambiguous' | undefined {
  let dayFirst = false;
  let monthFirst = false;
  let differs = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = SLASH_DATE.exec(v);
    if (!m) continue;
    const [a, b] = [+m[1]!, +m[2]!];
    if (a > 12) dayFirst = true;
    if (b > 12) monthFirst = true;
    if (a !== b) differs = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  if (dayFirst) return undefined; // both: the cells that do not parse say so one by one
  return differs ? 'ambiguous' : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 4 ? +y : +y < 70 ? 2000 + +y : 1900 + +y);
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1 || 99;

/** "a; b", "a | b" or one per line -> ["a", "b"]. "|" wins so items may contain ";". */
export function parseList(raw: string): string[] {
  const sep = raw.includes('|') ? '|' : raw.includes('\n') ? '\n' : ';';
  return [
    ...new Set(
      raw
        .split(sep)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseBool(raw: string): boolean {
  const s = raw.trim().toLowerCase();
  if (['', 'false', 'no', 'n', '0', 'off'].includes(s)) return false;
  if (['true', 'yes', 'y', '1', 'x', 'on', 'pinned'].includes(s)) return true;
  throw new CellError('notYesNo', quote(raw));
}

/** "connectwise=250; zendesk=org-17" -> { connectwise: "250", zendesk: "org-17" }. */
export function parseMap(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of parseList(raw)) {
    const eq = item.indexOf('=');
    const key = item.slice(0, eq).trim();
    if (eq <= 0 || !key) throw new CellError('notNameValue', quote(item));
    if (isForbiddenKey(key)) throw new CellError('forbiddenName', quote(key));
    out[key] = item.slice(eq + 1).trim();
  }
  return out;
}

const DOMAIN_RE = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

/** Domains, web addresses or email addresses, one or several -> normalised domains. */
export function parseDomains(raw: string): string[] {
  const out: string[] = [];
  for (const item of parseList(raw.replace(/,\s*/g, ';'))) {
    const d = normalizeDomain(item);
    if (!DOMAIN_RE.test(d)) throw new CellError('notDomain', quote(item));
    if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** 53-bit string hash (cyrb53) as hex: stable ids for rows that have none. Not cryptographic. */
export function stableHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
