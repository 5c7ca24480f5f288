// @vitest-environment node
// Reading and syncing ConnectWise PSA, in full and incrementally, from the mock ConnectWise API
// (tests/unit/connectwise-mock.ts).
import { describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { said } from './worded';
import { readConnectWise } from '@/sources/connectwise';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadBackstory } from '@/services/backstory';
import { salesRows } from './stored-records';
import { withRun } from '@/storage/source-configs';
import { fast, mock, opts, useMockConnectWise } from './connectwise-mock';

useMockConnectWise();

describe('reading ConnectWise', () => {
  it('finds the codebase, sends Basic auth and the clientId, and reads every kind', async () => {
    const { records, skipped, warnings } = await readConnectWise(opts());
    expect(records.accounts.map((a) => a.name)).toEqual(['Granite Peak Surveying LLC', 'Bluebird Family Dentistry']);
    expect(skipped).toBe(1);
    expect(warnings).toEqual([]);
    expect(records.campaigns).toMatchObject([{ name: 'Spring trade show 2025', channel: 'Trade show', cost: 8450 }]);
    expect(records.deals.find((d) => d.sourceId === 'opportunity-4100')).toMatchObject({
      valueRecurring: 1350,
      salesRep: 'Dana Whitfield',
    });
    expect(records.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dealId: 'connectwise:opportunity-4100',
          pinned: true,
          author: 'dwhitfield',
          date: '2025-03-28',
        }),
        expect.objectContaining({
          accountId: 'connectwise:company-250',
          body: expect.stringContaining('phone calls before 9am'),
          tags: ['General'],
          date: '2025-04-03',
        }),
      ]),
    );
    expect(records.notes).toHaveLength(2);
    // One notes request per company kept (not the deleted one) and per opportunity.
    expect(
      mock.requests
        .filter((r) => /\/company\/companies\/\d+\/notes/.test(r.path))
        .map((r) => r.path.split('?')[0]!.split('/')[6]),
    ).toEqual(['250', '251']);
    expect(mock.requests.filter((r) => r.path.includes('/apis/3.0/')).every((r) => r.authorized)).toBe(true);
    // Only won opportunities cost a forecast request.
    expect(mock.requests.filter((r) => r.path.endsWith('/forecast'))).toHaveLength(1);
  });

  it("reads the won deal's revenue in each forecast shape, and its currency from the opportunity", async () => {
    (mock.data.opportunities[0]!.currency as { currencyCode: string }).currencyCode = 'CAD';
    for (const shape of ['list', 'object', 'flat'] as const) {
      mock.forecastShape = shape;
      const { records } = await readConnectWise(opts());
      expect(
        records.deals.find((d) => d.sourceId === 'opportunity-4100'),
        shape,
      ).toMatchObject({
        valueOneTime: 2400,
        valueRecurring: 1350,
        currency: 'CAD',
      });
    }
    mock.forecastShape = 'list';
  });

  it('pages through 1000 at a time', async () => {
    mock.data.contacts = Array.from({ length: 2500 }, (_, i) => ({
      id: 10_000 + i,
      firstName: 'Person',
      lastName: String(i),
    }));
    const { records } = await readConnectWise(opts());
    expect(records.contacts).toHaveLength(2500);
    expect(
      mock.requests
        .filter((r) => r.path.startsWith(`/v2025_1/apis/3.0/company/contacts?`))
        .map((r) => new URL(r.path, 'http://x').searchParams.get('page')),
    ).toEqual(['1', '2', '3']);
  });

  it('leaves campaigns out, saying so, when the API member may not read them', async () => {
    mock.forbidden.add('/marketing/campaigns');
    const { records, warnings } = await readConnectWise(opts());
    expect(records.campaigns).toEqual([]);
    expect(records.deals.every((d) => d.campaignId === undefined)).toBe(true);
    expect(warnings.map(noteText)).toEqual(['campaigns left out: the API member may not read /marketing/campaigns']);
  });

  it('leaves company notes out, saying so once, when the API member may not read them', async () => {
    for (const id of [250, 251]) mock.forbidden.add(`/company/companies/${id}/notes`);
    const { records, warnings } = await readConnectWise(opts());
    expect(records.accounts).toHaveLength(2);
    expect(records.notes.map((n) => n.sourceId)).toEqual(['opportunity-note-77']);
    expect(warnings.map(noteText)).toEqual([
      'company notes left out: the API member may not read /company/companies/{id}/notes',
    ]);
    // After the first refusal it stops asking.
    expect(
      mock.requests.filter((r) => r.path.includes('/notes') && r.path.includes('/company/companies/')),
    ).toHaveLength(1);
  });
});

describe('syncing ConnectWise', () => {
  const config = () => ({
    id: 'connectwise-t1',
    kind: 'connectwise',
    label: 'PSA',
    base: mock.url,
    settings: { site: mock.url, companyId: mock.companyId, clientId: mock.clientId },
  });
  const secrets = () => ({ publicKey: mock.publicKey, privateKey: mock.privateKey });

  it('stores the records under the source; the backstory links campaign, deal and note', async () => {
    const db = openDb('cw-' + Math.random());
    const out = await runSync(db, config(), secrets(), fast);
    expect(out.run.ok).toBe(true);
    expect(said(out.run)).toBe(
      '2 accounts, 2 contacts, 1 campaign, 2 deals, 2 notes (1 record without a name or company skipped)',
    );
    const story = (await loadBackstory(db, 'connectwise-t1:company-250'))!;
    expect(story.originCampaign?.name).toBe('Spring trade show 2025');
    expect(story.winningDeal?.productsSold).toContain('2-hour response');
    expect(story.notes.map((n) => n.body)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Plotter downtime'),
        expect.stringContaining('phone calls before 9am'),
      ]),
    );
  });

  it('keeps the last good data when the key is rejected or the server fails', async () => {
    const db = openDb('cw-' + Math.random());
    await runSync(db, config(), secrets(), fast);
    const rejected = await runSync(db, config(), { ...secrets(), privateKey: 'wrong' }, fast);
    expect(said(rejected.run)).toMatch(/rejected the key \(401\)/);
    expect(said(rejected.run)).not.toContain('wrong');
    mock.switches = { status: 500, onlyPath: '/sales/opportunities' };
    const failed = await runSync(db, config(), secrets(), fast);
    expect(said(failed.run)).toMatch(/failed with 500 after 5 tries/);
    // The same as a code and its arguments, kept with the run and the status for the page to word.
    const host = new URL(mock.url).host;
    expect(rejected.run.error).toEqual({ code: 'auth', args: [`${host}/v2025_1/apis/3.0/company/companies`] });
    expect(failed.run.error).toEqual({
      code: 'server',
      args: [`${host}/v2025_1/apis/3.0/sales/opportunities`, '500', '5'],
    });
    expect(withRun(undefined, failed.run).lastErrorDetail).toEqual(failed.run.error);
    expect(
      withRun(withRun(undefined, failed.run), { at: 'now', ok: true, message: '' }).lastErrorDetail,
    ).toBeUndefined();
    const unknown = await runSync(db, config(), {}, fast);
    expect(unknown.run.error).toEqual({ code: 'noKey', args: [] });
    expect(await countsByKind(db, 'connectwise-t1')).toMatchObject({ account: 2, deal: 2, note: 2 });
  });
});

describe('incremental syncs (ConnectWise)', () => {
  const config = () => ({
    id: 'connectwise-i1',
    kind: 'connectwise',
    label: 'PSA',
    base: mock.url,
    settings: { site: mock.url, companyId: mock.companyId, clientId: mock.clientId },
  });
  const secrets = () => ({ publicKey: mock.publicKey, privateKey: mock.privateKey });
  const at = (iso: string) => () => new Date(iso);

  it('reads only what changed since the last pass, and a daily full pass removes what was deleted upstream', async () => {
    const db = openDb('cw-inc-' + Math.random());
    const first = await runSync(db, config(), secrets(), fast, at('2026-12-01T10:00:00Z'));
    expect(first.run.ok).toBe(true);
    // Upstream: one company renamed, one deleted.
    mock.data.companies[0] = {
      ...mock.data.companies[0]!,
      name: 'Granite Peak Surveying Group',
      _info: { lastUpdated: '2026-12-01T10:30:00Z' },
    };
    mock.data.companies.splice(1, 1);
    mock.requests.length = 0;
    const second = await runSync(db, config(), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(/^1 changed record read; now 2 accounts/);
    const conditions = mock.requests
      .map((r) => new URL(r.path, 'http://x').searchParams.get('conditions'))
      .filter(Boolean);
    expect(conditions).toContain('lastUpdated > [2026-12-01T09:55:00.000Z]');
    expect((await salesRows(db).accounts.get('connectwise-i1:company-250'))?.name).toBe('Granite Peak Surveying Group');
    expect(await salesRows(db).accounts.get('connectwise-i1:company-251')).toBeDefined();
    const daily = await runSync(db, config(), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(said(daily.run)).toMatch(/^1 account,/);
    expect(await salesRows(db).accounts.get('connectwise-i1:company-251')).toBeUndefined();
  });

  it('catches new notes of changed companies and of open opportunities that did not change; others wait for the daily full pass', async () => {
    const db = openDb('cw-notes-' + Math.random());
    expect((await runSync(db, config(), secrets(), fast, at('2026-12-01T10:00:00Z'))).run.ok).toBe(true);
    const note = (id: number, text: string) => ({
      id,
      text,
      enteredBy: 'pnair',
      _info: { lastUpdated: '2026-12-01T10:30:00Z', dateEntered: '2026-12-01T10:30:00Z' },
    });
    // Upstream: company 250 changed and got a note; 4101 (open, unchanged) got a note;
    // 251 (unchanged) and 4100 (closed, unchanged) got notes too.
    mock.data.companies[0] = { ...mock.data.companies[0]!, _info: { lastUpdated: '2026-12-01T10:30:00Z' } };
    mock.data.companyNotes![250]!.push(note(610, 'Ravi asked about a second office.'));
    mock.data.companyNotes![251] = [note(611, 'Lena wants invoices by post.')];
    mock.data.notes[4101] = [note(78, 'Phones: they want a quote before January.')];
    mock.data.notes[4100]!.push(note(79, 'Plotter replaced under warranty.'));
    mock.requests.length = 0;
    const second = await runSync(db, config(), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(
      /^3 changed records read; now 2 accounts, 2 contacts, 1 campaign, 2 deals, 4 notes/,
    );
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-610')).toMatchObject({
      accountId: 'connectwise-i1:company-250',
      author: 'pnair',
    });
    expect(await salesRows(db).notes.get('connectwise-i1:opportunity-note-78')).toMatchObject({
      dealId: 'connectwise-i1:opportunity-4101',
    });
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-611')).toBeUndefined();
    expect(await salesRows(db).notes.get('connectwise-i1:opportunity-note-79')).toBeUndefined();
    // Notes are asked for by lastUpdated; the unchanged open opportunities are found by closedDate.
    const asked = mock.requests
      .map((r) => new URL(r.path, 'http://x'))
      .map((u) => [u.pathname.replace('/v2025_1/apis/3.0', ''), u.searchParams.get('conditions')]);
    expect(asked).toContainEqual(['/company/companies/250/notes', 'lastUpdated > [2026-12-01T09:55:00.000Z]']);
    expect(asked).toContainEqual([
      '/sales/opportunities',
      'closedDate = null and lastUpdated <= [2026-12-01T09:55:00.000Z]',
    ]);
    expect(asked).toContainEqual(['/sales/opportunities/4101/notes', 'lastUpdated > [2026-12-01T09:55:00.000Z]']);
    expect(
      asked.some(([path]) => path === '/company/companies/251/notes' || path === '/sales/opportunities/4100/notes'),
    ).toBe(false);
    const daily = await runSync(db, config(), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(said(daily.run)).toMatch(/^2 accounts, 2 contacts, 1 campaign, 2 deals, 6 notes/);
    expect(await salesRows(db).notes.get('connectwise-i1:company-note-611')).toMatchObject({
      accountId: 'connectwise-i1:company-251',
    });
  });
});
