// @vitest-environment node
// Node's own fetch against the mock Autotask on 127.0.0.1 (happy-dom's fetch applies CORS). Every
// request the client sends is checked by the mock against tests/mock-apis/autotask-contract.ts,
// and every answer here against the same table.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { label, mapCompany, mapContact, mapNote, mapOpportunity, picklistsOf } from '@/sources/autotask-map';
import {
  autotaskPages,
  autotaskSource,
  deliverAutotaskFlag,
  permissionOrigin,
  testAutotask,
  zoneAllowed,
  type AtOptions,
} from '@/sources/autotask';
import { liveSource } from '@/sources/live-sources';
import type { Flag } from '@/core/flags';
import { RateLimiter } from '@/sources/http';
import { rejection, wordedRun, said } from './worded';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadBackstory } from '@/services/backstory';
import { PICKLISTS, sampleAutotaskData, startMockAutotask, type MockAutotask } from '../mock-apis/autotask-server';
import { AT_FIELDS, createProblems, recordProblems, searchProblems, SOURCES } from '../mock-apis/autotask-contract';
import { salesRows } from './stored-records';
import { readAllPages } from './source-pages';

let mock: MockAutotask;
const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
// Each test its own lookup address, so the remembered zone of one is not another's.
let lookupRun = 0;
const lookup = () => `${mock.url}/?run=${lookupRun}`;
const opts = (over: Partial<AtOptions> = {}): AtOptions => ({
  lookup: mock.url,
  username: mock.username,
  secret: mock.secret,
  integrationCode: mock.integrationCode,
  ...fast,
  ...over,
});
const config = (id = 'autotask-t1') => ({
  id,
  kind: 'autotask',
  label: 'Autotask',
  base: mock.url,
  settings: { zoneLookup: mock.url, username: mock.username, sourceUdf: 'Lead Source' },
});
const secrets = () => ({ secret: mock.secret, integrationCode: mock.integrationCode });
const picklists = {
  ...picklistsOf({ fields: Object.entries(PICKLISTS.Companies!).map(([name, v]) => fieldInfo(name, v)) }),
  ...picklistsOf({ fields: Object.entries(PICKLISTS.Opportunities!).map(([name, v]) => fieldInfo(name, v)) }),
};
function fieldInfo(name: string, picklistValues: unknown) {
  return { name, isPickList: true, picklistValues };
}
const owners = new Map([[29682885, 'Dana Whitfield']]);

const readAll = (o: AtOptions, since?: string) => readAllPages(autotaskPages(o, { step: 0 }, since));

beforeAll(async () => {
  mock = await startMockAutotask();
});
afterAll(async () => mock.close());
beforeEach(() => {
  lookupRun++;
  mock.data = sampleAutotaskData();
  mock.switches = {};
  mock.forbidden.clear();
  mock.requests.length = 0;
  mock.writes.length = 0;
  mock.refused.length = 0;
});
afterEach(() => expect(mock.refused).toEqual([]));

describe('Autotask records to the model', () => {
  it('shows picklists by their labels and owners by their names', () => {
    expect(label(picklists, 'status', 3)).toBe('Closed');
    expect(label(picklists, 'leadSource', '1')).toBe('Referral');
    const [riverside] = sampleAutotaskData().Companies;
    expect(mapCompany(riverside!, picklists, owners, 'lead source')).toMatchObject({
      id: 'autotask:company-174',
      name: 'Riverside Family Clinic',
      domains: ['riversideclinic.org'],
      industry: 'Healthcare',
      leadSource: 'Chamber of commerce breakfast',
      owner: 'Dana Whitfield',
      customerSince: '2024-05-14',
      externalIds: { autotask: '174', 'autotask-number': 'RFC-01' },
    });
    expect(mapCompany({ id: 176, companyName: 'Old', isActive: false }, picklists, owners)).toBeUndefined();
  });

  it('maps a won opportunity with its monthly revenue, a contact, and a note on an opportunity', () => {
    const data = sampleAutotaskData();
    expect(mapOpportunity(data.Opportunities[0]!, picklists, owners)).toMatchObject({
      accountId: 'autotask:company-174',
      stage: 'Closed Won',
      valueRecurring: 3300,
      valueOneTime: undefined,
      leadSource: 'Referral',
      closeDate: '2024-05-30',
      salesRep: 'Dana Whitfield',
    });
    expect(mapOpportunity(data.Opportunities[1]!, picklists, owners)).toMatchObject({
      stage: 'Active',
      valueOneTime: 6200,
      closeDate: '2026-12-20',
    });
    expect(mapContact(data.Contacts[0]!)).toMatchObject({
      email: 'tom.becker@riversideclinic.org',
      role: 'decision maker',
    });
    expect(mapContact(data.Contacts[2]!)).toBeUndefined();
    expect(mapNote(data.CompanyNotes[1]!, {}, owners)).toMatchObject({
      dealId: 'autotask:opportunity-8001',
      author: 'Dana Whitfield',
      body: 'Why they signed: Dr. Alvarez signed because we promised portal restores within 2 hours.',
    });
  });

  it('sends keys only to an https zone under autotask.net, or to the lookup address itself', () => {
    expect(zoneAllowed('https://webservices5.autotask.net/atservicesrest/', 'https://webservices.autotask.net')).toBe(
      true,
    );
    expect(zoneAllowed('https://evil.example/atservicesrest/', 'https://webservices.autotask.net')).toBe(false);
    expect(zoneAllowed('http://webservices5.autotask.net/', 'https://webservices.autotask.net')).toBe(false);
    expect(zoneAllowed('https://autotask.net.evil.example/', 'https://webservices.autotask.net')).toBe(false);
    expect(permissionOrigin('https://webservices.autotask.net')).toBe('https://*.autotask.net');
    expect(permissionOrigin('http://127.0.0.1:9')).toBe('http://127.0.0.1:9');
  });
});

describe('the Autotask contract', () => {
  it('names where every fact comes from, and knows what a create requires', () => {
    for (const fact of AT_FIELDS) expect(SOURCES[fact.source], `${fact.entity}.${fact.field}`).toBeDefined();
    expect(createProblems('CompanyToDos', { companyID: 1 }).sort()).toEqual([
      'actionType is required',
      'assignedToResourceID is required',
      'endDateTime is required',
      'startDateTime is required',
    ]);
    expect(searchProblems('Companies', JSON.stringify({ MaxRecords: 501, filter: [] }))).toEqual([
      'MaxRecords must be between 1 and 500',
      'a query needs at least one filter',
    ]);
    expect(searchProblems('Companies', JSON.stringify({ filter: [{ op: 'like', field: 'id', value: 1 }] }))).toEqual([
      'unknown operator "like"',
    ]);
    expect(searchProblems('Companies', null)).toEqual(['the search parameter is required']);
  });

  it('every answer of a read, a connection test and both kinds of flag matches the vendor models', async () => {
    const answers: { path: string; body: unknown }[] = [];
    const recording = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetch(input, init);
      const text = await res.clone().text();
      if (res.ok) answers.push({ path: new URL(String(input)).pathname, body: text ? JSON.parse(text) : null });
      return res;
    }) as typeof fetch;
    await readAll(opts({ fetch: recording, lookup: lookup() }));
    await testAutotask(opts({ fetch: recording }));
    await deliverAutotaskFlag(opts({ fetch: recording }), flag, 'company-174');
    await deliverAutotaskFlag({ ...opts({ fetch: recording }), flagsAs: 'todo' }, flag, 'company-174');
    const problems: string[] = [];
    for (const { path, body } of answers) {
      const entity = /\/V1\.0\/(\w+)\/query/.exec(path)?.[1];
      if (!entity) continue;
      const a = body as { items: unknown[]; pageDetails: Record<string, unknown> };
      expect(Object.keys(a).sort()).toEqual(['items', 'pageDetails']);
      expect(Object.keys(a.pageDetails).sort()).toEqual(['count', 'nextPageUrl', 'prevPageUrl', 'requestCount']);
      for (const r of a.items) problems.push(...recordProblems(entity, r));
    }
    expect(answers.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

describe('reading Autotask', () => {
  it('looks the zone up once, sends the three headers, and reads every kind with labels', async () => {
    const { records, warnings } = await readAll(opts({ lookup: lookup(), sourceUdf: 'Lead Source' }));
    expect(warnings).toEqual([]);
    expect(records.accounts.map((a) => a.name)).toEqual(['Riverside Family Clinic', 'Harbor Optometry']);
    expect(records.contacts).toHaveLength(2);
    expect(records.deals.map((d) => d.stage)).toEqual(['Closed Won', 'Active']);
    expect(records.notes).toHaveLength(2);
    expect(records.notes[0]!.tags).toEqual(['Meeting']);
    expect(mock.requests.filter((r) => r.path.includes('zoneInformation'))).toHaveLength(1);
    expect(mock.requests.filter((r) => r.path.includes('/V1.0/')).every((r) => r.authorized)).toBe(true);
    // Remembered: a second read asks no zone again.
    await readAll(opts({ lookup: lookup() }));
    expect(mock.requests.filter((r) => r.path.includes('zoneInformation'))).toHaveLength(1);
  });

  it('pages 500 at a time through nextPageUrl, which is the cursor a cut-off read resumes from', async () => {
    mock.data.Companies = Array.from({ length: 1100 }, (_, i) => ({ id: 1000 + i, companyName: `Company ${i}` }));
    const cursors: string[] = [];
    for await (const page of autotaskPages(opts({ lookup: lookup() }), { step: 0 }))
      if (page.next?.step === 0) cursors.push(page.next.after!);
    expect(cursors).toHaveLength(2);
    expect(cursors[0]).toContain('/V1.0/Companies/query/next?paging=');
    const resumed = autotaskPages(opts({ lookup: lookup() }), { step: 0, after: cursors[1] });
    expect((await resumed.next()).value?.records.accounts).toHaveLength(100);
    // A cursor on another host is not followed: that step starts again.
    const elsewhere = autotaskPages(opts({ lookup: lookup() }), { step: 0, after: 'https://evil.example/x' });
    expect((await elsewhere.next()).value?.records.accounts).toHaveLength(500);
  });

  it('leaves CRM notes out, saying so, when the API user may not read them', async () => {
    mock.forbidden.add('CompanyNotes');
    const { records, warnings } = await readAll(opts({ lookup: lookup() }));
    expect(warnings.map(noteText)).toEqual(['CRM notes left out: the API user may not read CompanyNotes']);
    expect(records.deals).toHaveLength(2);
  });

  it("waits as Retry-After says when Autotask's request limit answers 429, and says so when it keeps on", async () => {
    const waits: number[] = [];
    mock.switches = { status: 429, retryAfter: '5', times: 1, onlyPath: '/Contacts/' };
    const { records } = await readAll(opts({ lookup: lookup(), sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toContain(5000);
    expect(records.contacts).toHaveLength(2);
    mock.switches = { status: 429, retryAfter: '1', onlyPath: '/Contacts/' };
    const db = openDb('at-' + Math.random());
    const out = await runSync(db, config('autotask-limit'), secrets(), fast);
    expect(out.run.error?.code).toBe('autotaskLimit');
    expect(wordedRun(out.run)).toMatch(
      /Contacts\/query: Autotask's request limit for this database \(10,000 an hour\) is used up for now/,
    );
  });

  it('is registered, and stores under the source; the backstory links deal, notes and contact', async () => {
    expect(liveSource('autotask')).toBe(autotaskSource);
    const db = openDb('at-' + Math.random());
    const out = await runSync(db, config(), secrets(), fast);
    expect(out.run.ok).toBe(true);
    expect(said(out.run)).toBe(
      '2 accounts, 2 contacts, 2 deals, 2 notes (2 records without a name or company skipped)',
    );
    const story = (await loadBackstory(db, 'autotask-t1:company-174'))!;
    expect(story.account.leadSource).toBe('Chamber of commerce breakfast');
    expect(story.winningDeal?.valueRecurring).toBe(3300);
    expect(story.notes.map((n) => n.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('within 2 hours'), expect.stringContaining('vaccination')]),
    );
  });

  it('keeps the last good data when the secret is revoked, the user unknown or the server failing', async () => {
    const db = openDb('at-' + Math.random());
    await runSync(db, config('autotask-k1'), secrets(), fast);
    const rejected = await runSync(db, config('autotask-k1'), { ...secrets(), secret: 'revoked' }, fast);
    expect(said(rejected.run)).toMatch(/rejected the key \(401\)/);
    expect(said(rejected.run)).not.toContain('revoked');
    const unknown = await runSync(
      db,
      {
        ...config('autotask-k1'),
        settings: { ...config().settings, zoneLookup: `${mock.url}/?x`, username: 'nobody' },
      },
      secrets(),
      fast,
    );
    expect(wordedRun(unknown.run)).toMatch(/does not know the API user “nobody”/);
    mock.switches = { status: 500, onlyPath: '/Opportunities/query' };
    const failed = await runSync(db, config('autotask-k1'), secrets(), fast);
    expect(said(failed.run)).toMatch(/failed with 500 after 5 tries/);
    expect(await countsByKind(db, 'autotask-k1')).toMatchObject({ account: 2, deal: 2, note: 2 });
  });

  it("reads only what changed since the last pass, by each entity's own date", async () => {
    const at = (iso: string) => () => new Date(iso);
    const db = openDb('at-inc-' + Math.random());
    await runSync(db, config('autotask-i1'), secrets(), fast, at('2026-12-01T10:00:00Z'));
    mock.data.Opportunities[1] = { ...mock.data.Opportunities[1]!, status: 2, lastActivity: '2026-12-01T10:30:00Z' };
    mock.requests.length = 0;
    const second = await runSync(db, config('autotask-i1'), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(/^1 changed record read; now 2 accounts, 2 contacts, 2 deals, 2 notes/);
    const filters = mock.requests
      .map((r) => new URL(r.path, 'http://x'))
      .filter((u) => u.pathname.endsWith('/query'))
      .map((u) => `${u.pathname.split('/')[3]} ${JSON.stringify(JSON.parse(u.searchParams.get('search')!).filter)}`);
    expect(filters).toContain('Opportunities [{"op":"gte","field":"lastActivity","value":"2026-12-01T09:55:00.000Z"}]');
    expect(filters).toContain(
      'Companies [{"op":"gte","field":"lastTrackedModifiedDateTime","value":"2026-12-01T09:55:00.000Z"}]',
    );
    expect((await salesRows(db).deals.get('autotask-i1:opportunity-8002'))?.stage).toBe('Lost');
  });
});

describe('testing the Autotask connection', () => {
  it("passes with the hour's use of the request limit, or names an unknown user, rejected keys, a missing permission", async () => {
    const ok = await testAutotask(opts({ lookup: lookup() }));
    expect(ok.every((c) => c.ok)).toBe(true);
    expect(ok.at(-1)).toMatchObject({
      what: 'requestLimit',
      note: { code: 'autotaskUsage', args: [expect.stringMatching(/^\d+$/), '10000'] },
    });
    expect(await testAutotask(opts({ lookup: `${mock.url}/?u`, username: 'typo@example.com' }))).toEqual([
      {
        what: 'zone',
        ok: false,
        message: 'autotaskUnknownUser (typo@example.com)',
        error: { code: 'autotaskUnknownUser', args: ['typo@example.com'] },
      },
    ]);
    const wrong = await testAutotask(opts({ lookup: lookup(), integrationCode: 'WRONG' }));
    expect(wrong[1]).toEqual({
      what: 'companies',
      ok: false,
      message: expect.stringMatching(/rejected the key \(401\)/),
      error: { code: 'auth', args: [expect.stringMatching(/Companies\/query$/)] },
    });
    mock.forbidden.add('CompanyNotes');
    expect((await testAutotask(opts({ lookup: lookup() }))).find((c) => c.what === 'crmNotes')).toEqual({
      what: 'crmNotes',
      ok: false,
      optional: true,
      message: expect.stringMatching(/may not read .*CompanyNotes\/query \(403\)/),
      error: { code: 'permission', args: [expect.stringMatching(/CompanyNotes\/query$/)] },
    });
  });
});

const flag: Flag = {
  id: 'bsflag0123456789abcdef0123456789abcd',
  createdAt: '2026-12-01T10:00:00.000Z',
  kind: 'more-seats',
  note: 'Hiring 6 nurses for the new site.',
  urgency: 'normal',
  value: 4800,
  ticket: { helpdesk: 'autotask', ticketId: '1042', url: 'https://ww5.autotask.net/x' },
  accountId: 'autotask-t1:company-174',
  accountName: 'Riverside Family Clinic',
  source: 'autotask-t1',
  status: 'pending',
  attempts: 0,
};

describe('flags to Autotask', () => {
  it("becomes one opportunity for the company's account manager, with the required fields, found again on retry", async () => {
    const first = await deliverAutotaskFlag(opts(), flag, 'company-174');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      entity: 'Opportunities',
      record: {
        companyID: 174,
        ownerResourceID: 29682885,
        title: 'More seats: Hiring 6 nurses for the new site.',
        status: 1,
        stage: 10,
        amount: 4800,
      },
    });
    expect(String(mock.writes[0]!.record.description)).toContain(flag.id);
    expect(await deliverAutotaskFlag(opts(), flag, 'company-174')).toEqual({
      remoteId: first.remoteId,
      created: false,
    });
    expect(mock.writes).toHaveLength(1);
  });

  it('becomes one to-do instead when the source says so; refuses anything else and a company without a manager', async () => {
    const first = await deliverAutotaskFlag({ ...opts(), flagsAs: 'todo' }, flag, 'company-174');
    expect(await deliverAutotaskFlag({ ...opts(), flagsAs: 'todo' }, flag, 'company-174')).toEqual({
      remoteId: first.remoteId,
      created: false,
    });
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({
      entity: 'CompanyToDos',
      record: { companyID: 174, assignedToResourceID: 29682885, actionType: 2 },
    });
    expect(await rejection(deliverAutotaskFlag({ ...opts(), flagsAs: 'ticket' }, flag, 'company-174'))).toMatch(
      /an "opportunity" or a "todo"/,
    );
    mock.data.Companies[0]!.ownerResourceID = null;
    expect(await rejection(deliverAutotaskFlag(opts(), { ...flag, id: 'bsflag-other' }, 'company-174'))).toMatch(
      /no account manager/,
    );
  });
});
