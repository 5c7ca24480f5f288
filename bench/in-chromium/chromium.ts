/**
 * The Chromium run of ticket matching and import: entry.ts bundled (bundle.ts), served with a
 * tiny page from 127.0.0.1 (cross-origin isolated, for 5 µs timers), opened in headless Chromium
 * (playwright-core, the repo's findChromium) with a persistent profile in a temporary folder, so
 * IndexedDB is on disk as for the extension (a fresh Playwright context is off the record, and its
 * IndexedDB lives in memory). Each measurement runs in a new tab.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext } from 'playwright-core';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { findChromium } from '../../scripts/browser-path.mjs';
import { bundlePage } from './bundle';
import type { ChromiumImport, ChromiumMatch, PageEnv } from './entry';

export interface ChromiumBench {
  env: PageEnv & { browserVersion: string };
  match(size: number, n?: number): Promise<ChromiumMatch>;
  import(rows: number): Promise<ChromiumImport>;
  close(): Promise<void>;
}

const HTML = '<!doctype html><meta charset="utf-8"><title>Backstory bench</title><script src="/bench.js"></script>';

function serve(script: string): Promise<Server> {
  const server = createServer((req, res) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    };
    if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(HTML);
    else if (req.url === '/bench.js')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(404, headers).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The run's handle, or why it is skipped (no Chromium, or it failed to start). */
export async function openChromiumBench(): Promise<ChromiumBench | string> {
  const executablePath: string | undefined = findChromium();
  if (!executablePath) return 'no Chromium (set CHROME_PATH)';
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const close = async () => {
    await context?.close().catch(() => undefined);
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    server = await serve(await bundlePage());
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    const ctx = context;
    const inTab = async <T>(run: (page: import('playwright-core').Page) => Promise<T>): Promise<T> => {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`${origin}/`);
        await page
          .waitForFunction(() => 'backstoryBench' in window, undefined, { timeout: 10_000 })
          .catch(() => {
            throw new Error(`the bench page did not start${errors.length ? `: ${errors.join('; ')}` : ''}`);
          });
        return await run(page);
      } finally {
        await page.close();
      }
    };
    const env = await inTab((page) => page.evaluate(() => window.backstoryBench.env()));
    if (!env.nativeIndexedDb) throw new Error("the page does not use the browser's own IndexedDB");
    return {
      env: { ...env, browserVersion: ctx.browser()?.version() ?? env.userAgent },
      match: (size: number, n = 300) =>
        inTab((page) => page.evaluate(([s, k]) => window.backstoryBench.match(s, k), [size, n] as const)),
      import: (rows: number) => inTab((page) => page.evaluate((r) => window.backstoryBench.import(r), rows)),
      close,
    };
  } catch (e) {
    await close();
    return `Chromium run failed to start: ${(e as Error).message}`;
  }
}
