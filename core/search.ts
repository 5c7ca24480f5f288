/**
 * The popup's quick search over accounts, campaigns, deals and notes, on MiniSearch.
 *
 * One MiniSearch index holds every record as a document; contacts are documents too, but a
 * contact hit is reported as its account (subtitle naming the contact). Ranking is MiniSearch's
 * BM25 score inside quality tiers, so a whole-name or prefix match on a name never sinks below a
 * typo match or a note that happens to mention the word:
 *
 *   exact whole name/alias/domain/email  >  exact/prefix on names  >  exact/prefix on channel,
 *   products, rep  >  typo (fuzzy) matches  >  partial (OR fallback)  >  notes.
 *
 * Queries are user input: anything is accepted, nothing throws, only the first
 * MAX_QUERY_CHARS characters and MAX_QUERY_TERMS distinct terms are used.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Account, Campaign, Contact, Deal, Note } from './model';

export type SearchKind = 'account' | 'campaign' | 'deal' | 'note';

/** What a hit matched on, for the subtitle and for tests. */
export type MatchedOn =
  | 'name'
  | 'alias'
  | 'domain'
  | 'email'
  | 'contact'
  | 'channel'
  | 'products'
  | 'sales rep'
  | 'note text';

/** exact: the query is the whole name/alias/domain/email, or every term is a whole word. */
export type MatchQuality = 'exact' | 'prefix' | 'fuzzy' | 'partial';

export interface SearchHit {
  /** Record id (for a contact hit: its account's id). */
  id: string;
  kind: SearchKind;
  title: string;
  /** Plain text, never HTML. For notes: a snippet around the hit, at most ~120 characters. */
  subtitle: string;
  /** The account to open: the account itself, a deal's or a note's account. */
  accountId?: string;
  /** Set when an account was found through one of its contacts. */
  contactId?: string;
  /**
   * MiniSearch relevance, scaled down for words only begun (prefix matches). Results are ordered
   * by quality tier first (see the top of this file), then by score.
   */
  score: number;
  matchedOn: MatchedOn;
  quality: MatchQuality;
}

export interface SearchResults {
  accounts: SearchHit[];
  campaigns: SearchHit[];
  deals: SearchHit[];
  notes: SearchHit[];
  /** The best hits over all groups, best first. */
  top: SearchHit[];
}

export interface SearchOptions {
  /** Hits per group (default 5). */
  limitPerGroup?: number;
  /** Length of `top` (default 8). */
  limitTop?: number;
}

export interface SearchIndex {
  /** Number of documents indexed (contacts included). */
  readonly size: number;
  search(query: string, opts?: SearchOptions): SearchResults;
}

export interface SearchData {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 12;
const SNIPPET_CHARS = 120;
const DEFAULT_LIMIT_PER_GROUP = 5;
const DEFAULT_LIMIT_TOP = 8;

export function emptyResults(): SearchResults {
  return { accounts: [], campaigns: [], deals: [], notes: [], top: [] };
}

// ---------------------------------------------------------------------------------------------
// Terms

/** Separators: white space, punctuation and symbols ("&" is turned into "and" before this). */
const SEPARATOR = /[\s\p{Z}\p{P}\p{S}]+/u;
const WORD = /[^\s\p{Z}\p{P}\p{S}]+/gu;
const AMPERSAND = /[&\uFF06]/g;
const APOSTROPHE = /['\u2019`\u00B4]/g;
/** Letters NFKD does not decompose. */
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/g;

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
  const t = fold(term);
  if (/[&\uFF06]/.test(t)) {
    const parts = t.split(AMPERSAND).flatMap((p, i) => (i > 0 ? ['and', p] : [p]));
    const terms = parts.flatMap((p) => p.split(SEPARATOR)).filter(Boolean);
    return terms.length ? terms : null;
  }
  return t || null;
}

/**
 * Splits indexed text into terms. Words joined by apostrophes or hyphens are also indexed
 * whole ("O'Brien" -> "o", "brien", "obrien"), so "obrien" and "o'brien" both find them.
 */
export function tokenizeDocument(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.replace(AMPERSAND, ' and ').split(/\s+/)) {
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

function processAll(tokens: string[]): string[] {
  return tokens.flatMap((t) => {
    const p = processTerm(t);
    return p ? (Array.isArray(p) ? p : [p]) : [];
  });
}

/** The processed terms of a query, in order (duplicates kept). */
function queryTerms(query: string): string[] {
  return processAll(tokenizeQuery(query.slice(0, MAX_QUERY_CHARS)));
}

/** A whole value as one comparable key: "Acme Dental Group" -> "acme dental group". */
function keyOf(value: string): string {
  return processAll(tokenizeQuery(value)).join(' ');
}

/** Edit distance MiniSearch allows for a query term (fuzzy 0.2, none under 4 characters). */
function maxEdits(term: string): number {
  return term.length >= 4 && term.length <= 24 ? Math.min(2, Math.round(term.length * 0.2)) : 0;
}

function withinEdits(a: string, b: string, max: number): boolean {
  if (max <= 0 || Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** The registrable label of a domain: "mail.acme-dental.co.uk" -> "acme-dental". */
function domainStem(domain: string): string {
  const labels = domain.replace(/^www\./, '').split('.').filter(Boolean);
  if (labels.length < 2) return labels[0] ?? '';
  const last = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const drop = labels.length > 2 && last.length === 2 && /^(co|com|org|net|ac|gov|edu|ltd|plc)$/.test(second) ? 2 : 1;
  return labels[labels.length - 1 - drop] ?? '';
}

// ---------------------------------------------------------------------------------------------
// Documents

const FIELDS = ['name', 'alias', 'domain', 'contact', 'email', 'channel', 'products', 'rep', 'accountName', 'text'] as const;
type Field = (typeof FIELDS)[number];

/** Field -> what the user is told it matched on; also the order that breaks ties. */
const MATCHED_ON: [Field, MatchedOn][] = [
  ['name', 'name'],
  ['alias', 'alias'],
  ['domain', 'domain'],
  ['contact', 'contact'],
  ['email', 'email'],
  ['channel', 'channel'],
  ['products', 'products'],
  ['rep', 'sales rep'],
  ['text', 'note text'],
];
const PRIMARY_FIELDS = new Set<Field>(['name', 'alias', 'domain', 'contact', 'email']);

const BOOST: Record<Field, number> = {
  name: 3,
  alias: 2.5,
  domain: 2.5,
  contact: 2,
  email: 2,
  channel: 1.5,
  products: 1.2,
  rep: 1.2,
  accountName: 0.3,
  text: 1,
};

type IndexedDoc = { i: number } & Partial<Record<Field, string>>;

interface DocMeta {
  kind: SearchKind | 'contact';
  record: Account | Contact | Campaign | Deal | Note;
  /** The account a hit on this document opens (and, for contacts, is reported as). */
  accountId?: string;
  /** Whole-value keys (name, aliases, domains, email, contact name) for exact matches. */
  keys: Set<string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function clip(text: string, max: number): string {
  const t = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** How subtitles name what a hit was found by; the popup passes its language's wording. */
export interface SearchLabels {
  contact: (who: string) => string;
  alias: (name: string) => string;
  sold: (what: string) => string;
  rep: (who: string) => string;
}
export const ENGLISH_LABELS: SearchLabels = {
  contact: (who) => `Contact: ${who}`,
  alias: (name) => `Also known as ${name}`,
  sold: (what) => `Sold: ${what}`,
  rep: (who) => `Sales rep: ${who}`,
};

export function buildSearchIndex(data: SearchData, labels: SearchLabels = ENGLISH_LABELS): SearchIndex {
  const accounts = new Map<string, Account>();
  for (const a of data.accounts ?? []) if (a && typeof a.id === 'string') accounts.set(a.id, a);
  const deals = new Map<string, Deal>();
  for (const d of data.deals ?? []) if (d && typeof d.id === 'string') deals.set(d.id, d);

  const metas: DocMeta[] = [];
  const docs: IndexedDoc[] = [];
  const add = (meta: DocMeta, fields: Partial<Record<Field, string>>) => {
    docs.push({ i: metas.length, ...fields });
    metas.push(meta);
  };
  const keys = (...values: string[]) => new Set(values.map(keyOf).filter(Boolean));

  for (const a of accounts.values()) {
    const aliases = list(a.aliases);
    const domains = list(a.domains);
    const stems = domains.map(domainStem).filter(Boolean);
    add(
      { kind: 'account', record: a, accountId: a.id, keys: keys(str(a.name), ...aliases, ...domains, ...stems) },
      {
        name: str(a.name),
        alias: aliases.join(' \n '),
        // The label without TLD is a token already ("acmedental.com" -> "acmedental", "com"),
        // except for hyphenated labels: "acme-dental.com" also gets "acmedental".
        domain: domains.map((d, i) => (stems[i]?.includes('-') ? `${d} ${stems[i]!.replace(/-/g, '')}` : d)).join(' \n '),
      },
    );
  }
  for (const c of data.contacts ?? []) {
    const account = c?.accountId ? accounts.get(c.accountId) : undefined;
    if (!account) continue; // a contact hit shows its account: without one there is nothing to show
    add(
      { kind: 'contact', record: c, accountId: account.id, keys: keys(str(c.name), str(c.email)) },
      { contact: str(c.name), email: str(c.email), accountName: str(account.name) },
    );
  }
  for (const c of data.campaigns ?? []) {
    if (!c || typeof c.id !== 'string') continue;
    add({ kind: 'campaign', record: c, keys: keys(str(c.name)) }, { name: str(c.name), channel: str(c.channel) });
  }
  for (const d of deals.values()) {
    add(
      { kind: 'deal', record: d, accountId: d.accountId || undefined, keys: keys(str(d.name)) },
      { name: str(d.name), products: str(d.productsSold), rep: str(d.salesRep) },
    );
  }
  for (const n of data.notes ?? []) {
    if (!n || typeof n.id !== 'string') continue;
    const accountId = n.accountId || (n.dealId ? deals.get(n.dealId)?.accountId : undefined) || undefined;
    add({ kind: 'note', record: n, accountId, keys: new Set() }, { text: str(n.body) });
  }

  const mini = new MiniSearch<IndexedDoc>({
    idField: 'i',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: tokenizeDocument,
    processTerm,
  });
  mini.addAll(docs);

  return {
    size: docs.length,
    search(query, opts) {
      try {
        return runSearch(mini, metas, accounts, deals, query, opts, labels);
      } catch {
        // Defensive: a query must never break the popup.
        return emptyResults();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Search

/** Per query term, best quality reached: 0 exact, 1 prefix, 2 fuzzy, 3 none. */
type Quality = 0 | 1 | 2 | 3;

interface Analysed {
  meta: DocMeta;
  score: number;
  tier: number;
  quality: MatchQuality;
  field: Field;
  /** Document terms that matched, by field. */
  termsByField: Map<Field, string[]>;
}

function termQuality(q: string, t: string): Quality {
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  return withinEdits(q, t, maxEdits(q)) ? 2 : 3;
}

function analyse(r: SearchResult, meta: DocMeta, terms: string[], queryKey: string): Analysed {
  const termsByField = new Map<Field, string[]>();
  for (const [docTerm, fields] of Object.entries(r.match)) {
    for (const f of fields as Field[]) {
      const arr = termsByField.get(f) ?? [];
      arr.push(docTerm);
      termsByField.set(f, arr);
    }
  }
  // Best quality of each query term, per field and overall.
  const perField = new Map<Field, Quality[]>();
  const overall: Quality[] = terms.map(() => 3);
  for (const [f, docTerms] of termsByField) {
    const qs = terms.map((q) => Math.min(3, ...docTerms.map((t) => termQuality(q, t))) as Quality);
    perField.set(f, qs);
    qs.forEach((q, i) => {
      if (q < overall[i]!) overall[i] = q;
    });
  }

  // What it matched on: the field covering most terms (whole/prefix counting double), then order.
  let field: Field = meta.kind === 'note' ? 'text' : meta.kind === 'contact' ? 'contact' : 'name';
  let best = -1;
  for (const [f] of MATCHED_ON) {
    const qs = perField.get(f);
    if (!qs) continue;
    const value = qs.reduce<number>((s, q) => s + (q <= 1 ? 2 : q === 2 ? 1 : 0), 0);
    if (value > best) {
      best = value;
      field = f;
    }
  }

  const allStrong = overall.every((q) => q <= 1);
  const allCovered = overall.every((q) => q <= 2);
  const strongPrimary = [...perField].some(([f, qs]) => PRIMARY_FIELDS.has(f) && qs.some((q) => q <= 1));
  let tier: number;
  let quality: MatchQuality;
  if (meta.kind === 'note') {
    tier = allStrong ? 5 : 6;
    quality = allStrong ? (overall.every((q) => q === 0) ? 'exact' : 'prefix') : allCovered ? 'fuzzy' : 'partial';
  } else if (meta.keys.has(queryKey)) {
    tier = 0;
    quality = 'exact';
  } else if (allStrong) {
    tier = strongPrimary ? 1 : 2;
    quality = overall.every((q) => q === 0) ? 'exact' : 'prefix';
  } else {
    tier = allCovered ? 3 : 4;
    quality = allCovered ? 'fuzzy' : 'partial';
  }
  // A prefix is more likely the start of a short word than of a long one: "acm" is rather "Acme"
  // than "Acmeton". MiniSearch weighs this only lightly; scale by how much of the word was typed.
  const docTerms = Object.keys(r.match);
  const closeness = terms.map((q, i) => {
    if (overall[i] !== 1) return 1;
    const len = Math.min(...docTerms.filter((t) => t.startsWith(q)).map((t) => t.length));
    return Number.isFinite(len) ? (q.length + 2) / (len + 2) : 1;
  });
  const score = (r.score * closeness.reduce((s, c) => s + c, 0)) / terms.length;
  return { meta, score, tier, quality, field, termsByField };
}

function runSearch(
  mini: MiniSearch<IndexedDoc>,
  metas: DocMeta[],
  accounts: Map<string, Account>,
  deals: Map<string, Deal>,
  query: unknown,
  opts: SearchOptions | undefined,
  labels: SearchLabels,
): SearchResults {
  if (typeof query !== 'string' || !query.trim()) return emptyResults();
  const all = queryTerms(query);
  const terms = [...new Set(all)].slice(0, MAX_QUERY_TERMS);
  if (!terms.length) return emptyResults();
  const queryKey = all.join(' ');

  const run = (combineWith: 'AND' | 'OR') =>
    mini.search(terms.join(' '), {
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      prefix: true,
      fuzzy: (t) => (maxEdits(t) > 0 ? 0.2 : false),
      maxFuzzy: 2,
      boost: BOOST,
      combineWith,
    });
  let raw = run('AND');
  if (!raw.length && terms.length > 1) raw = run('OR');

  // Contact hits become their account; an account found several ways keeps its best hit.
  const best = new Map<string, Analysed>();
  for (const r of raw) {
    const meta = metas[r.id as number];
    if (!meta) continue;
    const a = analyse(r, meta, terms, queryKey);
    const key = meta.kind === 'contact' || meta.kind === 'account' ? `account|${meta.accountId}` : `${meta.kind}|${meta.record.id}`;
    const prev = best.get(key);
    if (!prev || compare(a, prev) < 0) best.set(key, a);
  }

  const hits = [...best.values()].sort(compare).map((a) => toHit(a, terms, accounts, deals, labels));
  const limit = (n: number | undefined, dflt: number) =>
    typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : dflt;
  const perGroup = limit(opts?.limitPerGroup, DEFAULT_LIMIT_PER_GROUP);
  const group = (kind: SearchKind) => hits.filter((h) => h.kind === kind).slice(0, perGroup);
  return {
    accounts: group('account'),
    campaigns: group('campaign'),
    deals: group('deal'),
    notes: group('note'),
    top: hits.slice(0, limit(opts?.limitTop, DEFAULT_LIMIT_TOP)),
  };
}

function compare(a: Analysed, b: Analysed): number {
  return a.tier - b.tier || b.score - a.score || str(titleOf(a.meta)).localeCompare(str(titleOf(b.meta)));
}

function titleOf(meta: DocMeta): string {
  return 'name' in meta.record ? str(meta.record.name) : '';
}

/** The value among `values` whose terms include the most of `matched` (e.g. which alias hit). */
function whichValue(values: string[], matched: string[] | undefined): string | undefined {
  if (!matched?.length) return values[0];
  let bestValue: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    const terms = new Set(processAll(tokenizeDocument(v)));
    const count = matched.filter((t) => terms.has(t)).length;
    if (count > bestCount) {
      bestCount = count;
      bestValue = v;
    }
  }
  return bestValue ?? values[0];
}

function toHit(a: Analysed, terms: string[], accounts: Map<string, Account>, deals: Map<string, Deal>, labels: SearchLabels): SearchHit {
  const { meta, field, termsByField } = a;
  const matchedOn = MATCHED_ON.find(([f]) => f === field)?.[1] ?? 'name';
  const base = { score: a.score, matchedOn, quality: a.quality };
  const accountName = (id: string | undefined) => (id ? str(accounts.get(id)?.name) : '');
  const join = (...parts: (string | undefined)[]) => clip(parts.filter(Boolean).join(' · '), SNIPPET_CHARS);

  switch (meta.kind) {
    case 'account':
    case 'contact': {
      const account = accounts.get(meta.accountId!)!;
      let subtitle: string;
      let contactId: string | undefined;
      if (meta.kind === 'contact') {
        const c = meta.record as Contact;
        contactId = c.id;
        const email = str(c.email);
        subtitle = join(labels.contact(`${str(c.name) || email}${c.name && email ? ` <${email}>` : ''}`), c.role ?? c.title);
      } else if (field === 'alias') {
        subtitle = join(labels.alias(whichValue(list(account.aliases), termsByField.get('alias')) ?? ''), account.industry);
      } else if (field === 'domain') {
        subtitle = join(whichValue(list(account.domains), termsByField.get('domain')), account.industry);
      } else {
        subtitle = join(account.industry, list(account.domains)[0]);
      }
      return {
        id: account.id,
        kind: 'account',
        title: str(account.name),
        subtitle,
        accountId: account.id,
        ...(contactId ? { contactId } : {}),
        ...base,
      };
    }
    case 'campaign': {
      const c = meta.record as Campaign;
      return { id: c.id, kind: 'campaign', title: str(c.name), subtitle: join(c.channel, c.startDate?.slice(0, 7)), ...base };
    }
    case 'deal': {
      const d = meta.record as Deal;
      const detail =
        field === 'products' ? labels.sold(str(d.productsSold)) : field === 'rep' ? labels.rep(str(d.salesRep)) : d.stage;
      return {
        id: d.id,
        kind: 'deal',
        title: str(d.name),
        subtitle: join(accountName(d.accountId), detail),
        ...(meta.accountId ? { accountId: meta.accountId } : {}),
        ...base,
      };
    }
    case 'note': {
      const n = meta.record as Note;
      const about = accountName(meta.accountId) || (n.dealId ? str(deals.get(n.dealId)?.name) : '') || 'Note';
      const byline = [str(n.author), str(n.date).slice(0, 10)].filter(Boolean).join(', ');
      return {
        id: n.id,
        kind: 'note',
        title: byline ? `${about} · ${byline}` : about,
        subtitle: snippet(str(n.body), termsByField.get('text') ?? [], terms),
        ...(meta.accountId ? { accountId: meta.accountId } : {}),
        ...base,
      };
    }
  }
}

/**
 * About SNIPPET_CHARS of plain text around the first word that matched, cut at word boundaries,
 * with "…" where text was left out.
 */
export function snippet(body: string, matchedTerms: string[], queryTerms: string[] = [], max = SNIPPET_CHARS): string {
  const text = body.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (text.length <= max) return text;
  const wanted = new Set(matchedTerms);
  let hit = -1;
  let hitEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const processed = processTerm(m[0]);
    const words = processed ? (Array.isArray(processed) ? processed : [processed]) : [];
    if (words.some((w) => wanted.has(w) || queryTerms.some((q) => w.startsWith(q)))) {
      hit = m.index;
      hitEnd = m.index + m[0].length;
      break;
    }
  }
  const room = max - 2; // for the ellipses
  let start = hit < 0 ? 0 : Math.max(0, Math.min(hit - Math.floor((room - (hitEnd - hit)) / 3), text.length - room));
  let end = Math.min(text.length, start + room);
  // Move the cuts to word boundaries, without losing the hit.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && (hit < 0 || space < hit)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= hitEnd) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
