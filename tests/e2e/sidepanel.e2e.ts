import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';

/**
 * The browser's side panel (issue 22), in Chromium. Playwright cannot open Chrome's side panel
 * UI (it is no page target a test can drive, and sidePanel.open needs a real user gesture), so
 * the panel's page is loaded directly as an extension page in a window of its own, told which
 * window to follow with `?window=<id>`: that parameter, and the background taking such a page
 * in a tab as a panel, exist only in test builds (entrypoints/sidepanel/main.tsx,
 * core/senders.ts). Everything else is the shipped path: the same port, pushes and checks.
 * What opening the real panel needs (the panel enabled, the toolbar button opening it, no popup)
 * is checked through the APIs that set it.
 */
let h: Harness;
/** An extension page in a background tab, for the tabs and windows APIs (not the worker, which may be stopped). */
let api: Page;

type Chrome = {
  tabs: {
    query(q: object): Promise<{ id: number; windowId: number; url?: string; active: boolean }[]>;
    create(p: object): Promise<{ id: number; windowId: number }>;
    update(id: number, p: object): Promise<unknown>;
  };
  windows: { create(p: object): Promise<{ id: number; tabs: { id: number }[] }> };
  sidePanel: {
    getOptions(o: object): Promise<{ enabled?: boolean; path?: string }>;
    getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }>;
  };
  action: { getPopup(o: object): Promise<string> };
};

beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
  // The in-page sidebar's header offers the side panel: the page's sidebar goes at once, and
  // Options > Display shows the choice.
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/generic-ticket-email.html`);
  const frame = await sidebarFrame(page, h.extensionId);
  // The click removes the frame it is in, so Playwright may never hear back from it (it once
  // waited 30 s in CI): the test waits for what the click does, the page's sidebar going.
  void frame
    .getByTestId('to-panel')
    .click({ noWaitAfter: true })
    .catch(() => undefined);
  await page.locator('backstory-sidebar').waitFor({ state: 'detached', timeout: 10_000 });
  await page.close();
  const options = await h.extensionPage('options.html#display');
  await options.waitForFunction(
    () => document.querySelector<HTMLInputElement>('input[name=storyPlace][value=panel]')?.checked,
  );
  await options.close();
  api = await h.backgroundExtensionPage('options.html');
}, 120_000);
afterAll(async () => h?.close());

/** Open a URL as a new tab of a window (active: it becomes that window's active tab). */
async function openTab(windowId: number, path: string): Promise<{ page: Page; tabId: number }> {
  const url = `${h.origin}/${path}`;
  const opened = h.context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank' });
  const tab = await api.evaluate(
    ([w, u]) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.create({ windowId: w, url: u, active: true }),
    [windowId, url] as const,
  );
  const page = await opened;
  await page.waitForURL(url);
  return { page, tabId: tab.id };
}

const activate = (tabId: number) =>
  api.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.update(id, { active: true }), tabId);

/** The panel page following `windowId`, in a window of its own (see above). */
async function openPanel(windowId: number): Promise<Page> {
  const url = `chrome-extension://${h.extensionId}/sidepanel.html?window=${windowId}`;
  const opened = h.context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank' });
  await api.evaluate(
    (u) => (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url: u, width: 420, height: 800 }),
    url,
  );
  const panel = await opened;
  await panel.waitForURL(url);
  await panel.setViewportSize({ width: 400, height: 760 });
  // Every change of the account name the panel shows, as it shows it: a switch must never show
  // the old one. The name shown last is kept apart from the list, so that emptying the list
  // (shownSince) does not make the next unrelated change of the panel (a clock, a section
  // loading) count the name already shown as shown again (CI c25b71c failed on that).
  await panel.evaluate(() => {
    const w = window as unknown as { shownNames: string[] };
    w.shownNames = [];
    let last: string | undefined;
    new MutationObserver(() => {
      const name = document.querySelector('[data-testid="account-name"]')?.textContent ?? '';
      if (name === last) return;
      last = name;
      w.shownNames.push(name);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return panel;
}

/**
 * Wait for the panel to show `testId`; when it does not, the error says what it showed instead
 * (the panel's text), so a failure in CI tells which state the panel was left in.
 */
async function panelShows(panel: Page, testId: string): Promise<void> {
  try {
    await panel.getByTestId(testId).waitFor({ timeout: 10_000 });
  } catch (e) {
    const shown = await panel.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 400));
    throw new Error(`the panel did not show ${testId}; it showed: ${shown}`, { cause: e });
  }
}

const nameIn = (panel: Page) => panel.getByTestId('account-name').textContent();
const shownSince = async (panel: Page) =>
  panel.evaluate(() => {
    const w = window as unknown as { shownNames: string[] };
    const names = w.shownNames;
    w.shownNames = [];
    return names;
  });
/** Wait for a name, and say how long it took from `since` (ms). */
async function shownWithin(panel: Page, name: string, since: number): Promise<number> {
  await expect.poll(() => nameIn(panel), { timeout: 10_000, interval: 10 }).toBe(name);
  return Date.now() - since;
}

describe('the side panel', { timeout: 120_000 }, () => {
  let windowId: number;
  let acmeTab: number;
  let panel: Page;

  it('is what the toolbar button opens in panel mode, and nothing of the backstory enters the page', async () => {
    const set = await api.evaluate(async () => ({
      options: await (globalThis as unknown as { chrome: Chrome }).chrome.sidePanel.getOptions({}),
      behavior: await (globalThis as unknown as { chrome: Chrome }).chrome.sidePanel.getPanelBehavior(),
      popup: await (globalThis as unknown as { chrome: Chrome }).chrome.action.getPopup({}),
    }));
    expect(set).toEqual({
      options: expect.objectContaining({ enabled: true, path: 'sidepanel.html' }),
      behavior: { openPanelOnActionClick: true },
      popup: '',
    });
    const [first] = await api.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: false }),
    );
    windowId = first!.windowId;
    const acme = await openTab(windowId, 'generic-ticket-email.html');
    acmeTab = acme.tabId;
    panel = await openPanel(windowId);
    await activate(acmeTab);
    await shownWithin(panel, 'Acme Dental Group', Date.now());
    expect(await panel.getByTestId('campaign').textContent()).toContain('Spring Dental Postcard Mailer 2025');
    // The page got no sidebar, not even a hidden frame.
    expect(await acme.page.locator('backstory-sidebar').count()).toBe(0);
    expect(acme.page.frames().some((f) => f.url().includes('sidebar.html'))).toBe(false);
  });

  it('follows tab switches at once, never showing the previous tab’s customer', async () => {
    await shownSince(panel);
    const started = Date.now();
    const baker = await openTab(windowId, 'generic-ticket-name.html');
    const took = await shownWithin(panel, 'Baker & Price LLP', started);
    console.log(`panel: new tab with a ticket → its backstory in ${took} ms (page load included)`);
    expect((await shownSince(panel)).filter((n) => n === 'Acme Dental Group')).toEqual([]);
    const back = Date.now();
    await activate(acmeTab);
    const switched = await shownWithin(panel, 'Acme Dental Group', back);
    console.log(`panel: tab switch → that tab's backstory in ${switched} ms`);
    expect(await shownSince(panel)).not.toContain('Baker & Price LLP');
    await activate(baker.tabId);
    await shownWithin(panel, 'Baker & Price LLP', Date.now());
    expect(await shownSince(panel)).not.toContain('Acme Dental Group');
  });

  it('follows a single-page help desk to another ticket', async () => {
    const spa = await openTab(windowId, 'spa/ticket/1042?delay=0');
    await shownWithin(panel, 'Acme Dental Group', Date.now());
    const asked = Date.now();
    await spa.page.evaluate(() => (window as unknown as { showTicket(id: string): void }).showTicket('1044'));
    const took = await shownWithin(panel, 'Baker & Price LLP', asked);
    console.log(`panel: SPA ticket change → its backstory in ${took} ms`);
  });

  it('says a tab shows no ticket and offers the search', async () => {
    await openTab(windowId, 'not-a-ticket.html');
    await panelShows(panel, 'no-ticket');
    expect(await panel.getByTestId('no-ticket').textContent()).toContain('This tab shows no ticket');
    await panel.getByRole('combobox').fill('riverside');
    await panel.getByText('Riverside Family Clinic').first().waitFor({ timeout: 10_000 });
  });

  it('pins and flags from the panel, on the tab it shows', async () => {
    await openTab(windowId, 'generic-ticket-nomatch.html');
    await panelShows(panel, 'no-match');
    await panel.getByRole('searchbox').fill('riverside');
    await panel.getByRole('button', { name: 'Pin Riverside Family Clinic' }).click();
    await shownWithin(panel, 'Riverside Family Clinic', Date.now());
    expect(await panel.getByTestId('match-reason').textContent()).toMatch(/pinned/i);

    await panel.getByRole('button', { name: 'Flag for sales' }).click();
    await panel.getByLabel('Note for sales').fill('Asked about a second site.');
    await panel.getByRole('button', { name: 'Send to sales' }).click();
    await panel.getByTestId('flag-outcome').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => panel.getByTestId('flags').textContent(), { timeout: 10_000 })
      .toContain('Asked about a second site.');
  });

  it('refuses a flag naming a tab that is no longer active, in words, and keeps the note', async () => {
    // A click racing a tab switch sends the tab the panel was last pushed, no longer the active
    // one. To make that race certain, the panel's flag request is made to name the Acme tab
    // (active earlier, not now): the real background checks it and refuses.
    await panel.evaluate((stale) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (m: unknown) => {
        const message = m as { type?: string; shown?: { tabId: number } };
        return send(message.type === 'sidebar:flag' ? { ...message, shown: { ...message.shown, tabId: stale } } : m);
      };
    }, acmeTab);
    const flagsBefore = await panel.locator('#flag-title').textContent();
    await panel.getByRole('button', { name: 'Flag for sales' }).click();
    await panel.getByLabel('Note for sales').fill('Wants a quote for new laptops.');
    await panel.getByRole('button', { name: 'Send to sales' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe(
        'The side panel now shows another tab or ticket: the flag was not sent. Your note is kept; check the ticket and send it again.',
      );
    expect(await panel.getByLabel('Note for sales').inputValue()).toBe('Wants a quote for new laptops.');
    expect(await panel.locator('#flag-title').textContent()).toBe(flagsBefore);
    await panel.reload();
    await shownWithin(panel, 'Riverside Family Clinic', Date.now());
  });

  it('keeps two windows apart: each panel shows its own window’s customer', async () => {
    const url = `${h.origin}/generic-ticket-name.html`;
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank' });
    const other = await api.evaluate(
      (u) => (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url: u }),
      url,
    );
    await opened;
    await activate(acmeTab);
    await shownWithin(panel, 'Acme Dental Group', Date.now());
    const second = await openPanel(other.id);
    await shownWithin(second, 'Baker & Price LLP', Date.now());
    expect(await nameIn(panel)).toBe('Acme Dental Group');
    await second.close();
  });

  it('is accessible in light and dark (axe), with screenshots of both', async () => {
    await activate(acmeTab);
    await shownWithin(panel, 'Acme Dental Group', Date.now());
    await panel.getByTestId('notes').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await axeViolations(panel)).toEqual([]);
      await screenshot(panel, `sidepanel-${scheme}`);
    }
  });

  it('gives the page its sidebar back in page mode (screenshots of that mode, light and dark)', async () => {
    const options = await h.extensionPage('options.html#display');
    await options.locator('input[name=storyPlace][value=page]').check();
    await options.close();
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Acme Dental Group');
    await frame.getByTestId('notes').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect
        .poll(() => frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), { timeout: 10_000 })
        .toBe(scheme === 'dark');
      await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await screenshot(page, `sidebar-mode-${scheme}`);
    }
    await page.close();
  });
});
