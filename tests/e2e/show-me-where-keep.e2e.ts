import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, sidebarFrame, type Harness } from './harness';

/**
 * "Show me where" keeps (issue 26): a recipe taught by clicks survives a browser restart on the
 * same profile and is used; "Export everything" then an import into a fresh profile restores it;
 * Options shows it, tests it on the open tab, and removing it there stops the page being read by
 * it at once. The ticket page is served at one fixed origin in every browser (the fixture
 * server's port changes with each launch, and a recipe belongs to its origin).
 */
const SITE = 'http://localhost:48213';
const TICKET = `${SITE}/showme-ticket.html`;
const FIXTURE = resolve('tests/fixtures/showme-ticket.html');

const dirs: string[] = [];
const open: Harness[] = [];
afterAll(async () => {
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function start(profile?: string): Promise<Harness> {
  const h = await launch(profile ? { profile } : {});
  open.push(h);
  await h.context.route(`${SITE}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', path: FIXTURE }),
  );
  return h;
}
async function stop(h: Harness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

/** The ticket page, read as shown: the recipe's account, and the match line says so. */
async function expectReadAsShown(h: Harness, page: Page): Promise<void> {
  const frame = await sidebarFrame(page, h.extensionId, 20_000);
  await expect
    .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 20_000 })
    .toBe('Acme Dental Group');
  await expect.poll(() => frame.getByTestId('read-as-shown').count(), { timeout: 20_000 }).toBe(1);
}

describe('show me where, kept', () => {
  it('survives a restart, travels in the backup, and stops when removed in Options', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'backstory-showme-'));
    dirs.push(profile);

    // 1. Teach the site by clicks.
    let h = await start(profile);
    await loadSampleData(h);
    let page = await h.context.newPage();
    await page.goto(TICKET);
    let frame = await sidebarFrame(page, h.extensionId, 20_000);
    await frame.getByTestId('match-reason').waitFor({ timeout: 20_000 });
    expect(await frame.getByTestId('read-as-shown').count()).toBe(0);
    await frame.getByTestId('show-me-where').click();
    await page.waitForSelector('backstory-picker', { state: 'attached', timeout: 20_000 });
    await page.click('.qx-l1');
    await page.click('.qx-l3');
    await page.keyboard.press('Enter'); // no ticket number
    await page.keyboard.press('Enter'); // save
    await page.waitForSelector('backstory-picker', { state: 'detached', timeout: 20_000 });
    await expectReadAsShown(h, page);
    await stop(h);

    // 2. The same profile after a restart: read by the recipe.
    h = await start(profile);
    page = await h.context.newPage();
    await page.goto(TICKET);
    await expectReadAsShown(h, page);

    // 3. Exported with everything.
    const data = await h.extensionPage('options.html#data');
    const download = data.waitForEvent('download');
    await data.getByRole('button', { name: 'Export everything' }).click();
    const backupFile = join(profile, '..', `backstory-showme-backup-${Date.now()}.json`);
    copyFileSync(await (await download).path(), backupFile);
    dirs.push(backupFile);
    await stop(h);

    // 4. A fresh profile: no recipe until the backup is imported.
    h = await start();
    page = await h.context.newPage();
    await page.goto(TICKET);
    frame = await sidebarFrame(page, h.extensionId, 20_000);
    await frame.getByTestId('match-reason').waitFor({ timeout: 20_000 });
    expect(await frame.getByTestId('read-as-shown').count()).toBe(0);
    const options = await h.extensionPage('options.html#data');
    await options.getByLabel('Files').setInputFiles(backupFile);
    await options.getByRole('button', { name: /^Import / }).click();
    await options.getByText(/reading recipes of 1 site\(s\) were restored/).waitFor({ timeout: 30_000 });
    // The open ticket page is read again with it, without a reload.
    await expectReadAsShown(h, page);

    // 5. Options lists it, tests it on the open tab, and removes it by keyboard.
    await options.getByRole('tab', { name: 'Help-desk sites' }).click();
    const row = options.locator(`[data-testid="recipes"] tr[data-origin="${SITE}"]`);
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.textContent()).toContain('company, contact email');
    await row.getByRole('button', { name: `Test the recipe of ${SITE} on an open tab of that site` }).click();
    await expect
      .poll(() => options.getByTestId('recipes-status').textContent(), { timeout: 20_000 })
      .toMatch(/On the open tab it reads: company: Acme Dental Group; contact email: \S+@\S+\./);
    await row.getByRole('button', { name: `Remove the recipe of ${SITE}` }).focus();
    await options.keyboard.press('Enter');
    await expect
      .poll(() => options.getByTestId('recipes-status').textContent(), { timeout: 20_000 })
      .toContain(`Removed the recipe of ${SITE}`);
    await options.getByTestId('recipes-none').waitFor({ timeout: 20_000 });

    // The open page is read without it at once, and after a reload.
    frame = await sidebarFrame(page, h.extensionId, 20_000);
    await expect.poll(() => frame.getByTestId('read-as-shown').count(), { timeout: 20_000 }).toBe(0);
    await page.reload();
    frame = await sidebarFrame(page, h.extensionId, 20_000);
    await frame.getByTestId('match-reason').waitFor({ timeout: 20_000 });
    expect(await frame.getByTestId('read-as-shown').count()).toBe(0);
  }, 240_000);
});
