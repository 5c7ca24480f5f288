/**
 * Where the in-page sidebar's time goes, step by step: `npx tsx bench/sidebar-steps.ts` (needs
 * the test build, as bench/browser.ts; `STEPS_RUNS`, default 15, after 2 warm-ups). Each run opens
 * the fixture ticket page as bench/browser.ts does, and notes, all on the wall clock (the page's,
 * the frame's and the worker's `performance.timeOrigin + performance.now()`) and printed
 * against the page's DOMContentLoaded:
 *
 * - in the page (a script Playwright runs before the page's own): the <backstory-sidebar> host
 *   added (the frame begins loading) and shown (the page was read as a ticket);
 * - in the sidebar frame (the same script, run in the frame before its scripts): its document
 *   created, its port opened (the frame's script started), `ready` and the story received, the
 *   backstory in its DOM and at the next animation frame (the bench's moment);
 * - in the service worker (listeners added over CDP after the extension's own): the ticket report
 *   and the frame's port arriving, and `ready` and the story posted to that port.
 *
 * It also takes the time as bench/browser.ts takes it (a poll on animation frames set up once the
 * page's DOMContentLoaded reached the bench), to show what that adds.
 *
 * `STEPS_ACCOUNTS=50000`: with that many generated accounts beside the sample data (bench/data.ts),
 * imported as bench/browser.ts's large bench imports them. With `STEPS_PROFILE=dir` they are
 * imported into that browser profile once and the profile is used again by later runs (of any
 * build: the test build's id is fixed), each run then starting with a new worker.
 */
import type { Frame, Worker } from 'playwright-core';
import { launch, loadSampleData, type Harness } from '../tests/e2e/harness';
import { latency } from './stats';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackupParts } from './browser';
// Types only: sources/backup.ts reaches the extension's storage, which Node cannot load.

type Steps = Record<string, number>;

/** Runs in the ticket page and in each of its frames before their scripts (page.addInitScript). */
function noteSteps(): void {
  const at = () => performance.timeOrigin + performance.now();
  const steps: Record<string, number> = {};
  (window as unknown as { benchSteps: Record<string, number> }).benchSteps = steps;
  const mark = (name: string) => {
    if (steps[name] !== undefined) return;
    steps[name] = at();
    // On the trace's clock too (STEPS_TRACE).
    performance.mark(`steps:${name}`);
  };
  if (location.protocol === 'chrome-extension:') {
    mark('frame document');
    type Port = { onMessage: { addListener(fn: (m: { type?: string }) => void): void } };
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { connect?: (...a: unknown[]) => Port } } }).chrome
      ?.runtime;
    const connect = runtime?.connect;
    if (runtime && connect)
      runtime.connect = (...args: unknown[]) => {
        mark('frame port opened');
        const port = connect.apply(runtime, args);
        port.onMessage.addListener((m) => mark(`frame got ${m?.type ?? '?'}`));
        return port;
      };
    document.addEventListener('DOMContentLoaded', () => mark('frame DOMContentLoaded'));
    const seen = new MutationObserver(() => {
      if (document.querySelector('#app')?.firstChild) mark('frame first render');
      if (
        document.querySelector('[data-testid=account-name]')?.textContent === 'Acme Dental Group' &&
        document.querySelector('[data-testid=relevant]')
      ) {
        seen.disconnect();
        mark('frame backstory in DOM');
        requestAnimationFrame(() => mark('frame backstory shown'));
      }
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
  } else {
    const host = new MutationObserver(() => {
      const el = document.querySelector('backstory-sidebar');
      if (!el) return;
      mark('page host added');
      if (!el.hasAttribute('data-hidden')) {
        mark('page host shown');
        host.disconnect();
      }
    });
    host.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hidden'] });
  }
}

/** Runs in the service worker: notes the report and the sidebar port's arrival, and what is posted to it. */
function noteWorkerSteps(): void {
  type Port = { name: string; postMessage(m: unknown): void };
  type Chrome = {
    runtime: {
      onMessage: { addListener(fn: (m: { type?: string }) => void): void };
      onConnect: { addListener(fn: (p: Port) => void): void };
    };
  };
  const g = globalThis as unknown as { benchSteps?: Record<string, number>[]; chrome: Chrome };
  if (g.benchSteps) return;
  const steps: Record<string, number>[] = [{}];
  g.benchSteps = steps;
  const at = () => performance.timeOrigin + performance.now();
  const mark = (name: string) => {
    if (steps[0]![name] !== undefined) return;
    steps[0]![name] = at();
    performance.mark(`steps:${name}`);
  };
  g.chrome.runtime.onMessage.addListener((m) => {
    if (m?.type === 'ticket:update') mark('worker got report');
  });
  // The worker's thread held by other work: each gap of over 20 ms in a 5 ms timer, as [end, length].
  const blocked: [number, number][] = [];
  (g as unknown as { benchBlocked: [number, number][] }).benchBlocked = blocked;
  let last = at();
  setInterval(() => {
    const now = at();
    if (now - last > 20) blocked.push([now, now - last - 5]);
    if (blocked.length > 5000) blocked.splice(0, 1000);
    last = now;
  }, 5);
  // After the report: each storage.session call and IndexedDB transaction, numbered in order.
  let n = 0;
  const since = () => steps[0]!['worker got report'] !== undefined;
  const session = (
    g.chrome as unknown as { storage: { session: Record<string, (...a: unknown[]) => Promise<unknown>> } }
  ).storage.session;
  for (const fn of ['get', 'set']) {
    const original = session[fn]!.bind(session);
    session[fn] = (...args: unknown[]) => {
      const asked = original(...args);
      if (since()) {
        const name = `worker ${++n} session.${fn}`;
        mark(`${name} asked`);
        void asked.then(() => mark(`${name} done`));
      }
      return asked;
    };
  }
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
    const tx = transaction.apply(this, args);
    if (since()) {
      const name = `worker ${++n} idb ${[args[0]].flat().length} stores`;
      mark(`${name} begun`);
      tx.addEventListener('complete', () => mark(`${name} done`));
    }
    return tx;
  } as typeof transaction;
  g.chrome.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith('backstory:sidebar:')) return;
    mark('worker got port');
    const post = port.postMessage.bind(port);
    port.postMessage = (m: unknown) => {
      mark(`worker posted ${(m as { type?: string }).type ?? '?'}`);
      post(m);
    };
  });
}

/** A function as a script to run where it is sent (tsx names inner functions with a helper that is not there). */
const script = (fn: () => void) => `(() => { const __name = (f) => f; (${fn.toString()})(); })()`;

async function worker(h: Harness): Promise<Worker> {
  const found = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
  return found ?? (await h.context.waitForEvent('serviceworker'));
}

async function run(h: Harness): Promise<{ steps: Steps; bench: number; blockedMs: number }> {
  const sw = await worker(h);
  await sw.evaluate(script(noteWorkerSteps));
  await sw.evaluate(() => {
    (globalThis as unknown as { benchSteps: Record<string, number>[] }).benchSteps[0] = {};
  });
  const page = await h.context.newPage();
  await page.addInitScript({ content: script(noteSteps) });
  const isSidebar = (f: Frame) => f.url().startsWith(`chrome-extension://${h.extensionId}/sidebar.html`);
  const navigated = page
    .waitForEvent('framenavigated', { predicate: isSidebar, timeout: 10_000 })
    .catch(() => undefined);
  await page.goto(`${h.origin}/generic-ticket-email.html`, { waitUntil: 'domcontentloaded' });
  const timing = await page.evaluate(() => ({
    start: performance.timing.navigationStart,
    dcl: performance.timing.domContentLoadedEventEnd,
    steps: (window as unknown as { benchSteps: Steps }).benchSteps,
  }));
  const frame = page.frames().find(isSidebar) ?? (await navigated);
  if (!frame) throw new Error('no sidebar frame');
  // As bench/browser.ts takes it.
  const shown = await frame.waitForFunction(
    () =>
      document.querySelector('[data-testid=account-name]')?.textContent === 'Acme Dental Group' &&
      !!document.querySelector('[data-testid=relevant]') &&
      performance.timeOrigin + performance.now(),
    undefined,
    // Room for a worker busy after a large import (as bench/browser.ts gives it).
    { polling: 'raf', timeout: 120_000 },
  );
  const bench = ((await shown.jsonValue()) as number) - timing.dcl;
  await frame.waitForFunction(() => (window as unknown as { benchSteps: Steps }).benchSteps['frame backstory shown']);
  const inFrame = await frame.evaluate(() => {
    const t = performance.timing;
    return {
      ...(window as unknown as { benchSteps: Steps }).benchSteps,
      'frame response end': t.responseEnd,
    };
  });
  const inWorker: Steps = await sw
    .evaluate((from: number) => {
      const g = globalThis as unknown as { benchSteps?: Steps[]; benchBlocked?: [number, number][] };
      const steps = g.benchSteps?.[0] ?? {};
      // How long the worker's thread was held by other work between the page's start and the story posted.
      const to = steps['worker posted story'] ?? Infinity;
      const held = (g.benchBlocked ?? []).filter(([end]) => end > from && end - 5 <= to);
      return { ...steps, blockedMs: held.reduce((sum, [, ms]) => sum + ms, 0) };
    }, timing.start)
    .catch(() => ({}));
  const blockedMs = inWorker.blockedMs ?? 0;
  delete inWorker.blockedMs;
  await page.close();
  const steps: Steps = { 'page navigation start': timing.start, ...timing.steps, ...inFrame, ...inWorker };
  for (const k of Object.keys(steps)) steps[k] = steps[k]! - timing.dcl;
  return { steps, bench, blockedMs };
}

/** `accounts` generated accounts imported through Options > Data, in three files as bench/browser.ts does. */
async function importAccounts(h: Harness, accounts: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-steps-'));
  try {
    const files = writeBackupParts(dir, accounts, 'steps');
    const options = await h.extensionPage('options.html');
    for (const [i, path] of files.entries()) {
      await options.reload();
      await options.getByLabel('Files').setInputFiles(path);
      await options.getByRole('button', { name: /^Import / }).click({ timeout: 600_000 });
      const outcome = options.getByTestId('import-outcome');
      await outcome.waitFor({ timeout: 600_000 });
      if ((await outcome.getAttribute('role')) === 'alert')
        throw new Error(`the import was refused: ${(await outcome.textContent())?.slice(0, 300)}`);
      console.log(`  (steps: part ${i + 1} of 3 imported)`);
    }
    await options.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = Number(process.env.STEPS_RUNS ?? 15);
const accounts = Number(process.env.STEPS_ACCOUNTS ?? 0);
const profile = process.env.STEPS_PROFILE;
const imported = profile && join(profile, `backstory-steps-${accounts}`);
const h = await launch(profile ? { profile } : {});
try {
  if (!imported || !existsSync(imported)) {
    await loadSampleData(h);
    if (accounts) await importAccounts(h, accounts);
    if (imported) writeFileSync(imported, '');
  } else if (process.env.STEPS_AFTER_WRITE) {
    // A write just before the runs (the sample data loaded again): the worker then brings what
    // it derives from all the records up to date (the search index, the relevance indexes), as
    // after bench/browser.ts's import.
    await loadSampleData(h);
  }
  const all: Steps[] = [];
  const bench: number[] = [];
  const series: string[] = [];
  // STEPS_TRACE=file.json: a Chromium trace of the measured runs (the marks above are in it as `steps:…`).
  const host = h.context.pages()[0] ?? (await h.context.newPage());
  const cdp = process.env.STEPS_TRACE ? await h.context.newCDPSession(host) : undefined;
  const events: unknown[] = [];
  cdp?.on('Tracing.dataCollected', (e) => void events.push(...e.value));
  for (let i = 0; i < runs + 2; i++) {
    if (i === 2)
      await cdp?.send('Tracing.start', {
        categories: 'toplevel,blink.user_timing,devtools.timeline,loading,v8.execute,disabled-by-default-v8.compile',
        transferMode: 'ReportEvents',
      });
    const r = await run(h);
    series.push(`${r.bench.toFixed(0)}/${r.blockedMs.toFixed(0)}`);
    if (i < 2) continue;
    all.push(r.steps);
    bench.push(r.bench);
  }
  if (cdp) {
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await traced;
    writeFileSync(process.env.STEPS_TRACE!, JSON.stringify(events));
  }
  const names = [...new Set(all.flatMap((s) => Object.keys(s)))];
  const rows = names
    .map((name) => {
      const values = all.map((s) => s[name]).filter((v): v is number => v !== undefined);
      return { name, ...latency(values) };
    })
    .filter((r) => r.n * 2 >= all.length)
    .sort((a, b) => a.p50 - b.p50);
  const { loadavg } = await import('node:os');
  console.log(
    `\nIn-page sidebar, ms from the ticket page's DOMContentLoaded (end), sample data${accounts ? ` and ${accounts} accounts` : ''}, ${runs} runs; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(['step'.padEnd(40), 'p50'.padStart(8), 'p95'.padStart(8), 'n'.padStart(4)].join(''));
  for (const r of rows)
    console.log(
      [r.name.padEnd(40), r.p50.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8), String(r.n).padStart(4)].join(''),
    );
  const b = latency(bench);
  console.log(
    `${'as bench/browser.ts takes it'.padEnd(40)}${b.p50.toFixed(1).padStart(8)}${b.p95.toFixed(1).padStart(8)}`,
  );
  // Run by run, in order: a slow stretch (the worker busy with something) shows as such.
  console.log(
    `run by run (warm-ups first), as bench/browser.ts takes it / ms the worker's thread was held by other work from the page's start to the story: ${series.join(' ')}`,
  );
  if (process.env.STEPS_RAW) console.log(JSON.stringify(all));
} finally {
  await h.close();
}
