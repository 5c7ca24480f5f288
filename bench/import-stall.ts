/**
 * The options page while a big file is imported: the longest main-thread task (Long Tasks API)
 * while the file is read (parsed and planned in the import worker, which keeps the records and
 * hands the page a summary) and while it is committed (the worker stages the records, the
 * background writes them), for a CSV of about `mb` MB of accounts chosen through the page's file
 * input. Target: no stall over 100 ms.
 *
 * Beside each phase's longest task (wall time), a Chromium trace of the run gives the CPU time of
 * the page's main-thread tasks (bench/trace-tasks.ts): on a loaded machine a task waits for a
 * core, so its wall time says more about the load than about the page (a task of 1.4 ms CPU was
 * seen taking 216 ms at a load average of 24 on 2 cores); its CPU time does not.
 * The driver keeps off the page's main thread as far as it can: it waits with one call that a
 * MutationObserver in the page answers, and clicks with one call, instead of Playwright's
 * locators, whose polling (role and text queries over the whole page) ran as long tasks of their
 * own on that thread and counted as the page's stalls.
 * `BENCH_STALL_TRACE=file.json` keeps the trace (`BENCH_STALL_CATEGORIES` adds categories to it). Needs the test build, as bench/browser.ts.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { findChromium } from '../scripts/browser-path.mjs';
import type { BenchData } from './data';
import { phaseTasks, type PhaseTasks, type TraceEvent } from './trace-tasks';

export interface ImportStall {
  mb: number;
  rows: number;
  /** Longest main-thread task while the file was read and previewed, and while it was committed. */
  readLongestMs: number;
  commitLongestMs: number;
  readMs: number;
  commitMs: number;
  /** Long tasks (over 50 ms) in each phase. */
  readLongTasks: number;
  commitLongTasks: number;
  /**
   * From the trace, per phase: the most CPU time one main-thread task took, the CPU time of the
   * task of the longest wall time, and all the main-thread CPU time (undefined: no trace).
   */
  readLongestCpuMs?: number;
  commitLongestCpuMs?: number;
  readLongestWallCpuMs?: number;
  commitLongestWallCpuMs?: number;
  readCpuMs?: number;
  commitCpuMs?: number;
  /** 1-minute load average when the run ended. */
  load: number;
}

function watchLongTasks(): void {
  const w = window as unknown as { benchTasks: { start: number; duration: number }[] };
  w.benchTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.benchTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export async function importStallBench(data: BenchData, mb = 50): Promise<ImportStall | string> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return 'no test build (run WXT_TEST_HOSTS=1 npx wxt build)';
  if (!findChromium()) return 'no Chromium';
  const dir = mkdtempSync(join(tmpdir(), 'backstory-stall-'));
  const lines = ['id,name,aliases,domains,industry'];
  let size = 0;
  for (let i = 0; size < mb * 1e6; i++) {
    const a = data.accounts[i % data.accounts.length]!;
    const line = `big${i},"${a.name} ${i}","${a.aliases.join(';')}",${i}-${a.domains[0]},${a.industry ?? ''}`;
    lines.push(line);
    size += line.length + 1;
  }
  const path = join(dir, 'accounts-big.csv');
  writeFileSync(path, lines.join('\n'));
  const h = await launch();
  try {
    const page = await h.extensionPage('options.html');
    await page.addInitScript(watchLongTasks);
    await page.reload();
    await page.getByLabel('Files').waitFor();
    // One call that the page answers when the element is there (a MutationObserver, no polling).
    const waitFor = (selector: string, timeoutMs: number) =>
      page.evaluate(
        ([s, ms]) =>
          new Promise<void>((resolve, reject) => {
            if (document.querySelector(s)) return resolve();
            const timer = setTimeout(() => reject(new Error(`timed out waiting for ${s}`)), ms);
            const seen = new MutationObserver(() => {
              if (!document.querySelector(s)) return;
              seen.disconnect();
              clearTimeout(timer);
              resolve();
            });
            seen.observe(document.body, { childList: true, subtree: true, attributes: true });
          }),
        [selector, timeoutMs] as const,
      );
    const importButton = '[data-testid=import-commit]:not([disabled])';
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    // BENCH_STALL_CATEGORIES adds trace categories (e.g. devtools.timeline,v8: what each task ran).
    const categories = ['toplevel', 'blink.user_timing', process.env.BENCH_STALL_CATEGORIES].filter(Boolean).join(',');
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    const mark = (name: string) =>
      page.evaluate((n) => {
        performance.mark(`bench-stall:${n}`);
        return performance.now();
      }, name);
    const tasks = async (from: number, to: number) =>
      (
        await page.evaluate(
          () => (window as unknown as { benchTasks: { start: number; duration: number }[] }).benchTasks,
        )
      ).filter((t) => t.start >= from && t.start < to);
    const t0 = await mark('read');
    await page.locator('#import-files').setInputFiles(path);
    await waitFor('[data-testid=import-file]', 300_000);
    await waitFor(importButton, 60_000);
    const t1 = await mark('commit');
    await page.evaluate((s) => document.querySelector<HTMLButtonElement>(s)!.click(), importButton);
    await waitFor('[data-testid=import-outcome]', 600_000);
    const t2 = await mark('end');
    await cdp.send('Tracing.end');
    await traced;
    // BENCH_STALL_TRACE=file.json keeps the trace (chrome://tracing or Perfetto open it).
    if (process.env.BENCH_STALL_TRACE) writeFileSync(process.env.BENCH_STALL_TRACE, JSON.stringify(events));
    const [readTrace, commitTrace] = phaseTasks(events, 'bench-stall:');
    const read = await tasks(t0, t1);
    const commit = await tasks(t1, t2 + 1);
    // The Long Tasks API reports only tasks over 50 ms; the trace gives the longest task of any length.
    const longest = (list: { duration: number }[], traced?: PhaseTasks) =>
      Math.max(traced?.longestWall?.wallMs ?? 0, ...list.map((t) => t.duration));
    return {
      mb,
      rows: lines.length - 1,
      readLongestMs: longest(read, readTrace),
      commitLongestMs: longest(commit, commitTrace),
      readMs: t1 - t0,
      commitMs: t2 - t1,
      readLongTasks: read.length,
      commitLongTasks: commit.length,
      readLongestCpuMs: readTrace?.longestCpu?.cpuMs,
      commitLongestCpuMs: commitTrace?.longestCpu?.cpuMs,
      readLongestWallCpuMs: readTrace?.longestWall?.cpuMs,
      commitLongestWallCpuMs: commitTrace?.longestWall?.cpuMs,
      readCpuMs: readTrace?.cpuMs,
      commitCpuMs: commitTrace?.cpuMs,
      load: loadavg()[0]!,
    };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
