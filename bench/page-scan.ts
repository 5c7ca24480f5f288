/**
 * Page scan: the generic detector over ticket pages of 20, 50 and 100 KB; the page scan
 * (core/page-scan.ts: every known account name, alias, domain and email found in the page text)
 * over the same pages; and, as its baseline, a naive scan with one big RegExp over all those
 * patterns. Run alone: `node --expose-gc --import tsx bench/page-scan.ts [accounts]`.
 */
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { readGeneric } from '../adapters/generic';
import type { PageScanner } from '../core/page-scan';
import { scannerFromRecords } from '../core/page-scan-make';
import { makeData, type BenchData } from './data';
import { collect, heapMb, latency, ms, now, sleep, table, type Latency } from './stats';

export interface ScanRow {
  name: string;
  sizeKb: number;
  latency: Latency;
  buildMs?: number;
  buildPasses?: number[];
  memoryMb?: number;
  found?: number;
  vsNaive?: number;
}

/**
 * Collects, then runs `fn` untimed for at least `ms` (and 5 times): a full collection of this
 * process's ~400 MB heap leaves the collector's threads sweeping for a few hundred ms on a
 * 2-core machine, and the first runs after it stall for 15-20 ms whatever they do (a bare
 * arithmetic loop too). The warm-up also lets the optimizing compiler finish.
 */
function settle(fn: () => unknown, ms = 500): void {
  collect();
  const start = now();
  for (let i = 0; i < 5 || now() - start < ms; i++) fn();
}

/**
 * Heap plus array buffers after a full collection: the trie lives in typed arrays, which heapUsed
 * leaves out. Collected twice: the buffers a collection finds dead are freed by a sweep that may
 * still be running when gc() returns (the build's tens of MB of scratch arrays showed up as up to
 * +35 MB), and the next collection waits for that sweep to finish.
 */
function totalMb(): number {
  collect();
  collect();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

function ticketPage(data: BenchData, kb: number): string {
  const a = data.accounts[7]!;
  const parts = [
    `<h1>Ticket #1042 Printer offline</h1><dl><dt>Company</dt><dd>${a.name}</dd><dt>Requester</dt><dd>${data.emailsByAccount.get(a.id)![0]}</dd></dl>`,
  ];
  let i = 0;
  while (parts.join('').length < kb * 1024) {
    const n = data.notes[i++ % data.notes.length]!;
    parts.push(
      `<div class="message-body"><p>${n.body}</p><p>Regards, ${data.accounts[i % data.accounts.length]!.name}</p></div>`,
    );
  }
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function pageScanBench(data: BenchData, sizesKb = [20, 50, 100], runs = 30): ScanRow[] {
  const rows: ScanRow[] = [];
  const window = new Window();
  const url = new URL('https://help.example.com/tickets/1042');
  for (const kb of sizesKb) {
    const html = ticketPage(data, kb);
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    readGeneric(doc, url);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = now();
      readGeneric(doc, url);
      times.push(now() - s);
    }
    rows.push({ name: 'generic detector (DOM walk)', sizeKb: kb, latency: latency(times) });
  }
  // The naive baseline: every name, alias, domain and email as one alternation.
  const patterns = new Set<string>();
  for (const a of data.accounts) {
    patterns.add(a.name.toLowerCase());
    a.aliases.forEach((x) => patterns.add(x.toLowerCase()));
    a.domains.forEach((x) => patterns.add(x.toLowerCase()));
  }
  for (const emails of data.emailsByAccount.values()) emails.forEach((e) => patterns.add(e));
  const before = heapMb();
  const t0 = now();
  const sorted = [...patterns].sort((x, y) => y.length - x.length);
  let re: RegExp | undefined = new RegExp(sorted.map(escape).join('|'), 'g');
  sorted.length = 0;
  const buildMs = now() - t0;
  const memoryMb = Math.max(0, heapMb() - before);
  // Both scans read the same text. The naive count is of substrings, not words: most of it is
  // 4-letter acronym aliases inside ordinary words ("comp" in "Company"); the page scan's names
  // end before a legal suffix ("... Center" of "... Center GmbH"). textContent glues <dd> to <dt>
  // ("CompanyArbor Peak ..."), so the header's company and requester are not whole words here.
  const texts = sizesKb.map(
    (kb) => new window.DOMParser().parseFromString(ticketPage(data, kb), 'text/html').body.textContent!,
  );
  // V8 compiles a RegExp on its first use: seconds for this one. Timed apart, outside the p95.
  const f0 = now();
  texts[0]!.toLowerCase().match(re);
  const firstUseMs = now() - f0;
  const naive = sizesKb.map((kb, k) => {
    const text = texts[k]!.toLowerCase();
    settle(() => text.match(re!));
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < Math.min(runs, 10); i++) {
      const s = now();
      found = text.match(re!)?.length ?? 0;
      times.push(now() - s);
    }
    return {
      name: `naive one-RegExp scan (${patterns.size.toLocaleString()} patterns; first use ${ms(firstUseMs)} ms)`,
      sizeKb: kb,
      latency: latency(times),
      buildMs,
      memoryMb,
      found,
    };
  });
  rows.push(...naive);
  // Let the naive scan's RegExp and patterns go: held, they are heap the trie build would pay to collect.
  re = undefined;
  patterns.clear();

  // The page scan: a trie over the same names, aliases, domains and emails (with their accounts).
  // Built three times, each from a collected heap and after a pause for the collector's threads
  // to sweep: the first (a cold build, as a worker makes it) is reported, the others beside it.
  let scanner: PageScanner | undefined;
  const builds: number[] = [];
  let trieMb = 0;
  for (let pass = 0; pass < 3; pass++) {
    scanner = undefined;
    const mem0 = totalMb();
    sleep(300);
    const t1 = now();
    scanner = scannerFromRecords(data.accounts, data.contacts);
    builds.push(now() - t1);
    if (pass === 0) trieMb = Math.max(0, totalMb() - mem0);
  }
  const trieBuildMs = builds[0]!;
  sizesKb.forEach((kb, k) => {
    const text = texts[k]!;
    settle(() => scanner!.scan(text)); // warm-up: the first scans compile the walk
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < runs * 3; i++) {
      const s = now();
      found = scanner!.scan(text).hits.length;
      times.push(now() - s);
    }
    const l = latency(times);
    rows.push({
      name: `page scan, trie (${scanner!.patternCount.toLocaleString()} patterns, ${scanner!.nodeCount.toLocaleString()} nodes)`,
      sizeKb: kb,
      latency: l,
      buildMs: trieBuildMs,
      buildPasses: builds,
      memoryMb: trieMb,
      found,
      vsNaive: l.p95 / naive[k]!.latency.p95,
    });
  });
  return rows;
}

/** The page-scan rows as a table (bench/run.ts prints the same). */
export function scanTable(rows: ScanRow[]): string {
  return table(
    ['scan', 'page KB', 'p50 ms', 'p95 ms', 'p95 vs naive', 'build ms', 'heap MB', 'hits'],
    rows.map((s) => [
      s.name,
      s.sizeKb,
      ms(s.latency.p50),
      ms(s.latency.p95),
      s.vsNaive === undefined ? '' : `${s.vsNaive.toFixed(2)}x`,
      s.buildMs === undefined ? '' : ms(s.buildMs),
      s.memoryMb === undefined ? '' : s.memoryMb.toFixed(0),
      s.found ?? '',
    ]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv[2] ?? 50_000);
  console.log(`Page scan at ${size.toLocaleString('en')} accounts`);
  console.log(scanTable(pageScanBench(makeData(size))));
}
