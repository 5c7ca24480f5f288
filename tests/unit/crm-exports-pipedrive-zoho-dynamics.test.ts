// Pipedrive, Zoho CRM and Dynamics 365 exports land whole, and the kinds added to the fixtures
// later (tests/unit/crm-export-import.ts says how).
import { describe, expect, it } from 'vitest';
import { isWonStage } from '@/core/backstory';
import { describeImportMessage } from '@/i18n/import-messages';
import { byName, emptyDbEachTest, land, notesOf, read } from './crm-export-import';

emptyDbEachTest();

describe('Pipedrive', () => {
  it('organizations, people, deals and notes ("Entity - Field" headers)', async () => {
    const names = ['organizations', 'people', 'deals', 'notes'];
    const files = names.map((n) => read(`pipedrive/${n}.csv`));
    expect(files.map((f) => [f.kind, f.preset])).toEqual([
      ['account', 'pipedrive'],
      ['contact', 'pipedrive'],
      ['deal', 'pipedrive'],
      ['note', 'pipedrive'],
    ]);
    const s = await land(...files);
    const fjord = byName(s.accounts, 'Fjord Freight AS');
    expect(fjord).toMatchObject({ domains: ['fjordfreight.example'], owner: 'Ingrid Solberg', sourceId: '41' });
    const won = byName(s.deals, 'Fjord Freight - managed network');
    expect(won).toMatchObject({
      accountId: fjord.id,
      valueOneTime: 12400,
      currency: 'EUR',
      closeDate: '2024-04-18',
      salesRep: 'Ingrid Solberg',
      leadSource: 'Marketing campaign / Paid search',
    });
    expect(isWonStage(won.stage)).toBe(true);
    expect(byName(s.deals, 'Kestrel Optometry - M365 migration').stage).toBe('Proposal made');
    expect(byName(s.deals, 'Solheim Bakery - POS network').stage).toBe('Lost');
    // Solheim Bakeri is in no organizations file: created from the deals file.
    expect(byName(s.accounts, 'Solheim Bakeri').leadSource).toBe('Web forms / Organic search');
    const note = s.notes.find((n) => n.body.startsWith('Warehouse scanners'))!;
    expect(note).toMatchObject({ dealId: won.id, accountId: fjord.id, author: 'Ingrid Solberg' });
    expect(byName(s.contacts, 'Lars Berg').accountId).toBe(fjord.id);
  });
});

describe('Zoho CRM', () => {
  it('accounts, deals and notes; day-first dates told apart by the whole column, ambiguous ones asked', async () => {
    const notes = read('zoho-notes.csv');
    expect(notes.ambiguousDates).toEqual(['Created Time']);
    expect(notes.warnings.map(describeImportMessage).join()).toMatch(/month\/day or day\/month/);
    const chosen = read('zoho-notes.csv', { dateOrder: 'dmy' });
    const s = await land(read('zoho-accounts.csv'), read('zoho-deals.csv'), chosen);
    const vet = byName(s.accounts, 'Harborview Veterinary');
    const deal = byName(s.deals, 'Harborview Vet - managed IT');
    expect(deal).toMatchObject({
      accountId: vet.id,
      valueOneTime: 5600,
      currency: 'GBP',
      closeDate: '2024-03-28',
      salesRep: 'Priya Nair',
      leadSource: 'Advertisement',
    });
    expect(byName(s.campaigns, 'Vet Clinics Webinar 2024').id).toBe(deal.campaignId);
    expect(isWonStage(deal.stage)).toBe(true);
    const kickOff = s.notes.find((n) => n.body.startsWith('Kick-off call'))!;
    expect(kickOff).toMatchObject({ dealId: deal.id, accountId: vet.id, author: 'Priya Nair' });
    expect(kickOff.date).toBe('2024-04-02T09:15');
    expect(s.notes.find((n) => n.body.startsWith('Renewal'))!.accountId).toBe(vet.id);
    expect(notesOf(s, { dealId: deal.id }).some((n) => n.body.startsWith('Promised same-day'))).toBe(true);
    expect(byName(s.accounts, 'Thistle Accounting Ltd')).toBeDefined();
  });
});

describe('kinds added to the fixtures (HubSpot notes, Zoho contacts, Dynamics accounts)', () => {
  it('HubSpot notes land on their company and deal, by id, with author and date', async () => {
    const notes = read('hubspot-notes.csv');
    expect([notes.kind, notes.preset]).toEqual(['note', 'hubspot']);
    const s = await land(read('hubspot-deals-current.csv'), notes);
    const fairway = byName(s.accounts, 'Fairway Physiotherapy');
    const deal = byName(s.deals, 'Fairway Physio - managed IT');
    const promised = s.notes.find((n) => n.body.startsWith('Owner confirmed'))!;
    expect(promised).toMatchObject({
      accountId: fairway.id,
      dealId: deal.id,
      author: 'Dana Whitfield',
      date: '2024-03-20T16:45',
    });
    const later = s.notes.find((n) => n.body.startsWith('Asked about adding backups'))!;
    expect([later.accountId, later.dealId]).toEqual([fairway.id, undefined]);
  });

  it('Zoho contacts on their account, with title and a lower-cased email; their lead source goes to the account', async () => {
    const contacts = read('zoho-contacts.csv');
    expect([contacts.kind, contacts.preset]).toEqual(['contact', 'zoho']);
    const s = await land(read('zoho-accounts.csv'), contacts);
    const vet = byName(s.accounts, 'Harborview Veterinary');
    expect(byName(s.contacts, 'Moira Kennedy')).toMatchObject({
      accountId: vet.id,
      email: 'moira.kennedy@harborview-vet.example',
      title: 'Practice Manager',
    });
    expect(byName(s.contacts, 'Tomasz Nowak').email).toBe('t.nowak@harborview-vet.example');
    // A contact has no lead source of its own in Backstory's model: its account takes it.
    expect(vet.leadSource).toBe('Trade Show');
  });

  it('Dynamics 365 accounts behind their (Do Not Modify) columns: domain, owner, description as a note', async () => {
    const accounts = read('dynamics-accounts.csv');
    expect([accounts.kind, accounts.preset]).toEqual(['account', 'dynamics']);
    const s = await land(accounts);
    const alder = byName(s.accounts, 'Alder Street Dental');
    expect(alder).toMatchObject({
      sourceId: '5d2e7b10-6b1e-ef11-840a-000d3a1b2c3d',
      domains: ['alderstreetdental.example'],
      industry: 'Health Care',
      owner: 'Chris Mbeki',
    });
    expect(notesOf(s, { accountId: alder.id }).map((n) => [n.body, n.author])).toEqual([
      ['Front desk runs Dentrix; the owner wants a single monthly invoice.', 'Chris Mbeki'],
    ]);
  });
});

describe('Dynamics 365 Sales', () => {
  it('opportunities behind their (Do Not Modify) columns, currency by name', async () => {
    const p = read('dynamics-opportunities.csv');
    expect([p.kind, p.preset]).toEqual(['deal', 'dynamics']);
    expect(p.ignored).toEqual(['(Do Not Modify) Row Checksum', '(Do Not Modify) Modified On']);
    const s = await land(p);
    const deal = byName(s.deals, 'Alder Street Dental - managed IT');
    expect(deal).toMatchObject({
      sourceId: '8f3a1c52-6b1e-ef11-840a-000d3a1b2c3d',
      valueOneTime: 7900,
      currency: 'USD',
      closeDate: '2024-03-28',
      salesRep: 'Chris Mbeki',
      stage: 'Won',
    });
    expect(deal.accountId).toBe(byName(s.accounts, 'Alder Street Dental').id);
    expect(byName(s.campaigns, 'Dental Expo 2024').id).toBe(deal.campaignId);
    expect(notesOf(s, { dealId: deal.id })[0]!.body).toMatch(/^Promised a loan laptop/);
  });
});
