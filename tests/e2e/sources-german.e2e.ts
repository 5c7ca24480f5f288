// A live data source's connection test and sync as a German user sees them: Chromium started with
// --lang=de, a ConnectWise mock on 127.0.0.1 whose API member may not read campaigns. What each
// check tried, the sync's counts and the part it left out are worded in German from their codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Harness } from './harness';
import { startMockConnectWise, type MockConnectWise } from '../mock-apis/connectwise-server';

let cw: MockConnectWise;
let h: Harness;
let options: Page;

beforeAll(async () => {
  cw = await startMockConnectWise();
  h = await launch({ lang: 'de' });
  options = await h.extensionPage('options.html#sources');
  await options.setViewportSize({ width: 1000, height: 1000 });
});
afterAll(async () => {
  await h?.close();
  await cw?.close();
});

describe('Datenquellen auf Deutsch', () => {
  it('words the connection test, the sync summary and the left-out campaigns in German', async () => {
    cw.forbidden.add('/marketing/campaigns');
    await options.getByLabel('Produkt').selectOption('connectwise');
    await options.getByLabel('Name', { exact: true }).fill('Unser PSA');
    await options.getByLabel('API-Host').fill(cw.url);
    await options.getByLabel('Firmen-ID').fill(cw.companyId);
    await options.getByLabel('Client-ID').fill(cw.clientId);
    await options.getByLabel('Öffentlicher Schlüssel').fill(cw.publicKey);
    await options.getByLabel('Privater Schlüssel').fill(cw.privateKey);
    await options.getByRole('button', { name: 'Verbindung testen' }).click();
    await expect
      .poll(() => options.getByTestId('connection-checks').textContent(), { timeout: 20_000 })
      .toMatch(
        /^Die Verbindung funktioniert\. Einige optionale Daten.*✓ Firmeninformationen.*✓ Firmen.*✓ Verkaufschancen.*! Kampagnen: Der Schlüssel darf .*nicht lesen \(403\)/,
      );
    await options.getByRole('button', { name: 'Speichern und synchronisieren' }).click();
    await expect
      .poll(() => options.getByTestId('source-status').textContent(), { timeout: 30_000 })
      .toMatch(
        /Zuletzt synchronisiert .*: \d+ Konten, \d+ Kontakte, \d+ Deals, \d+ Notizen \(.*Kampagnen nicht synchronisiert: Das API-Mitglied darf \/marketing\/campaigns nicht lesen\)/,
      );
    const card = (await options.getByTestId('source').textContent()) ?? '';
    for (const english of ['left out', 'accounts', 'company info', 'Last synced']) expect(card).not.toContain(english);
    await options.getByTestId('source').getByRole('button', { name: 'Verbindung testen' }).click();
    await expect
      .poll(() => options.getByTestId('source').getByTestId('connection-checks').textContent(), { timeout: 20_000 })
      .toContain('! Kampagnen');
    await screenshot(options, 'options-sources-de');
  });
});
