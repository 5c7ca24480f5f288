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
import { dbRows, localStorageArea, recordCounts } from './profile-data';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

const TOKEN = 'pat-na1-killed-CANARY-0b7e';
const TOKEN_2 = 'pat-na1-killed-second-CANARY-3c9a';
/** Accounts and as many notes: a commit of some seconds on a loaded machine. */
const ROWS = 15_000;
const FILLERS = 1000;
let root: string;
let profile: string;
let mock: MockHubSpot;
let second: MockHubSpot | undefined;
let h: Harness;

beforeAll(async () => {
  const data = sampleHubSpotData();
  Object.assign(data.companies[0]!.properties, { name: 'Fjord Freight AS', domain: 'fjordfreight.example' });
  Object.assign(data.contacts[0]!.properties, { email: 'lars.berg@fjordfreight.example' });
  mock = await startMockHubSpot({ token: TOKEN, data });
  root = mkdtempSync(join(tmpdir(), 'backstory-killed-'));
  profile = join(root, 'profile');
  h = await launch({ profile });
  await loadSampleData(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await second?.close();
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

  it('goes on with a full sync from its cursor, and delivers a flag whose answer was lost exactly once', async () => {
    const options = await h.extensionPage('options.html#sources');
    await options.setViewportSize({ width: 1000, height: 1200 });
    const addSource = async (name: string, token: string, url: string) => {
      await options.getByLabel('Name').fill(name);
      await options.getByLabel('Private app token').fill(token);
      await options.getByLabel('API address').fill(url);
      await options.getByRole('button', { name: 'Save and sync' }).click();
    };
    const status = (page: Page, name: string) => () =>
      page.getByTestId('source').filter({ hasText: name }).getByTestId('source-status').textContent();
    await addSource('HubSpot (mock)', TOKEN, mock.url);
    await expect.poll(status(options, 'HubSpot (mock)'), { timeout: 30_000 }).toMatch(/Last synced .*3 accounts/);

    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes' };
    {
      const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
      await frame.getByRole('button', { name: 'Flag for sales' }).click();
      await frame.getByLabel('What did you notice?').selectOption({ label: 'More seats' });
      await frame.getByLabel('Note for sales').fill('Hiring twelve drivers for the Bergen depot.');
      await frame.getByRole('button', { name: 'Send to sales' }).click();
      // Sending takes a second, confirming click (components/ConfirmButton.tsx).
      await frame.getByRole('button', { name: 'Confirm: send to sales' }).click();
      await expect.poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 20_000 }).toMatch(/Waiting/);
      await page.close();
    }
    const written = () => mock.writes.filter((w) => w.properties.hs_note_body?.includes('Bergen depot')).length;

    // A second portal's first sync, a full pass (staged until complete) over 1,000 companies, 100
    // a page, each answer slow; meanwhile the flag's note is written but its answer never comes.
    // The kill comes with pages of the pass stored and the note written.
    const portal = await startMockHubSpot({
      token: TOKEN_2,
      data: {
        owners: [],
        contacts: [],
        deals: [],
        notes: [],
        companies: Array.from({ length: FILLERS }, (_, i) => ({
          id: String(70_000 + i),
          properties: { name: `Slow Harbour ${i}`, domain: `slow${i}.example` },
        })),
      },
    });
    second = portal;
    portal.switches = { delayMs: 600 };
    mock.switches = { delayMs: 600, lostAnswerTo: 'POST /crm/v3/objects/notes' };
    await addSource('Second portal', TOKEN_2, portal.url);
    const flags = await h.extensionPage('options.html#flags');
    await flags.getByRole('button', { name: 'Send waiting flags now' }).click();
    const pass = async () =>
      (await dbRows<{ pass?: { mode: string; step: number; after?: string } }>(options, 'syncState')).find(
        (s) => s.pass,
      )?.pass;
    await expect
      .poll(async () => written() === 1 && !!(await pass())?.after, { timeout: 60_000, interval: 100 })
      .toBe(true);
    const cursor = (await pass())!;
    /** A companies page's position: HubSpot's `after`, here an offset in base64url. */
    const offset = (after: string | null | undefined) =>
      after ? Number(Buffer.from(after, 'base64url').toString()) : undefined;
    console.log(`sync killed in a ${cursor.mode} pass at step ${cursor.step}, companies from ${offset(cursor.after)}`);
    expect(cursor).toMatchObject({ mode: 'full', step: 0 });
    await h.kill();
    // Requests the killed browser had sent are still answered (into nothing) after the mock's
    // delay: they are not the restarted browser's.
    await new Promise((done) => setTimeout(done, 1500));
    const seen = portal.requests.length;
    h = await launch({ profile });

    mock.switches = {};
    portal.switches = {};
    const again = await h.extensionPage('options.html#sources');
    await again.setViewportSize({ width: 1000, height: 1200 });
    // Nobody asks: the new worker finds the sync cut off and goes on with it.
    await expect
      .poll(status(again, 'Second portal'), { timeout: 90_000 })
      .toMatch(new RegExp(`Last synced .*: ${FILLERS.toLocaleString('en')} accounts`));
    const resumed = portal.requests
      .slice(seen)
      .filter((r) => r.path.startsWith('/crm/v3/objects/companies?'))
      .map((r) => offset(new URL(r.path, portal.url).searchParams.get('after')));
    // From the stored cursor (or the page after it, should one have landed between reading the
    // cursor and the kill), each page after it once, none from the start again.
    const from = resumed[0]!;
    expect(from).toBeGreaterThanOrEqual(offset(cursor.after)!);
    expect(from).toBeLessThanOrEqual(offset(cursor.after)! + 100);
    const pages: number[] = [];
    for (let at = from; at < FILLERS; at += 100) pages.push(at);
    expect(resumed.slice(0, pages.length)).toEqual(pages);
    const counts = await recordCounts(again);
    const sources = (await localStorageArea(again)).dataSources as { id: string; label: string }[];
    const id = sources.find((x) => x.label === 'Second portal')!.id;
    // Every company once: the pages staged before the kill and those read after it.
    expect(counts.account![id]).toBe(FILLERS);
    expect(await dbRows(again, 'syncStaging')).toEqual([]);

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
