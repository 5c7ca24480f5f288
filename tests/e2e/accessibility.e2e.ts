import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';

/** axe-core over every screen, light and dark: no serious or critical violation. */
let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  it('sidebar beside a ticket', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('notes').waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await screenshot(page, `sidebar-${scheme}`);
    // The flag-for-sales form, open.
    await frame.getByRole('button', { name: 'Flag for sales' }).click();
    await frame.getByLabel('Note for sales').waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await screenshot(page, `sidebar-flag-form-${scheme}`);
    await page.close();
  });

  it('sidebar with no match (search and pin)', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${h.origin}/generic-ticket-nomatch.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('no-match').waitFor();
    expect(await axeViolations(frame)).toEqual([]);
    await page.close();
  });

  it('popup with results and an open backstory', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 580 });
    await popup.getByRole('combobox').fill('dental');
    await popup.getByRole('option').first().waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, `popup-${scheme}`);
    await popup.keyboard.press('Enter');
    await popup.getByTestId('popup-account-name').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it.each(['data', 'sources', 'flags', 'display', 'sites'])('options, %s tab', async (tab) => {
    const options = await h.extensionPage(`options.html#${tab}`);
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('tabpanel').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await screenshot(options, `options-${tab}-${scheme}`);
    await options.close();
  });
});

describe('keyboard alone', () => {
  it('moves between options tabs with the arrow keys, with visible focus', async () => {
    const options = await h.extensionPage('options.html#data');
    await options.getByRole('tab', { name: 'Data', exact: true }).focus();
    await options.keyboard.press('ArrowRight');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('tab-sources');
    expect(await options.getByRole('tab', { name: 'Data sources' }).getAttribute('aria-selected')).toBe('true');
    const outline = await options.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await options.keyboard.press('End');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('tab-sites');
    await options.close();
  });

  it('collapses the sidebar with Escape and opens it again with Enter on its tab', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('campaign').waitFor();
    await frame.getByRole('button', { name: 'Hide Backstory sidebar' }).focus();
    await frame.page().keyboard.press('Escape');
    const show = frame.getByRole('button', { name: 'Show Backstory sidebar' });
    await show.waitFor();
    await show.focus();
    await frame.page().keyboard.press('Enter');
    await frame.getByTestId('campaign').waitFor();
    await page.close();
  });
});
