// Issue 19: a Salesforce Data Export set and a Pipedrive set imported through the options page
// (parsed in the import worker), then the sidebar beside a ticket shows the campaign, the rep by
// name and the deal's description as a sales note.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, sidebarFrame, type Harness } from './harness';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.extensionPage('options.html');
  await options.setViewportSize({ width: 1000, height: 900 });
});
afterAll(async () => h?.close());

const file = (path: string) => ({
  name: path.split('/').pop()!,
  mimeType: 'text/csv',
  buffer: readFileSync(`tests/fixtures/csv/${path}`),
});

async function importSet(paths: string[], product: string) {
  await options.getByLabel('Files').setInputFiles(paths.map(file));
  const files = options.getByTestId('import-file');
  await expect.poll(() => files.count(), { timeout: 15_000 }).toBe(paths.length);
  expect(await files.first().getByTestId('import-read-as').textContent()).toContain(product);
  await options.getByRole('button', { name: `Import ${paths.length} files` }).click();
  await expect
    .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 20_000 })
    .toMatch(/^Imported /);
}

async function ticket(path: string) {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/${path}`);
  const frame = await sidebarFrame(page, h.extensionId);
  await frame.getByTestId('match-reason').or(frame.getByTestId('no-match')).first().waitFor();
  return { page, frame };
}

describe('real CRM exports land whole', () => {
  it('a Salesforce Data Export set: campaign, rep by name and the description beside the ticket', async () => {
    const set = ['Account', 'Opportunity', 'Campaign', 'Note', 'User'].map((n) => `salesforce-data-export/${n}.csv`);
    await importSet(set, 'Salesforce');
    await screenshot(options, 'options-import-salesforce-export');
    const { page, frame } = await ticket('generic-ticket-copperfield.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Copperfield Logistics');
    expect(await frame.getByTestId('campaign').textContent()).toContain('Spring Logistics Expo 2024');
    expect(await frame.getByTestId('rep').textContent()).toBe('Jordan Blake');
    expect(await frame.getByTestId('notes').textContent()).toContain('Promised a named engineer');
    await screenshot(page, 'sidebar-salesforce-export');
    await page.close();
  });

  it('a Pipedrive set: the deal, its rep and its note beside the ticket', async () => {
    const set = ['organizations', 'people', 'deals', 'notes'].map((n) => `pipedrive/${n}.csv`);
    await importSet(set, 'Pipedrive');
    const { page, frame } = await ticket('generic-ticket-fjord.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Fjord Freight AS');
    expect(await frame.getByTestId('deal').textContent()).toContain('Fjord Freight - managed network');
    expect(await frame.getByTestId('rep').textContent()).toBe('Ingrid Solberg');
    expect(await frame.getByTestId('notes').textContent()).toContain('weekend cut-over');
    await page.close();
  });
  it('a file read again by the import worker: the date order chosen, a column mapped to notes by hand', async () => {
    const csv =
      'Deal,Account,Closed,Remarks\n' +
      'Harbourside - managed backup,Harbourside Dental Group,03/04/2024,Promised quarterly restore tests\n' +
      'Kestrel - firewall refresh,Kestrel Engineering,05/06/2024,\n';
    await options
      .getByLabel('Files')
      .setInputFiles({ name: 'deals-by-hand.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const file = options.getByTestId('import-file');
    await expect.poll(() => file.getByTestId('import-ignored').textContent()).toContain('“Remarks”');
    // The ambiguous date column is asked about; the answer reads the file again (in the worker).
    await file.getByLabel('Dates such as 03/05/2024 in Closed are').selectOption('dmy');
    await expect.poll(() => file.getByRole('table').textContent()).toContain('2024-04-03');
    // "Remarks" mapped to the deal's notes by hand: no longer ignored, it becomes sales notes.
    await file.getByText(/^Columns \(/).click();
    await file
      .locator('label', { has: options.locator('span', { hasText: /^notes$/ }) })
      .locator('select')
      .selectOption('3');
    await expect.poll(() => file.textContent()).toContain('1 description(s) and note column(s) become sales notes');
    expect(await file.getByTestId('import-ignored').count()).toBe(0);
    expect(await file.getByLabel('Dates such as 03/05/2024 in Closed are').inputValue()).toBe('dmy');
    await options.getByRole('button', { name: 'Import deals-by-hand.csv' }).click();
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/^Imported deals-by-hand\.csv/);
  });
  it('a file over 100 MB is refused at once, unread, naming the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-big-'));
    try {
      const path = join(dir, 'huge.csv');
      writeFileSync(path, '');
      truncateSync(path, 101 * 1024 * 1024);
      await options.getByLabel('Files').setInputFiles(path);
      await expect
        .poll(() => options.getByTestId('import-errors').textContent())
        .toContain('the file is larger than 100 MB');
      expect(await options.getByRole('button', { name: 'Import huge.csv' }).isDisabled()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
