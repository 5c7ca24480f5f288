// A live data source end to end: ConnectWise PSA (a mock of its API on 127.0.0.1) configured
// through the options page, synced by the background, its opportunity shown beside a ConnectWise
// ticket and a flag sent to it; then the same source rate-limited or never answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { forecastItem, startMockConnectWise, type MockConnectWise } from '../mock-apis/connectwise-server';
import { h, options, status, useSourcesOptions } from './sources-options';
import { openTicket, sendFlag } from './source-steps';

let cw: MockConnectWise;

beforeAll(async () => {
  cw = await startMockConnectWise();
});
afterAll(async () => {
  await cw?.close();
});
useSourcesOptions();

const CW_TICKET =
  'https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1042';

describe('ConnectWise PSA as a data source', () => {
  it('is added in options with its API member keys, and its opportunity shows beside a ConnectWise ticket', async () => {
    cw.data.companies.push({
      id: 260,
      identifier: 'AcmeDental',
      name: 'Acme Dental Group',
      website: 'acmedental.com',
      leadSource: 'Postcard mailer',
    });
    // ConnectWise requires a contact on an opportunity: the flag below goes to this one.
    cw.data.contacts.push({
      id: 950,
      firstName: 'Amira',
      lastName: 'Hale',
      company: { id: 260, name: 'Acme Dental Group' },
    });
    cw.data.opportunities.push({
      id: 4200,
      name: 'Acme Dental - managed IT',
      company: { id: 260, name: 'Acme Dental Group' },
      contact: { id: 950, name: 'Amira Hale' },
      campaign: { id: 31, name: 'Spring trade show 2025' },
      primarySalesRep: { id: 12, name: 'Dana Whitfield' },
      status: { id: 2, name: 'Won' },
      closedDate: '2025-05-02T00:00:00Z',
    });
    cw.data.forecasts[4200] = [
      forecastItem(9, 4200, { id: 2, name: 'Won' }, { revenue: 25_200, recurringFlag: true, recurringRevenue: 2100 }),
    ];
    cw.data.notes[4200] = [
      {
        id: 78,
        text: 'Dr. Hale wants the scheduler back within the hour, every time.',
        enteredBy: 'dwhitfield',
        flagged: true,
      },
    ];
    cw.data.companyNotes![260] = [
      {
        id: 620,
        text: 'The practice closes at 1pm on Fridays: no maintenance windows then.',
        type: { id: 1, name: 'General' },
        enteredBy: 'pnair',
      },
    ];
    cw.forbidden.add('/marketing/campaigns');

    await options.getByLabel('Product').selectOption('connectwise');
    await options.getByLabel('Name').fill('Our PSA');
    await options.getByLabel('API host').fill(cw.url);
    await options.getByLabel('Company id').fill(cw.companyId);
    await options.getByLabel('Client id').fill(cw.clientId);
    await options.getByLabel('Public key').fill(cw.publicKey);
    await options.getByLabel('Private key').fill(cw.privateKey);
    await options.getByLabel('Member who receives flags (optional)').fill('dwhitfield');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => options.getByTestId('connection-checks').textContent(), { timeout: 15_000 })
      .toMatch(/^Connection works\. Some optional data.*✓ opportunities.*! campaigns: the key may not read .*\(403\)/);
    cw.forbidden.clear();
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await expect
      .poll(status, { timeout: 20_000 })
      .toMatch(/Last synced .*: 3 accounts, 3 contacts, 1 campaign, 3 deals, 4 notes/);
    expect(await options.content()).not.toContain(cw.privateKey);
    expect(cw.requests.filter((r) => r.path.includes('/apis/3.0/')).every((r) => r.authorized)).toBe(true);
    await screenshot(options, 'options-sources-connectwise');

    const { page, frame } = await openTicket(h, CW_TICKET, 'Acme Dental Group');
    expect(await frame.getByTestId('campaign').textContent()).toContain('Spring trade show 2025');
    expect(await frame.getByTestId('deal').textContent()).toMatch(/Acme Dental - managed IT.*\$2,100\/mo/);
    expect(await frame.getByTestId('notes').textContent()).toContain('within the hour');
    expect(await frame.getByTestId('notes').textContent()).toContain('closes at 1pm on Fridays');
    expect(await frame.getByTestId('freshness').textContent()).toMatch(/Our PSA, synced/);
    await screenshot(page, 'sidebar-connectwise-source');

    // A flag from this ticket becomes one opportunity on the company in ConnectWise.
    await sendFlag(frame, 'New project', 'They are opening a second practice in March.');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toContain('Sent to sales.');
    expect(cw.writes).toHaveLength(1);
    expect(cw.writes[0]).toMatchObject({
      company: { id: 260 },
      primarySalesRep: { identifier: 'dwhitfield' },
      name: 'New project: They are opening a second practice in March.',
    });
    expect(String(cw.writes[0]!.notes)).toContain('Ticket: connectwise #1042');
    await page.close();
  });
});

describe('a source that is rate-limited or never answers', () => {
  const syncNow = async () => {
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(status, { timeout: 10_000 }).toMatch(/Syncing/);
  };
  const keptData = async () => {
    const { page, frame } = await openTicket(h, CW_TICKET, 'Acme Dental Group');
    expect(await frame.getByTestId('notes').textContent()).toContain('within the hour');
    await page.close();
  };

  it('waits as long as Retry-After says when ConnectWise answers 429, then finishes the sync', async () => {
    cw.requests.length = 0;
    cw.switches = { status: 429, retryAfter: '2', times: 1, onlyPath: '/sales/opportunities' };
    await syncNow();
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*3 accounts/);
    expect(await options.getByTestId('source-error').count()).toBe(0);
    const opportunities = cw.requests.filter((r) => r.path.includes('/apis/3.0/sales/opportunities?'));
    expect(opportunities.length).toBeGreaterThanOrEqual(2);
    expect(opportunities[1]!.at - opportunities[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('says in plain words that ConnectWise keeps answering 429, and keeps the last good data', async () => {
    cw.switches = { status: 429, retryAfter: '1', onlyPath: '/sales/opportunities' };
    await syncNow();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 30_000 })
      .toMatch(/keeps answering "too many requests" \(429\).*data from the last good sync is kept/);
    cw.switches = {};
    await keptData();
  });

  it('gives up on a request that never answers, says so, and keeps the last good data', async () => {
    // Test builds only: this source's requests time out after 1.5 s (one retry) instead of 25 s.
    await options.evaluate(async () => {
      const area = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
          };
        }
      ).chrome.storage.local;
      const { dataSources } = (await area.get('dataSources')) as {
        dataSources: { kind: string; settings?: Record<string, string> }[];
      };
      for (const s of dataSources) if (s.kind === 'connectwise') s.settings = { ...s.settings, testTimeoutMs: '1500' };
      await area.set({ dataSources });
    });
    // A pass resumes at the step that failed (opportunities, above); a new one also gets there.
    cw.switches = { hang: true, onlyPath: '/sales/opportunities' };
    await syncNow();
    await expect
      .poll(() => options.getByTestId('source-error').textContent(), { timeout: 20_000 })
      .toMatch(/sales\/opportunities did not answer within 2 s.*data from the last good sync is kept/);
    await screenshot(options, 'options-sources-timeout');
    cw.switches = {};
    await keptData();
    // Once the API answers again, the next sync goes through. It may end before a poll sees
    // "Syncing" (one changed record), so wait for its outcome: only a good sync clears the error.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByTestId('source-error').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Last synced .*3 accounts/);
  });
});
