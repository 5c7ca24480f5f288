// "Relevant to this ticket": the fixture ticket's subject and first message put Acme's Dentrix
// promise and note at the top of the backstory, and the promise gets a clock from the opened
// time the page states (<time datetime> after "Created").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

const OPENED = '2026-11-23T07:12:00-08:00';

/** The fixture ticket, opened `minutesAgo` minutes ago (its opened time rewritten as it is served), or as it is. */
async function openTicket(minutesAgo?: number): Promise<Page> {
  const page = await h.context.newPage();
  if (minutesAgo !== undefined) {
    const opened = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await page.route(`${h.origin}/generic-ticket-email.html`, async (route) => {
      const served = await route.fetch();
      await route.fulfill({ response: served, body: (await served.text()).replaceAll(OPENED, opened) });
    });
  }
  await page.goto(`${h.origin}/generic-ticket-email.html`);
  return page;
}

describe('relevant to this ticket', () => {
  it('shows the promise and note about Dentrix first, highlighted, with a clock that is amber 47 minutes into a 1-hour promise', async () => {
    const page = await openTicket(47);
    const frame = await sidebarFrame(page, h.extensionId);
    const section = frame.getByTestId('relevant');
    await section.waitFor({ timeout: 15_000 });
    const items = section.getByTestId('relevant-item');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    expect(await items.count()).toBeLessThanOrEqual(3);
    const first = items.first();
    expect(await first.getAttribute('data-kind')).toBe('promise');
    expect(await first.textContent()).toContain('1-hour response on the dental scheduler (Dentrix)');
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Dentrix', 'scheduler']));
    expect(await first.getByTestId('relevant-why').textContent()).toMatch(/^mentions Dentrix/);
    const clock = first.getByTestId('promise-clock');
    expect(await clock.getAttribute('data-level')).toBe('amber');
    expect(await clock.textContent()).toMatch(/open 4[78] min · nearly due/);
    expect(await items.nth(1).textContent()).toContain('burned by their last MSP');
    // The section comes before the origin story; the notes list below is as before.
    const order = await frame.evaluate(() =>
      [...document.querySelectorAll('[data-testid="relevant"], #origin-title, [data-testid="notes"]')].map(
        (e) => e.getAttribute('data-testid') ?? e.id,
      ),
    );
    expect(order).toEqual(['relevant', 'origin-title', 'notes']);
    expect(await frame.getByTestId('notes').locator('li').count()).toBe(15);
    expect(await axeViolations(frame)).toEqual([]);
    await screenshot(page, 'sidebar-relevant-clock');
    await page.close();
  });

  it('turns the clock red once the promise is past due (the fixture as it is: opened 23 November)', async () => {
    const page = await openTicket();
    const frame = await sidebarFrame(page, h.extensionId);
    const clock = frame.getByTestId('relevant').getByTestId('promise-clock').first();
    await clock.waitFor({ timeout: 15_000 });
    expect(await clock.getAttribute('data-level')).toBe('red');
    expect(await clock.textContent()).toContain('past due');
    await page.close();
  });

  it('shows no relevant section where nothing sales wrote concerns the ticket', async () => {
    // The same customer, another problem: subject and first message rewritten as the page is served.
    const page = await h.context.newPage();
    await page.route(`${h.origin}/generic-ticket-email.html`, async (route) => {
      const served = await route.fetch();
      const body = (await served.text())
        .replace(/(<span class="ticket-subject">)[^<]*/, '$1Mouse not working on the new laptop')
        .replace(
          /(<div class="message-body">)[\s\S]*?(<\/div>)/,
          '$1<p>The wireless mouse stopped responding, new batteries did not help.</p>$2',
        );
      await route.fulfill({ response: served, body });
    });
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 15_000 })
      .toBe('Acme Dental Group');
    await frame.getByTestId('notes').waitFor();
    expect(await frame.getByTestId('relevant').count()).toBe(0);
    await page.close();
  });
});
