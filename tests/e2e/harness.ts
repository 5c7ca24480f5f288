import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { findChromium, chromiumArgs, NO_CHROMIUM_MESSAGE } from '../../scripts/browser-path.mjs';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';

const require = createRequire(import.meta.url);

export const EXTENSION_DIR = resolve(process.env.BACKSTORY_TEST_OUT || '.output-test', 'chrome-mv3');
export const SCREENSHOTS = resolve('screenshots');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  origin: string;
  extensionPage: (path: string) => Promise<Page>;
  /** Opens an extension page in a tab that does not become the active one (as the toolbar
   * popup leaves the ticket tab active). Done over CDP rather than through the service worker,
   * which the stopped-worker pass may stop between finding it and calling it. */
  backgroundExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
  /** SIGKILL to the browser's whole process group (a crash, a power cut of the browser), then the fixture server closed. */
  kill: () => Promise<void>;
}

/**
 * A Chromium profile with the built test extension, and the fixture server. A fresh profile
 * (removed on close) unless `profile` names one, which is kept, so a test can start the browser
 * again on it; `extensionDir` loads another build than the test build.
 */
export async function launch(
  options: { lang?: string; profile?: string; extensionDir?: string } = {},
): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No test build in ${extensionDir}: run "WXT_TEST_HOSTS=1 npx wxt build" first (npm test does).`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const server = await startFixtureServer();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // the new headless mode comes from the flag, which loads extensions
    args: [
      ...chromiumArgs(extensionDir, { headless: !process.env.HEADED, proxy: server.proxy }),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { locale: options.lang } : {}),
    viewport: { width: 1280, height: 800 },
  });
  // Chromium upgrades hosts on its HSTS preload list (atlassian.net, since Chromium 156) to
  // https before any proxy sees them; those requests are answered here from the same fixtures.
  await context.route(
    (url) => url.protocol === 'https:' && url.hostname !== '127.0.0.1',
    async (route) => {
      const found = (await server.answer(new URL(route.request().url()))) as
        { contentType: string; body: string | Buffer } | undefined;
      if (!found) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'no fixture' });
      return route.fulfill({ status: 200, contentType: found.contentType, body: found.body });
    },
  );
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  const chaos = await stopWorkerRepeatedly(context, extensionId);
  return {
    context,
    extensionId,
    origin: server.origin,
    extensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    backgroundExtensionPage: async (path) => {
      const host = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(host);
      const url = `chrome-extension://${extensionId}/${path}`;
      const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank' });
      await cdp.send('Target.createTarget', { url, background: true });
      await cdp.detach();
      const page = await opened;
      await page.waitForURL(url);
      await page.waitForLoadState();
      return page;
    },
    close: async () => {
      chaos?.();
      await context.close();
      await server.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
    kill: async () => {
      chaos?.();
      // Playwright starts the browser as the leader of its own process group (detached).
      const pid = browserPid(profile);
      process.kill(-pid, 'SIGKILL');
      await context.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** The browser this process started on `profile` (its command line names the profile). */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && args.includes(`--user-data-dir=${profile}`)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no browser of this process runs on ${profile}`);
}

/**
 * BACKSTORY_STOP_WORKER_MS=2000: stop the extension's service worker every so often (CDP), so a
 * suite shows that no state lives in the worker's memory. Returns a function that ends it.
 */
async function stopWorkerRepeatedly(context: BrowserContext, extensionId: string): Promise<(() => void) | undefined> {
  const every = Number(process.env.BACKSTORY_STOP_WORKER_MS ?? 0);
  if (!every) return undefined;
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  let stops = 0;
  const timer = setInterval(() => {
    void cdp
      .send('Target.getTargets')
      .then(({ targetInfos }) =>
        targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`)),
      )
      .then((w) => (w ? cdp.send('Target.closeTarget', { targetId: w.targetId }).then(() => stops++) : undefined))
      .catch(() => undefined);
  }, every);
  return () => {
    clearInterval(timer);
    console.log(`(the service worker was stopped ${stops} times during this file)`);
  };
}

/**
 * The sidebar's frame on a help-desk page (an extension page inside a closed shadow root), once
 * shown. It starts loading hidden while the page is parsed (transparent, inert, not clickable)
 * and is shown once the page turns out to show a ticket: a click before that would be lost,
 * though the frame's own content may already look ready to Playwright.
 */
export async function sidebarFrame(page: Page, extensionId: string, timeout = 10_000, settled = true) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
    if (frame) {
      await page.waitForFunction(() => !document.querySelector('backstory-sidebar[data-hidden]'), undefined, {
        timeout: Math.max(1, deadline - Date.now()),
      });
      // Two painted frames: the browser routes clicks to the sidebar's frame only once it has
      // drawn it shown (until then a click at its place reaches the page underneath).
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      // Clicks count once the frame has been seen visible and still a moment (its click guard,
      // entrypoints/sidebar/guard.ts, marks the root element); `settled: false` skips the wait.
      if (settled) {
        await frame.waitForFunction(() => document.documentElement.hasAttribute('data-actions'), undefined, {
          timeout: Math.max(1, deadline - Date.now()),
        });
      }
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('sidebar frame did not appear');
}

export async function hasSidebarFrame(page: Page, extensionId: string): Promise<boolean> {
  return page.frames().some((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Load the built-in sample data the way a user does: the options page's button. */
export async function loadSampleData(h: Harness): Promise<void> {
  const options = await h.extensionPage('options.html');
  await options.getByRole('button', { name: 'Load sample data' }).click();
  // With the worker stopped every 3 s on a loaded machine, the load may be cut off and begun again
  // more than once (each write is whole or not at all): room for that.
  await options.getByText(/Loaded sample data/).waitFor({ timeout: 90_000 });
  await options.close();
}

/** axe-core's serious and critical violations in a page or frame (rule id: first offending nodes). */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(source);
  const violations = await target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}
