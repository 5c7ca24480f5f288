/**
 * Typed access to the mapped cells of one row, for the record builders. Values come as strings
 * from CSV or as any JSON value; both are accepted where it makes sense (a JSON number for an
 * amount, an array for a list). A bad cell records an error and reads as undefined, so one row
 * reports every bad cell at once.
 */
import { isEmail, normalizeEmail } from '@/core/normalize';
import { msg, type ErrorList, type ImportMessage } from './import-types';
import {
  CellError,
  parseBool,
  parseDate,
  parseDomains,
  parseList,
  parseMap,
  parseMoney,
  type SlashOrder,
} from './values';

/** One CSV row or JSON item, seen through the column mapping. */
export interface RowSource {
  line: number;
  item?: number;
  /** Raw value of a field, or undefined when the field is not mapped. */
  get(field: string): unknown;
  /** The header (or JSON key) a field is read from, for messages. */
  column(field: string): string;
  /** How the field's column writes slash dates (judged from the whole column); month first when absent. */
  slashes?(field: string): SlashOrder | undefined;
}

/** Larger cells are refused: no sales note is a megabyte, a runaway quote often is. */
const MAX_FIELD_CHARS = 1_000_000;

/** Undo the "'" that CSV export puts before =, +, -, @ so exported files re-import unchanged. */
function unescapeFormula(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Currencies as Dynamics 365 names them in an export ("US Dollar"), and a few common spellings. */
const CURRENCY_NAMES = new Map(
  Object.entries({
    'us dollar': 'USD',
    'u.s. dollar': 'USD',
    euro: 'EUR',
    'british pound': 'GBP',
    'pound sterling': 'GBP',
    'canadian dollar': 'CAD',
    'australian dollar': 'AUD',
    'new zealand dollar': 'NZD',
    'swiss franc': 'CHF',
    'south african rand': 'ZAR',
    'indian rupee': 'INR',
  }),
);

export class Cells {
  ok = true;
  constructor(
    private readonly row: RowSource,
    private readonly errors: ErrorList,
  ) {}

  fail(field: string, message: ImportMessage): void {
    this.ok = false;
    this.errors.add(this.row.line, this.row.column(field), message, this.row.item);
  }

  column(field: string): string {
    return this.row.column(field);
  }

  has(field: string): boolean {
    return this.row.get(field) !== undefined;
  }

  text(field: string): string | undefined {
    const v = this.row.get(field);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return this.failed(field, msg('expectedText'));
    if (v.length > MAX_FIELD_CHARS) return this.failed(field, msg('tooLarge', (v.length / 1e6).toFixed(1)));
    const s = unescapeFormula(v).trim();
    return s === '' ? undefined : s;
  }

  /** A required text cell: empty is an error naming the field. */
  need(field: string, what: ImportMessage): string {
    const before = this.errors.count;
    const s = this.text(field);
    if (s === undefined && this.errors.count === before) this.fail(field, msg('empty', what));
    return s ?? '';
  }

  list(field: string): string[] {
    const v = this.row.get(field);
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'string')) return [...new Set(v.map((x) => x.trim()).filter(Boolean))];
      return this.failed(field, msg('expectedList')) ?? [];
    }
    return this.parsed(field, parseList) ?? [];
  }

  money(field: string): { value: number; currency?: string } | undefined {
    const v = this.row.get(field);
    if (typeof v === 'number')
      return Number.isFinite(v) ? { value: v } : this.failed(field, msg('notNumber', String(v)));
    return this.parsed(field, parseMoney);
  }

  /** ISO 4217 code: what Intl.NumberFormat needs to show the amount. */
  currency(field: string): string | undefined {
    return this.parsed(field, (s) => {
      const named = CURRENCY_NAMES.get(s.toLowerCase().replace(/\s+/g, ' '));
      if (named) return named;
      if (!/^[A-Za-z]{3}$/.test(s)) throw new CellError('notCurrency', JSON.stringify(s));
      return s.toUpperCase();
    });
  }

  date(field: string, withTime = false): string | undefined {
    const v = this.row.get(field);
    // An Excel serial date (days since 1899-12-30), as a workbook stores a date without its format.
    if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d{5}(\.\d+)?\s*$/.test(v))) {
      const serial = Number(v);
      if (serial >= 1 && serial < 2958466) {
        const iso = new Date(Math.round((serial - 25569) * 86400) * 1000).toISOString();
        return withTime && serial % 1 ? iso.slice(0, 16) : iso.slice(0, 10);
      }
      return this.failed(field, msg('notDate', JSON.stringify(String(v))));
    }
    const order = this.row.slashes?.(field);
    return this.parsed(field, (s) => parseDate(s, withTime, order));
  }

  email(field: string): string | undefined {
    return this.parsed(field, (s) => {
      if (!isEmail(s)) throw new CellError('notEmail', JSON.stringify(s));
      return normalizeEmail(s);
    });
  }

  domains(field: string): string[] {
    const v = this.row.get(field);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      return this.parsedValue(field, v.join(';'), parseDomains) ?? [];
    return this.parsed(field, parseDomains) ?? [];
  }

  bool(field: string): boolean | undefined {
    const v = this.row.get(field);
    if (typeof v === 'boolean') return v;
    return this.parsed(field, parseBool);
  }

  map(field: string): Record<string, string> {
    const v = this.row.get(field);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v);
      if (entries.every(([, x]) => typeof x === 'string')) return Object.fromEntries(entries) as Record<string, string>;
      return this.failed(field, msg('expectedPairs')) ?? {};
    }
    return this.parsed(field, parseMap) ?? {};
  }

  /** Another record's id. HubSpot writes several associated ids as "1;2": the first is primary. */
  ref(field: string): string | undefined {
    return this.text(field)?.split(/[;,]/)[0]?.trim() || undefined;
  }

  private parsed<T>(field: string, parse: (s: string) => T): T | undefined {
    const s = this.text(field);
    return s === undefined ? undefined : this.parsedValue(field, s, parse);
  }

  private parsedValue<T>(field: string, s: string, parse: (s: string) => T): T | undefined {
    try {
      return parse(s);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      return this.failed(field, e.problem);
    }
  }

  private failed(field: string, message: ImportMessage): undefined {
    this.fail(field, message);
    return undefined;
  }
}
