/**
 * `npm run bench`: builds seeded data at several sizes and prints figures for the hot paths,
 * with the issue's targets beside them and ratios against a baseline run in the same process.
 * Benchmarks report; they never fail the build. BENCH_SIZES=1000,10000 picks sizes,
 * BENCH_QUICK=1 runs the smallest only. Ticket matching and import also run in Chromium's real
 * IndexedDB when a Chromium is found (bench/in-chromium); the targets use those figures then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { makeData } from './data';
import { makeQueries } from './queries';
import { searchEngines, type EngineResult } from './search';
import { matchBench, type MatchResultRow } from './match';
import { pageScanBench, scanTable } from './page-scan';
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
import { ms, pct, table } from './stats';
import { targetsTable } from './targets';
import { importChromiumTable, loadAverage, matchBreakdownTable } from './in-chromium/report';

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
  console.log(
    `\n== ${size.toLocaleString('en')} accounts, ${data.contacts.length.toLocaleString('en')} contacts, ${data.campaigns.length.toLocaleString('en')} campaigns, ${data.notes.length.toLocaleString('en')} notes; ${queries.length} queries ==`,
  );
  const engines = part('search')
    ? searchEngines(data, queries, { slowSample: size >= 50_000 ? 25 : size >= 10_000 ? 60 : 200 })
    : [];
  const base = engines[0];
  if (base) console.log('\nPopup search (per keystroke query)');
  if (base)
    console.log(
      table(
        [
          'engine',
          'queries',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'p95 vs Backstory',
          'top-5 (4+ chars)',
          'top-5 (distinct)',
          'top-5 (short)',
          'all words',
          'build ms',
          'heap MB',
        ],
        engines.map((e) => [
          e.engine,
          e.queries,
          ms(e.latency.p50),
          ms(e.latency.p95),
          ms(e.latency.p99),
          `${(e.latency.p95 / base.latency.p95).toFixed(1)}x`,
          pct(e.recall),
          e.recallDistinct === undefined ? '' : pct(e.recallDistinct),
          pct(e.recallShort),
          e.allWords === undefined ? '' : pct(e.allWords),
          ms(e.buildMs),
          e.memoryMb.toFixed(0),
        ]),
      ),
    );
  for (const e of engines)
    if (e.passes)
      console.log(
        `${e.engine}: ${e.passes.p95.length} passes in this process, each built and timed from a collected heap; the table has the first (a cold build). p95 per pass ${e.passes.p95.map(ms).join(', ')} ms; build ${e.passes.buildMs.map(ms).join(', ')} ms`,
      );
  for (const e of engines)
    chartSeries.set(e.engine.replace(/ \(\d+ queries\)/, ''), [
      ...(chartSeries.get(e.engine.replace(/ \(\d+ queries\)/, '')) ?? []),
      { size, p95: e.latency.p95 },
    ]);

  const match = part('match') ? await matchBench(data) : undefined;
  if (match)
    console.log(
      `\nTicket matching (page says -> backstory), Node, Dexie over fake-indexeddb: with the match memory p50 ${ms(match.memory.latency.p50)} ms, p95 ${ms(match.memory.latency.p95)} ms (built in ${ms(match.memory.buildMs)} ms${match.memory.heapMb === undefined ? '' : `, ${match.memory.heapMb.toFixed(0)} MB of heap`}); through the lookups alone p50 ${ms(match.latency.p50)} ms, p95 ${ms(match.latency.p95)} ms; ${match.memory.matched}/${match.matched}/${match.n} matched; loading the data took ${ms(match.loadMs)} ms`,
    );
  const matchChromium = part('match') ? await inChromium((c) => c.match(size)) : undefined;
  if (typeof matchChromium === 'string') console.log(`Ticket matching in Chromium: ${matchChromium}`);
  else if (matchChromium) {
    const m = matchChromium;
    console.log(
      `Ticket matching (page says -> backstory), Chromium, Dexie over its IndexedDB: with the match memory (the worker's, built in ${ms(m.memory.buildMs)} ms after a start or a data change) p50 ${ms(m.memory.latency.p50)} ms, p95 ${ms(m.memory.latency.p95)} ms, p99 ${ms(m.memory.latency.p99)} ms; through the lookups alone (a worker's first ticket) p50 ${ms(m.latency.p50)} ms, p95 ${ms(m.latency.p95)} ms, p99 ${ms(m.latency.p99)} ms (again after the breakdown below: p50 ${ms(m.latencyAgain.p50)} ms, p95 ${ms(m.latencyAgain.p95)} ms); ${m.memory.matched}/${m.matched}/${m.n} matched; loading the data took ${ms(m.loadMs)} ms; load average ${loadAverage()}`,
    );
    console.log(matchBreakdownTable(matchChromium));
  }
  if (matchChromium !== undefined) chromiumMatches.set(size, matchChromium);
  report[`size${size}`] = { search: engines, match, matchChromium };
  if (size === largest) largestSearch = engines;
}

let scan: ReturnType<typeof pageScanBench> = [];
if (part('scan')) {
  console.log('\nPage scan (largest size)');
  scan = pageScanBench(makeData(largest));
  console.log(scanTable(scan));
  const passes = scan.find((s) => s.buildPasses)?.buildPasses;
  if (passes)
    console.log(
      `Page scan build: ${passes.length} passes in this process, each from a collected heap; the table has the first (a cold build, as a worker makes it). Per pass ${passes.map(ms).join(', ')} ms`,
    );
  report.pageScan = scan;
}

const relevance = part('relevance') ? relevanceBench() : undefined;
if (relevance) {
  console.log(
    `\nRelevant to this ticket: ranking one account's ${relevance.notes.toLocaleString('en')} notes by a ticket's subject and first message (${relevance.latency.n} rankings)`,
  );
  console.log(
    table(
      ['measure', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        [
          "rank, the account's texts read before (its index kept)",
          ms(relevance.latency.p50),
          ms(relevance.latency.p95),
          ms(relevance.latency.p99),
        ],
        [
          'rank, nothing kept (in this process: code compiled)',
          ms(relevance.cold.p50),
          ms(relevance.cold.p95),
          ms(relevance.cold.p99),
        ],
      ],
    ),
  );
  console.log(
    `CPU time a ranking (mean): ${ms(relevance.cpuMs.warm)} ms with the index kept, ${ms(relevance.cpuMs.cold)} ms with nothing kept (code compiled)`,
  );
  const fresh = relevance.fresh;
  if (typeof fresh === 'string') console.log(`Relevance in a process of its own: skipped: ${fresh}`);
  else {
    const base = fresh.find((f) => f.mode === 'saved')!;
    const label = {
      saved: 'Backstory, the index loaded as saved (services/relevance-index.ts)',
      texts: 'Backstory, the index read from the texts (nothing saved: the notes just changed)',
      minisearch: 'MiniSearch (untuned): built over the texts, then searched',
    };
    console.log(
      `\nRelevance in a process of its own per ranking (${base.latency.n} each, interleaved): a worker that has just started, nothing read or compiled; load average ${loadAverage()}\n` +
        table(
          ['measure', 'p50 ms', 'p95 ms', 'CPU ms (mean)', 'p50 vs Backstory (saved)', 'CPU vs Backstory (saved)'],
          fresh.map((f) => [
            label[f.mode],
            ms(f.latency.p50),
            ms(f.latency.p95),
            ms(f.cpuMs),
            `${(f.latency.p50 / base.latency.p50).toFixed(1)}x`,
            `${(f.cpuMs / base.cpuMs).toFixed(1)}x`,
          ]),
        ),
    );
  }
  report.relevance = relevance;
}

const importRows = process.env.BENCH_QUICK ? 10_000 : 100_000;
const imp = part('import') ? await importBench(makeData(1000), importRows) : undefined;
if (imp)
  console.log(
    `\nImport of a ${importRows.toLocaleString('en')}-row CSV (parse + commit), Node, fake-indexeddb: parse ${ms(imp.parseMs)} ms, commit ${ms(imp.commitMs)} ms, ${Math.round(imp.rowsPerSecond).toLocaleString('en')} rows/s`,
  );
report.import = imp;
const impChromium: ChromiumImport | string | undefined = part('import')
  ? await inChromium((c) => c.import(importRows))
  : undefined;
if (typeof impChromium === 'string') console.log(`Import in Chromium: ${impChromium}`);
else if (impChromium) {
  console.log(
    `\nImport of a ${importRows.toLocaleString('en')}-row accounts CSV in Chromium's IndexedDB (one transaction each; load average ${loadAverage()})`,
  );
  console.log(importChromiumTable(impChromium));
}
report.importChromium = impChromium;
if (typeof chromiumRun !== 'string') await chromiumRun.close();

const cpuOf = (n: number | undefined) => (n === undefined ? '-' : ms(n));
let stallMeasured: Awaited<ReturnType<typeof importStallBench>> | undefined;
if (part('stall')) {
  const mb = process.env.BENCH_QUICK ? 5 : 50;
  const stall = await importStallBench(makeData(1000), mb);
  if (typeof stall === 'string') console.log(`\nOptions page during a big import: skipped: ${stall}`);
  else
    console.log(
      `\nOptions page during a ${stall.mb} MB import (${stall.rows.toLocaleString('en')} accounts; target: no main-thread stall over 100 ms; load average ${stall.load.toFixed(1)})\n` +
        table(
          [
            'phase',
            'ms',
            'longest task ms',
            'its CPU ms',
            'most CPU in a task ms',
            'main-thread CPU ms',
            'tasks over 50 ms',
          ],
          [
            [
              'read + preview (worker parses)',
              ms(stall.readMs),
              ms(stall.readLongestMs),
              cpuOf(stall.readLongestWallCpuMs),
              cpuOf(stall.readLongestCpuMs),
              cpuOf(stall.readCpuMs),
              stall.readLongTasks,
            ],
            [
              'stage (import worker) + commit (background)',
              ms(stall.commitMs),
              ms(stall.commitLongestMs),
              cpuOf(stall.commitLongestWallCpuMs),
              cpuOf(stall.commitLongestCpuMs),
              cpuOf(stall.commitCpuMs),
              stall.commitLongTasks,
            ],
          ],
        ),
    );
  report.importStall = stall;
  stallMeasured = stall;
}

if (part('sync')) {
  const syncSize = process.env.BENCH_QUICK ? 500 : 5000;
  const syncRows = await syncBench(syncSize);
  console.log(
    `\nSync, a full pass from the mock APIs over HTTP into IndexedDB (fake-indexeddb; ${syncSize.toLocaleString('en')} companies, rate limits lifted)`,
  );
  console.log(
    table(
      ['source', 'records', 'requests', 'ms', 'records/s'],
      syncRows.map((r) => [r.source, r.records, r.requests, ms(r.ms), Math.round(r.perSecond).toLocaleString('en')]),
    ),
  );
  report.sync = syncRows;
}

// At the largest size (from 10,000 accounts) the sidebar and the side panel are measured again
// with that many generated accounts imported beside the sample data.
const inBrowser = part('browser')
  ? await browserBench(process.env.BENCH_QUICK ? 5 : 15, largest >= 10_000 ? largest : undefined)
  : 'not asked for (BENCH_ONLY)';
if (typeof inBrowser === 'string') console.log(`\nIn the browser: skipped: ${inBrowser}`);
else {
  console.log(
    `\nIn the browser (Chromium, built test extension, sample data; ${inBrowser.runs} runs each, after 2 warm-up runs)`,
  );
  console.log(
    table(
      ['measure', 'p50 ms', 'p95 ms'],
      [
        [
          'ticket page DOMContentLoaded -> sidebar shows the backstory',
          ms(inBrowser.sidebar.p50),
          ms(inBrowser.sidebar.p95),
        ],
        [
          "side panel: tab switch -> the panel shows that tab's backstory",
          ms(inBrowser.panelSwitch.p50),
          ms(inBrowser.panelSwitch.p95),
        ],
        [
          'side panel: ticket page DOMContentLoaded (new active tab) -> the panel shows its backstory',
          ms(inBrowser.panelLoad.p50),
          ms(inBrowser.panelLoad.p95),
        ],
        [
          'popup opened -> first result, query typed in the page as its search box appears',
          ms(inBrowser.popup.p50),
          ms(inBrowser.popup.p95),
        ],
        [
          '  of which: navigation started -> the page can run script (browser and test driver)',
          ms(inBrowser.popupContext.p50),
          ms(inBrowser.popupContext.p95),
        ],
        [
          '  of which: navigation started -> the search box is in the page',
          ms(inBrowser.popupBox.p50),
          ms(inBrowser.popupBox.p95),
        ],
        [
          'popup opened -> first result, query typed by Playwright (fill)',
          ms(inBrowser.popupFill.p50),
          ms(inBrowser.popupFill.p95),
        ],
      ],
    ),
  );
}
const large = typeof inBrowser === 'string' ? undefined : inBrowser.large;
if (typeof large === 'string') console.log(`\nIn the browser with generated accounts: ${large}`);
else if (large && typeof inBrowser !== 'string') {
  const base = large.sidebar.p50;
  const row = (measure: string, l: typeof large.sidebar, sample: typeof large.sidebar) => [
    measure,
    ms(l.p50),
    ms(l.p95),
    `${(l.p50 / base).toFixed(2)}x`,
    `${(l.p50 / sample.p50).toFixed(2)}x`,
  ];
  console.log(
    `\nIn the browser with ${large.accounts.toLocaleString('en')} generated accounts beside the sample data (${large.stored.toLocaleString('en')} accounts stored, imported in ${ms(large.importMs)} ms; ${inBrowser.runs} runs each, after 2 warm-up runs; load average ${loadAverage()}). Baseline: the in-page sidebar at the same size`,
  );
  console.log(
    table(
      ['measure', 'p50 ms', 'p95 ms', 'p50 vs in-page sidebar', 'p50 vs sample data'],
      [
        row('ticket page DOMContentLoaded -> sidebar shows the backstory', large.sidebar, inBrowser.sidebar),
        row("side panel: tab switch -> the panel shows that tab's backstory", large.panelSwitch, inBrowser.panelSwitch),
        row(
          'side panel: ticket page DOMContentLoaded (new active tab) -> the panel shows its backstory',
          large.panelLoad,
          inBrowser.panelLoad,
        ),
      ],
    ),
  );
}
report.browser = inBrowser;

// The page reader in Chromium: detection time by page size, hostile shapes, a changing page.
const reader = part('reader') ? await readerBench(!!process.env.BENCH_QUICK) : 'not asked for (BENCH_ONLY)';
if (typeof reader === 'string') console.log(`\nPage reader: skipped: ${reader}`);
else printReaderBench(reader);
report.reader = reader;

const bundles = bundleSizes();
if (bundles) {
  console.log('\nBundles (store build, gzip -9)');
  console.log(
    table(
      ['file', 'bytes', 'gzip'],
      bundles.map((b) => [b.file, b.bytes, b.gzip]),
    ),
  );
} else console.log('\nBundles: skipped: no store build (run npm run build first)');
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
