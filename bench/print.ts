/**
 * How `npm run bench` prints each part's figures (bench/run.ts measures them, in this order;
 * bench/targets.ts prints the targets table last, bench/in-chromium/report.ts the Chromium tables).
 */
import type { BrowserBench } from './browser';
import type { BundleRow } from './bundles';
import type { BenchData } from './data';
import type { ImportRow } from './import';
import type { ImportStall } from './import-stall';
import type { ChromiumImport, ChromiumMatch } from './in-chromium/entry';
import { importChromiumTable, loadAverage, matchBreakdownTable } from './in-chromium/report';
import type { MatchResultRow } from './match';
import { scanTable, type ScanRow } from './page-scan';
import type { RelevanceBench } from './relevance';
import type { EngineResult } from './search';
import type { SyncRow } from './sync';
import { ms, pct, table } from './stats';

export function printHeader(size: number, data: BenchData, queries: number): void {
  console.log(
    `\n== ${size.toLocaleString('en')} accounts, ${data.contacts.length.toLocaleString('en')} contacts, ${data.campaigns.length.toLocaleString('en')} campaigns, ${data.notes.length.toLocaleString('en')} notes; ${queries} queries ==`,
  );
}

/** The popup's search engines at one size, Backstory's names index first (the baseline). */
export function printSearch(engines: EngineResult[]): void {
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
}

export function printMatch(match: MatchResultRow | undefined): void {
  if (match)
    console.log(
      `\nTicket matching (page says -> backstory), Node, Dexie over fake-indexeddb: with the match memory p50 ${ms(match.memory.latency.p50)} ms, p95 ${ms(match.memory.latency.p95)} ms (built in ${ms(match.memory.buildMs)} ms${match.memory.heapMb === undefined ? '' : `, ${match.memory.heapMb.toFixed(0)} MB of heap`}); through the lookups alone p50 ${ms(match.latency.p50)} ms, p95 ${ms(match.latency.p95)} ms; ${match.memory.matched}/${match.matched}/${match.n} matched; loading the data took ${ms(match.loadMs)} ms`,
    );
}

export function printMatchChromium(matchChromium: ChromiumMatch | string | undefined): void {
  if (typeof matchChromium === 'string') console.log(`Ticket matching in Chromium: ${matchChromium}`);
  else if (matchChromium) {
    const m = matchChromium;
    console.log(
      `Ticket matching (page says -> backstory), Chromium, Dexie over its IndexedDB: with the match memory (the worker's, built in ${ms(m.memory.buildMs)} ms after a start or a data change) p50 ${ms(m.memory.latency.p50)} ms, p95 ${ms(m.memory.latency.p95)} ms, p99 ${ms(m.memory.latency.p99)} ms; through the lookups alone (a worker's first ticket) p50 ${ms(m.latency.p50)} ms, p95 ${ms(m.latency.p95)} ms, p99 ${ms(m.latency.p99)} ms (again after the breakdown below: p50 ${ms(m.latencyAgain.p50)} ms, p95 ${ms(m.latencyAgain.p95)} ms); ${m.memory.matched}/${m.matched}/${m.n} matched; loading the data took ${ms(m.loadMs)} ms; load average ${loadAverage()}`,
    );
    console.log(matchBreakdownTable(matchChromium));
  }
}

export function printScan(scan: ScanRow[]): void {
  console.log(scanTable(scan));
  const passes = scan.find((s) => s.buildPasses)?.buildPasses;
  if (passes)
    console.log(
      `Page scan build: ${passes.length} passes in this process, each from a collected heap; the table has the first (a cold build, as a worker makes it). Per pass ${passes.map(ms).join(', ')} ms`,
    );
}

export function printRelevance(relevance: RelevanceBench): void {
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
}

export function printImport(imp: ImportRow | undefined, importRows: number): void {
  if (imp)
    console.log(
      `\nImport of a ${importRows.toLocaleString('en')}-row CSV (parse + commit), Node, fake-indexeddb: parse ${ms(imp.parseMs)} ms, commit ${ms(imp.commitMs)} ms, ${Math.round(imp.rowsPerSecond).toLocaleString('en')} rows/s`,
    );
}

export function printImportChromium(impChromium: ChromiumImport | string | undefined, importRows: number): void {
  if (typeof impChromium === 'string') console.log(`Import in Chromium: ${impChromium}`);
  else if (impChromium) {
    console.log(
      `\nImport of a ${importRows.toLocaleString('en')}-row accounts CSV in Chromium's IndexedDB (one transaction each; load average ${loadAverage()})`,
    );
    console.log(importChromiumTable(impChromium));
  }
}

const cpuOf = (n: number | undefined) => (n === undefined ? '-' : ms(n));

export function printStall(stall: ImportStall | string): void {
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
}

export function printSync(syncRows: SyncRow[], syncSize: number): void {
  console.log(
    `\nSync, a full pass from the mock APIs over HTTP into IndexedDB (fake-indexeddb; ${syncSize.toLocaleString('en')} companies, rate limits lifted)`,
  );
  console.log(
    table(
      ['source', 'records', 'requests', 'ms', 'records/s'],
      syncRows.map((r) => [r.source, r.records, r.requests, ms(r.ms), Math.round(r.perSecond).toLocaleString('en')]),
    ),
  );
}

/** The sidebar, side panel and popup in Chromium with the sample data, then with generated accounts beside it. */
export function printBrowser(inBrowser: BrowserBench | string): void {
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
      `\nIn the browser with ${large.accounts.toLocaleString('en')} generated accounts beside the sample data (${large.stored.toLocaleString('en')} accounts stored, imported in ${ms(large.importMs)} ms; ${inBrowser.runs} runs each, after 2 warm-up runs and then ${ms(large.settleMs)} ms until the worker was idle again after its rebuilds; load average ${loadAverage()}). Baseline: the in-page sidebar at the same size`,
    );
    console.log(
      table(
        ['measure', 'p50 ms', 'p95 ms', 'p50 vs in-page sidebar', 'p50 vs sample data'],
        [
          row('ticket page DOMContentLoaded -> sidebar shows the backstory', large.sidebar, inBrowser.sidebar),
          row(
            "side panel: tab switch -> the panel shows that tab's backstory",
            large.panelSwitch,
            inBrowser.panelSwitch,
          ),
          row(
            'side panel: ticket page DOMContentLoaded (new active tab) -> the panel shows its backstory',
            large.panelLoad,
            inBrowser.panelLoad,
          ),
        ],
      ),
    );
  }
}

export function printBundles(bundles: BundleRow[] | undefined): void {
  if (bundles) {
    console.log('\nBundles (store build, gzip -9)');
    console.log(
      table(
        ['file', 'bytes', 'gzip'],
        bundles.map((b) => [b.file, b.bytes, b.gzip]),
      ),
    );
  } else console.log('\nBundles: skipped: no store build (run npm run build first)');
}
