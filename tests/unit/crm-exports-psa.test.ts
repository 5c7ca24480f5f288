// PSA exports (Autotask, HaloPSA) land whole, and a standalone file never attaches to a wrong
// account (tests/unit/crm-export-import.ts says how).
import { describe, expect, it } from 'vitest';
import { isWonStage } from '@/core/backstory';
import { commitImport } from '@/services/import';
import { planImport } from '@/services/import-plan';
import { parseImportFile } from '@/sources/csv-import';
import { describeImportError } from '@/i18n/import-messages';
import { byName, db, emptyDbEachTest, land, notesOf, read } from './crm-export-import';

emptyDbEachTest();

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
