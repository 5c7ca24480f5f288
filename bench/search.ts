/**
 * Popup search: Backstory's index against Fuse.js, raw MiniSearch, FlexSearch and uFuzzy on the
 * same data and queries. Each engine answers "which records, best first"; recall@5 asks whether
 * the intended record is among the first five.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { buildSearchIndex } from '../core/search';
import type { BenchData } from './data';
import type { Query } from './queries';
import { heapMb, latency, now, type Latency } from './stats';

export interface EngineResult {
  engine: string;
  buildMs: number;
  memoryMb: number;
  latency: Latency;
  /** Intended record in the top 5: for queries of 4+ characters, and for shorter ones. */
  recall: number;
  recallShort: number;
  queries: number;
}

interface Doc { id: string; text: string }

/** One flat document per account (name, aliases, domains, contact emails), campaign and note. */
function docs(data: BenchData): Doc[] {
  const out: Doc[] = [];
  for (const a of data.accounts) out.push({ id: a.id, text: [a.name, ...a.aliases, ...a.domains, ...(data.emailsByAccount.get(a.id) ?? [])].join(' ') });
  for (const c of data.campaigns) out.push({ id: c.id, text: c.name });
  for (const n of data.notes) out.push({ id: n.id, text: n.body });
  return out;
}

type Searcher = (q: string) => string[];

function measure(engine: string, build: () => Searcher, queries: Query[]): EngineResult {
  const before = heapMb();
  const t0 = now();
  const search = build();
  const buildMs = now() - t0;
  const memoryMb = Math.max(0, heapMb() - before);
  const times: number[] = [];
  let hit = 0;
  let long = 0;
  let hitShort = 0;
  let short = 0;
  for (const q of queries) {
    const s = now();
    const ids = search(q.text);
    times.push(now() - s);
    const found = ids.slice(0, 5).includes(q.want);
    if (q.text.length >= 4) {
      long++;
      if (found) hit++;
    } else {
      short++;
      if (found) hitShort++;
    }
  }
  return { engine, buildMs, memoryMb, latency: latency(times), recall: long ? hit / long : NaN, recallShort: short ? hitShort / short : NaN, queries: queries.length };
}

export function searchEngines(data: BenchData, queries: Query[], opts: { slowSample: number }): EngineResult[] {
  const results: EngineResult[] = [];
  const all = docs(data);
  results.push(
    measure('Backstory (popup index)', () => {
      const index = buildSearchIndex(data);
      return (q) => {
        const r = index.search(q, { limitPerGroup: 5, limitTop: 8 });
        // The popup shows groups; the intended record counts when it is in its group's top 5.
        return [...r.top, ...r.accounts, ...r.campaigns, ...r.notes].map((h) => h.kind === 'note' || h.kind === 'campaign' ? h.id : (h.accountId ?? h.id));
      };
    }, queries),
  );
  results.push(
    measure('MiniSearch (untuned)', () => {
      const mini = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['id'] });
      mini.addAll(all);
      return (q) => mini.search(q, { prefix: true, fuzzy: 0.2 }).slice(0, 5).map((r) => r.id as string);
    }, queries),
  );
  results.push(
    measure('FlexSearch', () => {
      const index = new FlexSearch.Index({ tokenize: 'forward' });
      all.forEach((d, i) => index.add(i, d.text));
      return (q) => (index.search(q, { limit: 5 }) as number[]).map((i) => all[i]!.id);
    }, queries),
  );
  // Fuse.js and uFuzzy scan every record per query: sample the queries so the run finishes.
  const sample = queries.filter((_, i) => i % Math.max(1, Math.ceil(queries.length / opts.slowSample)) === 0);
  results.push(
    measure(`uFuzzy (${sample.length} queries)`, () => {
      const haystack = all.map((d) => d.text);
      const uf = new uFuzzy({ intraMode: 1 });
      return (q) => {
        const [idxs, info, order] = uf.search(haystack, q, 0, 1000);
        if (!idxs) return [];
        const ranked = order && info ? order.map((o) => info.idx[o]!) : idxs;
        return ranked.slice(0, 5).map((i) => all[i]!.id);
      };
    }, sample),
  );
  results.push(
    measure(`Fuse.js (${sample.length} queries)`, () => {
      const fuse = new Fuse(all, { keys: ['text'], threshold: 0.3, ignoreLocation: true });
      return (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id);
    }, sample),
  );
  return results;
}
