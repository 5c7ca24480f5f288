import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { startFixtureServer } from '../../scripts/fixture-server.mjs';

/**
 * Firefox for the browser tests: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with the Firefox test build installed as a temporary add-on. The add-on's internal UUID
 * is fixed through a preference so its pages have a known address.
 */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.BACKSTORY_TEST_OUT || '.output-test', 'firefox-mv2');
export const ADDON_ID = 'backstory@backstory.example';
const UUID = '3b1d9c2e-8a4f-4f6e-9a53-6c1e2b7d4a10';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export function findFirefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (p): p is string => !!p && existsSync(p),
  );
}

export interface FirefoxHarness {
  browser: Browser;
  origin: string;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('No Firefox found: install it (Debian: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No Firefox test build in ${FIREFOX_EXTENSION_DIR}: run "WXT_TEST_HOSTS=1 npx wxt build -b firefox" first (npm test does).`,
    );
  }
  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !process.env.HEADED,
    // Firefox ESR's BiDi has no viewport emulation: size the window instead.
    defaultViewport: null,
    args: ['--width=1280', '--height=800'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    origin: server.origin,
    extensionPage: async (path) => {
      // Firefox 153 refuses WebDriver navigation to moz-extension: pages ("not allowed in this
      // context"), so the extension opens its own pages: a link clicked (a real WebDriver click)
      // in the sidebar frame of a ticket page opens the options page (a framed extension page has
      // no tabs API in Firefox), and the options page, a full extension tab, opens any other page.
      // BiDi reports such tabs as about:blank, so the new tab is found and then its location read.
      const newTab = async (open: () => Promise<void>) => {
        const before = new Set(await browser.pages());
        await open();
        let page: Page | undefined;
        await poll(
          async () => (page = (await browser.pages()).find((p) => !before.has(p))),
          (p) => !!p,
          15_000,
        );
        return page!;
      };
      const launcher = await browser.newPage();
      await launcher.goto(`${server.origin}/generic-ticket-email.html`);
      const frame = await firefoxSidebar(launcher);
      // The sidebar takes clicks only once it has been seen on screen and still for a moment (its
      // click guard, entrypoints/sidebar/guard.ts, then marks its root element).
      await poll(
        () => frame.evaluate(() => document.documentElement.hasAttribute('data-actions')).catch(() => false),
        (v) => v,
      );
      let page = await newTab(async () => {
        const link = await frame.evaluate((u) => {
          const a = document.createElement('a');
          a.href = u;
          a.target = '_blank';
          a.textContent = 'options';
          a.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;padding:8px;background:#fff';
          document.body.prepend(a);
          const r = a.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }, `${EXTENSION_ORIGIN}/options.html`);
        // Clicked by the page's mouse at the link's place: puppeteer's own click in a child frame
        // asks for the frame's element with a BiDi locator Firefox ESR 140 does not know. The
        // frame fills the sidebar's host element (frame-style.ts), which the page can measure.
        const host = await launcher.evaluate(() => {
          const r = document.querySelector('backstory-sidebar')!.getBoundingClientRect();
          return { x: r.x, y: r.y };
        });
        await launcher.mouse.click(host.x + link.x, host.y + link.y);
      });
      await launcher.close();
      const waitFor = (p: Page, file: string) =>
        poll(
          () => p.evaluate(() => location.pathname + ' ' + document.readyState).catch(() => ''),
          (v) => v === `/${file} complete`,
        );
      await waitFor(page, 'options.html');
      const file = path.split('#')[0]!;
      if (path !== 'options.html') {
        const options = page;
        type Tabs = { tabs: { create(o: { url: string }): Promise<unknown> } };
        page = await newTab(() =>
          options.evaluate(
            (u) => void (globalThis as unknown as { browser: Tabs }).browser.tabs.create({ url: u }),
            `${EXTENSION_ORIGIN}/${path}`,
          ),
        );
        await options.close();
        await waitFor(page, file);
      }
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The sidebar frame of a ticket page (the page's only child frame). */
export async function firefoxSidebar(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const path = await frame.evaluate(() => location.href).catch(() => '');
      if (path.startsWith(`${EXTENSION_ORIGIN}/sidebar.html`)) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sidebar frame did not appear in Firefox');
}

/**
 * Poll a value from Node until it passes (extension pages' CSP forbids the Function() that
 * puppeteer's waitForFunction evaluates in the page).
 */
export async function poll<T>(get: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await get();
  }
  return last;
}

export async function textOf(frame: Frame | Page, selector: string, timeout = 10_000): Promise<string> {
  const handle = await frame.waitForSelector(selector, { timeout });
  return (await handle!.evaluate((el) => el.textContent ?? '')).trim();
}
