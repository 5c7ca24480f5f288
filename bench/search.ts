/**
 * Popup search: Backstory's index against Fuse.js, raw MiniSearch, FlexSearch and uFuzzy on the
 * same data and queries. Each engine answers "which records, best first"; recall@5 asks whether
 * the intended record is among the first five.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { buildNameParts, buildNoteParts, openSearchIndex, type SearchIndex } from '../core/search';
import { termsOf, withinEdits } from '../core/search/text';
import type { BenchData } from './data';
import type { Query } from './queries';
import { collect, heapMb, latency, now, sleep, type Latency } from './stats';

export interface EngineResult {
  engine: string;
  buildMs: number;
  memoryMb: number;
  latency: Latency;
  /** Intended record in the top 5: for queries of 4+ characters, and for shorter ones. */
  recall: number;
  recallShort: number;
  queries: number;
  /** Top-5 recall over 4+ character queries that at most 5 records answer equally well. */
  recallDistinct?: number;
  /** Share of queries where some top-5 result matches every query word (prefix or one typo). */
  allWords?: number;
  /** Each pass's build time and p95 (the first is the result), when measured in more than one pass. */
  passes?: { buildMs: number[]; p95: number[] };
}

interface Doc {
  id: string;
  text: string;
}

/** One flat document per account (name, aliases, domains, contact emails), campaign and note. */
function docs(data: BenchData): Doc[] {
  const out: Doc[] = [];
  for (const a of data.accounts)
    out.push({
      id: a.id,
      text: [a.name, ...a.aliases, ...a.domains, ...(data.emailsByAccount.get(a.id) ?? [])].join(' '),
    });
  for (const c of data.campaigns) out.push({ id: c.id, text: c.name });
  for (const n of data.notes) out.push({ id: n.id, text: n.body });
  return out;
}

type Searcher = (q: string) => string[];

/**
 * Builds and times the query set `passes` times. Each pass starts from a collected heap (after
 * `release` lets the last pass's index go) and a pause: a forced collection leaves the
 * collector's threads sweeping for a few hundred ms on 2 cores, and a build or queries timed
 * meanwhile stall. The result is the first pass: a cold build and a query path warmed by a few
 * queries only, as in the extension (the worker builds once; each popup is a new page). Later
 * passes only show the spread (`passes`); recall is taken as the queries run in the first.
 */
function measure(
  engine: string,
  build: () => Searcher,
  queries: Query[],
  passes = 1,
  release?: () => void,
): EngineResult {
  const runs: { buildMs: number; memoryMb: number; latency: Latency }[] = [];
  let hit = 0;
  let long = 0;
  let hitShort = 0;
  let short = 0;
  for (let pass = 0; pass < passes; pass++) {
    release?.();
    collect();
    const before = heapMb();
    sleep(300);
    const t0 = now();
    const search = build();
    const buildMs = now() - t0;
    const memoryMb = Math.max(0, heapMb() - before); // heapMb collects: the build's scratch is gone before the queries
    sleep(300);
    // Warm up (the JIT compiles the query path) on other text, then time every query once.
    for (const q of queries.slice(0, Math.min(25, Math.ceil(queries.length / 20))))
      search(q.text.slice(0, -1) || q.text);
    const times: number[] = [];
    for (const q of queries) {
      const s = now();
      const ids = search(q.text);
      times.push(now() - s);
      if (pass > 0) continue;
      const found = ids.slice(0, 5).includes(q.want);
      if (q.text.length >= 4) {
        long++;
        if (found) hit++;
      } else {
        short++;
        if (found) hitShort++;
      }
    }
    runs.push({ buildMs, memoryMb, latency: latency(times) });
  }
  const first = runs[0]!;
  return {
    engine,
    buildMs: first.buildMs,
    memoryMb: first.memoryMb,
    latency: first.latency,
    recall: long ? hit / long : NaN,
    recallShort: short ? hitShort / short : NaN,
    queries: queries.length,
    ...(passes > 1 ? { passes: { buildMs: runs.map((r) => r.buildMs), p95: runs.map((r) => r.latency.p95) } } : {}),
  };
}

export function searchEngines(data: BenchData, queries: Query[], opts: { slowSample: number }): EngineResult[] {
  const results: EngineResult[] = [];
  results.push(...backstory(data, queries));
  // BENCH_SEARCH_OWN_ONLY=1: Backstory's indexes only, without the baseline libraries (quick looks).
  if (process.env.BENCH_SEARCH_OWN_ONLY) return results;
  const all = docs(data); // after Backstory's passes, which it would only slow (a larger heap to collect)
  results.push(
    measure(
      'MiniSearch (untuned)',
      () => {
        const mini = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['id'] });
        mini.addAll(all);
        return (q) =>
          mini
            .search(q, { prefix: true, fuzzy: 0.2 })
            .slice(0, 5)
            .map((r) => r.id as string);
      },
      queries,
    ),
  );
  results.push(
    measure(
      'FlexSearch',
      () => {
        const index = new FlexSearch.Index({ tokenize: 'forward' });
        all.forEach((d, i) => index.add(i, d.text));
        return (q) => (index.search(q, { limit: 5 }) as number[]).map((i) => all[i]!.id);
      },
      queries,
    ),
  );
  // Fuse.js and uFuzzy scan every record per query: sample the queries so the run finishes.
  const sample = queries.filter((_, i) => i % Math.max(1, Math.ceil(queries.length / opts.slowSample)) === 0);
  results.push(
    measure(
      `uFuzzy (${sample.length} queries)`,
      () => {
        const haystack = all.map((d) => d.text);
        const uf = new uFuzzy({ intraMode: 1 });
        return (q) => {
          const [idxs, info, order] = uf.search(haystack, q, 0, 1000);
          if (!idxs) return [];
          const ranked = order && info ? order.map((o) => info.idx[o]!) : idxs;
          return ranked.slice(0, 5).map((i) => all[i]!.id);
        };
      },
      sample,
    ),
  );
  results.push(
    measure(
      `Fuse.js (${sample.length} queries)`,
      () => {
        const fuse = new Fuse(all, { keys: ['text'], threshold: 0.3, ignoreLocation: true });
        return (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id);
      },
      sample,
    ),
  );
  return results;
}

/** The words of each record a query can name, for the quality checks. */
function recordWords(data: BenchData): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const a of data.accounts)
    words.set(a.id, termsOf([a.name, ...a.aliases, ...a.domains, ...(data.emailsByAccount.get(a.id) ?? [])].join(' ')));
  for (const c of data.campaigns) words.set(c.id, termsOf(`${c.name} ${c.channel ?? ''}`));
  for (const n of data.notes) words.set(n.id, termsOf(n.body));
  return words;
}

const covers = (words: string[], q: string) =>
  words.some((w) => w.startsWith(q) || (q.length >= 4 && withinEdits(q, w, 1)));

/**
 * How many accounts answer a prefix or multi-word query as well as the intended one: every
 * query word begins a word of their name or aliases. More than five, and no ranking can promise
 * the intended one a place in the top five: such queries are reported apart, like short ones.
 */
function ambiguity(data: BenchData, queries: Query[]): Set<Query> {
  const names = data.accounts.map((a) => termsOf([a.name, ...a.aliases].join(' ')));
  const out = new Set<Query>();
  for (const q of queries) {
    if (q.kind !== 'prefix' && q.kind !== 'multiword') continue;
    const terms = termsOf(q.text);
    let n = 0;
    for (const words of names) if (terms.every((t) => words.some((w) => w.startsWith(t))) && ++n > 5) break;
    if (n > 5) out.add(q);
  }
  return out;
}

/** Backstory's two indexes: names on the keystroke path, notes apart (the popup asks later). */
export function backstory(data: BenchData, queries: Query[], passes = 3): EngineResult[] {
  const idOf = (h: { kind: string; id: string; accountId?: string }) =>
    h.kind === 'note' || h.kind === 'campaign' ? h.id : (h.accountId ?? h.id);
  const timed = (engine: string, build: () => SearchIndex, scope: 'names' | 'notes', qs: Query[]) => {
    let index: SearchIndex | undefined;
    const result = measure(
      engine,
      () => {
        index = build();
        return (q) => {
          const r = index!.search(q, { limitPerGroup: 5, limitTop: 8, scope });
          // The popup shows groups; the intended record counts when it is in its group's top 5.
          return [...r.top, ...r.accounts, ...r.campaigns, ...r.notes].map(idOf);
        };
      },
      qs,
      passes,
      () => (index = undefined),
    ); // the last pass's index is not held while the next one builds
    return { result, index: index!, scope, qs };
  };
  const runs = [
    timed(
      'Backstory names (keystroke path)',
      () => openSearchIndex({ names: buildNameParts(data) }),
      'names',
      queries.filter((q) => q.kind !== 'note'),
    ),
    timed(
      'Backstory notes (note index)',
      () =>
        openSearchIndex({
          names: buildNameParts({ ...data, accounts: [], contacts: [], campaigns: [], deals: [] }),
          notes: buildNoteParts(data),
        }),
      'notes',
      queries.filter((q) => q.kind === 'note'),
    ),
  ];
  // The quality checks' word lists (every note's words too) are made after the timed passes:
  // held during them, they are a heap the popup never has, and its collections land in the p95.
  // The names index is held while the notes are timed, as the popup holds both.
  const words = recordWords(data);
  const ambiguous = ambiguity(data, queries);
  return runs.map(({ result, index, scope, qs }) => {
    let distinct = 0;
    let distinctHit = 0;
    let allWords = 0;
    for (const q of qs) {
      const r = index.search(q.text, { limitPerGroup: 5, limitTop: 8, scope });
      const top5 = [...new Set([...r.top.slice(0, 5), ...r.accounts, ...r.campaigns, ...r.notes].map(idOf))];
      const terms = termsOf(q.text);
      if (top5.some((id) => terms.every((t) => covers(words.get(id) ?? [], t)))) allWords++;
      if (q.text.length >= 4 && !ambiguous.has(q)) {
        distinct++;
        if (top5.includes(q.want)) distinctHit++;
      }
    }
    return {
      ...result,
      recallDistinct: distinct ? distinctHit / distinct : NaN,
      allWords: qs.length ? allWords / qs.length : NaN,
    };
  });
}
