import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { autoMapping, detectKind, headerKey, missingRequired, TEMPLATE_FIELDS } from '@/sources/column-maps';
import { RECORD_KINDS } from '@/core/model';

function fixtureHeaders(name: string): string[] {
  const text = readFileSync(resolve('tests/fixtures/csv', name), 'utf8').split(/\r?\n/)[0]!;
  return Papa.parse<string[]>(text, { delimiter: text.includes(';') && !text.includes(',') ? ';' : ',' }).data[0]!;
}

describe('detectKind', () => {
  it.each([
    ['hubspot-companies.csv', 'account', 'hubspot'],
    ['hubspot-contacts.csv', 'contact', 'hubspot'],
    ['hubspot-deals.csv', 'deal', 'hubspot'],
    ['salesforce-opportunities.csv', 'deal', 'salesforce'],
    ['salesforce-accounts.csv', 'account', 'salesforce'],
    ['salesforce-campaigns.csv', 'campaign', 'salesforce'],
    ['salesforce-contacts.csv', 'contact', 'salesforce'],
    ['connectwise-companies.csv', 'account', 'connectwise'],
    ['connectwise-opportunities.csv', 'deal', 'connectwise'],
    ['backstory-accounts.csv', 'account', 'backstory'],
    ['backstory-notes-semicolon.csv', 'note', 'backstory'],
  ])('%s is %s from %s', (file, kind, preset) => {
    const d = detectKind(fixtureHeaders(file));
    expect({ kind: d.kind, preset: d.preset }).toEqual({ kind, preset });
    expect(d.score).toBeGreaterThan(2);
  });

  it('recognises each kind of the template from its own headers', () => {
    for (const kind of RECORD_KINDS) expect(detectKind(TEMPLATE_FIELDS[kind]).kind).toBe(kind);
  });

  it("reads HaloPSA's API field names (its import sheets' headers), and leaves the template's own names to the template", () => {
    expect(detectKind(['id', 'name', 'firstname', 'surname', 'emailaddress', 'client_name'])).toMatchObject({
      kind: 'contact',
      preset: 'halopsa',
    });
    expect(autoMapping('contact', ['id', 'firstname', 'surname', 'emailaddress', 'client_id'], 'halopsa')).toEqual({
      id: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      accountId: 4,
    });
    expect(detectKind(['id', 'name', 'notes'])).toMatchObject({ kind: 'account', preset: 'backstory' });
    expect(detectKind(fixtureHeaders('salesforce-data-export/Account.csv')).preset).toBe('salesforce');
  });

  it('gives score 0 for headers it does not know', () => {
    expect(detectKind(['foo', 'bar']).score).toBe(0);
  });
});

describe('autoMapping', () => {
  it('compares headers ignoring case, spaces and punctuation', () => {
    expect(headerKey(' Company  Domain-Name ')).toBe(headerKey('companyDomainName'));
    const m = autoMapping('account', ['COMPANY NAME', 'company_domain_name', 'Record Id']);
    expect(m).toEqual({ name: 0, domains: 1, id: 2 });
  });

  it('maps a HubSpot companies export, including website and source drill-down', () => {
    const h = fixtureHeaders('hubspot-companies.csv');
    const m = autoMapping('account', h);
    expect(h[m.id!]).toBe('Record ID');
    expect(h[m.name!]).toBe('Company name');
    expect(h[m.domains!]).toBe('Company Domain Name');
    expect(h[m.website!]).toBe('Website URL');
    expect(h[m.leadSource!]).toBe('Original Source');
    expect(h[m.leadSourceDetail!]).toBe('Original Source Drill-Down 1');
    expect(h[m.owner!]).toBe('Company owner');
    expect(h[m.industry!]).toBe('Industry');
    expect(m.customerSince).toBeUndefined(); // "Create Date" is not when they became a customer
  });

  it('maps ConnectWise Status to the stage and Stage to its detail, but Salesforce Stage to the stage', () => {
    const cw = fixtureHeaders('connectwise-opportunities.csv');
    const m = autoMapping('deal', cw);
    expect(cw[m.stage!]).toBe('Status');
    expect(cw[m.stageDetail!]).toBe('Stage');
    expect(cw[m.accountId!]).toBe('Company ID');
    expect(cw[m.accountName!]).toBe('Company');
    expect(cw[m.valueRecurring!]).toBe('Recurring Revenue');
    expect(cw[m.valueOneTime!]).toBe('Product Revenue');
    expect(cw[m.closeDate!]).toBe('Closed Date');
    expect(cw[m.expectedCloseDate!]).toBe('Expected Close Date');
    const sf = fixtureHeaders('salesforce-opportunities.csv');
    const s = autoMapping('deal', sf);
    expect(sf[s.stage!]).toBe('Stage');
    expect(sf[s.campaignName!]).toBe('Primary Campaign Source');
    expect(sf[s.salesRep!]).toBe('Opportunity Owner');
  });

  it('maps first and last name for contacts and counts them as the name', () => {
    const h = fixtureHeaders('hubspot-contacts.csv');
    const m = autoMapping('contact', h);
    expect(h[m.firstName!]).toBe('First Name');
    expect(h[m.lastName!]).toBe('Last Name');
    expect(h[m.accountName!]).toBe('Associated Company');
    expect(missingRequired('contact', m)).toEqual([]);
  });

  it('reports required groups that no column fills', () => {
    expect(missingRequired('deal', autoMapping('deal', ['Deal Name', 'Amount']))).toEqual([
      ['accountId', 'accountName'],
    ]);
  });
});
