// CRM sources beyond HubSpot end to end: Pipedrive and Salesforce (mocks of their APIs on
// 127.0.0.1) configured through the options page (Salesforce by a sign-in window the mock's
// authorize page answers), synced by the background, their records shown beside a ticket and
// merged with a file import, a revoked token and a daily limit named, a sync cut off by a stopped
// worker resumed, and a flag delivered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { startMockPipedrive, type MockPipedrive } from '../mock-apis/pipedrive-server';
import { startMockSalesforce, type MockSalesforce } from '../mock-apis/salesforce-server';
import { h, options, status, useSourcesOptions } from './sources-options';
import { importCsvFiles, openTicket, removeSource, sendFlag, syncThenStopWorker } from './source-steps';

let pd: MockPipedrive;
let sf: MockSalesforce;
const TOKEN = 'pd-e2e-CANARY-51c0';

beforeAll(async () => {
  pd = await startMockPipedrive({ token: TOKEN });
  sf = await startMockSalesforce();
  // The customer of the sample ticket page (generic-ticket-nomatch.html: Zed at Unknown Widgets).
  pd.data.organizations.push({ id: 7, name: 'Unknown Widgets Ltd', owner_id: 12, update_time: '2026-11-20T09:00:00Z' });
  pd.data.persons.push({
    id: 170,
    name: 'Zed Okoye',
    org_id: 7,
    emails: [{ value: 'zed@unknown-widgets.example', primary: true, label: 'work' }],
  });
  pd.data.deals.push({
    id: 570,
    title: 'Unknown Widgets - warehouse Wi-Fi',
    owner_id: 12,
    org_id: 7,
    value: 6400,
    currency: 'USD',
    status: 'won',
    won_time: '2026-05-04T12:00:00Z',
    origin: 'WebForms',
    channel: 2,
    update_time: '2026-11-20T09:00:00Z',
  });
  pd.data.notes.push({
    id: 9070,
    content: '<p>Zed was <i>burned by their last IT guy</i>; call before any reboot.</p>',
    org_id: 7,
    deal_id: 570,
    user: { id: 12, name: 'Tom Okafor' },
    add_time: '2026-05-04 12:30:00',
    update_time: '2026-05-04 12:30:00',
    active_flag: true,
    pinned_to_organization_flag: false,
    pinned_to_deal_flag: true,
  });
});
afterAll(async () => {
  await pd?.close();
  await sf?.close();
});
// After the mocks' hooks: the browser starts after them and is closed before them.
useSourcesOptions();

const ticketAccount = () => openTicket(h, `${h.origin}/generic-ticket-nomatch.html`, /^Unknown Widgets Ltd\.?$/);

describe('Pipedrive as a data source', () => {
  it('tests the connection before saving, naming a wrong token', async () => {
    await options.getByLabel('Product').selectOption('pipedrive');
    await options.getByLabel('Company domain').fill(pd.url);
    await options.getByLabel('API token').fill('typo');
    await options.getByRole('button', { name: 'Test connection' }).click();
    const checks = options.getByTestId('connection-checks');
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toMatch(/does not work yet.*user: .*rejected the key \(401\)/);
    await options.getByLabel('API token').fill(TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => checks.textContent(), { timeout: 15_000 }).toMatch(/^Connection works: .*✓ notes/);
  });

  it('is added with a token, syncs, and its deal and notes show beside a ticket, named by source', async () => {
    await options.getByLabel('Name').fill('Pipedrive (mock)');
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*: 3 accounts, 3 contacts, 3 deals, 3 notes/);
    expect(await options.getByLabel('API token').inputValue()).toBe('');
    expect(await options.content()).not.toContain(TOKEN);
    expect(pd.requests.filter((r) => r.authorized).length).toBeGreaterThan(5);
    expect(pd.requests.some((r) => r.path.includes(TOKEN))).toBe(false);
    await screenshot(options, 'options-sources-pipedrive');

    const { page, frame } = await ticketAccount();
    expect(await frame.getByTestId('deal').textContent()).toContain('Unknown Widgets - warehouse Wi-Fi');
    expect(await frame.getByTestId('notes').textContent()).toContain('burned by their last IT guy');
    expect(await frame.locator('body').textContent()).toContain('Tom Okafor');
    expect(await page.content()).not.toContain(TOKEN);
    await expect
      .poll(() => frame.getByTestId('freshness').textContent())
      .toMatch(/Data: Pipedrive \(mock\), synced (this minute|1 minute ago)/);
    await screenshot(page, 'sidebar-pipedrive');
    await page.close();
  });

  it('merges the same customer from a file import into one story, saying where each fact came from', async () => {
    await importCsvFiles(h, {
      'accounts.csv': 'id,name,domains\nuw-1,Unknown Widgets Ltd.,unknown-widgets.example\n',
      'notes.csv': 'id,accountId,author,date,body\nn-1,uw-1,Dana Whitfield,2026-09-20,Wants quarterly reviews\n',
    });
    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 })
      .toContain('quarterly reviews');
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('from file import');
    expect(notes).toContain('from Pipedrive (mock)');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(/Pipedrive \(mock\), synced .*; file import/);
    await page.close();
  });

  it('keeps the last good data and says the token was rejected when it is revoked', async () => {
    pd.setToken('pd-rotated');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/rejected the key \(401\).*data from the last good sync is kept/);
    const { page, frame } = await ticketAccount();
    expect(await frame.getByTestId('deal').textContent()).toContain('warehouse Wi-Fi');
    await page.close();
    pd.setToken(TOKEN);
  });

  it('finishes a sync that the browser cut off by stopping the service worker, from where it stopped', async () => {
    pd.data.organizations.push({ id: 8, name: 'Quayside Optics', owner_id: 11, update_time: new Date().toISOString() });
    // A sync the stopped-worker pass's watchdog resumed may still be finishing: let it.
    await expect.poll(status, { timeout: 30_000 }).not.toMatch(/Syncing/);
    pd.switches = { delayMs: 350 };
    const seen = pd.requests.length;
    // An incremental pass (updated_since): stop the worker while it waits for deals.
    await syncThenStopWorker(options, h.extensionId, () =>
      pd.requests.slice(seen).some((r) => r.path.startsWith('/api/v2/deals')),
    );
    pd.switches = {};
    const beforeResume = pd.requests.length;
    const { page } = await ticketAccount();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read; now 4 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const resumed = pd.requests.slice(beforeResume).map((r) => r.path.split('?')[0]!);
    expect(resumed.some((p) => p === '/api/v2/deals' || p === '/api/v1/notes')).toBe(true);
    expect(resumed.some((p) => p === '/api/v2/organizations' || p === '/api/v2/persons')).toBe(false);
    await page.close();
  });

  it('delivers a flag from the ticket once, as a note pinned to the organization', async () => {
    const { page, frame } = await ticketAccount();
    await sendFlag(frame, 'More seats', 'Hiring 6 pickers for the new warehouse.');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toContain('Sent to sales.');
    expect(pd.writes).toHaveLength(1);
    expect(pd.writes[0]).toMatchObject({ org_id: 7, pinned_to_organization_flag: true });
    expect(String(pd.writes[0]!.content)).toContain('Hiring 6 pickers');
    expect(String(pd.writes[0]!.content)).toContain('Ticket: generic #1045');
    expect(await page.content()).not.toContain('Hiring 6 pickers');
    await page.close();
    // Nothing is left waiting to be sent again, and nothing more was written.
    const flags = await h.extensionPage('options.html#flags');
    await expect.poll(() => flags.getByRole('button', { name: 'Send waiting flags now' }).isDisabled()).toBe(true);
    expect(pd.writes).toHaveLength(1);
    await flags.close();
  });

  it('removes the source with its records', async () => {
    await removeSource(options);
    const { page, frame } = await ticketAccount();
    await expect
      .poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 })
      .not.toContain('burned by their last IT guy');
    expect(await frame.getByTestId('freshness').textContent()).not.toContain('Pipedrive');
    await page.close();
  });
});

describe('Salesforce as a data source', () => {
  const soql = () => sf.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('q') ?? r.path);
  beforeAll(() => {
    sf.data.Account.push({
      Id: '001000000000070AAA',
      Name: 'Unknown Widgets Ltd',
      Website: 'unknown-widgets.example',
      AccountSource: 'Web',
      OwnerId: '005000000000002AAA',
      SystemModstamp: '2026-11-20T09:00:00.000+0000',
    });
    sf.data.Contact.push({
      Id: '003000000000070AAA',
      Name: 'Zed Okoye',
      Email: 'zed@unknown-widgets.example',
      AccountId: '001000000000070AAA',
    });
    sf.data.Opportunity.push({
      Id: '006000000000070AAA',
      Name: 'Unknown Widgets - scanner refresh',
      AccountId: '001000000000070AAA',
      Amount: 9100,
      CloseDate: '2026-06-01',
      StageName: 'Closed Won',
      IsWon: true,
      IsClosed: true,
      LeadSource: 'Partner Referral',
      OwnerId: '005000000000002AAA',
    });
    sf.data.Note.push({
      Id: '002000000000070AAA',
      Title: 'Handover',
      Body: 'Zed asked for a printed runbook at the warehouse desk.',
      ParentId: '001000000000070AAA',
      CreatedById: '005000000000002AAA',
      CreatedDate: '2026-06-02T10:00:00.000+0000',
    });
  });

  it('signs in through the browser window, tests the connection, and syncs with the daily API use shown', async () => {
    await options.getByLabel('Product').selectOption('salesforce');
    expect(await options.getByTestId('callback-url').textContent()).toMatch(
      new RegExp(`https://${h.extensionId}\\.chromiumapp\\.org/`),
    );
    await options.getByLabel('Name').fill('Salesforce (mock)');
    await options.getByLabel('Login address (My Domain)').fill(sf.url);
    await options.getByLabel('Consumer key').fill(sf.consumerKey);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(() => options.getByTestId('sources-note').textContent()).toBe('Sign in with Salesforce first.');
    await options.getByRole('button', { name: 'Sign in with Salesforce' }).click();
    await expect
      .poll(() => options.getByTestId('sources-note').textContent(), { timeout: 20_000 })
      .toBe('Signed in to Salesforce. Save to start syncing.');
    expect(sf.requests.some((r) => r.path.startsWith('/services/oauth2/authorize'))).toBe(true);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => options.getByTestId('connection-checks').textContent(), { timeout: 15_000 })
      .toMatch(
        /^Connection works: .*✓ sign-in: Salesforce API requests in the last 24 hours: \d+ of 15,000.*✓ ContentNote/,
      );
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect
      .poll(status, { timeout: 20_000 })
      .toMatch(
        /Last synced .*: 3 accounts, 3 contacts, 1 campaign, 3 deals, 3 notes \(1 record without a name or company skipped; Salesforce API requests in the last 24 hours: \d+ of 15,000\)/,
      );
    expect(await options.content()).not.toMatch(/5Aep861MOCK/);
    await screenshot(options, 'options-sources-salesforce');
  });

  it('shows its account beside the ticket, merged with the file import, each fact named by source', async () => {
    const { page, frame } = await ticketAccount();
    await expect.poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 }).toContain('printed runbook');
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('from Salesforce (mock)');
    expect(notes).toContain('from file import');
    expect(await frame.getByTestId('deal').textContent()).toContain('Unknown Widgets - scanner refresh');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(/Salesforce \(mock\), synced .*; file import/);
    await screenshot(page, 'sidebar-salesforce');
    await page.close();
  });

  it('says to sign in again when the sign-in was revoked, and syncs again after signing in', async () => {
    sf.revoke();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/no longer accepts the sign-in .*sign in again.*data from the last good sync is kept/);
    await options.getByTestId('source').getByRole('button', { name: 'Sign in with Salesforce' }).click();
    await expect
      .poll(() => options.getByTestId('sources-note').textContent(), { timeout: 20_000 })
      .toBe('Signed in to Salesforce. Save to start syncing.');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read/);
    await expect.poll(() => options.getByTestId('source-error').count()).toBe(0);
  });

  it("names the org's daily API limit when it is reached, and keeps the last good data", async () => {
    await expect.poll(status, { timeout: 30_000 }).not.toMatch(/Syncing/);
    const used = sf.apiUsed;
    sf.apiUsed = sf.apiLimit;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/daily API request limit is reached \(REQUEST_LIMIT_EXCEEDED\).*data from the last good sync is kept/);
    sf.apiUsed = used;
    const { page, frame } = await ticketAccount();
    await expect.poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 }).toContain('printed runbook');
    await page.close();
  });

  it('finishes a sync that the browser cut off by stopping the service worker, from where it stopped', async () => {
    sf.data.Account.push({
      Id: '001000000000080AAA',
      Name: 'Harbor Freight Brokers',
      OwnerId: '005000000000001AAA',
      SystemModstamp: new Date().toISOString().replace('Z', '+0000'),
    });
    // A sync the stopped-worker pass's watchdog resumed may still be finishing: let it.
    await expect.poll(status, { timeout: 30_000 }).not.toMatch(/Syncing/);
    sf.switches = { delayMs: 350 };
    const seen = sf.requests.length;
    await syncThenStopWorker(
      options,
      h.extensionId,
      () =>
        soql()
          .slice(seen)
          .some((q) => / FROM Opportunity/.test(q)),
      25_000,
    );
    sf.switches = {};
    const beforeResume = sf.requests.length;
    const { page } = await ticketAccount();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read; now 4 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const resumed = soql().slice(beforeResume);
    expect(resumed.some((q) => / FROM (Opportunity|Note|ContentNote)/.test(q))).toBe(true);
    expect(resumed.some((q) => / FROM (Account|Contact)\b/.test(q))).toBe(false);
    await page.close();
  });

  it("delivers a flag once, as a Task on the account assigned to the account's owner", async () => {
    const { page, frame } = await ticketAccount();
    await sendFlag(frame, 'Hardware refresh', 'The label printers are failing weekly.');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toContain('Sent to sales.');
    expect(sf.writes).toHaveLength(1);
    expect(sf.writes[0]).toMatchObject({
      Subject: 'Backstory flag: Hardware refresh',
      WhatId: '001000000000070AAA',
      OwnerId: '005000000000002AAA',
    });
    expect(String(sf.writes[0]!.Description)).toContain('The label printers are failing weekly.');
    await page.close();
  });
});
