// `npm start`: build Backstory, open it in Chromium on a sample help-desk ticket with the built-in
// sample data loaded. With no display it runs headless, saves screenshots and says where.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs, NO_CHROMIUM_MESSAGE } from './browser-path.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const extensionDir = resolve('.output-test/chrome-mv3');
const shots = resolve('screenshots');

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, WXT_TEST_HOSTS: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux';
const server = await startFixtureServer(Number(process.env.PORT ?? 0));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-start-')), {
  executablePath,
  headless: false,
  args: chromiumArgs(extensionDir, { headless }),
  viewport: { width: 1280, height: 800 },
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

// Load the sample data the way a user would: the options page's button.
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.getByRole('button', { name: 'Load sample data' }).click();
await options.getByText(/Loaded sample data/).waitFor({ timeout: 30_000 });

const ticketUrl = `${server.origin}/generic-ticket-email.html`;
const ticket = await context.newPage();
// The sample ticket was opened 47 minutes ago, so its promise clock shows where a technician
// would meet it: the fixture's fixed opened time is moved as the page is served.
await ticket.route(ticketUrl, async (route) => {
  const served = await route.fetch();
  const opened = new Date(Date.now() - 47 * 60_000).toISOString();
  await route.fulfill({
    response: served,
    body: (await served.text()).replaceAll('2026-11-23T07:12:00-08:00', opened),
  });
});
await ticket.goto(ticketUrl);
const frame = await waitForSidebar(ticket);
await frame.getByTestId('campaign').waitFor({ timeout: 15_000 });
await frame.getByTestId('relevant').waitFor({ timeout: 15_000 });

if (!headless) {
  console.log(`Backstory is running in Chromium on ${ticketUrl}. Close the browser or press Ctrl+C to stop.`);
  context.on('close', () => void server.close().then(() => process.exit(0)));
} else {
  mkdirSync(shots, { recursive: true });
  await ticket.screenshot({ path: join(shots, 'start-sidebar.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox').fill('dental');
  await popup.getByRole('option').first().waitFor();
  await popup.screenshot({ path: join(shots, 'start-popup.png') });
  await options.bringToFront();
  await options.screenshot({ path: join(shots, 'start-options.png'), fullPage: true });
  console.log(`No display found, so Chromium ran headless. Screenshots of the sidebar, popup and options:
  ${join(shots, 'start-sidebar.png')}
  ${join(shots, 'start-popup.png')}
  ${join(shots, 'start-options.png')}`);
  await context.close();
  await server.close();
}

async function waitForSidebar(page) {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('The Backstory sidebar did not appear on the sample ticket page.');
}
