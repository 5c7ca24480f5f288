import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Harness } from './harness';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.extensionPage('options.html');
  await options.setViewportSize({ width: 1000, height: 900 });
});
afterAll(async () => h?.close());

const count = (kind: string) => options.locator(`[data-testid=counts] [data-kind=${kind}] strong`).textContent();
const csv = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(`tests/fixtures/csv/${name}`) });

describe('options page: data', () => {
  it('starts empty and imports a HubSpot companies + deals export through the file input', async () => {
    await expect.poll(() => count('account')).toBe('0');
    await options.getByLabel('Files').setInputFiles([csv('hubspot-companies.csv'), csv('hubspot-deals.csv')]);
    const files = options.getByTestId('import-file');
    await expect.poll(() => files.count()).toBe(2);
    // Recognised as HubSpot exports of the right kinds, with a preview of the stored rows.
    expect(await files.nth(0).textContent()).toContain('HubSpot export');
    expect(await files.nth(0).locator('select').first().inputValue()).toBe('account');
    expect(await files.nth(1).locator('select').first().inputValue()).toBe('deal');
    expect(await files.nth(0).locator('table').textContent()).toContain('Harbor Dental Group');
    await screenshot(options, 'options-import-preview');
    await options.getByRole('button', { name: 'Import 2 files' }).click();
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Imported hubspot-companies.csv, hubspot-deals.csv: \d+ accounts, \d+ deals added/);
    // The counts refresh from a live query a moment after the outcome line appears.
    await expect.poll(async () => Number(await count('account'))).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => Number(await count('deal'))).toBeGreaterThanOrEqual(3);

    // The import reaches the popup's search.
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('harbor dent');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Harbor Dental Group');
    await popup.close();
  });

  it('refuses a file with a broken row, naming the line, and commits nothing', async () => {
    const before = await count('deal');
    const broken = [
      'Record ID,Deal Name,Amount,Close Date,Deal Stage,Associated Company',
      '9101,Harbor Dental - VoIP,1200,2024-02-01,Closed Won,Harbor Dental Group',
      '9102,Harbor Dental - backups,12k,2024-03-01,Closed Won,Harbor Dental Group',
    ].join('\n');
    await options
      .getByLabel('Files')
      .setInputFiles({ name: 'broken-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const errors = options.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/broken-deals\.csv line 3, column "Amount"/);
    expect(await options.getByRole('button', { name: 'Import broken-deals.csv' }).isDisabled()).toBe(true);
    await screenshot(options, 'options-import-errors');
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(await count('deal')).toBe(before);
  });

  it('says what is wrong with an empty file and a file of unknown columns', async () => {
    await options
      .getByLabel('Files')
      .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await expect.poll(() => options.getByTestId('import-errors').textContent()).toMatch(/empty\.csv.*empty/i);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });

  it('loads the sample data, exports a backup, and clears everything only after asking', async () => {
    await options.getByRole('button', { name: 'Load sample data' }).click();
    await options.getByText(/Loaded sample data/).waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await count('account'))).toBeGreaterThan(150);
    await screenshot(options, 'options-data');

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export everything' }).click();
    const file = await (await download).path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; records: { accounts: unknown[] } };
    expect(backup.format).toBe('backstory-backup');
    expect(backup.records.accounts.length).toBe(Number(await count('account')));

    await options.getByRole('button', { name: 'Clear all data…' }).click();
    const dialog = options.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(Number(await count('account'))).toBeGreaterThan(150);
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => count('account'), { timeout: 15_000 }).toBe('0');

    // The backup restores everything.
    await options.getByLabel('Files').setInputFiles(file);
    await options.getByRole('button', { name: /^Import / }).click();
    await expect
      .poll(async () => Number(await count('account')), { timeout: 15_000 })
      .toBe(backup.records.accounts.length);
  });

  it('imports while two popups search: both keep answering and nothing is lost', async () => {
    const before = Number(await count('account'));
    const rows = Array.from({ length: 4000 }, (_, i) => `bulk-${i},Bulk Customer ${i},bulk${i}.example`);
    await options.getByLabel('Files').setInputFiles({
      name: 'bulk-accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['id,name,domains', ...rows].join('\n')),
    });
    const popups = [await h.extensionPage('popup.html'), await h.extensionPage('popup.html')];
    await options.getByRole('button', { name: 'Import bulk-accounts.csv' }).click();
    // Search in both while the import commits.
    await Promise.all(
      popups.map(async (popup, i) => {
        await popup.getByRole('combobox').fill(i ? 'acme dent' : 'baker price');
        await expect
          .poll(() => popup.getByRole('option').first().textContent(), { timeout: 15_000 })
          .toContain(i ? 'Acme Dental Group' : 'Baker & Price LLP');
      }),
    );
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 30_000 })
      .toMatch(/Imported bulk-accounts\.csv: 4,000 accounts added/);
    // Counts are shown with thousands separators ("4,159").
    await expect.poll(async () => Number((await count('account'))?.replace(/\D/g, ''))).toBe(before + 4000);
    // A popup opened now finds the new records too.
    const after = await h.extensionPage('popup.html');
    await after.getByRole('combobox').fill('bulk customer 3999');
    await expect
      .poll(() => after.getByRole('option').first().textContent(), { timeout: 15_000 })
      .toContain('Bulk Customer 3999');
    for (const p of [...popups, after]) await p.close();
  });
});
