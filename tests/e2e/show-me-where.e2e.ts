import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, sidebarFrame, type Harness } from './harness';

/**
 * "Show me where" (issue 26): on a page the generic rules misread (an unlabeled customer card
 * with odd class names), the technician starts it from the sidebar, clicks the company name and
 * the requester's email, and saves; from then on the page is read as shown, after a reload too.
 */
let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

describe('show me where', () => {
  it('teaches a site by clicks; after a reload the sidebar shows its backstory "read as you showed"', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/showme-ticket.html`);
    let frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('match-reason').waitFor();
    expect(await frame.getByTestId('read-as-shown').count()).toBe(0);

    await frame.getByTestId('show-me-where').click();
    await frame.getByTestId('show-me-where-status').waitFor();
    await page.waitForSelector('backstory-picker', { state: 'attached' });
    // A click in the message body is refused; a synthetic click never picks.
    await page.click('.message-body p');
    await page.evaluate(() => (document.querySelector('.qx-l1') as HTMLElement).click());
    await page.click('.qx-l1');
    await page.click('.qx-l3');
    await page.keyboard.press('Enter'); // no ticket number
    await page.keyboard.press('Enter'); // save
    await page.waitForSelector('backstory-picker', { state: 'detached' });
    await expect.poll(() => frame.getByTestId('read-as-shown').count(), { timeout: 10_000 }).toBe(1);

    await page.reload();
    frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Acme Dental Group');
    await frame.getByTestId('read-as-shown').waitFor();
    expect(await frame.getByTestId('match-reason').textContent()).toContain('read as you showed');
    await page.close();
  });

  it('Escape ends picking without saving', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/showme-ticket.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('show-me-where').click();
    await page.waitForSelector('backstory-picker', { state: 'attached' });
    await page.keyboard.press('Escape');
    await page.waitForSelector('backstory-picker', { state: 'detached' });
    await page.close();
  });
});
