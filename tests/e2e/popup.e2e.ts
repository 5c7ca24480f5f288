import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

describe('popup quick search', () => {
  it('finds an account with a typo and opens its backstory with the keyboard', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 580 });
    const box = popup.getByRole('combobox');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('q');
    await box.pressSequentially('acme dentl');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Acme Dental Group');
    await screenshot(popup, 'popup-search');
    await box.press('Enter');
    await expect.poll(() => popup.getByTestId('popup-account-name').textContent()).toBe('Acme Dental Group');
    expect(await popup.getByTestId('campaign').textContent()).toContain('Spring Dental Postcard Mailer 2025');
    await screenshot(popup, 'popup-backstory');
    await popup.close();
  });

  it('finds campaigns and notes and moves through results with the arrow keys', async () => {
    const popup = await h.extensionPage('popup.html');
    const box = popup.getByRole('combobox');
    await box.fill('postcard');
    await expect.poll(() => popup.locator('.group-title').allTextContents()).toContain('Campaigns');
    await box.fill('burned by their last');
    await expect.poll(() => popup.locator('.group-title').allTextContents()).toContain('Notes');
    const first = await popup.getByRole('option').first().getAttribute('aria-selected');
    expect(first).toBe('true');
    await box.press('ArrowDown');
    const options = popup.getByRole('option');
    if ((await options.count()) > 1) expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await popup.close();
  });

  it('shows the account of the ticket in the active tab first, before anything is typed', async () => {
    const ticket = await h.context.newPage();
    await ticket.goto(`${h.origin}/generic-ticket-domain.html`);
    await (await sidebarFrame(ticket, h.extensionId)).getByTestId('campaign').waitFor();
    await ticket.bringToFront();
    // The popup's page opened in the same window without taking focus: the ticket tab stays
    // the active one, as when the toolbar button opens the popup over it.
    const popup = await h.backgroundExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Acme Dental Group');
    expect(await popup.locator('.group-title').first().textContent()).toBe('This ticket');
    expect(await popup.getByRole('option').first().textContent()).toContain('ticket 1043');
    await popup.close();

    // The tab moves on to a page that is no ticket: the popup no longer offers the old one.
    await ticket.goto(`${h.origin}/not-a-ticket.html`);
    const later = await h.backgroundExtensionPage('popup.html');
    await expect.poll(() => later.locator('.empty').count()).toBeGreaterThan(0);
    expect(await later.locator('.group-title').allTextContents()).not.toContain('This ticket');
    await later.close();
    await ticket.close();
  });
});

describe('the saved search index', () => {
  it('is opened, not rebuilt, by the next popup, even after the service worker was stopped', async () => {
    const first = await h.extensionPage('popup.html');
    await first.getByRole('combobox').fill('acme');
    await expect.poll(() => first.getByRole('option').first().textContent()).toContain('Acme Dental Group');
    // Whatever the first opening found, it leaves a current index saved.
    await expect.poll(() => first.evaluate(() => document.body.dataset.searchIndex)).toBeTruthy();
    await first.close();

    const cdp = await h.context.newCDPSession(h.context.pages()[0] ?? (await h.context.newPage()));
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`),
    );
    if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });

    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('whitfield');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Acme Dental Group');
    await expect.poll(() => popup.evaluate(() => document.body.dataset.searchIndex)).toBe('saved');
    // Give a rebuild the time to show itself: there must be none.
    await popup.waitForTimeout(500);
    expect(await popup.evaluate(() => document.body.dataset.searchIndex)).toBe('saved');
    await popup.close();
  });

  it('is rebuilt once the records changed, and finds what was added', async () => {
    const options = await h.extensionPage('options.html');
    const csv = 'Company,Domain\nZebra Crossing Dental,zebracrossing.example\n';
    await options
      .getByLabel('Files')
      .setInputFiles({ name: 'zebra.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await options.getByRole('button', { name: /^Import/ }).click();
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Imported zebra\.csv/);
    await options.close();

    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('zebra cross');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Zebra Crossing Dental');
    await popup.close();
  });
});
