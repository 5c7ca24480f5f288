// A live data source end to end: HubSpot (a mock of its API on 127.0.0.1) configured through the
// options page, synced by the background, and its records shown beside a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';
import { h, options, status, useSourcesOptions } from './sources-options';
import { importCsvFiles, openTicket, removeSource, syncThenStopWorker } from './source-steps';

let mock: MockHubSpot;
const TOKEN = 'pat-na1-e2e-CANARY-5e1f';

beforeAll(async () => {
  mock = await startMockHubSpot({ token: TOKEN });
});
afterAll(async () => {
  await mock?.close();
});
useSourcesOptions();

const ticketAccount = () => openTicket(h, `${h.origin}/generic-ticket-nomatch.html`);

describe('HubSpot as a data source', () => {
  it('tests the connection before saving, naming a wrong key and a missing permission', async () => {
    await options.getByLabel('API address').fill(mock.url);
    await options.getByLabel('Private app token').fill('pat-na1-typo');
    await options.getByRole('button', { name: 'Test connection' }).click();
    const checks = options.getByTestId('connection-checks');
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toMatch(/does not work yet.*owners: .*rejected the key \(401\)/);
    mock.switches = { status: 403, onlyPath: '/crm/v3/objects/notes' };
    await options.getByLabel('Private app token').fill(TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    mock.forbidden.add('/marketing/v3/campaigns');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toMatch(
        /✓ deals.*✗ notes: the key may not read .*notes \(403\).*! campaigns: HubSpot refused \(403\): add the marketing\.campaigns\.read scope/,
      );
    await screenshot(options, 'options-sources-test');
    // Campaigns alone missing: a gap, not a broken connection.
    mock.switches = {};
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toMatch(/^Connection works\. Some optional data cannot be read.*✓ notes.*! campaigns/);
    mock.forbidden.clear();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => checks.textContent(), { timeout: 15_000 }).toMatch(/Connection works/);
  });

  it('is added in options with a token, syncs, and its account shows beside a ticket', async () => {
    // A Marketing Hub campaign, named by the won deal's original source drill-down (its utm_campaign).
    mock.data.campaigns = [
      {
        id: '4f1c2a9e-5b7d-4e21-9c3a-6d8e0f1a2b3c',
        properties: {
          hs_name: 'Managed IT search ads',
          hs_utm: 'managed-it-search',
          hs_start_date: '2026-08-01',
          hs_spend_items_sum_amount: '2300',
        },
      },
    ];
    Object.assign(mock.data.deals[0]!.properties, {
      hs_analytics_source: 'PAID_SEARCH',
      hs_analytics_source_data_1: 'managed-it-search',
    });
    mock.requests.length = 0;
    await options.getByLabel('Name').fill('HubSpot (mock)');
    await options.getByLabel('Private app token').fill(TOKEN);
    await options.getByLabel('API address').fill(mock.url);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect
      .poll(status, { timeout: 20_000 })
      .toMatch(/Last synced .*: 3 accounts, 2 contacts, 1 campaign, 3 deals, 1 note/);
    // Write-only: the token is not in the page any more.
    expect(await options.getByLabel('Private app token').inputValue()).toBe('');
    expect(await options.content()).not.toContain(TOKEN);
    expect(mock.requests.length).toBeGreaterThan(4);
    expect(mock.requests.every((r) => r.authorized)).toBe(true);
    await screenshot(options, 'options-sources');

    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Unknown Widgets Ltd');
    const text = await frame.locator('body').textContent();
    expect(text).toContain('Priya Nair');
    expect(text).toContain('burned by their last IT guy');
    expect(await frame.getByTestId('campaign').textContent()).toContain('Managed IT search ads');
    expect(await page.content()).not.toContain(TOKEN);
    await expect
      .poll(() => frame.getByTestId('freshness').textContent())
      .toMatch(/Data: HubSpot \(mock\), synced (this minute|1 minute ago)/);
    await screenshot(page, 'sidebar-hubspot');
    await page.close();
  });

  it('merges the same customer from a file import into one story, saying where each fact came from', async () => {
    await importCsvFiles(h, {
      'accounts.csv': 'id,name,domains,leadSource\nuw-1,Unknown Widgets Ltd.,unknown-widgets.example,Trade show 2026\n',
      'notes.csv':
        'id,accountId,author,date,body\nn-1,uw-1,Dana Whitfield,2026-09-20,Met Zed at the trade show booth; wants quarterly reviews\n',
    });
    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 })
      .toContain('trade show booth');
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('from file import');
    expect(notes).toContain('from HubSpot (mock)');
    expect(await frame.getByTestId('deal').textContent()).toContain('from HubSpot (mock)');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(
      /HubSpot \(mock\), synced .*; file import, imported/,
    );
    await screenshot(page, 'sidebar-merged-sources');
    await page.close();
  });

  it('keeps the last good data and says the key was rejected when the token is revoked', async () => {
    mock.setToken('pat-na1-rotated');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/rejected the key \(401\).*data from the last good sync is kept/);
    await screenshot(options, 'options-sources-error');
    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Unknown Widgets Ltd');
    expect(await frame.getByTestId('freshness-warning').textContent()).toContain('the last sync failed');
    await page.close();
    mock.setToken(TOKEN);
  });

  it('finishes a sync that the browser cut off by stopping the service worker, from where it stopped', async () => {
    mock.data.companies.push({
      id: '5004',
      properties: { name: 'Harborview Bakery', domain: 'harborview-bakery.example' },
      modified: new Date().toISOString(),
    });
    // Slow answers keep the sync running long enough to be stopped in the middle; not so slow
    // that, in the stopped-worker pass, a worker cannot get one page done before its own stop.
    mock.switches = { delayMs: 350 };
    const seen = mock.requests.length;
    // This second sync is incremental (the search API). Stop the worker while it waits for the
    // deals page: companies and contacts are stored with the cursor.
    await syncThenStopWorker(options, h.extensionId, () =>
      mock.requests.slice(seen).some((r) => r.path.startsWith('/crm/v3/objects/deals')),
    );
    mock.switches = {};
    const beforeResume = mock.requests.length;
    // Any event wakes the worker (here a ticket page asking for its story); it finds the cut-off sync and goes on.
    const { page } = await ticketAccount();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read; now 4 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const resumed = mock.requests.slice(beforeResume).map((r) => r.path.split('?')[0]!);
    // It went on with deals or notes (the deals page may have landed just before the stop).
    expect(resumed.some((p) => p.startsWith('/crm/v3/objects/deals') || p.startsWith('/crm/v3/objects/notes'))).toBe(
      true,
    );
    expect(
      resumed.some((p) => p.startsWith('/crm/v3/objects/companies') || p.startsWith('/crm/v3/objects/contacts')),
    ).toBe(false);
    await page.close();
  });

  it('imports a file while a sync runs and two popups search: both finish, nothing is lost', async () => {
    mock.data.companies.push({
      id: '5005',
      properties: { name: 'Quayside Optics', domain: 'quayside-optics.example' },
      modified: new Date().toISOString(),
    });
    // Slow answers keep the sync running while the file is imported.
    mock.switches = { delayMs: 500 };
    const popups = [await h.extensionPage('popup.html'), await h.extensionPage('popup.html')];
    const data = await h.extensionPage('options.html#data');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(status).toMatch(/Syncing/);
    const rows = Array.from({ length: 500 }, (_, i) => `walk-${i},Lantern Street Dental ${i},lantern${i}.example`);
    await data.getByLabel('Files').setInputFiles({
      name: 'walk-ins.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['id,name,domains', ...rows].join('\n')),
    });
    await data.getByRole('button', { name: 'Import walk-ins.csv' }).click();
    await Promise.all(
      popups.map(async (popup, i) => {
        await popup.getByRole('combobox').fill(i ? 'unknown widg' : 'harborview');
        await expect
          .poll(() => popup.getByRole('option').first().textContent(), { timeout: 15_000 })
          .toContain(i ? 'Unknown Widgets Ltd' : 'Harborview Bakery');
      }),
    );
    await expect
      .poll(() => data.getByTestId('import-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/Imported walk-ins\.csv: 500 accounts added/);
    // The import did not wait for the sync, nor the sync for the import.
    expect(await status()).toMatch(/Syncing/);
    mock.switches = {};
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Last synced .*changed records? read; now 5 accounts/);
    // Both are kept, and the saved search index knows both.
    const after = await h.extensionPage('popup.html');
    for (const [query, name] of [
      ['quayside', 'Quayside Optics'],
      ['lantern street dental 499', 'Lantern Street Dental 499'],
    ]) {
      await after.getByRole('combobox').fill(query!);
      await expect.poll(() => after.getByRole('option').first().textContent(), { timeout: 15_000 }).toContain(name);
    }
    for (const p of [...popups, after, data]) await p.close();
  });

  it('syncs on the schedule the user picks (an alarm, so it survives the worker stopping)', async () => {
    type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
    // Asked from the options page (an extension page sees the alarms too), not from the worker,
    // which the stopped-worker pass may stop between finding it and asking it.
    const alarm = () =>
      options.evaluate(
        async () =>
          (await (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get('sync-sources'))?.periodInMinutes,
      );
    expect(await alarm()).toBe(30);
    await options.getByLabel('Sync every').selectOption({ label: '1 h' });
    await expect.poll(alarm).toBe(60);
  });

  it('removes the source and its records', async () => {
    await removeSource(options);
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('Harborview Bakery');
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('option').count()).toBe(0);
    await popup.close();
    // The imported twin stays, now on its own.
    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 })
      .toContain('trade show booth');
    expect(await frame.getByTestId('notes').textContent()).not.toContain('burned by their last IT guy');
    expect(await frame.getByTestId('freshness').textContent()).not.toContain('HubSpot');
    await page.close();
  });
});
