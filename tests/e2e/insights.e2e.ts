// Campaign insights: ticket counting only with consent, then the chart and table from the sample
// data's campaigns plus seeded ticket views, exported as CSV.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';
import { makeSampleData } from '@/sources/sample-data';
import { makeSampleTicketViews } from '@/sources/sample/tickets';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

async function viewTicket(path: string, account: string) {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/${path}`);
  const frame = await sidebarFrame(page, h.extensionId);
  await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(account);
  await page.close();
}

describe('campaign insights', () => {
  it('counts no ticket until the technician agrees, then each matched ticket', async () => {
    const options = await h.extensionPage('options.html#insights');
    const consent = options.getByLabel('Count the tickets Backstory matches to an account');
    expect(await consent.isChecked()).toBe(false);
    await viewTicket('generic-ticket-email.html', 'Acme Dental Group');
    await options.reload();
    await options.getByRole('heading', { name: 'Campaign insights', exact: true }).waitFor();
    expect(await options.getByRole('button', { name: /Forget the/ }).count()).toBe(0);

    await consent.check();
    await expect.poll(() => options.getByTestId('insights-note').textContent()).toContain('Counting matched tickets');
    await viewTicket('generic-ticket-email.html', 'Acme Dental Group');
    await viewTicket('generic-ticket-name.html', 'Baker & Price LLP');
    await options.reload();
    await expect.poll(() => options.getByRole('button', { name: 'Forget the 2 counted ticket views' }).count()).toBe(1);
    const acmeRow = options
      .getByTestId('insights-table')
      .locator('tr', { hasText: 'Spring Dental Postcard Mailer 2025' });
    expect(await acmeRow.locator('td').nth(4).textContent()).toBe('1');
    // The ticket's type as the page labels it ("Type: Incident").
    expect(await acmeRow.locator('td').last().textContent()).toBe('Incident (1)');
    await options.close();
  });

  it('shows tickets per customer per campaign and channel as a chart and a table, and exports it', async () => {
    const options = await h.extensionPage('options.html#insights');
    await options.getByTestId('insights-table').waitFor();
    // Seed the sample world's tickets (90 days of them, sources/sample/tickets.ts) straight into
    // the extension's database: one campaign's customers need clearly more support.
    const views = makeSampleTicketViews(makeSampleData(), new Date().toISOString().slice(0, 10));
    await options.evaluate(async (views) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('backstory');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('ticketViews', 'readwrite');
      const store = tx.objectStore('ticketViews');
      for (const view of views) store.put(view);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, views);
    await options.reload();
    await options.getByTestId('insights-chart').waitFor();
    const bars = options.getByTestId('insights-chart').locator('rect');
    expect(await bars.count()).toBeGreaterThan(5);
    const table = options.getByTestId('insights-table');
    expect(await table.locator('tbody tr').count()).toBe(await bars.count());
    expect(await table.textContent()).toContain('too few to compare');
    // The Google Ads customers stand out: the most tickets per customer, by far.
    const perCustomer = (
      await table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelectorAll('td')[5]?.textContent ?? '']),
        )
    )
      .map(([label, n]) => ({ label: label!, n: Number(n) }))
      .sort((a, b) => b.n - a.n);
    expect(perCustomer[0]!.label).toContain('Google Ads');
    expect(perCustomer[0]!.n).toBeGreaterThanOrEqual(2 * perCustomer[1]!.n);
    expect(await axeViolations(options)).toEqual([]);
    await screenshot(options, 'options-insights');

    await options.getByRole('button', { name: 'By channel' }).click();
    await expect.poll(() => table.locator('thead').textContent()).toMatch(/^Channel/);
    expect(await table.textContent()).toMatch(/Postcard|Webinar|Referral/i);
    await screenshot(options, 'options-insights-channels');

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe(
      'campaign,channel,customers,mrr,tickets30,tickets90,ticketsPerCustomer90,ticketsPer1kMrr90,cost,topTicketTypes,tooFewToCompare',
    );
    expect(csv.slice(1).some((line) => line.includes('Incident ('))).toBe(true);
    expect(csv.length - 1).toBe(await table.locator('tbody tr').count());
    await options.close();
  });

  it('lists the flags for sales with the campaign that won the customer and who raised them, and exports them', async () => {
    const options = await h.extensionPage('options.html#insights');
    await options.getByRole('heading', { name: 'Opportunities technicians flagged' }).waitFor();
    await expect.poll(() => options.getByText('No flags for sales yet.').count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Export flags (CSV)' }).isDisabled()).toBe(true);

    // A flag from a ticket; the technician gives name and email at this first flag.
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Acme Dental Group');
    await frame.getByRole('button', { name: 'Flag for sales' }).click();
    await frame.getByLabel('What did you notice?').selectOption({ label: 'More seats' });
    await frame.getByLabel('Note for sales').fill('Two new hygienists start in January.');
    await frame.getByLabel('Your name').fill('Robin Field');
    await frame.getByLabel('Your email').fill('robin@msp.example');
    await frame.getByRole('button', { name: 'Send to sales' }).click();
    // Sending takes a second, confirming click (components/ConfirmButton.tsx).
    await frame.getByRole('button', { name: 'Confirm: send to sales' }).click();
    await frame.getByTestId('flag-outcome').waitFor({ timeout: 15_000 });
    await page.close();

    // The open page shows it without a reload (the background wrote it).
    const flags = options.getByTestId('insights-flags');
    await flags.waitFor({ timeout: 15_000 });
    const row = flags.locator('tbody tr').first();
    // The sample data takes no writes: it waits in the outbox.
    await expect.poll(() => row.getByTestId('flag-insight-status').textContent()).toBe('In the outbox');
    expect(await row.textContent()).toContain('Acme Dental Group');
    expect(await row.textContent()).toContain('Spring Dental Postcard Mailer 2025');
    expect(await row.getByTestId('flagged-by').textContent()).toBe('Robin Field <robin@msp.example>');
    expect(await row.getByRole('link', { name: 'Robin Field <robin@msp.example>' }).getAttribute('href')).toBe(
      'mailto:robin@msp.example',
    );
    expect(await axeViolations(options)).toEqual([]);
    await flags.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-insights-flags');

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export flags (CSV)' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe(
      'createdAt,account,campaign,channel,kind,urgency,value,currency,status,flaggedBy,flaggedByEmail',
    );
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(
      /,Acme Dental Group,Spring Dental Postcard Mailer 2025,.*,more-seats,normal,.*,Robin Field,robin@msp\.example$/,
    );
    await options.close();
  });

  it('forgets the counted tickets when asked: the background deletes them', async () => {
    const options = await h.extensionPage('options.html#insights');
    const forget = options.getByRole('button', { name: /^Forget the \d+ counted ticket views$/ });
    await forget.waitFor({ timeout: 15_000 });
    await forget.click();
    await expect
      .poll(() => options.getByTestId('insights-note').textContent(), { timeout: 30_000 })
      .toBe('The counted tickets were deleted.');
    await expect.poll(() => forget.count(), { timeout: 15_000 }).toBe(0);
    const left = await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('backstory');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const count = await new Promise<number>((resolve, reject) => {
        const req = db.transaction('ticketViews').objectStore('ticketViews').count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return count;
    });
    expect(left).toBe(0);
    await options.close();
  });
});
