// An update in a real browser profile: the last released version (tests/e2e/released-build.ts
// names the commit and says why) is built from git, loaded unpacked in Chromium and given data
// through its own screens: the sample data, a file import, a pin, display and sync settings, a
// HubSpot source (its key stored encrypted) with a sync cut off mid-pass, a flag waiting for
// HubSpot and one in the outbox. Then the current build is installed over it as Chrome installs
// an update, and everything must be there and work: the database upgraded with every row as it
// was, the sidebar's stories, the settings, the sync going on from its cursor with the stored key,
// the waiting flag delivered once; and after a browser restart it is still the new build that runs.
//
// How the update is done, and why so. A Chrome Web Store update gives the extension a higher
// version and Chrome replaces it while the browser runs: it unloads the old version, which
// unregisters its service worker at once, and loads the new one, which registers the new worker
// script (runtime.onInstalled says "update"); the profile's data stays. For an unpacked extension
// the same unload and load is a reload: so the new build's files (its manifest's version raised
// above the released one's, as the store requires) replace the old ones in the same folder while
// the released build runs, and the released build calls chrome.runtime.reload(). The test checks
// that exactly one worker of the extension then runs, and that it is the new one (its version,
// and its story-channel port listener, which the released worker does not have).
// Swapping the files while the browser is closed and starting it again, as this test once did, is
// no update: Chromium loads the command-line extension anew, finds its worker already registered
// in the profile (its "Service Worker" folder keeps the released script in ScriptCache) and keeps
// running that stored released script beside the new build's pages and manifest, with the same
// version (Chromium then trusts the registration it has) and, as seen here in Chromium 156, with a
// higher one too (registering the same script URL again keeps the stored script). The sidebar's
// runtime.connect then had no listener ("Receiving end does not exist"): no user's browser runs
// that mix. Chromium 156 disables an unpacked extension that reloads itself while developer mode
// is off (disable reason "unsupported developer extension"), so the profile starts with developer
// mode on, as it is for anyone who loads an unpacked extension by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';
import { releasedBuildInto, RELEASED_COMMIT, updateInto } from './released-build';
import { dbRows, dbSnapshot, dbVersion, localStorageArea, type DbSnapshot } from './profile-data';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

const TOKEN = 'pat-na1-upgrade-CANARY-41d2';
const FILLERS = 250;
let root: string;
let profile: string;
let extensionDir: string;
let mock: MockHubSpot;
let h: Harness | undefined;
let releasedId: string;
/** An extension page of the released build, open until the update (it calls runtime.reload()). */
let releasedPage: Page | undefined;
/** The version the update brings. */
let updatedVersion: string;
/** The released build is running (it has no click guard, so its sidebar is not waited for). */
let onReleased = true;
/** What the released build left, read just before its browser closed. */
const before = {} as {
  db: DbSnapshot;
  secrets: DbSnapshot;
  local: Record<string, unknown>;
  cursor: { step: number; after?: string };
};

/** The sample HubSpot account, its first company renamed so the Fjord fixture ticket finds it. */
function hubspotData() {
  const data = sampleHubSpotData();
  Object.assign(data.companies[0]!.properties, { name: 'Fjord Freight AS', domain: 'fjordfreight.example' });
  Object.assign(data.contacts[0]!.properties, {
    firstname: 'Lars',
    lastname: 'Berg',
    email: 'lars.berg@fjordfreight.example',
  });
  Object.assign(data.deals[0]!.properties, { dealname: 'Fjord Freight - managed network' });
  return data;
}

beforeAll(async () => {
  const key = (JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { key?: string }).key;
  if (!key) throw new Error(`the test build in ${EXTENSION_DIR} has no manifest key (wxt.config.ts TEST_KEY)`);
  root = mkdtempSync(join(tmpdir(), 'backstory-upgrade-'));
  profile = join(root, 'profile');
  extensionDir = join(root, 'extension');
  // The first run builds the release (npm ci + wxt build, about 1.5 min); later runs copy it.
  releasedBuildInto(extensionDir, key);
  // Developer mode on, before the first start (see the top of this file).
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  mock = await startMockHubSpot({ token: TOKEN, data: hubspotData() });
  mock.record = true;
}, 600_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * The extension's service workers running now, each with its version and whether it listens for
 * ports (the story channel: the current build does, the released one does not).
 */
async function extensionWorkers(): Promise<{ version: string; ports: boolean }[]> {
  const workers = h!.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${releasedId}/`));
  const seen = await Promise.all(
    workers.map((w) =>
      w
        .evaluate(() => {
          const { runtime } = (
            globalThis as unknown as {
              chrome: { runtime: { getManifest(): { version: string }; onConnect: { hasListeners(): boolean } } };
            }
          ).chrome;
          return { version: runtime.getManifest().version, ports: runtime.onConnect.hasListeners() };
        })
        // Stopped meanwhile.
        .catch(() => undefined),
    ),
  );
  return seen.filter((w) => w !== undefined);
}

async function ticket(path: string, account?: string): Promise<{ page: Page; frame: Frame }> {
  const page = await h!.context.newPage();
  await page.goto(`${h!.origin}/${path}`);
  const frame = await sidebarFrame(page, h!.extensionId, 20_000, !onReleased);
  if (account)
    await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 20_000 }).toBe(account);
  return { page, frame };
}

async function flag(frame: Frame, kind: string, note: string): Promise<string> {
  await frame.getByRole('button', { name: 'Flag for sales' }).click();
  await frame.getByLabel('What did you notice?').selectOption({ label: kind });
  await frame.getByLabel('Note for sales').fill(note);
  await frame.getByRole('button', { name: 'Send to sales' }).click();
  await frame.getByTestId('flag-outcome').waitFor({ timeout: 20_000 });
  return (await frame.getByTestId('flag-outcome').textContent()) ?? '';
}

describe(`upgrade from the released build (${RELEASED_COMMIT.slice(0, 7)}) to this one, in one profile`, () => {
  it('the released build takes data through its own screens', async () => {
    h = await launch({ profile, extensionDir });
    releasedId = h.extensionId;
    await loadSampleData(h);

    const data = await h.extensionPage('options.html#data');
    await data.getByLabel('Files').setInputFiles([
      {
        name: 'accounts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('id,name,domains\ncf-1,Copperfield Logistics,copperfield-logistics.example\n'),
      },
      {
        name: 'notes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'id,accountId,author,date,body\ncf-n1,cf-1,Dana Whitfield,2026-10-02,Wants the warehouse Wi-Fi redone before peak season\n',
        ),
      },
    ]);
    await data.getByRole('button', { name: 'Import 2 files' }).click();
    await expect.poll(() => data.getByTestId('import-outcome').textContent(), { timeout: 30_000 }).toMatch(/Imported/);
    await data.close();

    // A pin: the ticket's unknown company is the sample's Riverside Family Clinic.
    {
      const { page, frame } = await ticket('generic-ticket-nomatch.html');
      await frame.getByRole('searchbox').fill('riverside');
      await frame.getByRole('button', { name: 'Pin Riverside Family Clinic' }).click();
      await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
      await page.close();
    }

    const options = await h.extensionPage('options.html#sources');
    await options.setViewportSize({ width: 1000, height: 1000 });
    await options.getByLabel('Name').fill('HubSpot (mock)');
    await options.getByLabel('Private app token').fill(TOKEN);
    await options.getByLabel('API address').fill(mock.url);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    const status = () => options.getByTestId('source-status').textContent();
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Last synced .*3 accounts/);
    await options.getByLabel('Sync every').selectOption({ label: '1 h' });

    const display = await h.extensionPage('options.html#display');
    await display.getByLabel('Hide deal values').check();
    await display.locator('#theme').selectOption('dark');
    await display.close();

    // A flag for HubSpot while it cannot take notes (waiting), and one for the sample's account,
    // which has no source that takes writes (the outbox).
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes' };
    {
      const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
      expect(await flag(frame, 'New project', 'Lars says they open a depot in Bergen in spring.')).toMatch(
        /Waiting to be sent/,
      );
      await page.close();
    }
    {
      const { page, frame } = await ticket('generic-ticket-email.html', 'Acme Dental Group');
      expect(await flag(frame, 'Churn risk', 'Dr. Hale is unhappy about the scheduler outages.')).toMatch(
        /In your outbox/,
      );
      await page.close();
    }

    // A sync cut off mid-pass: 250 companies changed, read 100 a page; the browser closes once
    // the first page is stored with its cursor (and HubSpot answers nothing more).
    const now = new Date().toISOString();
    for (let i = 0; i < FILLERS; i++)
      mock.data.companies.push({
        id: String(60_000 + i),
        properties: { name: `Filler Harbour ${i}`, domain: `filler${i}.example` },
        modified: now,
      });
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes', delayMs: 1500 };
    await options.getByRole('button', { name: 'Sync now' }).click();
    let cursor: { step: number; after?: string } | undefined;
    await expect
      .poll(
        async () => {
          const [state] = await dbRows<{ pass?: { step: number; after?: string } }>(options, 'syncState');
          cursor = state?.pass?.after ? { step: state.pass.step, after: state.pass.after } : undefined;
          return cursor;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeTruthy();
    mock.switches = { hang: true };
    // Quiet before the rows are read: the sync has asked for its next page and got no answer, so
    // every page answered before is stored and none is on its way (a request sent before the
    // hang is answered slowly, 1.5 s later, and until then is not the newest exchange).
    const sync = () => mock.exchanges.filter((x) => !x.path.startsWith('/crm/v3/objects/notes'));
    await expect.poll(() => sync().at(-1)?.status, { timeout: 30_000, interval: 200 }).toBe(0);
    // Read again now that nothing more is answered: a page may have landed since.
    const [state] = await dbRows<{ pass?: { step: number; after?: string } }>(options, 'syncState');
    before.cursor = { step: state!.pass!.step, after: state!.pass!.after };
    await screenshot(options, 'upgrade-released-options');
    before.db = await dbSnapshot(options, 'backstory');
    before.secrets = await dbSnapshot(options, 'backstory-secrets');
    before.local = await localStorageArea(options);
    expect(before.db.version).toBe(60); // the released schema, 6 (Dexie counts in tens)
    expect(before.db.tables.flags!.rows).toBe(2);
    expect(before.db.tables.pins!.rows).toBe(1);
    expect(before.secrets.tables.secrets!.rows).toBe(1);
    expect(JSON.stringify(before.local)).not.toContain(TOKEN);
    // The browser stays open: the update comes while it runs.
    releasedPage = options;
  }, 300_000);

  it('the current build installed as an update (files replaced, extension reloaded) runs alone, upgrades the database and keeps every row', async () => {
    // Nothing is answered from now on until the rows are compared, so nothing the new build does
    // with an answer (the sync's next page, the flag's delivery) can change them first; what the
    // released build sends before it is gone never reaches HubSpot (its connections close).
    const release = mock.hold();
    mock.switches = {};
    mock.requests.length = 0;
    mock.exchanges.length = 0;
    updatedVersion = updateInto(extensionDir, EXTENSION_DIR).to;
    onReleased = false;
    try {
      // As Chrome applies an update: the old version unloaded (its worker unregistered), the
      // new one loaded from the folder. The page goes with the old version, so no answer comes.
      void releasedPage!
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined);
      releasedPage = undefined;
      // One worker, the new build's: a released worker left running would not take the sidebar's port.
      await expect.poll(extensionWorkers, { timeout: 30_000 }).toEqual([{ version: updatedVersion, ports: true }]);
      const options = await h!.extensionPage('options.html#data');
      // The new worker opens the database at start (it resumes the cut-off sync): version 7.
      await expect.poll(() => dbVersion(options), { timeout: 30_000 }).toBe(70);
      const after = await dbSnapshot(options, 'backstory');
      expect(after.tables.importStages).toEqual({ rows: 0, hash: expect.any(String) });
      delete after.tables.importStages;
      expect(after.tables, JSON.stringify(await dbRows(options, 'syncState'))).toEqual(before.db.tables);
      expect(await dbSnapshot(options, 'backstory-secrets')).toEqual(before.secrets);
      const local = await localStorageArea(options);
      for (const k of ['displaySettings', 'syncIntervalMinutes', 'dataSources', 'importedAt'])
        expect(local[k], k).toEqual(before.local[k]);
      expect(mock.requests).toEqual([]);
      await options.close();
    } finally {
      release();
    }
  }, 120_000);

  it('shows the sample story, the imported account and the pin beside tickets, with deal values hidden', async () => {
    {
      const { page, frame } = await ticket('generic-ticket-email.html', 'Acme Dental Group');
      expect(await frame.locator('body').textContent()).toContain('Dana Whitfield');
      await expect.poll(() => frame.getByTestId('flags').textContent()).toMatch(/Churn risk.*In your outbox/);
      await screenshot(page, 'upgrade-sidebar-sample');
      await page.close();
    }
    {
      const { page, frame } = await ticket('generic-ticket-copperfield.html', 'Copperfield Logistics');
      await expect
        .poll(() => frame.getByTestId('notes').textContent())
        .toContain('Wants the warehouse Wi-Fi redone before peak season');
      await page.close();
    }
    {
      const { page, frame } = await ticket('generic-ticket-nomatch.html', 'Riverside Family Clinic');
      expect(await frame.getByTestId('match-reason').textContent()).toMatch(/pinned/i);
      await page.close();
    }
    {
      const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
      const deal = (await frame.getByTestId('deal').textContent()) ?? '';
      expect(deal).toContain('Fjord Freight - managed network');
      expect(deal).not.toMatch(/\$|950|1,800/);
      // Dark colours, as chosen in the released build.
      expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
      await page.close();
    }
    const display = await h!.extensionPage('options.html#display');
    expect(await display.getByLabel('Hide deal values').isChecked()).toBe(true);
    expect(await display.locator('#theme').inputValue()).toBe('dark');
    await display.close();
  }, 120_000);

  it('goes on with the cut-off sync from its cursor, with the stored key, and finishes it', async () => {
    const options = await h!.extensionPage('options.html#sources');
    await options.setViewportSize({ width: 1000, height: 1000 });
    expect(await options.getByLabel('Sync every').inputValue()).toBe('60');
    await expect
      .poll(() => options.getByTestId('source-status').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`Last synced .*changed records? read; now ${FILLERS + 3} accounts`));
    // The pass went on with the companies page at the stored cursor and each one after it, none
    // from the start again. (A later pass, such as the one the hourly alarm set in the released
    // build may start, begins at the start: it comes after these.)
    const companies = mock.exchanges
      .filter((x) => x.method === 'POST' && x.path === '/crm/v3/objects/companies/search')
      .map((x) => (x.body as { after?: string }).after);
    expect(before.cursor.step).toBe(0);
    const pages: string[] = [];
    for (let at = Number(before.cursor.after); at < FILLERS; at += 100) pages.push(String(at));
    expect(pages.length).toBeGreaterThan(0);
    expect(companies.slice(0, pages.length)).toEqual(pages);
    expect(mock.requests.every((r) => r.authorized)).toBe(true);
    await screenshot(options, 'upgrade-current-options');
    await options.close();
  }, 120_000);

  it('delivers the flag that waited for HubSpot exactly once; the outbox flag stays in the outbox', async () => {
    const options = await h!.extensionPage('options.html#flags');
    const writes = () =>
      mock.writes.filter((w) => w.properties.hs_note_body?.includes('open a depot in Bergen')).length;
    // A retry round may have delivered it already (its alarm survived the restart).
    if (!writes()) await options.getByRole('button', { name: 'Send waiting flags now' }).click();
    await expect.poll(writes, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => options.getByTestId('my-flags').textContent()).toMatch(/In your outbox/);
    // Written by HubSpot first, then marked delivered here: wait for the mark.
    await expect
      .poll(() => options.getByTestId('my-flags').textContent(), { timeout: 30_000 })
      .not.toContain('Waiting');
    expect(mock.writes.filter((w) => w.companies.includes('5001'))).toHaveLength(1);
    const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
    await expect.poll(() => frame.getByTestId('flags').textContent()).toMatch(/New project.*Sent to sales/);
    await page.close();
    await options.close();
    expect(writes()).toBe(1);
  }, 120_000);

  it('after a browser restart on the same profile, the new build is still the one that runs', async () => {
    await h!.close();
    h = await launch({ profile, extensionDir });
    expect(h.extensionId).toBe(releasedId);
    await expect.poll(extensionWorkers, { timeout: 30_000 }).toEqual([{ version: updatedVersion, ports: true }]);
    const { page, frame } = await ticket('generic-ticket-fjord.html', 'Fjord Freight AS');
    await expect.poll(() => frame.getByTestId('flags').textContent()).toMatch(/New project.*Sent to sales/);
    await page.close();
  }, 120_000);
});
