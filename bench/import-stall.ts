/**
 * The options page while a big file is imported: the longest main-thread task (Long Tasks API)
 * while the file is read (parsed and planned in the import worker, which keeps the records and
 * hands the page a summary) and while it is committed (the worker stages the records, the
 * background writes them), for a CSV of about `mb` MB of accounts chosen through the page's file
 * input. Target: no stall over 100 ms.
 * Needs the test build, as bench/browser.ts.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { findChromium } from '../scripts/browser-path.mjs';
import type { BenchData } from './data';

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
    const mark = () => page.evaluate(() => performance.now());
    const tasks = async (from: number, to: number) =>
      (
        await page.evaluate(
          () => (window as unknown as { benchTasks: { start: number; duration: number }[] }).benchTasks,
        )
      ).filter((t) => t.start >= from && t.start < to);
    const t0 = await mark();
    await page.getByLabel('Files').setInputFiles(path);
    await page.getByTestId('import-file').waitFor({ timeout: 300_000 });
    await page.getByRole('button', { name: /^Import / }).waitFor();
    const t1 = await mark();
    await page.getByRole('button', { name: /^Import / }).click({ timeout: 600_000 });
    await page.getByTestId('import-outcome').waitFor({ timeout: 600_000 });
    const t2 = await mark();
    const read = await tasks(t0, t1);
    const commit = await tasks(t1, t2 + 1);
    const longest = (list: { duration: number }[]) => Math.max(0, ...list.map((t) => t.duration));
    return {
      mb,
      rows: lines.length - 1,
      readLongestMs: longest(read),
      commitLongestMs: longest(commit),
      readMs: t1 - t0,
      commitMs: t2 - t1,
      readLongTasks: read.length,
      commitLongTasks: commit.length,
    };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
