/** The mock HubSpot's sample portal: two owners, three companies, two contacts, three deals, a note. */
import type { MockHubSpotData } from './hubspot-types';

export function sampleHubSpotData(): MockHubSpotData {
  return {
    owners: [
      { id: '77', email: 'priya@northwind-msp.example', firstName: 'Priya', lastName: 'Nair' },
      { id: '78', email: 'tom@northwind-msp.example', firstName: 'Tom', lastName: 'Okafor' },
    ],
    companies: [
      {
        id: '5001',
        properties: {
          name: 'Unknown Widgets Ltd',
          domain: 'unknown-widgets.example',
          industry: 'Wholesale',
          hs_analytics_source: 'PAID_SEARCH',
          hs_analytics_source_data_1: 'Google Ads: managed IT',
        },
      },
      {
        id: '5002',
        properties: {
          name: 'Lakeside Veterinary Clinic',
          domain: 'lakeside-vet.example',
          industry: 'Veterinary',
          hs_analytics_source: 'REFERRALS',
          hs_analytics_source_data_1: 'Referral',
        },
      },
      {
        id: '5003',
        properties: {
          name: 'Granite Peak Surveying',
          domain: 'granitepeak.example',
          hs_analytics_source: 'OFFLINE',
          hs_analytics_source_data_1: 'Trade show',
        },
      },
    ],
    contacts: [
      {
        id: '7001',
        properties: {
          firstname: 'Zed',
          lastname: 'Unknown',
          email: 'zed@unknown-widgets.example',
          jobtitle: 'Owner',
          hs_buying_role: 'DECISION_MAKER',
        },
        associations: { companies: ['5001'] },
      },
      {
        id: '7002',
        properties: {
          firstname: 'Mara',
          lastname: 'Lind',
          email: 'mara@lakeside-vet.example',
          hs_buying_role: 'CHAMPION',
        },
        associations: { companies: ['5002'] },
      },
    ],
    deals: [
      {
        id: '9001',
        properties: {
          dealname: 'Unknown Widgets - managed IT',
          amount: '1800',
          hs_mrr: '950',
          deal_currency_code: 'USD',
          dealstage: 'closedwon',
          closedate: '2026-10-02T00:00:00Z',
          hubspot_owner_id: '77',
          description: 'Managed IT for 12 seats; promised next-business-day onsite',
        },
        associations: { companies: ['5001'] },
      },
      {
        id: '9002',
        properties: {
          dealname: 'Lakeside Vet - backups',
          amount: '600',
          hs_mrr: '220',
          dealstage: 'closedwon',
          closedate: '2026-06-15T00:00:00Z',
          hubspot_owner_id: '78',
        },
        associations: { companies: ['5002'] },
      },
      {
        id: '9003',
        properties: {
          dealname: 'Granite Peak - firewall',
          amount: '2400',
          dealstage: 'appointmentscheduled',
          hubspot_owner_id: '78',
        },
        associations: { companies: ['5003'] },
      },
    ],
    notes: [
      {
        id: '3001',
        properties: {
          hs_note_body:
            '<p>Zed was <b>burned by their last IT guy</b>.</p><p>Promised a 4-hour response on the warehouse scanners.</p>',
          hs_timestamp: '2026-10-01T15:00:00Z',
          hubspot_owner_id: '77',
        },
        associations: { companies: ['5001'], deals: ['9001'] },
      },
    ],
  };
}
