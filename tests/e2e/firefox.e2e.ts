import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  firefoxSidebar,
  poll,
  textOf,
  type FirefoxHarness,
} from './firefox-harness';
import { SCREENSHOTS } from './harness';

/** The same product in Firefox: sample data from options, the sidebar on a ticket, popup search. */
let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  const options = await h.extensionPage('options.html');
  await (await options.waitForSelector('::-p-text(Load sample data)'))!.click();
  await options.waitForSelector('::-p-text(Loaded sample data)', { timeout: 30_000 });
  await options.close();
}, 90_000);
afterAll(async () => h?.close());

describe('Backstory in Firefox', () => {
  it('shows the origin story beside a ticket matched by contact email', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await firefoxSidebar(page);
    await poll(
      () => frame.evaluate(() => document.querySelector('[data-testid=account-name]')?.textContent),
      (t) => t === 'Acme Dental Group',
    );
    expect(await textOf(frame, '[data-testid=campaign]')).toContain('Spring Dental Postcard Mailer 2025');
    expect(await textOf(frame, '[data-testid=rep]')).toBe('Priya Nair');
    expect(await textOf(frame, '[data-testid=match-reason]')).toContain('dana@acmedental.com');
    // The ticket's subject and first message, read from the tab by the background (Firefox's
    // scripting.executeScript), put the promise about Dentrix first.
    await poll(
      () => frame.evaluate(() => document.querySelector('[data-testid=relevant-item]')?.textContent ?? ''),
      (t) => t.includes('1-hour response on the dental scheduler (Dentrix)'),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/firefox-sidebar.png` });
    await page.close();
  });

  it('shows nothing on a page that is not a ticket', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.origin}/not-a-ticket.html`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$('backstory-sidebar')).toBeNull();
    expect(page.frames()).toHaveLength(1);
    await page.close();
  });

  it('finds an account from the popup with a typo and opens its backstory with the keyboard', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.waitForSelector('[role=combobox]');
    await popup.type('[role=combobox]', 'acme dentl');
    await poll(
      () => popup.evaluate(() => document.querySelector('[role=option]')?.textContent ?? ''),
      (t) => t.includes('Acme Dental Group'),
    );
    await popup.keyboard.press('Enter');
    expect(await textOf(popup, '[data-testid=popup-account-name]')).toBe('Acme Dental Group');
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup.png` });
    await popup.close();
  });

  it('forgets the sales data cleared in the options page, though the background holds its match memory', async () => {
    // From its second ticket on the background answers from a copy of the data in its memory,
    // which must learn of a write made in another extension page (Dexie's BroadcastChannel).
    for (let i = 0; i < 3; i++) {
      const page = await h.browser.newPage();
      await page.goto(`${h.origin}/generic-ticket-email.html`);
      const frame = await firefoxSidebar(page);
      await poll(
        () => frame.evaluate(() => document.querySelector('[data-testid=account-name]')?.textContent),
        (t) => t === 'Acme Dental Group',
      );
      await page.close();
    }
    const options = await h.extensionPage('options.html');
    await (await options.waitForSelector('::-p-text(Clear all data…)'))!.click();
    await (await options.waitForSelector('::-p-text(Delete everything)'))!.click();
    await poll(
      () =>
        options.evaluate(() => document.querySelector('[data-testid=counts] [data-kind=account] strong')?.textContent),
      (t) => t === '0',
    );
    await options.close();
    const page = await h.browser.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await firefoxSidebar(page);
    // The story's first part: the account's campaign when there is a story, else "no sales history".
    const shown = await poll(
      () =>
        frame.evaluate(
          () => document.querySelector('[data-testid=no-match], [data-testid=campaign]')?.textContent ?? '',
        ),
      (t) => t !== '',
    );
    expect(shown).toContain('No sales history for');
    await page.close();
  });

  it("has a sidebar (sidebar_action) whose page follows its window's active tab", async () => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      sidebar_action?: { default_panel?: string };
    };
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    // The test before cleared the sales data: each ticket's own company name is shown, which is
    // enough to tell whose tab the page follows.
    // WebDriver cannot open Firefox's sidebar: its page is loaded as an extension tab told which
    // window to follow (?window=, test builds only), as in tests/e2e/sidepanel.e2e.ts.
    type Api = {
      windows: { create(o: object): Promise<{ id: number; tabs: { id: number }[] }> };
      tabs: { create(o: object): Promise<{ id: number }>; update(id: number, o: object): Promise<unknown> };
    };
    const panel = await h.extensionPage('sidepanel.html');
    const win = await panel.evaluate(async (u) => {
      const w = await (globalThis as unknown as { browser: Api }).browser.windows.create({ url: u });
      return { id: w.id, tab: w.tabs[0]!.id };
    }, `${h.origin}/generic-ticket-email.html`);
    await panel.evaluate((id) => void (location.search = `?window=${id}`), win.id);
    const name = () =>
      panel.evaluate(() => document.querySelector('[data-testid=account-name]')?.textContent ?? '').catch(() => '');
    await poll(name, (t) => t.includes('Acme Dental'), 15_000);
    const baker = await panel.evaluate(
      async ([w, u]) =>
        (await (globalThis as unknown as { browser: Api }).browser.tabs.create({ windowId: w, url: u, active: true }))
          .id,
      [win.id, `${h.origin}/generic-ticket-name.html`] as const,
    );
    await poll(name, (t) => t.includes('Baker'), 15_000);
    await panel.evaluate(
      (id) => (globalThis as unknown as { browser: Api }).browser.tabs.update(id, { active: true }),
      win.tab,
    );
    await poll(name, (t) => t.includes('Acme Dental'), 15_000);
    expect(baker).toBeGreaterThan(0);
    await panel.close();
  });

  it('registers Alt+Shift+B, and in panel mode gives the toolbar button to the sidebar', async () => {
    // A key pressed through WebDriver BiDi reaches the page, not Firefox's shortcuts (tried: in
    // page mode it did not fold the in-page sidebar, in panel mode sidebarAction.isOpen stayed
    // false), so the press itself is not tested here. What is: the command in the Firefox build
    // and registered with its key in the running Firefox, and the toolbar button's popup taken
    // off in panel mode (its click then opens the sidebar). The command's handler, which must
    // open the sidebar before it awaits anything, is tested in tests/unit/side-panel-command.test.ts.
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands?: Record<string, { suggested_key?: { default?: string } }>;
    };
    expect(manifest.commands?.['toggle-sidebar']?.suggested_key?.default).toBe('Alt+Shift+B');
    type Api = {
      commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
      browserAction: { getPopup(o: object): Promise<string> };
    };
    const options = await h.extensionPage('options.html#display');
    const commands = await options.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.commands.getAll(),
    );
    expect(commands).toEqual([
      {
        name: 'toggle-sidebar',
        shortcut: 'Alt+Shift+B',
        description: "Open Backstory in the browser's side panel, or show or hide its sidebar on the page",
      },
    ]);
    const popup = () =>
      options.evaluate(() => (globalThis as unknown as { browser: Api }).browser.browserAction.getPopup({}));
    expect(await popup()).toMatch(/\/popup\.html$/);
    await (await options.waitForSelector('input[name=storyPlace][value=panel]'))!.click();
    await poll(popup, (p) => p === '', 15_000);
    await (await options.waitForSelector('input[name=storyPlace][value=page]'))!.click();
    await poll(popup, (p) => p.endsWith('/popup.html'), 15_000);
    await options.close();
  });
});
