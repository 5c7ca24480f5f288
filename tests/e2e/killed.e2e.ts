// The browser killed (SIGKILL to its whole process group: a crash, a power cut of the browser)
// in the middle of writing, then started again on the same profile: a large import is there whole
// or not at all, and a sync cut off mid-pass goes on from its cursor, while a flag whose delivery
// was cut off (HubSpot wrote the note, its answer never came) is neither lost nor sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launch, loadSampleData, sidebarFrame, type Harness } from './harness';
import { dbRows, recordCounts } from './profile-data';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

const TOKEN = 'pat-na1-killed-CANARY-0b7e';
/** Accounts and as many notes: a commit of some seconds on a loaded machine. */
const ROWS = 30_000;
const FILLERS = 1000;
let root: string;
let profile: string;
let mock: MockHubSpot;
let h: Harness;

beforeAll(async () => {
  const data = sampleHubSpotData();
  Object.assign(data.companies[0]!.properties, { name: 'Fjord Freight AS', domain: 'fjordfreight.example' });
  Object.assign(data.contacts[0]!.properties, { email: 'lars.berg@fjordfreight.example' });
  mock = await startMockHubSpot({ token: TOKEN, data });
  mock.record = true;
  root = mkdtempSync(join(tmpdir(), 'backstory-killed-'));
  profile = join(root, 'profile');
  h = await launch({ profile });
  await loadSampleData(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Kill the browser and start it again on the same profile. */
async function killAndRestart(): Promise<void> {
  await h.kill();
  h = await launch({ profile });
}

async function ticket(path: string, account: string): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/${path}`);
  const frame = await sidebarFrame(page, h.extensionId, 20_000);
  await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 20_000 }).toBe(account);
  return { page, frame };
}

/** Whether the popup's search finds an account of this name, once it answers (results, or "Nothing found"). */
async function popupFinds(name: string): Promise<boolean> {
  const popup = await h.extensionPage('popup.html');
  await popup.getByRole('combobox').fill(name);
  const options = popup.getByRole('option');
  await expect
    .poll(async () => (await options.count()) + (await popup.getByText(`Nothing found for “${name}”.`).count()), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const found = (await options.allTextContents()).some((t) => t.includes(name));
  await popup.close();
  return found;
}

describe('the browser killed mid-write, started again on the same profile', () => {
  it('has a large import whole or not at all', async () => {
    const options = await h.extensionPage('options.html#data');
    const old = await recordCounts(options);
    const accounts = [
      'id,name,domains',
      ...Array.from({ length: ROWS }, (_, i) => `bulk-${i},Bulk Harbour ${i},bulk${i}.example`),
    ];
    const notes = [
      'id,accountId,author,date,body',
      ...Array.from(
        { length: ROWS },
        (_, i) => `bn-${i},bulk-${i},Dana Whitfield,2026-10-02,Quarterly review ${i} went well`,
      ),
    ];
    await options.getByLabel('Files').setInputFiles([
      { name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(accounts.join('\n')) },
      { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(notes.join('\n')) },
    ]);
    await options.getByRole('button', { name: 'Import 2 files' }).click({ timeout: 60_000 });
    // The background's commit has begun once it reports its total (the page's own start is 0 of 1);
    // the kill comes with its first records written, or at once should they come too fast to see.
    const bar = options.getByRole('progressbar', { name: 'Import progress' });
    /** The bar's value and total, or nothing once it is gone (the import answered). */
    const progress = () =>
      bar
        .evaluate((p: HTMLProgressElement) => ({ value: p.value, max: p.max }), undefined, { timeout: 1000 })
        .catch(() => undefined);
    await expect.poll(async () => (await progress())?.max ?? 0, { timeout: 90_000, interval: 20 }).toBeGreaterThan(1);
    let at = (await progress()) ?? { value: -1, max: -1 };
    for (let i = 0; i < 50 && at.value === 0; i++) at = (await progress()) ?? at;
    // Still under way: no outcome shown yet.
    expect(await options.getByTestId('import-outcome').count()).toBe(0);
    console.log(`import killed at ${at.value} of ${at.max} records written in its transaction`);
    await killAndRestart();

    const again = await h.extensionPage('options.html#data');
    const counts = await recordCounts(again);
    const whole = {
      ...old,
      account: { ...old.account, csv: (old.account?.csv ?? 0) + ROWS },
      note: { ...old.note, csv: (old.note?.csv ?? 0) + ROWS },
    };
    // All old or all new, and the records as the counts say.
    expect([old, whole]).toContainEqual(counts);
    const imported = counts.account?.csv === ROWS;
    console.log(`after the restart the import is ${imported ? 'all there' : 'not there at all'}`);
    expect(await popupFinds('Bulk Harbour 29999')).toBe(imported);
    const { page, frame } = await ticket('generic-ticket-email.html', 'Acme Dental Group');
    expect(await frame.locator('body').textContent()).toContain('Dana Whitfield');
    await page.close();
    await again.close();
  }, 240_000);

  it('goes on with a sync from its cursor, and delivers a flag whose answer was lost exactly once', async () => {
    const options = await h.extensionPage('options.html#sources');
    await options.setViewportSize({ width: 1000, height: 1000 });
    await options.getByLabel('Name').fill('HubSpot (mock)');
    await options.getByLabel('Private app token').fill(TOKEN);
    await options.getByLabel('API address').fill(mock.url);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    const status = () => options.getByTestId('source-status').textContent();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Last synced .*3 accounts/);

    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes' };
    {
      const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
      await frame.getByRole('button', { name: 'Flag for sales' }).click();
      await frame.getByLabel('What did you notice?').selectOption({ label: 'More seats' });
      await frame.getByLabel('Note for sales').fill('Hiring twelve drivers for the Bergen depot.');
      await frame.getByRole('button', { name: 'Send to sales' }).click();
      await expect.poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 20_000 }).toMatch(/Waiting/);
      await page.close();
    }
    const written = () => mock.writes.filter((w) => w.properties.hs_note_body?.includes('Bergen depot')).length;

    // 1,000 changed companies, 100 a page, each answer slow; the flag's note is written but its
    // answer never comes. The kill comes with pages of the sync stored and the note written.
    const now = new Date().toISOString();
    for (let i = 0; i < FILLERS; i++)
      mock.data.companies.push({
        id: String(70_000 + i),
        properties: { name: `Slow Harbour ${i}`, domain: `slow${i}.example` },
        modified: now,
      });
    mock.switches = { delayMs: 600, lostAnswerTo: 'POST /crm/v3/objects/notes' };
    await options.getByRole('button', { name: 'Sync now' }).click();
    const flags = await h.extensionPage('options.html#flags');
    await flags.getByRole('button', { name: 'Send waiting flags now' }).click();
    const pass = async () =>
      (await dbRows<{ pass?: { step: number; after?: string } }>(options, 'syncState')).find((s) => s.pass)?.pass;
    await expect
      .poll(async () => written() === 1 && !!(await pass())?.after, { timeout: 60_000, interval: 100 })
      .toBe(true);
    const cursor = (await pass())!;
    console.log(`sync killed at step ${cursor.step}, after ${cursor.after}`);
    expect(cursor.step).toBe(0);
    const seen = mock.exchanges.length;
    await killAndRestart();

    mock.switches = {};
    const again = await h.extensionPage('options.html#sources');
    await again.setViewportSize({ width: 1000, height: 1000 });
    // Nobody asks: the new worker finds the sync cut off and goes on with it.
    await expect
      .poll(() => again.getByTestId('source-status').textContent(), { timeout: 90_000 })
      .toMatch(new RegExp(`Last synced .*changed records read; now ${FILLERS + 3} accounts`));
    const resumed = mock.exchanges
      .slice(seen)
      .filter((x) => x.method === 'POST' && x.path === '/crm/v3/objects/companies/search')
      .map((x) => (x.body as { after?: string }).after);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed).not.toContain(undefined);
    expect(Number(resumed[0])).toBeGreaterThanOrEqual(Number(cursor.after));
    const counts = await recordCounts(again);
    const hubspot = Object.keys(counts.account!).find((s) => s !== 'sample' && s !== 'csv')!;
    expect(counts.account![hubspot]).toBe(FILLERS + 3);

    // The flag: found where the cut-off attempt wrote it, not written again.
    const flagsAgain = await h.extensionPage('options.html#flags');
    const sendNow = flagsAgain.getByRole('button', { name: 'Send waiting flags now' });
    await expect.poll(() => sendNow.isEnabled(), { timeout: 20_000 }).toBe(true);
    await sendNow.click();
    await expect
      .poll(() => flagsAgain.getByTestId('my-flags').textContent(), { timeout: 30_000 })
      .toContain('More seats');
    await expect
      .poll(() => flagsAgain.getByTestId('my-flags').textContent(), { timeout: 30_000 })
      .not.toContain('Waiting');
    expect(written()).toBe(1);
    const [flag] = await dbRows<{ status: string; remoteId?: string }>(flagsAgain, 'flags');
    expect(flag).toMatchObject({
      status: 'delivered',
      remoteId: mock.writes.find((w) => w.properties.hs_note_body?.includes('Bergen depot'))!.id,
    });
    await flagsAgain.close();
    await again.close();
  }, 240_000);
});
