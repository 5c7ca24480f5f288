// Steps the data-source browser tests share (sources-*.e2e.ts, crm-sources.e2e.ts,
// psa-sources.e2e.ts): open a ticket with its sidebar, import files beside a source, flag from the
// sidebar, stop the service worker in the middle of a sync, remove the source. Each file keeps its
// own checks; only the clicks and waits that are the same in every file live here.
import { expect } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { sidebarFrame, type Harness } from './harness';

/**
 * Opens `url` in a new tab and finds its sidebar. With `account`, waits until the sidebar names that
 * account (a string exactly, a pattern by match).
 */
export async function openTicket(
  h: Harness,
  url: string,
  account?: string | RegExp,
): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.goto(url);
  const frame = await sidebarFrame(page, h.extensionId);
  if (account !== undefined) {
    const name = expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 });
    await (typeof account === 'string' ? name.toBe(account) : name.toMatch(account));
  }
  return { page, frame };
}

/** Imports two or more CSV files (name -> text) together on the options page's Data tab. */
export async function importCsvFiles(h: Harness, files: Record<string, string>): Promise<void> {
  const data = await h.extensionPage('options.html#data');
  const entries = Object.entries(files);
  await data
    .getByLabel('Files')
    .setInputFiles(entries.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })));
  await data.getByRole('button', { name: `Import ${entries.length} files` }).click();
  await expect.poll(() => data.getByTestId('import-outcome').textContent(), { timeout: 15_000 }).toMatch(/Imported/);
  await data.close();
}

/** Fills in "Flag for sales" in the sidebar and sends it (with the second, confirming click). */
export async function sendFlag(frame: Frame, kind: string, note: string): Promise<void> {
  await frame.getByRole('button', { name: 'Flag for sales' }).click();
  await frame.getByLabel('What did you notice?').selectOption({ label: kind });
  await frame.getByLabel('Note for sales').fill(note);
  await frame.getByRole('button', { name: 'Send to sales' }).click();
  // Sending takes a second, confirming click (components/ConfirmButton.tsx).
  await frame.getByRole('button', { name: 'Confirm: send to sales' }).click();
}

/** Closes the extension's service worker through the DevTools protocol and waits until it is gone. */
export async function stopWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  // None: the stopped-worker pass (BACKSTORY_STOP_WORKER_MS) has just stopped it.
  if (!worker) return;
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  // Wait for that worker to be gone. A new one may start at once (the options page asks the
  // background about the sync it shows): that one is a fresh worker, which is the point.
  await expect
    .poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.targetId === worker.targetId))
    .toBe(false);
}

/**
 * Clicks "Sync now" on the options page, waits until `reached` says the mock was asked for the step
 * to stop in, then stops the worker there: the source still says it is syncing.
 */
export async function syncThenStopWorker(
  options: Page,
  extensionId: string,
  reached: () => boolean,
  timeout = 15_000,
): Promise<void> {
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(reached, { timeout }).toBe(true);
  const cdp = await options.context().newCDPSession(options);
  await stopWorker(cdp, extensionId);
  expect(await options.getByTestId('source-status').textContent()).toMatch(/Syncing/);
}

/** Removes the one source on the options page with its records and waits until it is gone from the list. */
export async function removeSource(options: Page): Promise<void> {
  await options.getByRole('button', { name: 'Remove source and its data' }).click();
  await expect.poll(() => options.getByTestId('source').count()).toBe(0);
}
