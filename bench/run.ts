/**
 * `npm run bench`: builds seeded data at several sizes and prints figures for the hot paths,
 * with the targets beside them and ratios against a baseline run in the same process.
 * Benchmarks report; they never fail the build. BENCH_SIZES=1000,10000 picks sizes,
 * BENCH_QUICK=1 runs the smallest only. Ticket matching and import also run in Chromium's real
 * IndexedDB when a Chromium is found (bench/in-chromium); the targets use those figures then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { makeData } from './data';
import { makeQueries } from './queries';
import { searchEngines, type EngineResult } from './search';
import { matchBench, type MatchResultRow } from './match';
import { pageScanBench } from './page-scan';
import { importBench } from './import';
import { syncBench } from './sync';
import { browserBench } from './browser';
import { importStallBench } from './import-stall';
import { relevanceBench } from './relevance';
import { openChromiumBench, type ChromiumBench } from './in-chromium/chromium';
import type { ChromiumImport, ChromiumMatch } from './in-chromium/entry';
import { bundleSizes } from './bundles';
import { printReaderBench, readerBench } from './reader';
import { latencyChart } from './chart';
import { targetsTable } from './targets';
import { loadAverage } from './in-chromium/report';
import {
  printBrowser,
  printBundles,
  printHeader,
  printImport,
  printImportChromium,
  printMatch,
  printMatchChromium,
  printRelevance,
  printScan,
  printSearch,
  printStall,
  printSync,
} from './print';

const sizes = process.env.BENCH_QUICK
  ? [1000]
  : (process.env.BENCH_SIZES ?? '1000,10000,50000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
/** BENCH_ONLY=search,match,scan,relevance,import,stall,sync,browser,reader runs only those parts (for quick looks). */
const only = process.env.BENCH_ONLY?.split(',');
const part = (name: string) => !only || only.includes(name);
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, sizes };
const chartSeries = new Map<string, { size: number; p95: number }[]>();
const largest = Math.max(...sizes);
let largestSearch: EngineResult[] = [];
// Matching and import in Chromium's IndexedDB: one browser for the run, closed after the import.
const chromiumRun: ChromiumBench | string =
  part('match') || part('import') ? await openChromiumBench() : 'not asked for (BENCH_ONLY)';
if (typeof chromiumRun === 'string') console.log(`\nMatching and import in Chromium: skipped: ${chromiumRun}`);
else
  console.log(
    `\nMatching and import also run in Chromium ${chromiumRun.env.browserVersion} (headless, IndexedDB on disk in a temporary profile; cross-origin isolated: ${chromiumRun.env.crossOriginIsolated}); load average ${loadAverage()}`,
  );
report.chromium = typeof chromiumRun === 'string' ? chromiumRun : chromiumRun.env;
/** A Chromium measurement, or why there is none. */
const inChromium = async <T>(run: (c: ChromiumBench) => Promise<T>): Promise<T | string> => {
  if (typeof chromiumRun === 'string') return chromiumRun;
  try {
    return await run(chromiumRun);
  } catch (e) {
    return `failed: ${(e as Error).message}`;
  }
};
const chromiumMatches = new Map<number, ChromiumMatch | string>();

for (const size of sizes) {
  const data = makeData(size);
  const queries = makeQueries(data, 500);
  printHeader(size, data, queries.length);
  const engines = part('search')
    ? searchEngines(data, queries, { slowSample: size >= 50_000 ? 25 : size >= 10_000 ? 60 : 200 })
    : [];
  printSearch(engines);
  for (const e of engines)
    chartSeries.set(e.engine.replace(/ \(\d+ queries\)/, ''), [
      ...(chartSeries.get(e.engine.replace(/ \(\d+ queries\)/, '')) ?? []),
      { size, p95: e.latency.p95 },
    ]);

  const match = part('match') ? await matchBench(data) : undefined;
  printMatch(match);
  const matchChromium = part('match') ? await inChromium((c) => c.match(size)) : undefined;
  printMatchChromium(matchChromium);
  if (matchChromium !== undefined) chromiumMatches.set(size, matchChromium);
  report[`size${size}`] = { search: engines, match, matchChromium };
  if (size === largest) largestSearch = engines;
}

let scan: ReturnType<typeof pageScanBench> = [];
if (part('scan')) {
  console.log('\nPage scan (largest size)');
  scan = pageScanBench(makeData(largest));
  printScan(scan);
  report.pageScan = scan;
}

const relevance = part('relevance') ? relevanceBench() : undefined;
if (relevance) {
  printRelevance(relevance);
  report.relevance = relevance;
}

const importRows = process.env.BENCH_QUICK ? 10_000 : 100_000;
const imp = part('import') ? await importBench(makeData(1000), importRows) : undefined;
printImport(imp, importRows);
report.import = imp;
const impChromium: ChromiumImport | string | undefined = part('import')
  ? await inChromium((c) => c.import(importRows))
  : undefined;
printImportChromium(impChromium, importRows);
report.importChromium = impChromium;
if (typeof chromiumRun !== 'string') await chromiumRun.close();

let stallMeasured: Awaited<ReturnType<typeof importStallBench>> | undefined;
if (part('stall')) {
  const mb = process.env.BENCH_QUICK ? 5 : 50;
  const stall = await importStallBench(makeData(1000), mb);
  printStall(stall);
  report.importStall = stall;
  stallMeasured = stall;
}

if (part('sync')) {
  const syncSize = process.env.BENCH_QUICK ? 500 : 5000;
  const syncRows = await syncBench(syncSize);
  printSync(syncRows, syncSize);
  report.sync = syncRows;
}

// At the largest size (from 10,000 accounts) the sidebar and the side panel are measured again
// with that many generated accounts imported beside the sample data.
const inBrowser = part('browser')
  ? await browserBench(process.env.BENCH_QUICK ? 5 : 15, largest >= 10_000 ? largest : undefined)
  : 'not asked for (BENCH_ONLY)';
printBrowser(inBrowser);
report.browser = inBrowser;

// The page reader in Chromium: detection time by page size, hostile shapes, a changing page.
const reader = part('reader') ? await readerBench(!!process.env.BENCH_QUICK) : 'not asked for (BENCH_ONLY)';
if (typeof reader === 'string') console.log(`\nPage reader: skipped: ${reader}`);
else printReaderBench(reader);
report.reader = reader;

const bundles = bundleSizes();
printBundles(bundles);
report.bundles = bundles;

console.log(
  targetsTable({
    largest,
    search: largestSearch,
    scan,
    match: (report[`size${largest}`] as { match?: MatchResultRow }).match,
    matchChromium: chromiumMatches.get(largest),
    imp,
    impChromium,
    importRows,
    relevance,
    inBrowser,
    reader,
    bundles,
    stall: stallMeasured,
  }),
);

mkdirSync('bench/results', { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(`bench/results/bench-${stamp}.json`, JSON.stringify(report, null, 2));
writeFileSync(
  `bench/results/search-latency-${stamp}.svg`,
  latencyChart([...chartSeries].map(([name, points]) => ({ name, points }))),
);
console.log(`\nWrote bench/results/bench-${stamp}.json and bench/results/search-latency-${stamp}.svg`);
