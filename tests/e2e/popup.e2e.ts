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

  it("shows the account of the ticket in the active tab first, before anything is typed", async () => {
    const ticket = await h.context.newPage();
    await ticket.goto(`${h.origin}/generic-ticket-domain.html`);
    await (await sidebarFrame(ticket, h.extensionId)).getByTestId('campaign').waitFor();
    await ticket.bringToFront();
    // The popup's page opened in the same window without taking focus: the ticket tab stays
    // the active one, as when the toolbar button opens the popup over it.
    const opened = h.context.waitForEvent('page');
    const worker = await h.worker();
    await worker.evaluate((url) => (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<unknown> } } }).chrome.tabs.create({ url, active: false }), `chrome-extension://${h.extensionId}/popup.html`);
    const popup = await opened;
    await popup.waitForLoadState();
    await expect.poll(() => popup.getByRole('option').first().textContent()).toContain('Acme Dental Group');
    expect(await popup.locator('.group-title').first().textContent()).toBe('This ticket');
    expect(await popup.getByRole('option').first().textContent()).toContain('ticket 1043');
    await popup.close();
    await ticket.close();
  });
});
