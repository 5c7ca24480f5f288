/**
 * `npm run bench`: builds seeded data at several sizes and prints figures for the hot paths,
 * with the issue's targets beside them and ratios against a baseline run in the same process.
 * Benchmarks report; they never fail the build. BENCH_SIZES=1000,10000 picks sizes,
 * BENCH_QUICK=1 runs the smallest only. Ticket matching and import also run in Chromium's real
 * IndexedDB when a Chromium is found (bench/in-chromium); the targets use those figures then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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

const sizes = process.env.BENCH_QUICK
  ? [1000]
  : (process.env.BENCH_SIZES ?? '1000,10000,50000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
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
          'rank, the notes read before (BM25, excerpts)',
          ms(relevance.latency.p50),
          ms(relevance.latency.p95),
          ms(relevance.latency.p99),
        ],
        [
          'rank, the notes read for the first time',
          ms(relevance.cold.p50),
          ms(relevance.cold.p95),
          ms(relevance.cold.p99),
        ],
      ],
    ),
  );
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

if (part('stall')) {
  const mb = process.env.BENCH_QUICK ? 5 : 50;
  const stall = await importStallBench(makeData(1000), mb);
  if (typeof stall === 'string') console.log(`\nOptions page during a big import: skipped: ${stall}`);
  else
    console.log(
      `\nOptions page during a ${stall.mb} MB import (${stall.rows.toLocaleString('en')} accounts; target: no main-thread stall over 100 ms)\n` +
        table(
          ['phase', 'ms', 'longest task ms', 'tasks over 50 ms'],
          [
            ['read + preview (worker parses)', ms(stall.readMs), ms(stall.readLongestMs), stall.readLongTasks],
            ['commit (IndexedDB, in the page)', ms(stall.commitMs), ms(stall.commitLongestMs), stall.commitLongTasks],
          ],
        ),
    );
  report.importStall = stall;
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

const inBrowser = part('browser') ? await browserBench(process.env.BENCH_QUICK ? 5 : 15) : 'not asked for (BENCH_ONLY)';
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

// Targets from the issue, at the largest size run. Backstory's two indexes come first among the
// engines: names (the keystroke path) and notes.
const names = largestSearch[0];
const notes = largestSearch[1];
const content = bundles?.find((b) => b.file.startsWith('content-scripts/'));
const scan100 = scan.find((s) => s.sizeKb === 100 && s.name.startsWith('page scan'));
const matchLargest = (report[`size${largest}`] as { match?: MatchResultRow }).match;
const matchChromiumLargest = chromiumMatches.get(largest);
// The worker answers tickets with its match memory once built (storage/match-memory.ts); the
// indexed path (a worker's first ticket) is printed beside it.
const matchTarget =
  typeof matchChromiumLargest === 'object'
    ? {
        label: `ticket matching p95 <= 1 ms (Chromium IndexedDB, match memory; lookups alone: ${ms(matchChromiumLargest.latency.p95)} ms)`,
        p95: matchChromiumLargest.memory.latency.p95,
      }
    : {
        label: `ticket matching p95 <= 1 ms (Node, fake-indexeddb, match memory${matchLargest ? `; lookups alone: ${ms(matchLargest.latency.p95)} ms` : ''})`,
        p95: matchLargest?.memory.latency.p95,
      };
const importTarget =
  typeof impChromium === 'object'
    ? {
        label: `import 100k rows <= 5 s (Chromium IndexedDB${importRows === 100_000 ? '' : ', scaled'})`,
        ms: (impChromium.parseMs + impChromium.commitMs) * (100_000 / importRows),
      }
    : {
        label: 'import 100k rows <= 5 s (Node, fake-indexeddb, scaled)',
        ms: imp ? (imp.parseMs + imp.commitMs) * (100_000 / importRows) : undefined,
      };
const row = (target: string, measured: number | undefined, show: (n: number) => string, ok: (n: number) => boolean) =>
  measured === undefined || Number.isNaN(measured)
    ? [target, 'not run', '-']
    : [target, show(measured), verdict(ok(measured))];
const msText = (n: number) => `${ms(n)} ms`;
console.log(`\nTargets (largest size run: ${largest.toLocaleString('en')} accounts; targets are set for 50,000)`);
console.log(
  table(
    ['target', 'measured', 'verdict'],
    [
      row('popup search p95 <= 3 ms (names: the keystroke path)', names?.latency.p95, msText, (n) => n <= 3),
      row('top-5 recall (4+ chars, distinct queries) >= 97%', names?.recallDistinct, pct, (n) => n >= 0.97),
      row('some top-5 result matches every word >= 98%', names?.allWords, pct, (n) => n >= 0.98),
      row('note text p95 <= 20 ms (own index)', notes?.latency.p95, msText, (n) => n <= 20),
      row('index build <= 2 s (names)', names?.buildMs, msText, (n) => n <= 2000),
      // The issue sets build and memory for the search over accounts, contacts and campaigns: the
      // names index. The note index (bodies for snippets included) is reported beside it.
      row(
        'index memory <= 150 MB (names)',
        names?.memoryMb,
        (n) => `${n.toFixed(0)} MB`,
        (n) => n <= 150,
      ),
      notes
        ? [`note index: build ${ms(notes.buildMs)} ms, memory ${notes.memoryMb.toFixed(0)} MB`, '', 'no target']
        : ['note index', 'not run', '-'],
      row(matchTarget.label, matchTarget.p95, msText, (n) => n <= 1),
      row('page scan 100 KB p95 <= 2 ms (trie, all patterns)', scan100?.latency.p95, msText, (n) => n <= 2),
      row('page scan build <= 1 s', scan100?.buildMs, msText, (n) => n <= 1000),
      row(
        'page scan memory <= 40 MB',
        scan100?.memoryMb,
        (n) => `${n.toFixed(0)} MB`,
        (n) => n <= 40,
      ),
      row('relevance ranking, an account with 1,000 notes, p95 <= 5 ms', relevance?.latency.p95, msText, (n) => n <= 5),
      row(
        'sidebar within 150 ms of DOMContentLoaded (p50, sample data)',
        typeof inBrowser === 'string' ? undefined : inBrowser.sidebar.p50,
        msText,
        (n) => n <= 150,
      ),
      row(
        'side panel within 150 ms of a tab switch (p50, sample data)',
        typeof inBrowser === 'string' ? undefined : inBrowser.panelSwitch.p50,
        msText,
        (n) => n <= 150,
      ),
      row(
        'side panel within 150 ms of DOMContentLoaded (p50, sample data)',
        typeof inBrowser === 'string' ? undefined : inBrowser.panelLoad.p50,
        msText,
        (n) => n <= 150,
      ),
      row(
        'popup first result within 100 ms of opening (p50, typed in the page)',
        typeof inBrowser === 'string' ? undefined : inBrowser.popup.p50,
        msText,
        (n) => n <= 100,
      ),
      row(
        'content script <= 15 KB gzip',
        content?.gzip,
        (n) => `${(n / 1024).toFixed(1)} KB`,
        (n) => n <= 15 * 1024,
      ),
      row(importTarget.label, importTarget.ms, msText, (n) => n <= 5000),
      row(
        'page reader: detection on a 2 MB page <= 10 ms (Chromium, p50)',
        typeof reader === 'string' ? undefined : reader.sizes.find((s) => s.mb === 2)?.p50,
        msText,
        (n) => n <= 10,
      ),
      row(
        'page reader: longest stall on a hostile shape <= 50 ms (Chromium)',
        typeof reader === 'string' ? undefined : Math.max(...reader.hostile.map((h) => h.max)),
        msText,
        (n) => n <= 50,
      ),
      row(
        'page reader: main-thread share on a 60k-node page changing every frame <= 5%',
        typeof reader === 'string' ? undefined : reader.changing.share,
        pct,
        (n) => n <= 0.05,
      ),
    ],
  ),
);

mkdirSync('bench/results', { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(`bench/results/bench-${stamp}.json`, JSON.stringify(report, null, 2));
writeFileSync(
  `bench/results/search-latency-${stamp}.svg`,
  latencyChart([...chartSeries].map(([name, points]) => ({ name, points }))),
);
console.log(`\nWrote bench/results/bench-${stamp}.json and bench/results/search-latency-${stamp}.svg`);

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}

/** The Chromium import beside what the same number of puts costs without our code and without indexes. */
function importChromiumTable(i: ChromiumImport): string {
  const perSecond = (t: number) => Math.round(i.rows / (t / 1000)).toLocaleString('en');
  const vsFloor = (t: number) => `${(t / i.floorPutMs).toFixed(1)}x`;
  const line = (label: string, t: number, floor = true) => [label, ms(t), perSecond(t), floor ? vsFloor(t) : ''];
  return (
    table(
      ['import in Chromium', 'ms', 'rows/s', 'vs floor'],
      [
        line('parse + commit (the target)', i.parseMs + i.commitMs),
        line(
          `the same as XLSX (${(i.xlsx.bytes / 1e6).toFixed(1)} MB): parse + commit`,
          i.xlsx.parseMs + i.xlsx.commitMs,
          false,
        ),
        line('  XLSX parse (read-excel-file + importer)', i.xlsx.parseMs, false),
        line('  XLSX commit', i.xlsx.commitMs, false),
        line('  parse (parseImportFile)', i.parseMs, false),
        line('  commit (commitImport: one rw transaction, Dexie)', i.commitMs),
        line('commit the same file again (every row an update)', i.recommitMs),
        line('before packs: one record per account, 4 indexes, no Dexie', i.rawPutMs),
        line('floor: as many puts of { id } records, store without indexes', i.floorPutMs),
        line('probe: the same accounts packed 500 to a record, one put each', i.packed.putMs),
        line('probe: read all back, packed (one getAll)', i.packed.readAllMs, false),
        line('probe: read all back, one record each (one getAll)', i.packed.readAllPerRecordMs, false),
        line('probe: packed, with multi-entry indexes of the lookup keys', i.packed.indexedPutMs),
      ],
    ) +
    `\nprobe: one packed record of 500 accounts read by key: p50 ${ms(i.packed.readOne.p50)} ms, p95 ${ms(i.packed.readOne.p95)} ms` +
    `; found by a domain through the packs' index: p50 ${ms(i.packed.readByDomain.p50)} ms, p95 ${ms(i.packed.readByDomain.p95)} ms`
  );
}

/** Where one loadTicketStory's time goes in Chromium: each of its queries alone, with its IndexedDB work. */
function matchBreakdownTable(m: ChromiumMatch): string {
  const b = m.breakdown;
  const lat = (label: string, l: { p50: number; p95: number }) => [label, ms(l.p50), ms(l.p95), '', '', ''];
  const per = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return table(
    ['Chromium: where a loadTicketStory goes', 'p50 ms', 'p95 ms', 'transactions', 'requests', 'cursor steps'],
    [
      [
        'loadTicketStory, ref by contact email',
        '',
        '',
        per(b.perStory.byEmail.transactions),
        per(b.perStory.byEmail.requests),
        per(b.perStory.byEmail.cursorSteps),
      ],
      [
        'loadTicketStory, ref by company name',
        '',
        '',
        per(b.perStory.byCompany.transactions),
        per(b.perStory.byCompany.requests),
        per(b.perStory.byCompany.cursorSteps),
      ],
      lat('matchTicket alone', b.matchTicket),
      lat('loadBackstory alone', b.loadBackstory),
      ...b.queries.map((q) => [
        `  ${q.query}`,
        ms(q.latency.p50),
        ms(q.latency.p95),
        per(q.idb.transactions),
        per(q.idb.requests),
        per(q.idb.cursorSteps),
      ]),
      lat('one account by id (one transaction)', b.dexieGet),
      lat('its pack row read on IndexedDB, no Dexie', b.rawGet),
      lat('ten gets in turn, a transaction each', b.tenGetsOwnTransactions),
      lat('ten gets in turn, one transaction', b.tenGetsOneTransaction),
    ],
  );
}
