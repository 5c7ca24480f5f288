// @vitest-environment node
// Node's own fetch against the mock Pipedrive API on 127.0.0.1 (happy-dom's fetch applies CORS).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteText } from '@/i18n/source-text';
import { dealFieldLookups, mapDeal, mapNote, mapPerson } from '@/sources/pipedrive-map';
import {
  deliverPipedriveFlag,
  pipedriveBase,
  pipedriveSource,
  readPipedrive,
  testPipedrive,
  type PdOptions,
} from '@/sources/pipedrive';
import type { Flag } from '@/core/flags';
import { RateLimiter } from '@/sources/http';
import { runSync } from '@/sources/run-sync';
import { openDb } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { loadRecordSet } from '@/storage/record-writes';
import { loadBackstory } from '@/services/backstory';
import { emptyRecordSet } from '@/core/model';
import {
  LEAD_SOURCE_KEY,
  samplePipedriveData,
  startMockPipedrive,
  type MockPipedrive,
} from '../mock-apis/pipedrive-server';
import { salesRows } from './stored-records';
import { rejection, said } from './worded';
import { errorText } from '@/i18n/error-text';

let mock: MockPipedrive;
const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
const opts = (over: Partial<PdOptions> = {}): PdOptions => ({ base: mock.url, token: mock.token, ...fast, ...over });

beforeAll(async () => {
  mock = await startMockPipedrive();
});
afterAll(async () => mock.close());
beforeEach(() => {
  mock.data = samplePipedriveData();
  mock.switches = {};
  mock.forbidden.clear();
  mock.requests.length = 0;
  mock.writes.length = 0;
  mock.burst = undefined;
  mock.setToken('pd-token-CANARY-7a1c');
});

describe('Pipedrive records to the model', () => {
  const lookups = dealFieldLookups(samplePipedriveData().dealFields, new Map([[11, 'Priya Nair']]));

  it('takes the lead source from a custom "source" field and the marketing channel, else from the origin', () => {
    const [won, open] = samplePipedriveData().deals;
    expect(mapDeal(won!, lookups)).toMatchObject({
      id: 'pipedrive:deal-501',
      accountId: 'pipedrive:org-1',
      name: 'Harborview - managed IT',
      valueOneTime: 4800,
      currency: 'EUR',
      stage: 'Closed Won',
      closeDate: '2026-03-02',
      salesRep: 'Priya Nair',
      leadSource: 'Postcard mailer · Trade show',
    });
    expect(mapDeal(open!, lookups)).toMatchObject({ stage: 'Open', leadSource: 'web forms' });
    expect(mapDeal({ ...open!, custom_fields: { [LEAD_SOURCE_KEY]: 'Radio ad' } }, lookups)?.leadSource).toBe(
      'Radio ad',
    );
    expect(mapDeal({ ...open!, origin: 'API' }, lookups)?.leadSource).toBe('API');
    // Recurring revenue when Pipedrive knows it (Growth plans and above, products attached).
    const recurring = mapDeal({ ...won!, mrr: 400 }, lookups);
    expect(recurring?.valueRecurring).toBe(400);
    expect(recurring).not.toHaveProperty('valueOneTime');
    // No organization: no account to hang it on.
    expect(mapDeal({ ...won!, org_id: null }, lookups)).toBeUndefined();
  });

  it("takes a person's primary email, and a note's text without its HTML, with v1's UTC time", () => {
    expect(mapPerson(samplePipedriveData().persons[0]!)).toMatchObject({
      accountId: 'pipedrive:org-1',
      name: 'Mara Lind',
      email: 'mara@harborview-bakery.example',
    });
    expect(mapNote(samplePipedriveData().notes[0]!)).toMatchObject({
      accountId: 'pipedrive:org-1',
      author: 'Priya Nair',
      date: '2026-03-01',
      body: 'Mara wants the oven controllers never patched on Saturdays.',
      pinned: true,
    });
    expect(mapNote({ id: 1, content: 'loose', org_id: null, deal_id: null })).toBeUndefined();
  });

  it('takes a company domain as typed: a name, a host, or an address', () => {
    expect(pipedriveBase('northwind')).toBe('https://northwind.pipedrive.com');
    expect(pipedriveBase('northwind.pipedrive.com/')).toBe('https://northwind.pipedrive.com');
    expect(pipedriveBase('https://northwind.pipedrive.com/pipeline')).toBe('https://northwind.pipedrive.com');
    expect(() => pipedriveBase('not a domain')).toThrow(
      expect.objectContaining({ detail: { code: 'pipedriveDomain', args: ['not a domain'] } }),
    );
    expect(errorText('', { code: 'pipedriveDomain', args: ['not a domain'] })).toMatch(
      /is not a Pipedrive company domain/,
    );
  });
});

describe('reading Pipedrive', () => {
  it('sends the token in a header only, and reads every kind with owner names and channels', async () => {
    const { records, skipped, warnings } = await readPipedrive(opts());
    expect(records.accounts.map((a) => [a.name, a.owner])).toEqual([
      ['Harborview Bakery', 'Priya Nair'],
      ['Acme Dental Group', 'Tom Okafor'],
    ]);
    expect(records.contacts).toHaveLength(2);
    expect(records.deals.map((d) => d.sourceId)).toEqual(['deal-501', 'deal-502']);
    expect(records.notes.map((n) => n.sourceId)).toEqual(['note-9001', 'note-9002']);
    expect(skipped).toBe(2);
    expect(warnings).toEqual([]);
    expect(mock.requests.every((r) => r.authorized)).toBe(true);
    expect(mock.requests.some((r) => r.path.includes(mock.token))).toBe(false);
  });

  it('pages v2 lists by cursor, 500 at a time, and v1 notes by start', async () => {
    mock.data.persons = Array.from({ length: 1200 }, (_, i) => ({ id: 1000 + i, name: `Person ${i}`, org_id: 1 }));
    mock.data.notes = Array.from({ length: 700 }, (_, i) => ({ id: 20_000 + i, content: `Note ${i}`, org_id: 1 }));
    const { records } = await readPipedrive(opts());
    expect(records.contacts).toHaveLength(1200);
    expect(records.notes).toHaveLength(700);
    const persons = mock.requests.filter((r) => r.path.startsWith('/api/v2/persons'));
    expect(persons.map((r) => new URL(r.path, 'http://x').searchParams.get('limit'))).toEqual(['500', '500', '500']);
    expect(persons.map((r) => new URL(r.path, 'http://x').searchParams.has('cursor'))).toEqual([false, true, true]);
    expect(
      mock.requests
        .filter((r) => r.path.startsWith('/api/v1/notes'))
        .map((r) => new URL(r.path, 'http://x').searchParams.get('start')),
    ).toEqual(['0', '500']);
  });

  it('leaves owner names out, saying so, when the token may not list users', async () => {
    mock.forbidden.add('/api/v1/users');
    const { records, warnings } = await readPipedrive(opts());
    expect(records.accounts[0]!.owner).toBeUndefined();
    expect(warnings.map(noteText)).toEqual(['owner names left out: the token may not list users']);
  });

  it("waits out the burst window when Pipedrive's headers say none is left, instead of being refused", async () => {
    mock.burst = 3;
    let slept = 0;
    const sleeps: number[] = [];
    const { records } = await readPipedrive(
      opts({
        // The client's own bucket would keep it under any plan's limit; this one lets the headers decide.
        limiter: new RateLimiter(10_000, 1000),
        sleep: async (ms) => {
          sleeps.push(ms);
          slept += ms;
          await new Promise((r) => setTimeout(r, ms));
        },
      }),
    );
    expect(records.accounts).toHaveLength(2);
    expect(mock.requests.filter((r) => r.authorized)).toHaveLength(mock.requests.length);
    expect(slept).toBeGreaterThan(0);
  }, 30_000);

  it('honours Retry-After on 429 and says plainly when Pipedrive keeps refusing', async () => {
    mock.switches = { status: 429, retryAfter: '3', times: 1, onlyPath: '/api/v2/deals' };
    const waits: number[] = [];
    const { records } = await readPipedrive(opts({ sleep: async (ms) => void waits.push(ms) }));
    expect(records.deals).toHaveLength(2);
    expect(waits).toContain(3000);
    mock.switches = { status: 429, retryAfter: '1', onlyPath: '/api/v2/deals' };
    expect(await rejection(readPipedrive(opts()))).toMatch(/keeps answering "too many requests" \(429\)/);
  });
});

describe('syncing Pipedrive', () => {
  const config = () => ({
    id: 'pipedrive-t1',
    kind: 'pipedrive',
    label: 'Pipedrive',
    base: mock.url,
    settings: { companyDomain: mock.url },
  });
  const secrets = () => ({ apiToken: 'pd-token-CANARY-7a1c' });
  const at = (iso: string) => () => new Date(iso);

  it('stores the records under the source, and keeps the last good data when the token is revoked', async () => {
    const db = openDb('pd-' + Math.random());
    const out = await runSync(db, config(), secrets(), fast);
    expect(out.run.ok).toBe(true);
    expect(said(out.run)).toBe(
      '2 accounts, 2 contacts, 2 deals, 2 notes (2 records without a name or company skipped)',
    );
    const story = (await loadBackstory(db, 'pipedrive-t1:org-1'))!;
    expect(story.winningDeal).toMatchObject({
      name: 'Harborview - managed IT',
      leadSource: 'Postcard mailer · Trade show',
    });
    expect(story.notes.map((n) => n.body)).toContain('Promised a 1-hour response on the till.');
    mock.setToken('pd-rotated');
    const rejected = await runSync(db, config(), secrets(), fast);
    expect(said(rejected.run)).toMatch(/rejected the key \(401\)/);
    expect(said(rejected.run)).not.toContain('CANARY');
    expect(await countsByKind(db, 'pipedrive-t1')).toMatchObject({ account: 2, contact: 2, deal: 2, note: 2 });
  });

  it('reads only what changed since the last pass, and the daily full pass removes what was deleted', async () => {
    const db = openDb('pd-inc-' + Math.random());
    expect((await runSync(db, config(), secrets(), fast, at('2026-12-01T10:00:00Z'))).run.ok).toBe(true);
    mock.data.organizations[0] = {
      ...mock.data.organizations[0]!,
      name: 'Harborview Bakery & Cafe',
      update_time: '2026-12-01T10:30:00Z',
    };
    mock.data.organizations[1] = { ...mock.data.organizations[1]!, is_deleted: true };
    mock.data.notes.push({
      id: 9003,
      content: 'New oven line in January.',
      org_id: 1,
      user: { name: 'Tom Okafor' },
      add_time: '2026-12-01 10:40:00',
      update_time: '2026-12-01 10:40:00',
    });
    mock.requests.length = 0;
    const second = await runSync(db, config(), secrets(), fast, at('2026-12-01T11:00:00Z'));
    expect(said(second.run)).toMatch(/^2 changed records read; now 2 accounts, 2 contacts, 2 deals, 3 notes/);
    const since = mock.requests
      .map((r) => new URL(r.path, 'http://x').searchParams.get('updated_since'))
      .filter(Boolean);
    expect(new Set(since)).toEqual(new Set(['2026-12-01T09:55:00Z']));
    expect(since).toHaveLength(4);
    expect((await salesRows(db).accounts.get('pipedrive-t1:org-1'))?.name).toBe('Harborview Bakery & Cafe');
    expect(await salesRows(db).accounts.get('pipedrive-t1:org-2')).toBeDefined();
    const daily = await runSync(db, config(), secrets(), fast, at('2026-12-02T11:00:00Z'));
    expect(said(daily.run)).toMatch(/^1 account,/);
    expect(await salesRows(db).accounts.get('pipedrive-t1:org-2')).toBeUndefined();
  });

  it('merges the same customer from another source into one story, each record keeping its source', async () => {
    const db = openDb('pd-merge-' + Math.random());
    await runSync(db, config(), secrets(), fast);
    const hubspot = emptyRecordSet();
    hubspot.accounts.push({
      id: 'hubspot-1:77',
      source: 'hubspot-1',
      sourceId: '77',
      name: 'Harborview Bakery',
      aliases: [],
      domains: ['harborview-bakery.example'],
      externalIds: {},
      leadSource: 'Referral',
    });
    await loadRecordSet(db, hubspot, 'hubspot-1');
    const story = (await loadBackstory(db, 'hubspot-1:77'))!;
    expect(story.sources).toEqual(['hubspot-1', 'pipedrive-t1']);
    expect(story.winningDeal?.source).toBe('pipedrive-t1');
    expect(story.notes.every((n) => n.source === 'pipedrive-t1')).toBe(true);
  });
});

describe('Test connection (Pipedrive)', () => {
  it('passes with a good token, and names a refused kind', async () => {
    expect((await testPipedrive(opts())).every((c) => c.ok)).toBe(true);
    mock.forbidden.add('/api/v1/notes');
    expect((await testPipedrive(opts())).filter((c) => !c.ok)).toEqual([
      {
        what: 'notes',
        ok: false,
        message: expect.stringMatching(/may not read .*\/api\/v1\/notes \(403\)/),
        error: expect.objectContaining({ code: 'permission' }),
      },
    ]);
  });

  it('says the token is rejected, the domain is not Pipedrive, or the host is unreachable', async () => {
    expect(await testPipedrive(opts({ token: 'typo' }))).toEqual([
      {
        what: 'user',
        ok: false,
        message: expect.stringMatching(/rejected the key \(401\)/),
        error: expect.objectContaining({ code: 'auth' }),
      },
    ]);
    mock.switches = { malformed: true };
    expect((await testPipedrive(opts()))[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/did not answer JSON/),
    });
    mock.switches = {};
    expect(await testPipedrive(opts({ base: 'http://127.0.0.1:9' }))).toEqual([
      {
        what: 'user',
        ok: false,
        message: expect.stringMatching(/could not be reached/),
        error: expect.objectContaining({ code: 'network' }),
      },
    ]);
  });
});

describe('flags to Pipedrive', () => {
  const flag: Flag = {
    id: 'bsflag0123456789abcdef0123456789abcd',
    createdAt: '2026-12-01T10:00:00.000Z',
    kind: 'more-seats',
    note: 'Opening a second shop <in> spring.',
    urgency: 'normal',
    ticket: { helpdesk: 'zendesk', ticketId: '88', url: 'https://northwind.zendesk.com/agent/tickets/88' },
    accountId: 'pipedrive-t1:org-1',
    accountName: 'Harborview Bakery',
    source: 'pipedrive-t1',
    status: 'pending',
    attempts: 0,
  };

  it('becomes one note pinned to the organization, found again on retry', async () => {
    const first = await deliverPipedriveFlag(opts(), flag, 'org-1');
    expect(first.created).toBe(true);
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]).toMatchObject({ org_id: 1, pinned_to_organization_flag: true });
    expect(String(mock.writes[0]!.content)).toContain(flag.id);
    expect(String(mock.writes[0]!.content)).toContain('&#60;in&#62;');
    expect(String(mock.writes[0]!.content)).toContain('Ticket: zendesk #88');
    const again = await deliverPipedriveFlag(opts(), flag, 'org-1');
    expect(again).toEqual({ remoteId: first.remoteId, created: false });
    expect(mock.writes).toHaveLength(1);
  });

  it("says when Pipedrive refuses the note, in Pipedrive's words", async () => {
    await expect(deliverPipedriveFlag(opts(), flag, 'org-999')).rejects.toThrow(/answered 400: Organization not found/);
    expect(await rejection(deliverPipedriveFlag(opts(), flag, 'deal-5'))).toMatch(/is not a Pipedrive organization/);
    expect(mock.writes).toHaveLength(0);
  });
});

describe('the Pipedrive source description', () => {
  it('asks for the company domain and a secret token, and reaches only the company domain', () => {
    expect(pipedriveSource.fields.map((f) => [f.key, f.secret])).toEqual([
      ['companyDomain', false],
      ['apiToken', true],
    ]);
    expect(pipedriveSource.origin({ companyDomain: 'northwind' })).toBe('https://northwind.pipedrive.com');
  });
});
