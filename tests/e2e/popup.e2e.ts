import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, screenshot, type Harness } from './harness';

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
});
