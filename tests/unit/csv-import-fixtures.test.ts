// The importer (sources/csv-import.ts) on files from real exports (tests/fixtures/csv).
import { describe, expect, it } from 'vitest';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { fixture, messages, parse, warnings } from './csv-import-parse';

describe('fixtures from real exports', () => {
  it.each([
    ['hubspot-companies.csv', 4],
    ['hubspot-contacts.csv', 3],
    ['hubspot-deals.csv', 3],
    ['salesforce-opportunities.csv', 3],
    ['salesforce-accounts.csv', 3],
    ['salesforce-campaigns.csv', 3],
    ['salesforce-contacts.csv', 2],
    ['connectwise-companies.csv', 3],
    ['connectwise-opportunities.csv', 3],
    ['backstory-accounts.csv', 3],
    ['backstory-notes-semicolon.csv', 3],
  ])('%s parses cleanly into %i records', (name, count) => {
    const p = fixture(name);
    expect(messages(p)).toEqual([]);
    expect(p.records).toHaveLength(count);
    expect(p.rowCount).toBe(count);
    expect(p.preview).toEqual(p.records.slice(0, 5));
  });

  it('leaves fields the file has no value for out of records and row references, not as undefined', () => {
    const [account] = parse('a.csv', 'id,name,industry\n1,Acme,\n').records as Account[];
    expect(account).toEqual({
      id: 'csv:1',
      source: 'csv',
      sourceId: '1',
      name: 'Acme',
      aliases: [],
      domains: [],
      externalIds: {},
    });
    expect(Object.keys(account!)).not.toContain('industry');
    const deals = parse('d.csv', 'Deal Name,Account\nRenewal,Acme\n');
    expect(Object.keys(deals.records[0]!)).not.toContain('campaignId');
    expect(Object.keys(deals.rows[0]!)).toEqual(['line', 'account']);
  });

  it('reads HubSpot companies: ids, domains from domain and website, source with drill-down', () => {
    const [harbor, , lakeside] = fixture('hubspot-companies.csv').records as Account[];
    expect(harbor).toMatchObject({
      id: 'csv:18200311',
      sourceId: '18200311',
      name: 'Harbor Dental Group',
      domains: ['harbordental.example'],
      externalIds: { hubspot: '18200311' },
      leadSource: 'Offline Sources / Postcard mailer',
      owner: 'Dana Whitfield',
    });
    expect(lakeside!.leadSource).toBe('Organic Search');
  });

  it('reads HubSpot deals amounts with and without "$" and thousands separators', () => {
    const deals = fixture('hubspot-deals.csv').records as Deal[];
    expect(deals.map((d) => d.valueOneTime)).toEqual([1850, 12400, 4500]);
    expect(deals[0]).toMatchObject({
      closeDate: '2023-04-20',
      stage: 'Closed Won',
      salesRep: 'Dana Whitfield',
      currency: 'USD',
    });
  });

  it('combines first and last name and lower-cases emails', () => {
    const contacts = fixture('hubspot-contacts.csv').records as Contact[];
    expect(contacts[1]).toMatchObject({ name: 'Tom Kessler', email: 'tom@pinecrestvet.example', title: 'Owner' });
    expect(fixture('hubspot-contacts.csv').rows[1]!.account).toEqual({
      name: 'Pinecrest Veterinary Clinic',
      column: 'Associated Company',
    });
  });

  it('reads Salesforce US dates and skips the report footer with a warning', () => {
    const p = fixture('salesforce-opportunities.csv');
    expect((p.records as Deal[]).map((d) => d.closeDate)).toEqual(['2024-03-28', '2024-05-02', '2024-11-15']);
    expect(warnings(p).join('\n')).toMatch(/line 7 and below look like a report footer/);
    expect(p.rows[0]!.campaign).toEqual({ name: 'Spring Logistics Expo 2024', column: 'Primary Campaign Source' });
  });

  it('reads Salesforce campaigns with actual cost', () => {
    const [expo] = fixture('salesforce-campaigns.csv').records as Campaign[];
    expect(expo).toMatchObject({
      name: 'Spring Logistics Expo 2024',
      channel: 'Trade Show',
      startDate: '2024-03-12',
      endDate: '2024-03-14',
      cost: 7420.5,
    });
  });

  it('reads ConnectWise opportunities: Won status, open stage, recurring revenue, expected close', () => {
    const [won, open] = fixture('connectwise-opportunities.csv').records as Deal[];
    expect(won).toMatchObject({
      stage: 'Won',
      valueRecurring: 1850,
      closeDate: '2023-04-20',
      accountId: 'csv:HarborDental',
    });
    expect(open).toMatchObject({ stage: '3.Proposal', valueOneTime: 3200, closeDate: '2024-08-01' });
  });

  it('reads the template: lists, external ids, customer since', () => {
    const [acc] = fixture('backstory-accounts.csv').records as Account[];
    expect(acc).toEqual({
      id: 'csv:acc-1',
      source: 'csv',
      sourceId: 'acc-1',
      name: 'Harbor Dental Group',
      aliases: ['Harbor Dental', 'HDG'],
      domains: ['harbordental.example', 'hdg-mail.example'],
      externalIds: { connectwise: 'HarborDental' },
      industry: 'Dental',
      leadSource: 'Postcard mailer',
      customerSince: '2023-04-20',
      owner: 'Dana Whitfield',
    });
  });

  it('handles a semicolon-separated file with European dates and "|" lists', () => {
    const p = fixture('backstory-notes-semicolon.csv');
    expect(p.delimiter).toBe(';');
    const [first, second, third] = p.records as Note[];
    expect(first).toMatchObject({ date: '2023-04-20', tags: ['promise', 'vip'], pinned: true, accountId: 'csv:acc-1' });
    expect(first!.body).toContain('(Dentrix); owner');
    expect(second!.pinned).toBe(false);
    expect(third!.body).toContain('the "archive" mailbox');
  });
});
