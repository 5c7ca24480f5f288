// A live data source end to end: HubSpot (a mock of its API on 127.0.0.1) configured through the
// options page, synced by the background, and its records shown beside a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launch, screenshot, sidebarFrame, type Harness } from './harness';
import { startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

let h: Harness;
let mock: MockHubSpot;
let options: Page;
const TOKEN = 'pat-na1-e2e-CANARY-5e1f';

beforeAll(async () => {
  mock = await startMockHubSpot({ token: TOKEN });
  h = await launch();
  options = await h.extensionPage('options.html#sources');
  await options.setViewportSize({ width: 1000, height: 1000 });
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
});

const status = () => options.getByTestId('source-status').textContent();
const ticketAccount = async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/generic-ticket-nomatch.html`);
  const frame = await sidebarFrame(page, h.extensionId);
  return { page, frame };
};

async function stopWorker(cdp: CDPSession) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`));
  expect(worker).toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await expect.poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(h.extensionId))).toBe(false);
}

describe('HubSpot as a data source', () => {
  it('is added in options with a token, syncs, and its account shows beside a ticket', async () => {
    await options.getByLabel('Name').fill('HubSpot (mock)');
    await options.getByLabel('Private app token').fill(TOKEN);
    await options.getByLabel('API address').fill(mock.url);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*: 3 accounts, 2 contacts, 3 deals, 1 notes/);
    // Write-only: the token is not in the page any more.
    expect(await options.getByLabel('Private app token').inputValue()).toBe('');
    expect(await options.content()).not.toContain(TOKEN);
    expect(mock.requests.length).toBeGreaterThan(4);
    expect(mock.requests.every((r) => r.authorized)).toBe(true);
    await screenshot(options, 'options-sources');

    const { page, frame } = await ticketAccount();
    await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Unknown Widgets Ltd');
    const text = await frame.locator('body').textContent();
    expect(text).toContain('Priya Nair');
    expect(text).toContain('burned by their last IT guy');
    expect(await page.content()).not.toContain(TOKEN);
    await screenshot(page, 'sidebar-hubspot');
    await page.close();
  });

  it('keeps the last good data and says the key was rejected when the token is revoked', async () => {
    mock.setToken('pat-na1-rotated');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 }).toMatch(/rejected the key \(401\).*data from the last good sync is kept/);
    await screenshot(options, 'options-sources-error');
    const { page, frame } = await ticketAccount();
    await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Unknown Widgets Ltd');
    await page.close();
    mock.setToken(TOKEN);
  });

  it('finishes a sync that the browser cut off by stopping the service worker', async () => {
    mock.data.companies.push({ id: '5004', properties: { name: 'Harborview Bakery', domain: 'harborview-bakery.example' } });
    mock.switches = { delayMs: 700 };
    const seen = mock.requests.length;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => mock.requests.length, { timeout: 10_000 }).toBeGreaterThan(seen);
    const cdp = await options.context().newCDPSession(options);
    await stopWorker(cdp);
    expect(await status()).toMatch(/Syncing/);
    mock.switches = {};
    // Any event wakes the worker (here a ticket page asking for its story); it finds the cut-off sync and runs it again.
    const { page } = await ticketAccount();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*: 4 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    await page.close();
  });

  it('removes the source and its records', async () => {
    await options.getByRole('button', { name: 'Remove source and its data' }).click();
    await expect.poll(() => options.getByTestId('source').count()).toBe(0);
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('Unknown Widgets');
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('option').count()).toBe(0);
    await popup.close();
  });
});
