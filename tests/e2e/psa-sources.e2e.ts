// A PSA's own sales side as a live source, end to end: HaloPSA and Autotask (mocks of their APIs on
// 127.0.0.1, refusing what breaks tests/mock-apis/*-contract.ts) configured through the options page,
// synced by the background, shown beside the PSA's own ticket, flagged to once, and kept when its key
// is revoked or its worker is stopped mid-sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { startMockHalo, type MockHalo } from '../mock-apis/halopsa-server';
import { startMockAutotask, type MockAutotask } from '../mock-apis/autotask-server';
import { h, options, status, useSourcesOptions } from './sources-options';
import { importCsvFiles, openTicket, removeSource, sendFlag, syncThenStopWorker } from './source-steps';

let halo: MockHalo;
let at: MockAutotask;

beforeAll(async () => {
  halo = await startMockHalo();
  at = await startMockAutotask();
});
afterAll(async () => {
  await halo?.close();
  await at?.close();
});
// After the mocks' hooks: the browser starts after them and is closed before them.
useSourcesOptions();

const checks = () => options.getByTestId('connection-checks').textContent();
const haloTicket = () => openTicket(h, 'https://northwind.halopsa.com/ticket?id=1042', 'Baker & Price LLP');

describe('HaloPSA as a data source', () => {
  it('tests the connection before saving, naming a refused sign-in and a missing permission', async () => {
    await options.getByLabel('Product').selectOption('halopsa');
    await options.getByLabel('Name').fill('Our Halo');
    await options.getByLabel('Instance address').fill(halo.url);
    await options.getByLabel('Tenant (hosted instances)').fill(halo.tenant);
    await options.getByLabel('Client id').fill(halo.clientId);
    await options.getByLabel('Client secret').fill('typo');
    await options.getByLabel('Client field for how they heard of you (optional)').fill('How did you hear about us');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(checks, { timeout: 15_000 })
      .toMatch(
        /does not work yet.*✗ sign-in: HaloPSA refused the sign-in \(401\): check the client ID, secret, tenant/,
      );
    halo.forbidden.add('/CRMNote');
    await options.getByLabel('Client secret').fill(halo.clientSecret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(checks, { timeout: 15_000 })
      .toMatch(/^Connection works\. Some optional data.*✓ opportunities.*! CRM notes: the key may not read .*\(403\)/);
    await screenshot(options, 'options-sources-halopsa-test');
    halo.forbidden.clear();
  });

  it('syncs, and its client, opportunity and notes show beside a HaloPSA ticket', async () => {
    halo.requests.length = 0;
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*: 2 accounts, 2 contacts, 2 deals, 2 notes/);
    expect(await options.getByLabel('Client secret').inputValue()).toBe('');
    expect(await options.content()).not.toContain(halo.clientSecret);
    expect(halo.requests.filter((r) => r.path.startsWith('/api/')).every((r) => r.authorized)).toBe(true);
    expect(halo.refused).toEqual([]);

    const { page, frame } = await haloTicket();
    expect(await frame.getByTestId('deal').textContent()).toMatch(/Baker & Price - managed IT and backup.*\$18,400/);
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('document system restores within 4 hours');
    expect(notes).toContain('no maintenance on Thursday nights');
    expect(await frame.locator('body').textContent()).toContain('Chamber of commerce breakfast');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(/Our Halo, synced/);
    expect(await page.content()).not.toContain(halo.clientSecret);
    await screenshot(page, 'sidebar-halopsa-source');
    await page.close();
  });

  it('delivers a flag as one opportunity for the account manager, even when the first answer is lost', async () => {
    const { page, frame } = await haloTicket();
    halo.loseNextWrite = true;
    await sendFlag(frame, 'New project', 'They are opening a second office in March.');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Waiting to be sent \(.*503.*\)/);
    // Halo wrote it; the answer never arrived. The retry finds it rather than writing it again.
    expect(halo.writes).toHaveLength(1);
    const flags = await h.extensionPage('options.html#flags');
    await flags.getByRole('button', { name: 'Send waiting flags now' }).click();
    await expect
      .poll(() => flags.getByTestId('flags-note').textContent(), { timeout: 15_000 })
      .toBe('The flag was sent.');
    expect(halo.writes).toHaveLength(1);
    expect(halo.writes[0]).toMatchObject({
      path: '/Opportunities',
      record: { client_id: 12, agent_id: 3, summary: 'New project: They are opening a second office in March.' },
    });
    expect(String(halo.writes[0]!.record.details)).toContain('Ticket: halopsa #1042');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 10_000 })
      .toBe('Flag saved. Sent to sales.');
    expect(halo.refused).toEqual([]);
    await flags.close();
    await page.close();
  });

  it('keeps the last good data and says the sign-in was refused when the secret is revoked', async () => {
    const secret = halo.clientSecret;
    halo.clientSecret = 'rotated-secret';
    halo.expireTokens();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/HaloPSA refused the sign-in \(401\).*data from the last good sync is kept/);
    await screenshot(options, 'options-sources-halopsa-revoked');
    const { page, frame } = await haloTicket();
    expect(await frame.getByTestId('notes').textContent()).toContain('within 4 hours');
    expect(await frame.getByTestId('freshness-warning').textContent()).toContain('the last sync failed');
    await page.close();
    halo.clientSecret = secret;
  });

  it('finishes a sync that the browser cut off by stopping the service worker, from where it stopped', async () => {
    halo.data.clients.push({ id: 15, name: 'Lakeside Veterinary', website: 'lakeside-vet.example' });
    // Slow answers keep the sync running long enough to be stopped in the middle.
    halo.switches = { delayMs: 350 };
    const seen = halo.requests.length;
    // Stop the worker once it asks for opportunities: clients and users are stored with the cursor.
    await syncThenStopWorker(options, h.extensionId, () =>
      halo.requests.slice(seen).some((r) => r.path.startsWith('/api/Opportunities')),
    );
    halo.switches = {};
    const beforeResume = halo.requests.length;
    // Any event wakes the worker (here a ticket page asking for its story); it goes on from the cursor.
    const { page } = await haloTicket();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read; now 3 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const resumed = halo.requests.slice(beforeResume).map((r) => r.path.split('?')[0]!);
    expect(resumed).toContain('/api/Opportunities');
    expect(resumed.some((p) => p === '/api/Client' || p === '/api/Users')).toBe(false);
    expect(halo.refused).toEqual([]);
    await page.close();
  });

  it('merges the same client from a file import into one story, saying where each fact came from', async () => {
    await importCsvFiles(h, {
      'accounts.csv': 'id,name,domains\nbp-1,Baker & Price LLP,bakerprice.law\n',
      'notes.csv':
        'id,accountId,author,date,body\nn-1,bp-1,Diego Alvarez,2026-10-02,Helen asked about a second office\n',
    });
    const { page, frame } = await haloTicket();
    await expect.poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 }).toContain('second office');
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('from file import');
    expect(notes).toContain('from Our Halo');
    await page.close();
  });

  it('removes the source and its records', async () => {
    await removeSource(options);
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox').fill('Lakeside Veterinary');
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('option').count()).toBe(0);
    await popup.close();
  });
});

const autotaskTicket = () =>
  openTicket(
    h,
    'https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=1042',
    'Riverside Family Clinic',
  );

describe('Autotask PSA as a data source', () => {
  it('tests the connection before saving, naming an unknown API user and a missing permission', async () => {
    await options.getByLabel('Product').selectOption('autotask');
    await options.getByLabel('Name', { exact: true }).fill('Our Autotask');
    await options.getByLabel('Zone lookup address').fill(at.url);
    await options.getByLabel('API username').fill('typo@northwind-msp.example');
    await options.getByLabel('Secret', { exact: true }).fill(at.secret);
    await options.getByLabel('API integration code').fill(at.integrationCode);
    await options.getByLabel('Company field for the lead source (optional)').fill('Lead Source');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(checks, { timeout: 15_000 })
      .toMatch(/does not work yet.*✗ zone: Autotask does not know the API user “typo@northwind-msp\.example”/);
    at.forbidden.add('CompanyNotes');
    await options.getByLabel('API username').fill(at.username);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(checks, { timeout: 15_000 })
      .toMatch(
        /^Connection works\. Some optional data.*✓ opportunities.*! CRM notes: the key may not read .*\(403\).*✓ request limit: [\d,]+ of 10,000 requests used this hour/,
      );
    await screenshot(options, 'options-sources-autotask-test');
    at.forbidden.clear();
  });

  it('syncs, and its company, opportunity and notes show beside an Autotask ticket', async () => {
    at.requests.length = 0;
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*: 2 accounts, 2 contacts, 2 deals, 2 notes/);
    expect(await options.content()).not.toContain(at.secret);
    expect(at.requests.filter((r) => r.path.includes('/V1.0/')).every((r) => r.authorized)).toBe(true);
    expect(at.refused).toEqual([]);

    const { page, frame } = await autotaskTicket();
    expect(await frame.getByTestId('deal').textContent()).toMatch(/Riverside - managed IT for 3 sites.*\$3,300\/mo/);
    const notes = await frame.getByTestId('notes').textContent();
    expect(notes).toContain('portal restores within 2 hours');
    expect(notes).toContain('Tuesday vaccination clinics');
    expect(await frame.locator('body').textContent()).toContain('Chamber of commerce breakfast');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(/Our Autotask, synced/);
    expect(await page.content()).not.toContain(at.secret);
    await screenshot(page, 'sidebar-autotask-source');
    await page.close();
  });

  it("delivers a flag as one opportunity for the company's account manager, even when the first answer is lost", async () => {
    const { page, frame } = await autotaskTicket();
    at.loseNextWrite = true;
    await sendFlag(frame, 'More seats', 'Hiring 6 nurses for the new site.');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Waiting to be sent \(.*503.*\)/);
    expect(at.writes).toHaveLength(1);
    const flags = await h.extensionPage('options.html#flags');
    await flags.getByRole('button', { name: 'Send waiting flags now' }).click();
    await expect
      .poll(() => flags.getByTestId('flags-note').textContent(), { timeout: 15_000 })
      .toBe('The flag was sent.');
    expect(at.writes).toHaveLength(1);
    expect(at.writes[0]).toMatchObject({
      entity: 'Opportunities',
      record: { companyID: 174, ownerResourceID: 29682885, title: 'More seats: Hiring 6 nurses for the new site.' },
    });
    expect(String(at.writes[0]!.record.description)).toContain('Ticket: autotask #1042');
    expect(at.refused).toEqual([]);
    await flags.close();
    await page.close();
  });

  it('keeps the last good data and says the key was rejected when the secret is revoked', async () => {
    const secret = at.secret;
    at.secret = 'rotated-secret';
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/rejected the key \(401\).*data from the last good sync is kept/);
    const { page, frame } = await autotaskTicket();
    expect(await frame.getByTestId('notes').textContent()).toContain('within 2 hours');
    expect(await frame.getByTestId('freshness-warning').textContent()).toContain('the last sync failed');
    await page.close();
    at.secret = secret;
  });

  it('finishes a sync that the browser cut off by stopping the service worker, from where it stopped', async () => {
    at.data.Companies.push({
      id: 177,
      companyName: 'Lakeside Veterinary',
      webAddress: 'lakeside-vet.example',
      isActive: true,
      lastTrackedModifiedDateTime: new Date().toISOString(),
    });
    at.switches = { delayMs: 350 };
    const seen = at.requests.length;
    await syncThenStopWorker(options, h.extensionId, () =>
      at.requests.slice(seen).some((r) => r.path.includes('/V1.0/Opportunities/query')),
    );
    at.switches = {};
    const beforeResume = at.requests.length;
    const { page } = await autotaskTicket();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*changed records? read; now 3 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const resumed = at.requests.slice(beforeResume).map((r) => r.path.split('?')[0]!);
    // It went on with opportunities or notes (the opportunities page may have landed just before the stop).
    expect(resumed.some((p) => p.endsWith('/Opportunities/query') || p.endsWith('/CompanyNotes/query'))).toBe(true);
    expect(resumed.some((p) => p.endsWith('/Companies/query') || p.endsWith('/Contacts/query'))).toBe(false);
    expect(at.refused).toEqual([]);
    await page.close();
  });

  it('removes the source and its records', async () => {
    await removeSource(options);
  });
});
