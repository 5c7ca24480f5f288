import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, sidebarFrame, hasSidebarFrame, screenshot, type Harness } from './harness';
import { fixtureFiles, readFixture } from '../helpdesk-fixtures';

/**
 * Every help-desk fixture in the built extension: the page is loaded at the address it imitates
 * (through the fixture server's proxy), so the manifest's match patterns, the adapters' URL
 * detectors and the sidebar are exercised together.
 */
let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

/** Sales facts of the sample data that no help-desk page shows: they must never reach its DOM. */
const CANARIES = [
  'Spring Dental Postcard Mailer',
  'Legal Tech Webinar',
  'Priya Nair',
  'Marcus Lee',
  'Managed IT Essentials',
  'burned by their last MSP',
];

/** The page's own view: its DOM with attributes and any open shadow roots, as page script sees it. */
async function pageText(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    return parts.join('\n');
  });
}

/**
 * The address as opened in tests: the fixture's own https address, answered by the harness from
 * the fixture (http would not do: Chromium upgrades HSTS-preloaded hosts such as atlassian.net).
 */
const served = (url: string) => url;

const hosted = fixtureFiles()
  .map((file) => ({ file, ...readFixture(file).expect }))
  .filter((f) => f.account !== undefined && !f.site);

describe.each(hosted.map((f) => [f.file, f] as const))('%s in Chromium', (file, want) => {
  it(want.helpdesk === null ? 'shows no sidebar' : `shows ${want.account ?? 'no sales history'}`, async () => {
    const page = await h.context.newPage();
    await page.goto(served(want.url));
    if (want.helpdesk === null) {
      await page.waitForTimeout(1000);
      expect(await hasSidebarFrame(page, h.extensionId)).toBe(false);
      return page.close();
    }
    const frame = await sidebarFrame(page, h.extensionId);
    if (want.account) {
      await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(want.account);
      await frame.getByTestId('match-reason').waitFor();
    } else {
      await frame.getByTestId('no-match').waitFor();
    }
    if (want.account === 'Acme Dental Group' || want.account === 'Baker & Price LLP') {
      // The sidebar does show these facts: so their absence below is not vacuous.
      const shown = await frame.locator('body').innerText();
      expect(CANARIES.some((c) => shown.includes(c))).toBe(true);
    }
    const seen = await pageText(page);
    for (const canary of CANARIES) expect(seen, `"${canary}" leaked into the page`).not.toContain(canary);
    await screenshot(page, `helpdesk-${file.replace(/\.html$/, '')}`);
    await page.close();
  });
});

const ownDomain = fixtureFiles()
  .map((file) => ({ file, ...readFixture(file).expect }))
  .filter((f) => f.site && f.account);

describe("a help desk on the MSP's own domain", () => {
  it('has fixtures for it', () => {
    expect(ownDomain.length).toBeGreaterThan(0);
  });

  it.each(ownDomain.map((f) => [f.file, f] as const))(
    '%s: added in options, granted at run time, then removed',
    async (_file, want) => {
      // The test serves the site over http (through the proxy), so that is the address to add.
      const origin = new URL(served(want.url)).origin;
      const before = await h.context.newPage();
      await before.goto(served(want.url));
      await before.waitForTimeout(1000);
      expect(await hasSidebarFrame(before, h.extensionId)).toBe(false);
      await before.close();

      const options = await h.extensionPage('options.html#sites');
      await options.getByLabel('Help-desk address').fill(served(want.url));
      await options.getByLabel('Product').selectOption(want.site!);
      await options.getByRole('button', { name: 'Add site' }).click();
      await expect.poll(() => options.getByTestId('sites-status').textContent()).toContain(`Added ${origin}`);
      await screenshot(options, 'options-sites');

      const page = await h.context.newPage();
      await page.goto(served(want.url));
      const frame = await sidebarFrame(page, h.extensionId);
      await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(want.account);
      await expect.poll(() => options.getByTestId('sites').textContent()).toContain('ticket recognised once today');
      await screenshot(page, `helpdesk-own-domain-${_file.replace(/\.html$/, '')}`);
      await page.close();

      await options.getByRole('button', { name: `Remove ${origin}` }).click();
      await expect.poll(() => options.getByTestId('sites-status').textContent()).toContain(`Removed ${origin}`);
      const after = await h.context.newPage();
      await after.goto(served(want.url));
      await after.waitForTimeout(1000);
      expect(await hasSidebarFrame(after, h.extensionId)).toBe(false);
      await after.close();
      await options.close();
    },
  );
});
