/**
 * The page reader in Chromium (bench/in-chromium/reader-entry.ts, bundled with esbuild and run in
 * a headless Chromium page): detection time on 0.5, 2 and 8 MB ticket pages, the longest stall
 * on each hostile shape, and the share of the main thread re-reading takes on a 60,000-node page
 * that changes every frame. Run alone: `node --import tsx bench/reader.ts`.
 */
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { findChromium } from '../scripts/browser-path.mjs';
import { ms, table } from './stats';

export interface ReaderBench {
  /**
   * floor: a bare walk over the same page's nodes (ms), to read the figures on a busy machine.
   * first: the page's first reading in a fresh tab (wall ms), as a content script's first
   * detection is: the code not yet compiled, and every text node's JS object made for the first
   * time. The other figures time the readings after it.
   * cpu: the main thread's CPU time per reading (ms; Chromium's ThreadTime over back-to-back
   * readings), which a machine shared with other work inflates far less than wall-clock time.
   */
  sizes: {
    mb: number;
    nodes: number;
    first: number;
    p50: number;
    max: number;
    min: number;
    floor: number;
    cpu: number;
  }[];
  /**
   * A fresh tab's first reading as the content script makes it (in slices, the page given the
   * main thread between them) against the same made at once, each in a fresh tab of its own:
   * the reader (at once: `sizes[].first`) and the ticket's visible text for the report (at
   * once: innerText of the page, as before). longest: the longest slice, the longest the page
   * waits; wall: start to end; slices: how many slices the reading took.
   */
  sliced: {
    mb: number;
    readerAtOnce: number;
    readerLongest: number;
    readerWall: number;
    slices: number;
    textAtOnce: number;
    textLongest: number;
    textWall: number;
  }[];
  /** sliced: the longest the page waits during its first reading in a fresh tab, made in slices as the content script does (ms). */
  hostile: { name: string; nodes: number; max: number; min: number; floor: number; cpu: number; sliced: number }[];
  /** The same pages read with a site's recipe (and the rules filling the rest), the rules alone beside it. */
  recipe: { mb: number; nodes: number; rulesP50: number; recipeP50: number; recipeMin: number; lookupsP50: number }[];
  /**
   * share: the reads' and the observer callbacks' wall time over the window's; cpuShare: reads x
   * CPU per read, plus the callbacks' wall time, over the window.
   */
  changing: {
    nodes: number;
    wall: number;
    busy: number;
    observing: number;
    reads: number;
    frames: number;
    share: number;
    cpuPerRead: number;
    cpuShare: number;
  };
  browserVersion: string;
}

/** The targets (issue 20, part 4), printed beside the figures. */
export const READER_TARGETS = { detect2mbMs: 10, stallMs: 50, share: 0.05 };

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./in-chromium/reader-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function readerBench(quick = false): Promise<ReaderBench | string> {
  const executablePath: string | undefined = findChromium();
  if (!executablePath) return 'no Chromium (set CHROME_PATH)';
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-first-run',
      '--disable-gpu',
      // gc(): the pages are built in JavaScript, whose garbage (the page's HTML as strings) a
      // real page has not; it is collected before each timing (reader-entry.ts, settled()).
      '--js-flags=--expose-gc',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const fresh = async () => {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><head><title>reader bench</title></head><body></body></html>');
      await page.addScriptTag({ content: script });
      return page;
    };
    /** The main thread's CPU time per reading of the page shown (ms), over `runs` readings back to back. */
    const cpuPerRead = async (page: Page, runs: number) => {
      const cdp = await page.context().newCDPSession(page);
      // ThreadTime is the renderer main thread's CPU time (s); threadTicks times the rest the same way.
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const thread = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
      const before = await thread();
      await page.evaluate((n) => window.readerBench.repeat(n), runs);
      const cpu = ((await thread()) - before) * 1000;
      await cdp.detach();
      return cpu / runs;
    };
    const sizes: ReaderBench['sizes'] = [];
    for (const mb of [0.5, 2, 8]) {
      const page = await fresh();
      const r = await page.evaluate(([m, n]) => window.readerBench.size(m, n), [mb, quick ? 5 : 15] as const);
      const cpu = await cpuPerRead(page, quick ? 3 : 10);
      sizes.push({ mb, nodes: r.nodes, first: r.first, p50: r.p50, max: r.max, min: r.min, floor: r.floor, cpu });
      await page.close();
    }
    const sliced: ReaderBench['sliced'] = [];
    for (const s of sizes) {
      let page = await fresh();
      const r = await page.evaluate((m) => window.readerBench.firstInSlices(m), s.mb);
      await page.close();
      if (r.reader.company !== 'Acme Dental Group') throw new Error(`the reader in slices read ${r.reader.company}`);
      page = await fresh();
      const atOnce = await page.evaluate((m) => window.readerBench.textAtOnce(m), s.mb);
      await page.close();
      sliced.push({
        mb: s.mb,
        readerAtOnce: s.first,
        readerLongest: r.reader.longest,
        readerWall: r.reader.wall,
        slices: r.reader.slices,
        textAtOnce: atOnce.ms,
        textLongest: r.text.longest,
        textWall: r.text.wall,
      });
    }
    const recipe: ReaderBench['recipe'] = [];
    for (const mb of [0.5, 2]) {
      const page = await fresh();
      const r = await page.evaluate(([m, n]) => window.readerBench.withRecipe(m, n), [mb, quick ? 5 : 15] as const);
      // A recipe that reads the wrong thing would time nothing worth knowing.
      if (r.read.company !== 'Acme Dental Group' || r.read.contactEmail !== 'dana@acmedental.com')
        throw new Error(`the bench recipe read ${JSON.stringify(r.read)}`);
      recipe.push({
        mb,
        nodes: r.nodes,
        rulesP50: r.rulesP50,
        recipeP50: r.recipeP50,
        recipeMin: r.recipeMin,
        lookupsP50: r.lookupsP50,
      });
      await page.close();
    }
    const hostile: ReaderBench['hostile'] = [];
    const names = await (await fresh()).evaluate(() => window.readerBench.hostileNames());
    for (const name of names) {
      const page = await fresh();
      const r = await page.evaluate((n) => window.readerBench.hostile(n), name);
      const cpu = await cpuPerRead(page, 5);
      await page.close();
      const slicedPage = await fresh();
      const sliced = await slicedPage.evaluate((n) => window.readerBench.hostileInSlices(n), name);
      await slicedPage.close();
      hostile.push({ name, nodes: r.nodes, max: r.max, min: r.min, floor: r.floor, cpu, sliced });
    }
    const page = await fresh();
    const run = await page.evaluate((t) => window.readerBench.changing(t), quick ? 4000 : 10_000);
    // The same page read again, back to back, for the CPU time one read takes.
    const perRead = await cpuPerRead(page, 5);
    const changing = { ...run, cpuPerRead: perRead, cpuShare: (run.reads * perRead + run.observing) / run.wall };
    return { sizes, sliced, hostile, recipe, changing, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

export function printReaderBench(r: ReaderBench): void {
  const t = READER_TARGETS;
  console.log(
    `\nPage reader in Chromium ${r.browserVersion} (headless; the generic reader over the live DOM, laid out first; "bare walk": visiting the same nodes doing nothing; "CPU ms": the main thread's CPU time per reading, the figure to read on a shared machine; "max ms": the longest reading made at once (the first, in a fresh tab, among them), which the content script no longer makes: it reads in slices, and "first in slices: longest" is the longest the page then waits; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(
    table(
      [
        'page',
        'elements',
        'first ms',
        'p50 ms',
        'max ms',
        'min ms',
        'CPU ms',
        'bare walk ms',
        'first in slices: longest ms',
        'target',
      ],
      [
        ...r.sizes.map((s) => [
          `ticket page ${s.mb} MB`,
          s.nodes.toLocaleString('en'),
          ms(s.first),
          ms(s.p50),
          ms(s.max),
          ms(s.min),
          ms(s.cpu),
          ms(s.floor),
          ms(r.sliced.find((x) => x.mb === s.mb)?.readerLongest ?? NaN),
          s.mb === 2
            ? `<= ${t.detect2mbMs} ms: CPU ${verdict(s.cpu <= t.detect2mbMs)}, p50 ${verdict(s.p50 <= t.detect2mbMs)}`
            : '',
        ]),
        ...r.hostile.map((h) => [
          `hostile: ${h.name}`,
          h.nodes.toLocaleString('en'),
          '',
          '',
          ms(h.max),
          ms(h.min),
          ms(h.cpu),
          ms(h.floor),
          ms(h.sliced),
          `<= ${t.stallMs} ms: in slices ${verdict(h.sliced <= t.stallMs)}, CPU ${verdict(h.cpu <= t.stallMs)}`,
        ]),
      ],
    ),
  );
  console.log(
    `\nA fresh tab's first reading, as the content script makes it: in slices of about 3 ms (the text: 8 ms), the page given the main thread between them (scheduler.yield), against the same at once (each in a fresh tab of its own; wall ms). "longest": the longest the page waits; "slices": how many the reading took. Then the ticket's visible text for the report, at once (innerText, as before) and in slices`,
  );
  console.log(
    table(
      [
        'page',
        'reader at once',
        'in slices: longest',
        'wall',
        'slices',
        'text at once',
        'in slices: longest',
        'wall',
        'target',
      ],
      r.sliced.map((x) => [
        `ticket page ${x.mb} MB`,
        ms(x.readerAtOnce),
        `${ms(x.readerLongest)} (${(x.readerLongest / x.readerAtOnce).toFixed(2)}x)`,
        ms(x.readerWall),
        String(x.slices),
        ms(x.textAtOnce),
        `${ms(x.textLongest)} (${(x.textLongest / x.textAtOnce).toFixed(2)}x)`,
        ms(x.textWall),
        x.mb === 2
          ? `longest <= ${t.detect2mbMs} ms: reader ${verdict(x.readerLongest <= t.detect2mbMs)}, text ${verdict(x.textLongest <= t.detect2mbMs)}`
          : `longest <= ${t.stallMs} ms: ${verdict(Math.max(x.readerLongest, x.textLongest) <= t.stallMs)}`,
      ]),
    ),
  );
  console.log(
    '\nReading with a site recipe ("show me where": the recipe\'s lookups, then the rules filling the rest, as the content script does), against the rules alone on the same page in the same run',
  );
  console.log(
    table(
      [
        'page',
        'elements',
        'rules alone p50 ms',
        'with recipe p50 ms',
        'with recipe min ms',
        'ratio',
        'recipe lookups p50 ms',
      ],
      r.recipe.map((x) => [
        `ticket page ${x.mb} MB`,
        x.nodes.toLocaleString('en'),
        ms(x.rulesP50),
        ms(x.recipeP50),
        ms(x.recipeMin),
        `${(x.recipeP50 / x.rulesP50).toFixed(2)}x`,
        ms(x.lookupsP50),
      ]),
    ),
  );
  const c = r.changing;
  console.log(
    `Changing page (${c.nodes.toLocaleString('en')} elements, changed every frame for ${ms(c.wall)} ms, ${c.frames} frames): ${c.reads} reads, ${ms(c.busy)} ms reading and looking at changes (wall; ${ms(c.observing)} ms the changes), ${(c.share * 100).toFixed(2)}% of the main thread; by CPU (${ms(c.cpuPerRead)} ms a read, plus the changes) ${(c.cpuShare * 100).toFixed(2)}%; target <= ${t.share * 100}%: ${verdict(c.share <= t.share)} (wall), ${verdict(c.cpuShare <= t.share)} (CPU)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await readerBench(!!process.env.BENCH_QUICK);
  if (typeof r === 'string') console.log(`Page reader: skipped: ${r}`);
  else printReaderBench(r);
}
