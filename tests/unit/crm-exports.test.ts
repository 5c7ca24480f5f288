// Real CRM exports land whole (issue 19): one test per fixture in tests/fixtures/csv, each checking
// what a technician needs: account name, domain, lead source, campaign, deal name, amount with
// currency, close date, won or lost, the rep's name, and descriptions and notes on the right
// account and deal. Each file is imported into an empty Backstory, as a new user would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWonStage } from '@/core/backstory';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { openDb, type BackstoryDB } from '@/storage/db';
import { commitImport } from '@/services/import';
import { planImport } from '@/services/import-plan';
import { parseImportFile, type ImportInput, type ImportParse } from '@/sources/csv-import';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { salesRows } from './stored-records';

const read = (name: string, extra: Partial<ImportInput> = {}): ImportParse =>
  parseImportFile({
    fileName: name.split('/').pop()!,
    bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))),
    ...extra,
  });

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`crm-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

interface Stored {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

/** Parse and commit the files together; every file must parse without a problem. */
async function land(...files: ImportParse[]): Promise<Stored> {
  for (const f of files) expect(f.errors.map(describeImportError), f.file).toEqual([]);
  await commitImport(db, files);
  const rows = salesRows(db);
  return {
    accounts: await rows.accounts.toArray(),
    contacts: await rows.contacts.toArray(),
    campaigns: await rows.campaigns.toArray(),
    deals: await rows.deals.toArray(),
    notes: await rows.notes.toArray(),
  };
}

const byName = <T extends { name: string }>(list: T[], name: string): T => {
  const found = list.find((r) => r.name === name);
  expect(found, name).toBeDefined();
  return found!;
};
const notesOf = (s: Stored, where: { accountId?: string; dealId?: string }) =>
  s.notes.filter(
    (n) => (!where.accountId || n.accountId === where.accountId) && (!where.dealId || n.dealId === where.dealId),
  );

describe('HubSpot', () => {
  it('deals with the current labels: description and note as notes, source data, id and name of the company', async () => {
    const p = read('hubspot-deals-current.csv');
    expect(p.preset).toBe('hubspot');
    const s = await land(p);
    const fairway = byName(s.accounts, 'Fairway Physiotherapy');
    expect(fairway.sourceId).toBe('77001');
    expect(fairway.leadSource).toBe('Paid Search / google / spring-physio-ads');
    const won = byName(s.deals, 'Fairway Physio - managed IT');
    expect(won).toMatchObject({
      accountId: fairway.id,
      valueOneTime: 4200,
      currency: 'USD',
      closeDate: '2024-03-28',
      salesRep: 'Dana Whitfield',
      leadSource: 'Paid Search / google / spring-physio-ads',
    });
    expect(isWonStage(won.stage)).toBe(true);
    expect(byName(s.deals, 'Fairway Physio - backup add-on').stage).toBe('Closed Lost');
    const notes = notesOf(s, { dealId: won.id });
    expect(notes.map((n) => n.body).sort()).toEqual([
      'Call notes: their old MSP never answered after 5pm.',
      'Promised quarterly on-site visits; owner wants one invoice for all three clinics.',
    ]);
    expect(notes.every((n) => n.accountId === fairway.id && n.author === 'Dana Whitfield')).toBe(true);
    expect(notes[0]!.date).toBe('2024-02-12T09:30');
    // Named only: created under a name-derived id, with the deal's source.
    expect(byName(s.accounts, 'Quayside Marine Supply').leadSource).toBe('Referrals / Harbor Dental Group');
    expect(byName(s.deals, 'Quayside Marine - Wi-Fi survey').valueOneTime).toBe(1250.5);
  });

  it('says in the preview how many accounts the file will create, and lists every ignored column', async () => {
    const p = read('hubspot-deals-current.csv');
    const plan = await planImport(db, [p]);
    expect(plan.createdAccounts.get('hubspot-deals-current.csv')).toBe(2);
    expect(describeImportMessage({ code: 'accountsWillBeCreated', args: ['2'] })).toBe(
      '2 account(s) will be created from this file (named in it, found nowhere else)',
    );
    expect(p.ignored).toEqual(['Pipeline']);
  });
});

describe('Salesforce', () => {
  it('a Data Export set (Account, Opportunity, Campaign, Note, User) joins by Id, owners by name', async () => {
    const dir = 'salesforce-data-export/';
    const files = ['Account.csv', 'Opportunity.csv', 'Campaign.csv', 'Note.csv', 'User.csv'].map((f) => read(dir + f));
    expect(files.map((f) => f.kind)).toEqual(['account', 'deal', 'campaign', 'note', 'user']);
    expect(files.slice(0, 4).every((f) => f.preset === 'salesforce')).toBe(true);
    const s = await land(...files);
    const copper = byName(s.accounts, 'Copperfield Logistics');
    expect(copper).toMatchObject({
      domains: ['copperfield-logistics.example'],
      leadSource: 'Trade Show',
      owner: 'Jordan Blake',
    });
    const campaign = byName(s.campaigns, 'Spring Logistics Expo 2024');
    expect(campaign).toMatchObject({ channel: 'Trade Show', cost: 7420.5, owner: 'Jordan Blake' });
    const deal = byName(s.deals, 'Copperfield - helpdesk plan');
    expect(deal).toMatchObject({
      accountId: copper.id,
      campaignId: campaign.id,
      valueOneTime: 2300,
      currency: 'USD',
      closeDate: '2024-03-28',
      salesRep: 'Jordan Blake',
      leadSource: 'Trade Show',
    });
    expect(isWonStage(deal.stage)).toBe(true);
    expect(byName(s.deals, 'Birchwood Schools - backup').stage).toBe('Closed Lost');
    const dealNotes = notesOf(s, { dealId: deal.id }).map((n) => [n.body, n.author, n.accountId]);
    expect(dealNotes).toEqual(
      expect.arrayContaining([
        ['Help desk for 40 seats, 24x7 for the dock office. Promised a named engineer.', 'Jordan Blake', copper.id],
        [
          'Kick-off\nDock office printer is on its own VLAN; do not touch it without calling Renee.',
          'Jordan Blake',
          copper.id,
        ],
      ]),
    );
    const birch = byName(s.accounts, 'Birchwood Schools');
    expect(notesOf(s, { accountId: birch.id }).map((n) => [n.body, n.author])).toEqual([
      ['Budget\nBoard votes on IT budget every June.', 'Sam Ortiz'],
    ]);
    expect(notesOf(s, { accountId: copper.id }).some((n) => n.body.startsWith('Three warehouses'))).toBe(true);
  });

  it('OpportunityContactRole.csv joins contacts to their opportunities: role (primary first) and account', async () => {
    const dir = 'salesforce-data-export/';
    const files = ['Account.csv', 'Contact.csv', 'Opportunity.csv', 'Campaign.csv', 'OpportunityContactRole.csv'].map(
      (f) => read(dir + f),
    );
    expect(files.map((f) => f.kind)).toEqual(['account', 'contact', 'deal', 'campaign', 'contactRole']);
    const roles = files[4]!;
    expect(roles.preset).toBe('salesforce');
    // The deleted role (IsDeleted true) is left out.
    expect(roles.contactRoles).toHaveLength(3);
    const s = await land(...files);
    const copper = byName(s.accounts, 'Copperfield Logistics');
    const birch = byName(s.accounts, 'Birchwood Schools');
    // Renee is the primary contact (Decision Maker); the later deleted Economic Buyer role is ignored.
    expect(byName(s.contacts, 'Renee Okafor')).toMatchObject({ accountId: copper.id, role: 'decision maker' });
    expect(byName(s.contacts, 'Paulo Duarte')).toMatchObject({ accountId: copper.id, role: 'influencer' });
    // Marta has no AccountId in Contact.csv: her opportunity's account is hers.
    expect(byName(s.contacts, 'Marta Lindqvist')).toMatchObject({
      accountId: birch.id,
      role: 'technical buyer',
      email: 'm.lindqvist@birchwood.example',
    });
  });

  it('OpportunityContactRole.csv imported later updates the stored contacts', async () => {
    const dir = 'salesforce-data-export/';
    await land(...['Account.csv', 'Contact.csv', 'Opportunity.csv', 'Campaign.csv'].map((f) => read(dir + f)));
    const s = await land(read(dir + 'OpportunityContactRole.csv'));
    expect(byName(s.contacts, 'Marta Lindqvist')).toMatchObject({
      accountId: byName(s.accounts, 'Birchwood Schools').id,
      role: 'technical buyer',
    });
    expect(s.contacts).toHaveLength(3);
  });

  it('a formatted report: title block, sort arrow, subtotals, total and footer are skipped', async () => {
    const p = read('salesforce-opportunities-formatted.csv');
    expect(p.preset).toBe('salesforce');
    expect(p.headers[0]).toBe('Account Name');
    expect(p.records).toHaveLength(2);
    const s = await land(p);
    const deal = byName(s.deals, 'Ostrander - CAD workstation refresh');
    expect(deal).toMatchObject({ valueOneTime: 14800, closeDate: '2024-02-29', salesRep: 'Sam Ortiz' });
    expect(byName(s.accounts, 'Ostrander & Pike Architects').leadSource).toBe('Partner Referral');
  });
});

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

// Autotask: only the headers its import templates document (sources/column-maps/autotask.ts says which);
// an organization export "In Import Template Format" and an opportunity file in that template.
describe('Autotask', () => {
  it('organizations: their Autotask id and name; the address columns are listed as ignored', async () => {
    const p = read('autotask-organizations.csv');
    expect([p.kind, p.preset]).toEqual(['account', 'autotask']);
    expect(p.ignored).toEqual(expect.arrayContaining(['Number', 'Address 1', 'Phone']));
    const s = await land(p);
    const harbour = byName(s.accounts, 'Harbourside Dental Group');
    expect(harbour).toMatchObject({ sourceId: '29683512', externalIds: { autotask: '29683512' } });
    expect(s.accounts).toHaveLength(2);
  });

  it('opportunities join their organization by name, the description becomes a note, a new one is created', async () => {
    const orgs = read('autotask-organizations.csv');
    const p = read('autotask-opportunities.csv');
    expect([p.kind, p.preset]).toEqual(['deal', 'autotask']);
    expect(p.ignored).toEqual(['External (Legacy) Opportunity ID', 'Contact']);
    const plan = await planImport(db, [orgs, p]);
    expect(plan.createdAccounts.get('autotask-opportunities.csv')).toBe(1);
    const s = await land(orgs, p);
    const harbour = byName(s.accounts, 'Harbourside Dental Group');
    const deal = byName(s.deals, 'Harbourside - managed backup');
    expect(deal).toMatchObject({ sourceId: '4100017', accountId: harbour.id });
    expect(notesOf(s, { dealId: deal.id }).map((n) => [n.body, n.accountId])).toEqual([
      ['Nightly image backup of the imaging server; promised restore tests every quarter.', harbour.id],
    ]);
    expect(byName(s.deals, 'Kestrel - firewall refresh').accountId).toBe(
      byName(s.accounts, 'Kestrel Engineering Ltd').id,
    );
    expect(byName(s.deals, 'Moorfield Bakery - onboarding').accountId).toBe(byName(s.accounts, 'Moorfield Bakery').id);
  });
});

describe('HaloPSA', () => {
  it('clients, opportunities and CRM notes headed by the API field names of its import sheets', async () => {
    const clients = read('halopsa-clients.csv');
    const opps = read('halopsa-opportunities.csv');
    const notes = read('halopsa-notes.csv');
    expect([clients.kind, clients.preset]).toEqual(['account', 'halopsa']);
    expect([opps.kind, opps.preset]).toEqual(['deal', 'halopsa']);
    expect([notes.kind, notes.preset]).toEqual(['note', 'halopsa']);
    // Only the won date is left unread: the close date is read from dateclosed.
    expect(opps.ignored).toEqual(['oppconverteddate']);
    const plan = await planImport(db, [clients, opps, notes]);
    expect(plan.createdAccounts.get('halopsa-opportunities.csv')).toBe(1);
    const s = await land(clients, opps, notes);
    const larchmont = byName(s.accounts, 'Larchmont Veterinary Clinic');
    expect(larchmont).toMatchObject({
      sourceId: '12',
      externalIds: { halopsa: '12' },
      domains: ['larchmontvets.example'],
      industry: 'Healthcare',
      owner: 'Oliver Grant',
    });
    expect(byName(s.accounts, 'Tideway Architects').domains).toEqual(['tideway-arch.example']);
    const won = byName(s.deals, 'Larchmont - managed IT');
    expect(won).toMatchObject({
      accountId: larchmont.id,
      valueOneTime: 8400,
      currency: 'USD',
      closeDate: '2024-03-28',
      salesRep: 'Oliver Grant',
      leadSource: 'Referral',
      productsSold: 'Managed IT Essentials',
    });
    expect(isWonStage(won.stage)).toBe(true);
    const lost = byName(s.deals, 'Tideway - Microsoft 365 migration');
    expect([lost.stage, isWonStage(lost.stage), lost.closeDate]).toEqual(['Lost', false, '2024-05-02']);
    // An opportunity for a client not in the clients file creates it, by name.
    const saltmarsh = byName(s.accounts, 'Saltmarsh Brewing Co');
    expect(byName(s.deals, 'Saltmarsh Brewing - backup').accountId).toBe(saltmarsh.id);
    // The client's notes and the opportunity's details become sales notes on the right records.
    expect(notesOf(s, { dealId: won.id }).map((n) => [n.body, n.accountId, n.author])).toEqual([
      [
        'Managed IT for 14 seats and the two surgery PCs; promised a quarterly on-site visit.',
        larchmont.id,
        'Oliver Grant',
      ],
    ]);
    const onClient = notesOf(s, { accountId: larchmont.id }).filter((n) => !n.dealId);
    expect(onClient.map((n) => n.body).sort()).toEqual([
      'Renewal call\nAsked for a second site next spring; reminded them the callback promise covers only the surgery PCs.',
      'Signed for managed IT after a ransomware scare; promised same-day callbacks for the surgery PCs.',
    ]);
  });
});

describe('standalone files', () => {
  it('never attaches to a wrong account: a name that fits two accounts is refused', async () => {
    await commitImport(
      db,
      parseImportFile({ fileName: 'a.csv', bytes: new TextEncoder().encode('id,name\n1,Acme\n2,"Acme, Inc."\n') }),
    );
    const deals = parseImportFile({
      fileName: 'd.csv',
      bytes: new TextEncoder().encode('Deal Name,Account\nX,ACME\n'),
    });
    const plan = await planImport(db, [deals]);
    expect(plan.errors.map(describeImportError)).toEqual([
      'd.csv line 2, column "Account": 2 accounts are named "ACME" (csv:1, csv:2); give the account id instead',
    ]);
    expect(plan.createdAccounts.size).toBe(0);
  });
});
