// @vitest-environment node
// ConnectWise PSA's Test connection and flags delivered to it, against the mock ConnectWise API
// (tests/unit/connectwise-mock.ts); and the shorter request timeout of test builds.
import { describe, expect, it } from 'vitest';
import { deliverConnectWiseFlag, testConnectWise } from '@/sources/connectwise';
import type { Flag } from '@/core/flags';
import { testHttp } from '@/sources/test-http';
import { mock, opts, useMockConnectWise } from './connectwise-mock';
import { rejection, wordedRun } from './worded';

useMockConnectWise();

describe('Test connection (ConnectWise)', () => {
  it('passes with good keys and names a missing permission for campaigns', async () => {
    expect((await testConnectWise(opts())).every((c) => c.ok)).toBe(true);
    mock.forbidden.add('/marketing/campaigns');
    const checks = await testConnectWise(opts());
    expect(checks.filter((c) => !c.ok)).toEqual([
      {
        what: 'campaigns',
        ok: false,
        optional: true,
        message: expect.stringMatching(/may not read .*marketing\/campaigns \(403\)/),
        error: { code: 'permission', args: [expect.stringMatching(/marketing\/campaigns$/)] },
      },
    ]);
  });

  it('says the company id is unknown, the key is rejected, or the host is unreachable', async () => {
    const unknown = await testConnectWise(opts({ companyId: 'nope' }));
    expect(unknown).toEqual([
      {
        what: 'companyInfo',
        ok: false,
        message: expect.any(String),
        error: { code: 'unknownCompany', args: [new URL(mock.url).host, 'nope'] },
      },
    ]);
    expect(wordedRun(unknown[0])).toMatch(/does not know the company "nope"/);
    expect((await testConnectWise(opts({ privateKey: 'bad' })))[1]).toMatchObject({
      what: 'companies',
      ok: false,
      message: expect.stringMatching(/rejected the key \(401\)/),
    });
    expect(await testConnectWise(opts({ site: 'http://127.0.0.1:9' }))).toEqual([
      {
        what: 'companyInfo',
        ok: false,
        message: expect.stringMatching(/could not be reached/),
        error: { code: 'network', args: ['127.0.0.1:9/login/companyinfo/northwind', expect.any(String)] },
      },
    ]);
  });
});

describe('flags to ConnectWise', () => {
  const flag: Flag = {
    id: 'bsflag0123456789abcdef0123456789abcd',
    createdAt: '2026-12-01T10:00:00.000Z',
    kind: 'more-seats',
    note: 'Hiring 4 surveyors in spring.',
    urgency: 'normal',
    ticket: { helpdesk: 'connectwise', ticketId: '1042', url: 'https://na.myconnectwise.net/x' },
    accountId: 'connectwise-t1:company-250',
    accountName: 'Granite Peak',
    source: 'connectwise-t1',
    status: 'pending',
    attempts: 0,
  };

  it('becomes one opportunity on the company, assigned to the chosen member, found again on retry', async () => {
    const first = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      name: 'More seats: Hiring 4 surveyors in spring.',
      company: { id: 250 },
      contact: { id: 901 },
      primarySalesRep: { identifier: 'dwhitfield' },
      expectedCloseDate: '2026-12-31T00:00:00Z',
    });
    expect(String(mock.writes[0]!.notes)).toContain(flag.id);
    const again = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
  });

  it("names the company's contact, which ConnectWise requires on an opportunity (its default, else its first)", async () => {
    const kept: string[] = [];
    const first = await deliverConnectWiseFlag(
      { ...opts(), flagsTo: 'dwhitfield', remember: async (id) => void kept.push(id) },
      { ...flag, id: 'flag-bluebird' },
      'company-251',
    );
    expect(mock.writes[0]).toMatchObject({ company: { id: 251 }, contact: { id: 902 } });
    expect(kept).toEqual([first.remoteId]);
    // No contact at all: a clear error, and nothing written.
    mock.data.contacts = mock.data.contacts.filter((c) => c.id !== 901);
    delete mock.data.companies[0]!.defaultContact;
    expect(
      await rejection(
        deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, { ...flag, id: 'flag-none' }, 'company-250'),
      ),
    ).toMatch(/has no contact/);
    expect(mock.writes).toHaveLength(1);
  });

  it('looks the opportunity an earlier attempt created up by its remembered id', async () => {
    const first = await deliverConnectWiseFlag({ ...opts(), flagsTo: 'dwhitfield' }, flag, 'company-250');
    mock.requests.length = 0;
    const again = await deliverConnectWiseFlag(
      { ...opts(), flagsTo: 'dwhitfield', remoteId: first.remoteId },
      flag,
      'company-250',
    );
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.requests.some((r) => r.path.includes(`/sales/opportunities/${first.remoteId}`))).toBe(true);
    expect(mock.requests.some((r) => r.path.includes('conditions='))).toBe(false);
  });

  it('the mock refuses, as ConnectWise does, an opportunity without a field the vendor requires on create', async () => {
    const root = `${mock.url}/v2025_1/apis/3.0`;
    const auth = `Basic ${Buffer.from(`${mock.companyId}+${mock.publicKey}:${mock.privateKey}`).toString('base64')}`;
    const res = await fetch(`${root}/sales/opportunities`, {
      method: 'POST',
      headers: { Authorization: auth, clientId: mock.clientId, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', company: { id: 250 }, primarySalesRep: { identifier: 'dwhitfield' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'InvalidObject',
      message: expect.any(String),
      errors: [{ code: 'NullOrEmpty', message: 'contact is required', resource: 'opportunity', field: 'contact' }],
    });
    // expectedCloseDate is required only on updates.
    const ok = await fetch(`${root}/sales/opportunities`, {
      method: 'POST',
      headers: { Authorization: auth, clientId: mock.clientId, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'x',
        company: { id: 250 },
        contact: { id: 901 },
        primarySalesRep: { identifier: 'dwhitfield' },
      }),
    });
    expect(ok.status).toBe(201);
  });

  it('says what is missing: the member to assign, or a member ConnectWise does not know', async () => {
    expect(await rejection(deliverConnectWiseFlag(opts(), flag, 'company-250'))).toMatch(
      /choose the ConnectWise member who receives flags/,
    );
    await expect(deliverConnectWiseFlag({ ...opts(), flagsTo: 'nobody' }, flag, 'company-250')).rejects.toThrow(
      /answered 400: primarySalesRep not found/,
    );
    expect(mock.writes).toHaveLength(0);
  });
});

describe('a shorter timeout for browser tests', () => {
  it('applies only in test builds, and only a whole positive number of milliseconds', () => {
    expect(testHttp({ testTimeoutMs: '1500' }, true)).toEqual({ timeoutMs: 1500, retries: 1 });
    expect(testHttp({ testTimeoutMs: '1500' }, false)).toEqual({});
    for (const bad of ['', '0', '-5', '1.5', 'soon']) expect(testHttp({ testTimeoutMs: bad }, true)).toEqual({});
    expect(testHttp({}, true)).toEqual({});
  });
});
