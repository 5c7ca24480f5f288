/**
 * The mock ConnectWise PSA's data (tests/mock-apis/connectwise-server.ts serves it): its shape,
 * the vendor's ForecastItem, and the sample company with its contacts, opportunities, campaigns,
 * notes and forecasts.
 */
export type Obj = Record<string, unknown> & { id: number };

export interface MockConnectWiseData {
  companies: Obj[];
  contacts: Obj[];
  opportunities: Obj[];
  campaigns: Obj[];
  /** By opportunity id. */
  notes: Record<number, Obj[]>;
  /** Notes on companies, by company id. */
  companyNotes?: Record<number, Obj[]>;
  /** Forecast items (the vendor's ForecastItem) by opportunity id. */
  forecasts: Record<number, ForecastItem[]>;
}

export interface ForecastItem {
  id: number;
  opportunity: { id: number; name?: string };
  status: { id: number; name: string };
  forecastType: string | null;
  revenue: number;
  includeFlag: boolean;
  recurringFlag: boolean;
  recurringRevenue?: number;
}

const WON = { id: 2, name: 'Won' };
const LOST = { id: 3, name: 'Lost' };

export function forecastItem(
  id: number,
  opportunity: number,
  status: { id: number; name: string },
  values: Partial<Pick<ForecastItem, 'revenue' | 'includeFlag' | 'recurringFlag' | 'recurringRevenue'>>,
): ForecastItem {
  return {
    id,
    opportunity: { id: opportunity },
    status,
    forecastType: values.recurringFlag ? 'Agreement' : 'Product',
    revenue: 0,
    includeFlag: true,
    recurringFlag: false,
    ...values,
  };
}

export function sampleConnectWiseData(): MockConnectWiseData {
  const rep = { id: 12, identifier: 'dwhitfield', name: 'Dana Whitfield' };
  return {
    companies: [
      {
        id: 250,
        identifier: 'GranitePeak',
        name: 'Granite Peak Surveying LLC',
        website: 'www.granitepeak.example',
        leadSource: 'Trade show',
        dateAcquired: '2025-04-02T00:00:00Z',
        market: { id: 3, name: 'Engineering' },
        status: { id: 1, name: 'Active' },
        defaultContact: { id: 901, name: 'Ravi Shah' },
        deletedFlag: false,
        _info: { lastUpdated: '2026-11-20T10:00:00Z' },
      },
      {
        id: 251,
        identifier: 'Bluebird',
        name: 'Bluebird Family Dentistry',
        website: 'https://bluebird-dental.example/',
        leadSource: 'Postcard mailer',
        market: { id: 1, name: 'Dental' },
        deletedFlag: false,
      },
      { id: 252, identifier: 'Gone', name: 'Gone Corp', deletedFlag: true },
    ],
    contacts: [
      {
        id: 901,
        firstName: 'Ravi',
        lastName: 'Shah',
        title: 'Office manager',
        company: { id: 250, identifier: 'GranitePeak', name: 'Granite Peak Surveying LLC' },
        types: [{ id: 2, name: 'Decision Maker' }],
        communicationItems: [
          { id: 1, type: { id: 1, name: 'Direct' }, value: '555-0100', communicationType: 'Phone' },
          {
            id: 2,
            type: { id: 4, name: 'Email' },
            value: 'Ravi@GranitePeak.example',
            defaultFlag: true,
            communicationType: 'Email',
          },
        ],
      },
      {
        id: 902,
        firstName: 'Lena',
        lastName: 'Cho',
        company: { id: 251, name: 'Bluebird Family Dentistry' },
        communicationItems: [
          { id: 3, type: { id: 4, name: 'Email' }, value: 'lena@bluebird-dental.example', communicationType: 'Email' },
        ],
      },
    ],
    campaigns: [
      {
        id: 31,
        name: 'Spring trade show 2025',
        type: { id: 2, name: 'Trade show' },
        subType: { id: 7, name: 'Regional' },
        startDate: '2025-03-10T00:00:00Z',
        endDate: '2025-03-12T00:00:00Z',
        budgetCost: 9000,
        actualCost: 8450,
        member: rep,
      },
    ],
    opportunities: [
      {
        id: 4100,
        name: 'Granite Peak - managed IT',
        company: { id: 250, name: 'Granite Peak Surveying LLC' },
        contact: { id: 901, name: 'Ravi Shah' },
        campaign: { id: 31, name: 'Spring trade show 2025' },
        source: 'Trade show',
        primarySalesRep: rep,
        currency: { id: 1, currencyCode: 'USD', symbol: '$', name: 'US Dollars' },
        status: { id: 2, name: 'Won' },
        stage: { id: 4, name: 'Closed' },
        closedDate: '2025-04-01T00:00:00Z',
        notes: 'Managed IT for 9 seats, promised 2-hour response for the survey plotter',
      },
      {
        id: 4101,
        name: 'Bluebird - phones',
        company: { id: 251, name: 'Bluebird Family Dentistry' },
        contact: { id: 902, name: 'Lena Cho' },
        primarySalesRep: rep,
        status: { id: 1, name: 'Open' },
        stage: { id: 2, name: 'Proposal' },
      },
    ],
    companyNotes: {
      250: [
        {
          id: 600,
          text: 'Owner Ravi prefers phone calls before 9am; the field crews are out after that.',
          type: { id: 1, name: 'General' },
          flagged: false,
          enteredBy: 'dwhitfield',
          company: { id: 250, identifier: 'GranitePeak', name: 'Granite Peak Surveying LLC' },
          _info: { lastUpdated: '2025-04-03T09:00:00Z', dateEntered: '2025-04-03T09:00:00Z', enteredBy: 'dwhitfield' },
        },
      ],
    },
    notes: {
      4100: [
        {
          id: 77,
          opportunityId: 4100,
          text: "Ravi chose us over their cousin's company. Plotter downtime costs them a field day.",
          flagged: true,
          enteredBy: 'dwhitfield',
          _info: { lastUpdated: '2025-03-28T16:00:00Z', dateEntered: '2025-03-28T15:00:00Z' },
        },
      ],
    },
    forecasts: {
      4100: [
        // 1350 a month for 12 months: revenue is the whole, recurringRevenue the amount a cycle.
        forecastItem(1, 4100, WON, { revenue: 16_200, recurringFlag: true, recurringRevenue: 1350 }),
        forecastItem(2, 4100, WON, { revenue: 2400 }),
        forecastItem(3, 4100, WON, { revenue: 999, includeFlag: false }),
        forecastItem(4, 4100, LOST, { revenue: 5000 }),
      ],
    },
  };
}
