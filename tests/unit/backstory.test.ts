import { describe, expect, it } from 'vitest';
import type { Account, Campaign, Contact, Deal, Note, TicketRef } from '@/core/model';
import { normalizeCompany } from '@/core/normalize';
import { dedupePromises, isWonStage, pickWinningDeal } from '@/core/backstory';
import { openDb, type StoredAccount } from '@/storage/db';
import { loadBackstory } from '@/services/backstory';
import { salesRows } from './stored-records';

const base = (id: string) => ({ id, source: 'test', sourceId: id });

function stored(id: string, name: string, extra: Partial<Account> = {}): StoredAccount {
  const aliases = extra.aliases ?? [];
  return {
    ...base(id),
    name,
    aliases,
    domains: [],
    externalIds: {},
    ...extra,
    nameKey: normalizeCompany(name),
    aliasKeys: [...new Set([name, ...aliases].map(normalizeCompany))],
  };
}
const deal = (id: string, extra: Partial<Deal>): Deal => ({
  ...base(id),
  accountId: 'acme',
  name: id,
  currency: 'USD',
  stage: 'Closed Won',
  promises: [],
  ...extra,
});
const note = (id: string, extra: Partial<Note>): Note => ({
  ...base(id),
  accountId: 'acme',
  author: 'Sam',
  date: '2024-01-01',
  body: id,
  tags: [],
  pinned: false,
  ...extra,
});
const person = (id: string, extra: Partial<Contact>): Contact => ({
  ...base(id),
  accountId: 'acme',
  name: id,
  email: '',
  ...extra,
});
const campaign = (id: string, name: string): Campaign => ({
  ...base(id),
  name,
  channel: 'postcard mailer',
  startDate: '2023-03-01',
});

const ref = (contactEmail?: string): TicketRef => ({
  helpdesk: 'generic',
  url: 'https://h.example/tickets/1',
  contactEmail,
  emails: [],
  missing: [],
});

async function seeded() {
  const db = openDb('test-' + Math.random());
  await salesRows(db).accounts.bulkPut([
    stored('acme', 'Acme Dental Group', { leadSource: 'Referral' }),
    stored('other', 'Other Co'),
  ]);
  await salesRows(db).campaigns.bulkPut([
    campaign('postcard', 'Spring Dental Postcards'),
    campaign('webinar', 'HIPAA Webinar'),
  ]);
  await salesRows(db).deals.bulkPut([
    deal('upsell', {
      closeDate: '2024-06-01',
      campaignId: 'webinar',
      promises: ['Quarterly reviews', '1-hour response on the dental scheduler.'],
    }),
    deal('first', {
      closeDate: '2023-05-10',
      campaignId: 'postcard',
      salesRep: 'Ria',
      promises: ['1-hour response on the dental scheduler'],
    }),
    deal('lost', { closeDate: '2022-01-01', stage: 'Closed Lost', promises: ['Free laptops'] }),
    deal('open', { stage: 'Proposal', promises: ['Never shown'] }),
    deal('elsewhere', { accountId: 'other', closeDate: '2020-01-01' }),
  ]);
  await salesRows(db).contacts.bulkPut([
    person('Zed', { role: 'end user', email: 'zed@acmedental.com' }),
    person('Dana', { role: 'Decision Maker', title: 'Office manager', email: 'dana@acmedental.com' }),
    person('Amy', { role: 'billing' }),
    person('Bob', { role: 'decision maker' }),
    person('Stranger', { accountId: 'other', email: 'x@other.example' }),
  ]);
  await salesRows(db).notes.bulkPut([
    note('old', { date: '2023-01-01' }),
    note('new', { date: '2024-09-01', dealId: 'upsell' }),
    note('pinned-old', { date: '2022-01-01', pinned: true }),
    // Written on a deal, without the account id: still this account's note.
    note('deal-only', { accountId: undefined, dealId: 'first', date: '2023-05-01' }),
    note('theirs', { accountId: 'other', date: '2025-01-01' }),
  ]);
  return db;
}

describe('loadBackstory', () => {
  it('tells the origin story: the earliest won deal and its campaign', async () => {
    const db = await seeded();
    const story = (await loadBackstory(db, 'acme'))!;
    expect(story.account).toMatchObject({ id: 'acme', name: 'Acme Dental Group' });
    expect(story.account).not.toHaveProperty('nameKey');
    expect(story.winningDeal?.id).toBe('first');
    expect(story.originCampaign?.name).toBe('Spring Dental Postcards');
    expect(story.otherDeals.map((d) => d.id)).toEqual(['open', 'upsell', 'lost']);
    db.close();
  });

  it('collects promises of won deals only, each once, the winning deal first', async () => {
    const db = await seeded();
    const story = (await loadBackstory(db, 'acme'))!;
    expect(story.promises).toEqual(['1-hour response on the dental scheduler', 'Quarterly reviews']);
    db.close();
  });

  it('lists contacts decision makers first, and recognises the ticket contact', async () => {
    const db = await seeded();
    const story = (await loadBackstory(db, 'acme', ref('Dana@AcmeDental.com')))!;
    expect(story.contacts.map((c) => c.name)).toEqual(['Bob', 'Dana', 'Amy', 'Zed']);
    expect(story.contact).toMatchObject({ name: 'Dana', role: 'Decision Maker', title: 'Office manager' });
    expect((await loadBackstory(db, 'acme', ref('x@other.example')))!.contact).toBeUndefined();
    expect((await loadBackstory(db, 'acme'))!.contact).toBeUndefined();
    db.close();
  });

  it('sorts notes pinned first then newest, with their deal names', async () => {
    const db = await seeded();
    const story = (await loadBackstory(db, 'acme'))!;
    expect(story.notes.map((n) => n.id)).toEqual(['pinned-old', 'new', 'deal-only', 'old']);
    expect(story.notes.find((n) => n.id === 'new')?.dealName).toBe('upsell');
    expect(story.notes.find((n) => n.id === 'deal-only')?.dealName).toBe('first');
    expect(story.notes.find((n) => n.id === 'old')?.dealName).toBeUndefined();
    db.close();
  });

  it('copes with an account without deals, and with a missing account', async () => {
    const db = await seeded();
    const story = (await loadBackstory(db, 'other'))!;
    expect(story.winningDeal?.id).toBe('elsewhere');
    expect(story.originCampaign).toBeUndefined();
    const db2 = openDb('test-' + Math.random());
    await salesRows(db2).accounts.put(stored('bare', 'Bare Ltd', { leadSource: 'Trade show' }));
    const bare = (await loadBackstory(db2, 'bare'))!;
    expect(bare).toMatchObject({ otherDeals: [], promises: [], contacts: [], notes: [] });
    expect(bare.winningDeal).toBeUndefined();
    expect(bare.account.leadSource).toBe('Trade show');
    expect(await loadBackstory(db, 'nope')).toBeUndefined();
    db.close();
    db2.close();
  });
});

describe('backstory rules', () => {
  it('recognises won stages however the CRM spells them', () => {
    for (const s of ['Closed Won', 'closed-won', 'closedwon', 'WON']) expect(isWonStage(s)).toBe(true);
    for (const s of ['Closed Lost', 'Proposal', 'Not won']) expect(isWonStage(s)).toBe(false);
  });

  it('falls back to the earliest deal when none was won', () => {
    const deals = [
      deal('b', { stage: 'Proposal', closeDate: '2024-01-01' }),
      deal('a', { stage: 'Lost', closeDate: '2023-01-01' }),
    ];
    expect(pickWinningDeal(deals)?.id).toBe('a');
    expect(pickWinningDeal([])).toBeUndefined();
  });

  it('dedupes promises ignoring case, spacing and final punctuation', () => {
    expect(
      dedupePromises([
        ['Onsite in 4h', ' onsite  in 4h.'],
        ['', 'Free backups'],
      ]),
    ).toEqual(['Onsite in 4h', 'Free backups']);
  });
});
