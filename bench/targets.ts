/**
 * The issue's performance targets beside what this run measured (at the largest size run), with a
 * verdict each; a part not run says so. bench/run.ts prints this last.
 */
import type { BundleRow } from './bundles';
import type { BrowserBench } from './browser';
import type { ImportRow } from './import';
import type { ImportStall } from './import-stall';
import type { ChromiumImport, ChromiumMatch } from './in-chromium/entry';
import type { MatchResultRow } from './match';
import type { ScanRow } from './page-scan';
import type { ReaderBench } from './reader';
import type { RelevanceBench } from './relevance';
import type { EngineResult } from './search';
import { ms, pct, table } from './stats';

/** What the run measured; a string is why a part has no figures. */
export interface Measured {
  largest: number;
  /** The search engines at the largest size: Backstory's names index first, its notes index second. */
  search: EngineResult[];
  scan: ScanRow[];
  match?: MatchResultRow;
  matchChromium?: ChromiumMatch | string;
  imp?: ImportRow;
  impChromium?: ChromiumImport | string;
  importRows: number;
  relevance?: RelevanceBench;
  inBrowser: BrowserBench | string;
  reader: ReaderBench | string;
  bundles?: BundleRow[];
  /** The options page during a big import (bench/import-stall.ts). */
  stall?: ImportStall | string;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/**
 * The options page's longest main-thread task during a big import (wall time, the Long Tasks
 * API), with the CPU time of that task and the most CPU any one task took (from the trace): on a
 * loaded machine the wall time is mostly waiting for a core.
 */
export function stallRow(stall: ImportStall | string | undefined): string[] {
  const target = 'options page: longest main-thread stall during a 50 MB import <= 100 ms';
  if (typeof stall !== 'object') return [target, 'not run', '-'];
  const wall = Math.max(stall.readLongestMs, stall.commitLongestMs);
  const ofIt = stall.readLongestMs >= stall.commitLongestMs ? stall.readLongestWallCpuMs : stall.commitLongestWallCpuMs;
  const cpu = Math.max(stall.readLongestCpuMs ?? Number.NaN, stall.commitLongestCpuMs ?? Number.NaN);
  const detail =
    ofIt === undefined || Number.isNaN(cpu)
      ? ''
      : ` (${ms(ofIt)} ms of it CPU; most CPU in one task ${ms(cpu)} ms; load ${stall.load.toFixed(0)})`;
  return [`${target.replace('50 MB', `${stall.mb} MB`)}${detail}`, `${ms(wall)} ms`, verdict(wall <= 100)];
}

export function targetsTable(m: Measured): string {
  const { largest, scan, relevance, inBrowser, reader, importRows, imp, impChromium, bundles, stall } = m;
  const names = m.search[0];
  const notes = m.search[1];
  const content = bundles?.find((b) => b.file.startsWith('content-scripts/'));
  const scan100 = scan.find((s) => s.sizeKb === 100 && s.name.startsWith('page scan'));
  const matchLargest = m.match;
  const matchChromiumLargest = m.matchChromium;
  // The worker answers tickets with its match memory once built (background-caches/match-memory.ts); the
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
  const row = (
    target: string,
    measured: number | undefined,
    show: (n: number) => string,
    ok: (n: number) => boolean,
  ) =>
    measured === undefined || Number.isNaN(measured)
      ? [target, 'not run', '-']
      : [target, show(measured), verdict(ok(measured))];
  const msText = (n: number) => `${ms(n)} ms`;
  const freshRow = (mode: 'saved' | 'texts') =>
    typeof relevance?.fresh === 'object' ? relevance.fresh.find((f) => f.mode === mode) : undefined;
  // The sidebar and panel at the largest size when measured there (bench/browser.ts), else with the sample data.
  const large = typeof inBrowser === 'object' && typeof inBrowser.large === 'object' ? inBrowser.large : undefined;
  return (
    `\nTargets (largest size run: ${largest.toLocaleString('en')} accounts; targets are set for 50,000)\n` +
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
        row('relevance ranking, 1,000 notes read before, p95 <= 5 ms', relevance?.latency.p95, msText, (n) => n <= 5),
        row(
          'relevance ranking, 1,000 notes, nothing kept (in the bench process), p95 <= 5 ms',
          relevance?.cold.p95,
          msText,
          (n) => n <= 5,
        ),
        row(
          'relevance ranking, 1,000 notes, a worker just started (own process, saved index), p95 <= 5 ms',
          freshRow('saved')?.latency.p95,
          msText,
          (n) => n <= 5,
        ),
        row('  the same, CPU time (mean; process, all threads)', freshRow('saved')?.cpuMs, msText, (n) => n <= 5),
        row(
          'relevance ranking, 1,000 notes, a worker just started, notes just changed (read from the texts), p95 <= 5 ms',
          freshRow('texts')?.latency.p95,
          msText,
          (n) => n <= 5,
        ),
        ...(
          [
            ['sidebar within 150 ms of DOMContentLoaded', 'sidebar'],
            ['side panel within 150 ms of a tab switch', 'panelSwitch'],
            ['side panel within 150 ms of DOMContentLoaded', 'panelLoad'],
          ] as const
        ).map(([target, key]) =>
          row(
            `${target} (p50, ${large ? `${large.accounts.toLocaleString('en')} accounts` : 'sample data'})`,
            typeof inBrowser === 'string' ? undefined : (large ?? inBrowser)[key].p50,
            msText,
            (n) => n <= 150,
          ),
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
        typeof impChromium === 'object'
          ? [
              `the same rows as XLSX (Chromium${importRows === 100_000 ? '' : ', scaled'}): ${ms((impChromium.xlsx.parseMs + impChromium.xlsx.commitMs) * (100_000 / importRows))} ms`,
              '',
              'no target',
            ]
          : ['the same rows as XLSX (Chromium)', 'not run', '-'],
        stallRow(stall),
        row(
          `page reader: detection on a 2 MB page <= 10 ms (Chromium, main-thread CPU a read${typeof reader === 'string' ? '' : `; wall p50 ${ms(reader.sizes.find((s) => s.mb === 2)?.p50 ?? NaN)} ms`})`,
          typeof reader === 'string' ? undefined : reader.sizes.find((s) => s.mb === 2)?.cpu,
          msText,
          (n) => n <= 10,
        ),
        row(
          'page reader with a site recipe: detection on a 2 MB page <= 10 ms (Chromium, p50)',
          typeof reader === 'string' ? undefined : reader.recipe.find((s) => s.mb === 2)?.recipeP50,
          msText,
          (n) => n <= 10,
        ),
        row(
          `page reader: longest stall on a hostile shape <= 50 ms (Chromium, main-thread CPU a read${typeof reader === 'string' ? '' : `; longest wall ${ms(Math.max(...reader.hostile.map((h) => h.max)))} ms at once, ${ms(Math.max(...reader.hostile.map((h) => h.sliced)))} ms a first reading in slices`})`,
          typeof reader === 'string' ? undefined : Math.max(...reader.hostile.map((h) => h.cpu)),
          msText,
          (n) => n <= 50,
        ),
        row(
          `page reader: main-thread share on a 60k-node page changing every frame <= 5% (by CPU${typeof reader === 'string' ? '' : `; by wall ${pct(reader.changing.share)}`})`,
          typeof reader === 'string' ? undefined : reader.changing.cpuShare,
          pct,
          (n) => n <= 0.05,
        ),
      ],
    )
  );
}
