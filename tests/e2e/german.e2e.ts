import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sidebarFrame, screenshot, type Harness } from './harness';

/** The whole product in German: Chromium started with --lang=de. */
let h: Harness;
beforeAll(async () => {
  h = await launch({ lang: 'de' });
});
afterAll(async () => h?.close());

describe('Backstory auf Deutsch', () => {
  it('loads the sample data from the German options page and shows a German sidebar with German dates and money', async () => {
    const options = await h.extensionPage('options.html');
    await options.getByRole('button', { name: 'Beispieldaten laden' }).click();
    await options.getByText(/Beispieldaten geladen/).waitFor({ timeout: 30_000 });
    expect(await options.getByRole('tab', { name: 'Helpdesk-Seiten' }).count()).toBe(1);
    // Import errors too: file, line, column and what is wrong, in German.
    const broken = 'Record ID,Deal Name,Amount,Associated Company\n1,VoIP,12k,Acme Dental Group\n';
    await options
      .getByLabel('Dateien')
      .setInputFiles({ name: 'abschluesse.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await expect
      .poll(() => options.getByTestId('import-errors').textContent())
      .toContain('abschluesse.csv Zeile 2, Spalte „Amount“: "12k" ist keine Zahl');
    await options.getByRole('button', { name: 'Abbrechen' }).click();
    await screenshot(options, 'options-de');
    await options.close();

    const page = await h.context.newPage();
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('match-reason').textContent())
      .toContain('erkannt über Kontakt-E-Mail dana@acmedental.com');
    expect(await frame.getByRole('heading', { name: 'Herkunft' }).count()).toBe(1);
    // German number and date formats: "4.200 $" and "14. März 2025".
    // The amount shows once the display settings are read (deal values may be hidden there).
    await expect.poll(() => frame.getByTestId('deal').textContent()).toContain('4.200');
    expect(await frame.getByTestId('deal').textContent()).toMatch(/abgeschlossen am 14\. März 2025/);
    await screenshot(page, 'sidebar-de');
    await page.close();
  });

  it('stays German when Chromium hands the pages an empty message catalogue', async () => {
    // What Chromium sometimes does to an extension process (i18n/stand-in.ts): every
    // getMessage answers ''. The page then reads its words from the extension's message files.
    const page = await h.context.newPage();
    type WithChrome = { chrome: { i18n: { getMessage: (name: string) => string } } };
    await page.addInitScript(() => {
      // Only extension pages and frames have chrome.i18n; the help-desk page itself has none.
      const i18n = (globalThis as unknown as Partial<WithChrome>).chrome?.i18n;
      if (i18n) i18n.getMessage = () => '';
    });
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    expect(await page.evaluate(() => (globalThis as unknown as WithChrome).chrome.i18n.getMessage('@@ui_locale'))).toBe(
      '',
    );
    await page.getByRole('tab', { name: 'Helpdesk-Seiten' }).waitFor();
    expect(await page.getByRole('button', { name: 'Beispieldaten laden' }).count()).toBe(1);
    // The sidebar too, framed in a help-desk page (its frame's origin is Chrome's dynamic one).
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    expect(
      await frame.evaluate(() => (globalThis as unknown as WithChrome).chrome.i18n.getMessage('@@ui_locale')),
    ).toBe('');
    await expect
      .poll(() => frame.getByTestId('match-reason').textContent())
      .toContain('erkannt über Kontakt-E-Mail dana@acmedental.com');
    expect(await frame.getByRole('heading', { name: 'Herkunft' }).count()).toBe(1);
    await page.close();
  });
});
