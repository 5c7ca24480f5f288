// HubSpot and Salesforce exports land whole (tests/unit/crm-export-import.ts says how).
import { describe, expect, it } from 'vitest';
import { isWonStage } from '@/core/backstory';
import { planImport } from '@/services/import-plan';
import { describeImportMessage } from '@/i18n/import-messages';
import { byName, db, emptyDbEachTest, land, notesOf, read } from './crm-export-import';

emptyDbEachTest();

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
