import { describe, expect, it } from 'vitest';
import { emptyRecordSet, type Account, type Deal, type Note, type RecordSet } from '@/core/model';
import { formatAgo } from '@/core/format';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { loadBackstory } from '@/services/backstory';
import { markImported, withFreshness } from '@/services/freshness';
import { sourceStatusItem, sourcesItem } from '@/storage/source-configs';
import { salesRows } from './stored-records';

const account = (
  source: string,
  sourceId: string,
  name: string,
  domains: string[] = [],
  extra: Partial<Account> = {},
): Account => ({
  id: `${source}:${sourceId}`,
  source,
  sourceId,
  name,
  aliases: [],
  domains,
  externalIds: {},
  ...extra,
});
const deal = (source: string, sourceId: string, accountId: string, name: string, closeDate: string): Deal => ({
  id: `${source}:${sourceId}`,
  source,
  sourceId,
  accountId,
  name,
  currency: 'USD',
  stage: 'Closed Won',
  closeDate,
  promises: [],
});
const note = (source: string, sourceId: string, accountId: string, body: string): Note => ({
  id: `${source}:${sourceId}`,
  source,
  sourceId,
  accountId,
  author: 'Priya',
  date: '2026-01-01',
  body,
  tags: [],
  pinned: false,
});
const set = (parts: Partial<RecordSet>): RecordSet => ({ ...emptyRecordSet(), ...parts });

async function twoSources() {
  const db = openDb('merge-' + Math.random());
  await loadRecordSet(
    db,
    set({
      accounts: [
        account('csv', 'a1', 'Acme Dental Group, Inc.', ['acmedental.com'], { leadSource: 'Postcard mailer' }),
        account('csv', 'a2', 'Baker & Price LLP', ['bakerprice.com']),
      ],
      deals: [deal('csv', 'd1', 'csv:a1', 'Managed IT', '2024-03-01')],
    }),
    'csv',
  );
  await loadRecordSet(
    db,
    set({
      accounts: [
        account('hubspot-1', '501', 'ACME Dental Group'),
        account('hubspot-1', '502', 'Smile Bright', ['bakerprice.com']),
      ],
      deals: [deal('hubspot-1', '901', 'hubspot-1:501', 'VoIP add-on', '2025-06-01')],
      notes: [note('hubspot-1', '301', 'hubspot-1:501', 'Promised a 1-hour response on the scheduler')],
    }),
    'hubspot-1',
  );
  return db;
}

describe('one customer in several sources', () => {
  it('merges accounts with the same normalised name into one story, each record keeping its source', async () => {
    const db = await twoSources();
    const story = (await loadBackstory(db, 'hubspot-1:501'))!;
    expect(story.account.name).toBe('ACME Dental Group');
    expect(story.sources).toEqual(['hubspot-1', 'csv']);
    expect(story.accountIds).toEqual(['hubspot-1:501', 'csv:a1']);
    expect(story.winningDeal).toMatchObject({ name: 'Managed IT', source: 'csv' });
    expect(story.otherDeals.map((d) => d.source)).toEqual(['hubspot-1']);
    expect(story.notes.map((n) => n.source)).toEqual(['hubspot-1']);
    // What the matched account lacks comes from its twin.
    expect(story.account.leadSource).toBe('Postcard mailer');
    expect(story.account.domains).toEqual(['acmedental.com']);
  });

  it('merges by a shared email domain too, and not accounts that share nothing', async () => {
    const db = await twoSources();
    expect((await loadBackstory(db, 'csv:a2'))!.sources).toEqual(['csv', 'hubspot-1']);
    await loadRecordSet(db, set({ accounts: [account('csv', 'a3', 'Lone Co', ['lone.example'])] }), 'csv');
    expect((await loadBackstory(db, 'csv:a3'))!.sources).toEqual(['csv']);
  });

  it("takes in the twins' deals, their notes by deal (without an account id too) and their campaigns", async () => {
    const db = await twoSources();
    // Many deals, so their notes are read with one anyOf rather than a lookup per deal.
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...deal('hubspot-1', `9${i}`, 'hubspot-1:501', `Deal ${i}`, '2025-01-01'),
      stage: 'Proposal',
    }));
    await salesRows(db).deals.bulkPut([
      { ...deal('hubspot-1', '901', 'hubspot-1:501', 'VoIP add-on', '2025-06-01'), campaignId: 'hubspot-1:c1' },
      ...many,
    ]);
    await salesRows(db).campaigns.put({
      id: 'hubspot-1:c1',
      source: 'hubspot-1',
      sourceId: 'c1',
      name: 'Spring webinar',
      channel: 'webinar',
    });
    await salesRows(db).notes.bulkPut([
      {
        ...note('hubspot-1', '302', 'hubspot-1:501', 'On the VoIP deal, no account'),
        accountId: undefined,
        dealId: 'hubspot-1:901',
      },
      {
        ...note('hubspot-1', '303', 'hubspot-1:501', 'On deal 17, no account'),
        accountId: undefined,
        dealId: 'hubspot-1:917',
      },
      { ...note('csv', 'n1', 'csv:a1', 'On the csv deal, no account'), accountId: undefined, dealId: 'csv:d1' },
    ]);
    const story = (await loadBackstory(db, 'csv:a1'))!;
    expect(story.accountIds).toEqual(['csv:a1', 'hubspot-1:501']);
    expect(story.otherDeals).toHaveLength(31);
    expect(story.notes.map((n) => n.body).sort()).toEqual([
      'On deal 17, no account',
      'On the VoIP deal, no account',
      'On the csv deal, no account',
      'Promised a 1-hour response on the scheduler',
    ]);
    expect(story.notes.find((n) => n.id === 'hubspot-1:303')?.dealName).toBe('Deal 17');
    // The winning deal is the csv one (earliest won); the twin's campaign is there for its deal.
    expect(story.winningDeal?.id).toBe('csv:d1');
    expect(
      (await loadBackstory(db, 'hubspot-1:501'))!.otherDeals.find((d) => d.id === 'hubspot-1:901')?.campaignId,
    ).toBe('hubspot-1:c1');
  });

  it('says how fresh each source is: synced sources by their label and last success, imports by date', async () => {
    const db = await twoSources();
    await sourcesItem.setValue([
      { id: 'hubspot-1', kind: 'hubspot', label: 'Our HubSpot', base: 'https://api.hubapi.com' },
    ]);
    await sourceStatusItem.setValue({
      'hubspot-1': { lastSuccess: '2026-11-30T10:00:00.000Z', lastError: 'rejected the key (401)', runs: [] },
    });
    await markImported(['csv'], new Date('2026-11-01T08:00:00Z'));
    const story = await withFreshness((await loadBackstory(db, 'csv:a1'))!);
    expect(story.sourceInfo).toEqual([
      { id: 'csv', kind: 'import', at: '2026-11-01T08:00:00.000Z' },
      { id: 'hubspot-1', kind: 'sync', label: 'Our HubSpot', at: '2026-11-30T10:00:00.000Z', failing: true },
    ]);
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['2026-12-01T11:59:30Z', 'this minute'],
    ['2026-12-01T11:55:00Z', '5 minutes ago'],
    ['2026-12-01T09:00:00Z', '3 hours ago'],
    ['2026-11-30T12:00:00Z', 'yesterday'],
    ['2026-11-21T12:00:00Z', '10 days ago'],
  ])('%s is "%s"', (iso, text) => {
    expect(formatAgo(iso, now, 'en')).toBe(text);
  });
  it('falls back to the date for old data', () => {
    expect(formatAgo('2025-01-15T12:00:00Z', now, 'en')).toBe('Jan 15, 2025');
  });
});
