// Managed configuration in Firefox: the policy an administrator writes in policies.json
// ("3rdparty" > "Extensions" > the add-on id) reaches the extension as browser.storage.managed,
// and Options shows what it set as locked, as in Chromium (policy.e2e.ts).
//
// Where Firefox reads policies.json (checked against Debian's firefox-esr 153, whose
// EnterprisePoliciesParent.sys.mjs reads, in this order):
// 1. /etc/firefox/policies/policies.json (the "SysConfD" folder: /etc and the app's name in lower
//    case, "firefox" for firefox-esr too). Nothing moves it for a test in this release build (each
//    tried, about:policies stayed "inactive"): Firefox ignores the MOZ_SYSTEM_CONFIG_DIR variable,
//    and the "browser.policies.alternatePath" preference counts only in Nightly builds or under
//    Mozilla's own test harness (Cu.isInAutomation), not with the preference
//    "security.turn_off_all_security_so_that_viruses_can_take_over_this_computer" in the profile.
//    So the test needs the real, machine-wide folder: it runs as root only (as CI does; .ci/run
//    sets POLICY_REQUIRED, which turns a folder it cannot write into a failure, not a skip).
// 2. distribution/policies.json beside the binary (/usr/lib/firefox-esr/distribution, a link to
//    /usr/share/firefox-esr/distribution), when the first is absent.
// Firefox reads the file once, when it starts: the test removes it as soon as Firefox is up, so
// another Firefox started on this machine meanwhile is unlikely to see it. It never overwrites a
// policies.json that was there before (an administrator's own): then it does not run.
import { createServer, type Server } from 'node:http';
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDON_ID, findFirefox, launchFirefox, poll, type FirefoxHarness } from './firefox-harness';
import { SCREENSHOTS } from './harness';

const POLICY_FILE = process.env.BACKSTORY_FIREFOX_POLICY_FILE || '/etc/firefox/policies/policies.json';

/** The folders above the policy file that do not exist yet: made by the test, removed after it. */
const createdDirs: string[] = [];
/** Why this machine cannot run the test, or undefined when it can. */
function cannotRun(): string | undefined {
  if (!findFirefox()) return 'no Firefox here';
  if (existsSync(POLICY_FILE)) return `${POLICY_FILE} exists already (not ours, left alone)`;
  let dir = dirname(POLICY_FILE);
  while (!existsSync(dir)) {
    createdDirs.unshift(dir);
    dir = dirname(dir);
  }
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch {
    return `it needs to write ${POLICY_FILE} (run as root, as CI does)`;
  }
}
const reason = cannotRun();
if (reason) {
  const note = `the Firefox managed-policy browser test is not run: ${reason}`;
  if (process.env.POLICY_REQUIRED && findFirefox()) throw new Error(`Cannot run: ${note}.`);
  console.warn(`Note: ${note}.`);
}

function removePolicyFile(): void {
  rmSync(POLICY_FILE, { force: true });
  // Deepest first; a folder something else has put a file in meanwhile stays.
  for (const dir of [...createdDirs].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
}

/** The team feed: a Backstory backup with one account. */
const feedBody = JSON.stringify({
  format: 'backstory-backup',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  records: {
    accounts: [
      {
        id: 'csv:ff',
        source: 'csv',
        sourceId: 'ff',
        name: 'Foxglove Dental',
        aliases: [],
        domains: ['foxglove.example'],
        externalIds: {},
      },
    ],
    contacts: [],
    campaigns: [],
    deals: [],
    notes: [],
  },
  pins: [],
});
let feedServer: Server;
let h: FirefoxHarness;

describe.skipIf(!!reason)('managed configuration in Firefox from policies.json', () => {
  beforeAll(async () => {
    feedServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', etag: '"ff1"' });
      res.end(feedBody);
    });
    await new Promise<void>((done) => feedServer.listen(0, '127.0.0.1', done));
    const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.json`;
    const settings = {
      helpdeskSites: [{ address: 'https://support.policy.example', product: 'halopsa' }],
      dataSources: [{ id: 'feed', kind: 'feed', name: 'Team feed', settings: { feedUrl } }],
      // Malformed for Backstory (at least 5 minutes): left out, and named in Options.
      syncIntervalMinutes: 2,
      display: { hideDealValues: true },
      technician: { name: 'Sam Tech', email: 'sam@msp.example' },
    };
    mkdirSync(dirname(POLICY_FILE), { recursive: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: settings } } } }, null, 1),
    );
    try {
      h = await launchFirefox();
    } finally {
      // Read at start: gone again before the first test.
      removePolicyFile();
    }
  }, 90_000);
  afterAll(async () => {
    removePolicyFile();
    await h?.close();
    await new Promise((done) => feedServer?.close(done));
  });

  const text = (page: Page, selector: string) =>
    page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? '').join('\n'), selector);
  const tab = async (page: Page, id: string) => {
    await page.click(`#tab-${id}`);
    await poll(
      () => page.evaluate(() => document.querySelector('main[role=tabpanel]')?.id ?? ''),
      (v) => v === `panel-${id}`,
    );
  };

  it('hands the policy to the extension as managed storage', async () => {
    const page = await h.extensionPage('options.html');
    const managed = await page.evaluate(async () => {
      type Managed = { browser: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } };
      return (globalThis as unknown as Managed).browser.storage.managed.get(null);
    });
    expect(Object.keys(managed).sort()).toEqual([
      'dataSources',
      'display',
      'helpdeskSites',
      'syncIntervalMinutes',
      'technician',
    ]);
    await page.close();
  });

  it('shows the preset site and source locked, the malformed field noted, and one Allow', async () => {
    const page = await h.extensionPage('options.html');
    await tab(page, 'sites');
    const siteRow = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid=sites] tbody tr')]
            .map((r) => r.textContent ?? '')
            .find((t) => t.includes('https://support.policy.example')) ?? '',
      );
    expect(await poll(siteRow, (t) => t.includes('Set by your organisation'), 20_000)).not.toContain('Remove');
    expect(await text(page, '[data-testid=policy-problems]')).toContain(
      'syncIntervalMinutes: must be a whole number of minutes from 5 to 1440',
    );
    // Firefox (Manifest V2) asks for the site as an optional permission: not granted yet.
    expect(
      await poll(
        () => text(page, '[data-testid=policy-allow]'),
        (t) => t.includes('support.policy.example'),
      ),
    ).toContain('Allow');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/firefox-options-policy-sites.png` });

    await tab(page, 'sources');
    const card = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid=source]')]
            .map((c) => c.textContent ?? '')
            .find((t) => t.includes('Team feed')) ?? '',
      );
    expect(await poll(card, (t) => t.includes('Set by your organisation'), 20_000)).not.toContain('Remove');
    // The feed from policy syncs in Firefox too.
    expect(await poll(card, (t) => /Last synced .*: 1 account,/.test(t), 30_000)).toContain('Team feed');

    // The team feed's address (127.0.0.1 on any port) is allowed to the test build: Firefox's
    // match patterns take no port, so only the site is offered.
    expect(await text(page, '[data-testid=policy-allow]')).not.toContain('127.0.0.1');

    await tab(page, 'display');
    expect(
      await page.$eval('input[name=hideDealValues]', (e) => [
        (e as HTMLInputElement).checked,
        (e as HTMLInputElement).disabled,
      ]),
    ).toEqual([true, true]);
    await tab(page, 'flags');
    expect(
      await poll(
        () => page.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value)),
        (values) => values.includes('Sam Tech'),
      ),
    ).toContain('sam@msp.example');
    await page.close();
  });

  it('marks the toolbar button and offers the one Allow in its popup', async () => {
    const popup = await h.extensionPage('popup.html');
    const badge = () =>
      popup.evaluate(async () => {
        type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
        const action = (globalThis as unknown as { browser: { browserAction: Action } }).browser.browserAction;
        return [await action.getBadgeText({}), await action.getTitle({})];
      });
    expect(await poll(badge, ([text]) => text === '!', 20_000)).toEqual([
      '!',
      'Backstory: your organisation set up support.policy.example; open to allow it there',
    ]);
    const offer = await poll(
      () => text(popup, '[data-testid=policy-offer]'),
      (t) => t !== '',
    );
    expect(offer).toContain('Your organisation set up Backstory for support.policy.example,');
    expect(await popup.$$eval('[data-testid=policy-offer] button', (b) => b.map((e) => e.textContent))).toEqual([
      'Allow',
    ]);
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup-policy-offer.png` });
    await popup.close();
  });
});
