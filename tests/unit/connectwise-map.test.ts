// @vitest-environment node
// ConnectWise PSA records (as its API answers them) to Backstory's model (sources/connectwise-map.ts).
import { describe, expect, it } from 'vitest';
import { forecastValues, mapCompany, mapCompanyNote, mapContact, mapOpportunity } from '@/sources/connectwise-map';
import { forecastItem } from '../mock-apis/connectwise-server';

describe('ConnectWise records to the model', () => {
  it('maps a company with its website domain, lead source and date acquired', () => {
    expect(
      mapCompany({
        id: 250,
        identifier: 'GranitePeak',
        name: 'Granite Peak Surveying LLC',
        website: 'www.GranitePeak.example',
        leadSource: 'Trade show',
        dateAcquired: '2025-04-02T00:00:00Z',
        market: { id: 3, name: 'Engineering' },
      }),
    ).toMatchObject({
      id: 'connectwise:company-250',
      name: 'Granite Peak Surveying LLC',
      aliases: ['GranitePeak'],
      domains: ['granitepeak.example'],
      leadSource: 'Trade show',
      customerSince: '2025-04-02',
      industry: 'Engineering',
      externalIds: { connectwise: '250' },
    });
    expect(mapCompany({ id: 1, name: 'Gone', deletedFlag: true })).toBeUndefined();
    expect(mapCompany({ id: 2, name: 42 })).toBeUndefined();
  });

  it("takes a contact's default email from its communication items and its role from its types", () => {
    expect(
      mapContact({
        id: 5,
        firstName: 'Ravi',
        lastName: 'Shah',
        company: { id: 250 },
        types: [{ id: 2, name: 'Decision Maker' }],
        communicationItems: [
          { communicationType: 'Phone', value: '555' },
          { type: { name: 'Email' }, value: 'other@x.example' },
          { communicationType: 'Email', value: 'Ravi@GP.example', defaultFlag: true },
        ],
      }),
    ).toMatchObject({
      accountId: 'connectwise:company-250',
      name: 'Ravi Shah',
      email: 'ravi@gp.example',
      role: 'decision maker',
    });
  });

  it('maps a won opportunity with its campaign, rep, currency and forecast revenue', () => {
    const won = { id: 2, name: 'Won' };
    const forecast = forecastValues([
      {
        id: 1,
        forecastItems: [
          forecastItem(1, 9, won, { revenue: 16_200, recurringFlag: true, recurringRevenue: 1350 }),
          forecastItem(2, 9, won, { revenue: 2400 }),
        ],
      },
    ]);
    expect(forecast).toEqual({ oneTime: 2400, recurring: 1350 });
    expect(
      mapOpportunity(
        {
          id: 9,
          name: 'Managed IT',
          company: { id: 250 },
          campaign: { id: 31 },
          source: 'Trade show',
          primarySalesRep: { name: 'Dana Whitfield' },
          status: { name: 'Won' },
          closedDate: '2025-04-01T00:00:00Z',
          currency: { id: 3, currencyCode: 'EUR', symbol: '€' },
        },
        forecast,
      ),
    ).toMatchObject({
      accountId: 'connectwise:company-250',
      campaignId: 'connectwise:campaign-31',
      stage: 'Closed Won',
      closeDate: '2025-04-01',
      salesRep: 'Dana Whitfield',
      leadSource: 'Trade show',
      valueRecurring: 1350,
      valueOneTime: 2400,
      currency: 'EUR',
    });
    expect(mapOpportunity({ id: 10, name: 'No company' })).toBeUndefined();
  });

  it("leaves forecast lines out that the vendor's includeFlag excludes or whose status is lost", () => {
    const won = { id: 2, name: 'Won' };
    expect(
      forecastValues({
        forecastItems: [
          forecastItem(1, 9, won, { revenue: 2400 }),
          forecastItem(2, 9, won, { revenue: 999, includeFlag: false }),
          forecastItem(3, 9, { id: 3, name: 'Lost' }, { revenue: 5000 }),
          forecastItem(4, 9, { id: 3, name: 'Lost' }, { revenue: 1200, recurringFlag: true, recurringRevenue: 100 }),
        ],
      }),
    ).toEqual({ oneTime: 2400 });
  });

  it('reads a recurring line by its recurringRevenue, not its whole revenue', () => {
    expect(
      forecastValues({
        forecastItems: [
          forecastItem(1, 9, { id: 2, name: 'Won' }, { revenue: 12_000, recurringFlag: true, recurringRevenue: 1000 }),
        ],
      }),
    ).toEqual({ recurring: 1000 });
  });

  it('reads every documented shape of the forecast answer: a list, one object, an older flat list', () => {
    const won = { id: 2, name: 'Won' };
    const items = [
      forecastItem(1, 9, won, { revenue: 2400 }),
      forecastItem(2, 9, won, { revenue: 600, recurringFlag: true, recurringRevenue: 50 }),
    ];
    const currency = { id: 3, currencyCode: 'EUR' };
    expect(forecastValues([{ id: 1, forecastItems: items, currency }])).toEqual({
      oneTime: 2400,
      recurring: 50,
      currency: 'EUR',
    });
    expect(forecastValues({ id: 1, forecastItems: items })).toEqual({ oneTime: 2400, recurring: 50 });
    expect(
      forecastValues([
        { id: 1, revenue: 2400, status: won, includedFlag: true },
        { id: 2, revenue: 600, status: won, includedFlag: true, recurring: { recurringRevenue: 50 } },
        { id: 3, revenue: 999, status: won, includedFlag: false },
      ]),
    ).toEqual({ oneTime: 2400, recurring: 50 });
  });

  it('maps a company note as a note of the account, with its type, author and date', () => {
    expect(
      mapCompanyNote(
        {
          id: 600,
          text: ' Prefers calls before 9am ',
          type: { id: 1, name: 'General' },
          flagged: true,
          _info: { dateEntered: '2025-04-03T09:00:00Z', enteredBy: 'dwhitfield' },
        },
        250,
      ),
    ).toEqual({
      id: 'connectwise:company-note-600',
      source: 'connectwise',
      sourceId: 'company-note-600',
      accountId: 'connectwise:company-250',
      author: 'dwhitfield',
      date: '2025-04-03',
      body: 'Prefers calls before 9am',
      tags: ['General'],
      pinned: true,
    });
    expect(mapCompanyNote({ id: 601, text: '   ' }, 250)).toBeUndefined();
    expect(mapCompanyNote({ id: 602, text: 42 }, 250)).toBeUndefined();
  });
});
