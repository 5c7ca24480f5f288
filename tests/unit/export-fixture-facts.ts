// Per fixture set in tests/fixtures/csv: the files imported together into an empty Backstory and
// every field a technician needs that they carry (issue 19). Values are read off the fixture rows;
// where a file has no column for a field (HubSpot deals have no campaign, Autotask's template no
// amount), the field is absent here and checked absent where the checker can (lead source, campaign).
// A cost or amount written with "$" alone names no currency: a campaign keeps none, a deal USD.
import type { Landed } from './export-fixtures';

export interface FixtureSet {
  /** Paths under tests/fixtures/csv, imported together in this order. */
  files: string[];
  /** How to read day/month dates a file's columns leave ambiguous (Zoho writes the user's format). */
  dateOrder?: Record<string, 'mdy' | 'dmy'>;
  landed: Landed;
}

const SF = 'salesforce-data-export/';

export const FIXTURE_SETS: Record<string, FixtureSet> = {
  'HubSpot companies': {
    files: ['hubspot-companies.csv'],
    landed: {
      counts: { accounts: 4, notes: 0 },
      accounts: [
        {
          name: 'Harbor Dental Group',
          sourceId: '18200311',
          domains: ['harbordental.example'],
          leadSource: 'Offline Sources / Postcard mailer',
          owner: 'Dana Whitfield',
          industry: 'Hospital & Health Care',
        },
        {
          name: 'Pinecrest Veterinary Clinic',
          domains: ['pinecrestvet.example'],
          leadSource: 'Referrals / Harbor Dental Group',
          owner: 'Dana Whitfield',
          industry: 'Veterinary',
        },
        {
          name: 'Lakeside Law LLP',
          domains: ['lakesidelaw.example'],
          leadSource: 'Organic Search',
          owner: 'Marcus Oyelaran',
          industry: 'Law Practice',
        },
        {
          name: 'Northwind Accounting, Inc.',
          domains: ['northwind-cpa.example'],
          leadSource: 'Paid Search / google ads',
          owner: 'Marcus Oyelaran',
          industry: 'Accounting',
        },
      ],
    },
  },
  'HubSpot contacts, standing alone': {
    files: ['hubspot-contacts.csv'],
    landed: {
      counts: { accounts: 3, contacts: 3 },
      accounts: [
        { name: 'Harbor Dental Group', leadSource: 'Offline Sources / Postcard mailer' },
        { name: 'Pinecrest Veterinary Clinic', leadSource: 'Referrals / Harbor Dental Group' },
        { name: 'Lakeside Law LLP', leadSource: 'Organic Search' },
      ],
      contacts: [
        {
          name: 'Priya Raman',
          account: 'Harbor Dental Group',
          email: 'priya.raman@harbordental.example',
          title: 'Practice Manager',
          leadSource: 'Offline Sources / Postcard mailer',
        },
        {
          name: 'Tom Kessler',
          account: 'Pinecrest Veterinary Clinic',
          email: 'tom@pinecrestvet.example',
          title: 'Owner',
          leadSource: 'Referrals / Harbor Dental Group',
        },
        {
          name: 'Alicia Moreno',
          account: 'Lakeside Law LLP',
          email: 'amoreno@lakesidelaw.example',
          title: 'Office Administrator',
          leadSource: 'Organic Search',
        },
      ],
    },
  },
  'HubSpot deals (older labels) with their companies': {
    files: ['hubspot-companies.csv', 'hubspot-deals.csv'],
    landed: {
      counts: { accounts: 4, deals: 3, notes: 0 },
      deals: [
        {
          name: 'Harbor Dental - managed services',
          account: 'Harbor Dental Group',
          amount: 1850,
          currency: 'USD',
          closeDate: '2023-04-20',
          stage: 'Closed Won',
          won: true,
          rep: 'Dana Whitfield',
          leadSource: 'Offline Sources',
        },
        {
          name: 'Pinecrest - server refresh',
          account: 'Pinecrest Veterinary Clinic',
          amount: 12400,
          currency: 'USD',
          closeDate: '2023-06-15',
          stage: 'Closed Won',
          won: true,
          rep: 'Dana Whitfield',
          leadSource: 'Referrals',
        },
        {
          name: 'Lakeside Law - M365 migration',
          account: 'Lakeside Law LLP',
          amount: 4500,
          currency: 'USD',
          closeDate: '2023-10-30',
          stage: 'Closed Won',
          won: true,
          rep: 'Marcus Oyelaran',
          leadSource: 'Organic Search',
        },
      ],
    },
  },
  'HubSpot deals (current labels) and notes, standing alone': {
    files: ['hubspot-deals-current.csv', 'hubspot-notes.csv'],
    landed: {
      counts: { accounts: 2, deals: 3, notes: 5 },
      accounts: [
        {
          name: 'Fairway Physiotherapy',
          sourceId: '77001',
          leadSource: 'Paid Search / google / spring-physio-ads',
          notes: [
            {
              body: 'Asked about adding backups later; sent pricing.',
              author: 'Dana Whitfield',
              date: '2024-04-03T10:10',
            },
          ],
        },
        { name: 'Quayside Marine Supply', leadSource: 'Referrals / Harbor Dental Group', notes: [] },
      ],
      deals: [
        {
          name: 'Fairway Physio - managed IT',
          account: 'Fairway Physiotherapy',
          amount: 4200,
          currency: 'USD',
          closeDate: '2024-03-28',
          stage: 'Closed Won',
          won: true,
          rep: 'Dana Whitfield',
          leadSource: 'Paid Search / google / spring-physio-ads',
          notes: [
            {
              body: 'Promised quarterly on-site visits; owner wants one invoice for all three clinics.',
              author: 'Dana Whitfield',
              date: '2024-02-12T09:30',
            },
            {
              body: 'Call notes: their old MSP never answered after 5pm.',
              author: 'Dana Whitfield',
              date: '2024-02-12T09:30',
            },
            {
              body: 'Owner confirmed the three clinics share one domain; promised the new front-desk PCs before the June audit.',
              author: 'Dana Whitfield',
              date: '2024-03-20T16:45',
            },
          ],
        },
        {
          name: 'Fairway Physio - backup add-on',
          account: 'Fairway Physiotherapy',
          amount: 950,
          currency: 'USD',
          closeDate: '2024-05-02',
          stage: 'Closed Lost',
          won: false,
          rep: 'Dana Whitfield',
          leadSource: 'Offline Sources / Postcard mailer',
          notes: [],
        },
        {
          name: 'Quayside Marine - Wi-Fi survey',
          account: 'Quayside Marine Supply',
          amount: 1250.5,
          currency: 'USD',
          closeDate: '2024-06-14',
          stage: 'Closed Won',
          won: true,
          rep: 'Marcus Oyelaran',
          leadSource: 'Referrals / Harbor Dental Group',
          notes: [
            {
              body: 'Site survey for the boat shed; needs outdoor APs.',
              author: 'Marcus Oyelaran',
              date: '2024-05-20T15:45',
            },
          ],
        },
      ],
    },
  },
  'Salesforce reports: accounts, campaigns, contacts and opportunities': {
    files: [
      'salesforce-accounts.csv',
      'salesforce-campaigns.csv',
      'salesforce-contacts.csv',
      'salesforce-opportunities.csv',
    ],
    landed: {
      counts: { accounts: 3, campaigns: 3, contacts: 2, deals: 3, notes: 0 },
      accounts: [
        {
          name: 'Copperfield Logistics',
          sourceId: '0015g00000AbCdE',
          domains: ['copperfield-logistics.example'],
          leadSource: 'Trade Show',
          owner: 'Jordan Blake',
          industry: 'Transportation',
        },
        {
          name: 'Birchwood Schools',
          domains: ['birchwood.example'],
          leadSource: 'Webinar',
          owner: 'Sam Ortiz',
          industry: 'Education',
        },
        {
          name: 'Ostrander & Pike Architects',
          domains: ['ostranderpike.example'],
          leadSource: 'Partner Referral',
          owner: 'Sam Ortiz',
          industry: 'Architecture',
        },
      ],
      campaigns: [
        {
          name: 'Spring Logistics Expo 2024',
          channel: 'Trade Show',
          startDate: '2024-03-12',
          endDate: '2024-03-14',
          cost: 7420.5,
          owner: 'Jordan Blake',
        },
        {
          name: 'Backup Basics Webinar',
          channel: 'Webinar',
          startDate: '2024-09-10',
          endDate: '2024-09-10',
          cost: 380,
          owner: 'Sam Ortiz',
        },
        {
          name: 'Dental Postcard Mailer Q1',
          channel: 'Direct Mail',
          startDate: '2024-01-08',
          endDate: '2024-02-28',
          cost: 1940,
          owner: 'Jordan Blake',
        },
      ],
      contacts: [
        {
          name: 'Renee Albright',
          account: 'Copperfield Logistics',
          email: 'renee.albright@copperfield-logistics.example',
          title: 'Operations Director',
          phone: '(555) 010-2231',
          leadSource: 'Trade Show',
        },
        {
          name: 'Kofi Mensah',
          account: 'Birchwood Schools',
          email: 'kmensah@birchwood.example',
          title: 'IT Coordinator',
          phone: '555-010-7781',
          leadSource: 'Webinar',
        },
      ],
      deals: [
        {
          name: 'Copperfield - helpdesk plan',
          account: 'Copperfield Logistics',
          amount: 2300,
          currency: 'USD',
          closeDate: '2024-03-28',
          stage: 'Closed Won',
          won: true,
          rep: 'Jordan Blake',
          leadSource: 'Trade Show',
          campaign: 'Spring Logistics Expo 2024',
        },
        {
          name: 'Copperfield - firewall',
          account: 'Copperfield Logistics',
          amount: 6750,
          currency: 'USD',
          closeDate: '2024-05-02',
          stage: 'Closed Won',
          won: true,
          rep: 'Jordan Blake',
          leadSource: 'Existing Customer',
        },
        {
          name: 'Birchwood Schools - backup',
          account: 'Birchwood Schools',
          amount: 9100,
          currency: 'USD',
          closeDate: '2024-11-15',
          stage: 'Negotiation',
          won: false,
          rep: 'Sam Ortiz',
          leadSource: 'Webinar',
          campaign: 'Backup Basics Webinar',
        },
      ],
    },
  },
  'Salesforce formatted report, standing alone': {
    files: ['salesforce-opportunities-formatted.csv'],
    landed: {
      counts: { accounts: 2, deals: 2, campaigns: 0 },
      accounts: [
        { name: 'Ostrander & Pike Architects', leadSource: 'Partner Referral' },
        { name: 'Copperfield Logistics', leadSource: 'Existing Customer' },
      ],
      deals: [
        {
          name: 'Ostrander - CAD workstation refresh',
          account: 'Ostrander & Pike Architects',
          amount: 14800,
          currency: 'USD',
          closeDate: '2024-02-29',
          stage: 'Closed Won',
          won: true,
          rep: 'Sam Ortiz',
          leadSource: 'Partner Referral',
        },
        {
          name: 'Copperfield - firewall',
          account: 'Copperfield Logistics',
          amount: 6750,
          currency: 'USD',
          closeDate: '2024-05-02',
          stage: 'Closed Won',
          won: true,
          rep: 'Jordan Blake',
          leadSource: 'Existing Customer',
        },
      ],
    },
  },
  'Salesforce Data Export, every file': {
    files: [
      `${SF}Account.csv`,
      `${SF}Contact.csv`,
      `${SF}Opportunity.csv`,
      `${SF}Campaign.csv`,
      `${SF}Note.csv`,
      `${SF}User.csv`,
      `${SF}OpportunityContactRole.csv`,
    ],
    landed: {
      counts: { accounts: 2, contacts: 3, campaigns: 1, deals: 2, notes: 4 },
      accounts: [
        {
          name: 'Copperfield Logistics',
          sourceId: '0015g00000QxAAA',
          domains: ['copperfield-logistics.example'],
          leadSource: 'Trade Show',
          owner: 'Jordan Blake',
          industry: 'Transportation',
          notes: [
            {
              body: 'Three warehouses; night shift calls the help desk from the dock office.',
              author: 'Jordan Blake',
              date: '2024-01-15T14:02:11Z',
            },
          ],
        },
        {
          name: 'Birchwood Schools',
          domains: ['birchwood.example'],
          leadSource: 'Web',
          owner: 'Sam Ortiz',
          industry: 'Education',
          notes: [
            { body: 'Budget\nBoard votes on IT budget every June.', author: 'Sam Ortiz', date: '2024-09-03T08:00:00Z' },
          ],
        },
      ],
      contacts: [
        {
          name: 'Renee Okafor',
          account: 'Copperfield Logistics',
          email: 'renee.okafor@copperfield-logistics.example',
          title: 'Operations Manager',
          phone: '+1 555 0100',
          role: 'decision maker',
          leadSource: 'Trade Show',
        },
        {
          name: 'Marta Lindqvist',
          account: 'Birchwood Schools',
          email: 'm.lindqvist@birchwood.example',
          title: 'IT Coordinator',
          role: 'technical buyer',
          leadSource: 'Web',
        },
        {
          name: 'Paulo Duarte',
          account: 'Copperfield Logistics',
          email: 'paulo.duarte@copperfield-logistics.example',
          title: 'Night Shift Lead',
          role: 'influencer',
        },
      ],
      campaigns: [
        {
          name: 'Spring Logistics Expo 2024',
          channel: 'Trade Show',
          startDate: '2024-03-12',
          endDate: '2024-03-14',
          cost: 7420.5,
          owner: 'Jordan Blake',
        },
      ],
      deals: [
        {
          name: 'Copperfield - helpdesk plan',
          account: 'Copperfield Logistics',
          amount: 2300,
          currency: 'USD',
          closeDate: '2024-03-28',
          stage: 'Closed Won',
          won: true,
          rep: 'Jordan Blake',
          leadSource: 'Trade Show',
          campaign: 'Spring Logistics Expo 2024',
          notes: [
            {
              body: 'Help desk for 40 seats, 24x7 for the dock office. Promised a named engineer.',
              author: 'Jordan Blake',
              date: '2024-02-10T10:00:00Z',
            },
            {
              body: 'Kick-off\nDock office printer is on its own VLAN; do not touch it without calling Renee.',
              author: 'Jordan Blake',
              date: '2024-04-02T16:20:00Z',
            },
          ],
        },
        {
          name: 'Birchwood Schools - backup',
          account: 'Birchwood Schools',
          amount: 9100,
          currency: 'USD',
          closeDate: '2024-11-15',
          stage: 'Closed Lost',
          won: false,
          rep: 'Sam Ortiz',
          leadSource: 'Web',
          notes: [],
        },
      ],
    },
  },
  'Pipedrive organizations, people, deals and notes': {
    files: ['pipedrive/organizations.csv', 'pipedrive/people.csv', 'pipedrive/deals.csv', 'pipedrive/notes.csv'],
    landed: {
      counts: { accounts: 3, contacts: 2, deals: 3, notes: 2, campaigns: 0 },
      accounts: [
        {
          name: 'Fjord Freight AS',
          sourceId: '41',
          domains: ['fjordfreight.example'],
          owner: 'Ingrid Solberg',
          industry: 'Logistics',
          leadSource: 'Marketing campaign / Paid search',
          notes: [],
        },
        {
          name: 'Kestrel Optometry',
          sourceId: '42',
          domains: ['kestrel-eyes.example'],
          owner: 'Ingrid Solberg',
          industry: 'Healthcare',
          leadSource: 'Manually created / Referral',
          notes: [
            { body: 'Owner prefers phone calls to email.', author: 'Ingrid Solberg', date: '2024-07-02T10:00:00' },
          ],
        },
        { name: 'Solheim Bakeri', leadSource: 'Web forms / Organic search' },
      ],
      contacts: [
        {
          name: 'Lars Berg',
          account: 'Fjord Freight AS',
          email: 'lars.berg@fjordfreight.example',
          title: 'IT manager',
          phone: '+47 555 01 234',
        },
        { name: 'Ana Kestrel', account: 'Kestrel Optometry', email: 'ana@kestrel-eyes.example', title: 'Owner' },
      ],
      deals: [
        {
          name: 'Fjord Freight - managed network',
          account: 'Fjord Freight AS',
          amount: 12400,
          currency: 'EUR',
          closeDate: '2024-04-18',
          stage: 'Won',
          won: true,
          rep: 'Ingrid Solberg',
          leadSource: 'Marketing campaign / Paid search',
          notes: [
            {
              body: 'Warehouse scanners must stay on the 2.4 GHz network; promised a weekend cut-over.',
              author: 'Ingrid Solberg',
              date: '2024-04-19T08:45:00',
            },
          ],
        },
        {
          name: 'Kestrel Optometry - M365 migration',
          account: 'Kestrel Optometry',
          amount: 3800,
          currency: 'EUR',
          closeDate: '2024-09-30',
          stage: 'Proposal made',
          won: false,
          rep: 'Ingrid Solberg',
          leadSource: 'Manually created / Referral',
        },
        {
          name: 'Solheim Bakery - POS network',
          account: 'Solheim Bakeri',
          amount: 1500,
          currency: 'EUR',
          closeDate: '2024-05-20',
          stage: 'Lost',
          won: false,
          rep: 'Ingrid Solberg',
          leadSource: 'Web forms / Organic search',
        },
      ],
    },
  },
  'Zoho CRM accounts, contacts, deals and notes': {
    files: ['zoho-accounts.csv', 'zoho-contacts.csv', 'zoho-deals.csv', 'zoho-notes.csv'],
    dateOrder: { 'zoho-accounts.csv': 'dmy', 'zoho-notes.csv': 'dmy' },
    landed: {
      counts: { accounts: 2, contacts: 2, campaigns: 1, deals: 2, notes: 4 },
      accounts: [
        {
          name: 'Harborview Veterinary',
          sourceId: 'zcrm_5725767000000311001',
          domains: ['harborview-vet.example'],
          industry: 'Veterinary',
          owner: 'Priya Nair',
          // Named by a deal and by contacts, none its own: the first deal's (deals resolve before
          // contacts); the contacts keep their own "Trade Show".
          leadSource: 'Advertisement',
          notes: [
            {
              body: 'Two clinics; the practice manager, Moira, decides on IT.',
              author: 'Priya Nair',
              date: '2024-01-10T14:00',
            },
            { body: 'Renewal\nRenewal conversation due in March.', author: 'Priya Nair', date: '2024-04-05T11:00' },
          ],
        },
        { name: 'Thistle Accounting Ltd', leadSource: 'Cold Call', notes: [] },
      ],
      contacts: [
        {
          name: 'Moira Kennedy',
          account: 'Harborview Veterinary',
          email: 'moira.kennedy@harborview-vet.example',
          title: 'Practice Manager',
          phone: '+44 20 7946 0958',
          leadSource: 'Trade Show',
        },
        {
          name: 'Tomasz Nowak',
          account: 'Harborview Veterinary',
          email: 't.nowak@harborview-vet.example',
          title: 'Head Vet',
          leadSource: 'Trade Show',
        },
      ],
      campaigns: [{ name: 'Vet Clinics Webinar 2024' }],
      deals: [
        {
          name: 'Harborview Vet - managed IT',
          account: 'Harborview Veterinary',
          amount: 5600,
          currency: 'GBP',
          closeDate: '2024-03-28',
          stage: 'Closed Won',
          won: true,
          rep: 'Priya Nair',
          leadSource: 'Advertisement',
          campaign: 'Vet Clinics Webinar 2024',
          notes: [
            {
              body: 'Promised same-day response for the X-ray workstation.',
              author: 'Priya Nair',
              date: '2024-02-15T10:12',
            },
            {
              body: 'Kick-off call\nServer room key is with reception.',
              author: 'Priya Nair',
              date: '2024-04-02T09:15',
            },
          ],
        },
        {
          name: 'Thistle Accounting - backup',
          account: 'Thistle Accounting Ltd',
          amount: 1200,
          currency: 'GBP',
          closeDate: '2024-11-04',
          stage: 'Closed Lost',
          won: false,
          rep: 'Priya Nair',
          leadSource: 'Cold Call',
          notes: [],
        },
      ],
    },
  },
  'Dynamics 365 Sales accounts and opportunities': {
    files: ['dynamics-accounts.csv', 'dynamics-opportunities.csv'],
    landed: {
      counts: { accounts: 2, deals: 2, campaigns: 1, notes: 2 },
      accounts: [
        {
          name: 'Alder Street Dental',
          sourceId: '5d2e7b10-6b1e-ef11-840a-000d3a1b2c3d',
          domains: ['alderstreetdental.example'],
          industry: 'Health Care',
          owner: 'Chris Mbeki',
          notes: [
            {
              body: 'Front desk runs Dentrix; the owner wants a single monthly invoice.',
              author: 'Chris Mbeki',
              date: '2024-01-15T14:30',
            },
          ],
        },
        { name: 'Birch & Co Accountants', notes: [] },
      ],
      deals: [
        {
          name: 'Alder Street Dental - managed IT',
          account: 'Alder Street Dental',
          amount: 7900,
          currency: 'USD',
          closeDate: '2024-03-28',
          stage: 'Won',
          won: true,
          rep: 'Chris Mbeki',
          campaign: 'Dental Expo 2024',
          notes: [
            {
              body: 'Promised a loan laptop within 4 hours if a front-desk PC fails.',
              author: 'Chris Mbeki',
              date: '2024-02-01T09:00',
            },
          ],
        },
        {
          name: 'Birch & Co - firewall',
          account: 'Birch & Co Accountants',
          amount: 3100,
          currency: 'USD',
          closeDate: '2024-06-30',
          stage: 'Open',
          won: false,
          rep: 'Chris Mbeki',
          notes: [],
        },
      ],
    },
  },
  'ConnectWise PSA companies and opportunities': {
    files: ['connectwise-companies.csv', 'connectwise-opportunities.csv'],
    landed: {
      counts: { accounts: 3, deals: 3, campaigns: 1, notes: 0 },
      accounts: [
        {
          name: 'Harbor Dental Group',
          sourceId: 'HarborDental',
          domains: ['harbordental.example'],
          leadSource: 'Postcard mailer',
          owner: 'Dana Whitfield',
          industry: 'Healthcare',
        },
        {
          name: 'Greenfield Auto Body',
          domains: ['greenfieldauto.example'],
          leadSource: 'Referral',
          owner: 'Marcus Oyelaran',
          industry: 'Automotive',
        },
        {
          name: "Miller's Café & Bakery",
          domains: [],
          leadSource: 'Walk-in',
          owner: 'Dana Whitfield',
          industry: 'Hospitality',
        },
      ],
      deals: [
        {
          name: 'Managed services - 25 seats',
          account: 'Harbor Dental Group',
          amount: 0,
          recurring: 1850,
          currency: 'USD',
          closeDate: '2023-04-20',
          stage: 'Won',
          won: true,
          rep: 'Dana Whitfield',
          leadSource: 'Postcard mailer',
          campaign: 'Dental Postcard Mailer',
        },
        {
          name: 'Body shop Wi-Fi upgrade',
          account: 'Greenfield Auto Body',
          amount: 3200,
          recurring: 0,
          currency: 'USD',
          closeDate: '2024-08-01',
          stage: '3.Proposal',
          won: false,
          rep: 'Marcus Oyelaran',
          leadSource: 'Referral',
        },
        {
          name: 'POS network cabling',
          account: "Miller's Café & Bakery",
          amount: 950,
          currency: 'USD',
          closeDate: '2024-09-30',
          stage: '1.Prospect',
          won: false,
          rep: 'Dana Whitfield',
          leadSource: 'Walk-in',
        },
      ],
    },
  },
  'Autotask organizations and opportunities': {
    files: ['autotask-organizations.csv', 'autotask-opportunities.csv'],
    landed: {
      counts: { accounts: 3, deals: 3, notes: 2 },
      accounts: [
        { name: 'Harbourside Dental Group', sourceId: '29683512', notes: [] },
        { name: 'Kestrel Engineering Ltd', sourceId: '29683540', notes: [] },
        { name: 'Moorfield Bakery', notes: [] },
      ],
      // The opportunity template has no amount, stage, close date or owner column (autotask.ts).
      deals: [
        {
          name: 'Harbourside - managed backup',
          account: 'Harbourside Dental Group',
          currency: 'USD',
          stage: '',
          won: false,
          notes: [{ body: 'Nightly image backup of the imaging server; promised restore tests every quarter.' }],
        },
        {
          name: 'Kestrel - firewall refresh',
          account: 'Kestrel Engineering Ltd',
          currency: 'USD',
          stage: '',
          won: false,
          notes: [],
        },
        {
          name: 'Moorfield Bakery - onboarding',
          account: 'Moorfield Bakery',
          currency: 'USD',
          stage: '',
          won: false,
          notes: [{ body: 'Two sites; the owner wants one invoice for both.' }],
        },
      ],
    },
  },
  'HaloPSA clients, opportunities and notes': {
    files: ['halopsa-clients.csv', 'halopsa-opportunities.csv', 'halopsa-notes.csv'],
    landed: {
      counts: { accounts: 3, deals: 3, notes: 4 },
      accounts: [
        {
          name: 'Larchmont Veterinary Clinic',
          sourceId: '12',
          domains: ['larchmontvets.example'],
          industry: 'Healthcare',
          owner: 'Oliver Grant',
          leadSource: 'Referral',
          notes: [
            {
              body: 'Signed for managed IT after a ransomware scare; promised same-day callbacks for the surgery PCs.',
              author: 'Oliver Grant',
              date: '2023-06-12T09:14:00',
            },
            {
              body: 'Renewal call\nAsked for a second site next spring; reminded them the callback promise covers only the surgery PCs.',
              date: '2024-04-15T14:20:00',
            },
          ],
        },
        {
          name: 'Tideway Architects',
          domains: ['tideway-arch.example'],
          industry: 'Professional Services',
          owner: 'Priya Nair',
          leadSource: 'Trade show',
          notes: [],
        },
        { name: 'Saltmarsh Brewing Co', leadSource: 'Website', notes: [] },
      ],
      deals: [
        {
          name: 'Larchmont - managed IT',
          account: 'Larchmont Veterinary Clinic',
          amount: 8400,
          currency: 'USD',
          closeDate: '2024-03-28',
          stage: 'Won',
          won: true,
          rep: 'Oliver Grant',
          leadSource: 'Referral',
          notes: [
            {
              body: 'Managed IT for 14 seats and the two surgery PCs; promised a quarterly on-site visit.',
              author: 'Oliver Grant',
              date: '2024-02-02T11:40:00',
            },
          ],
        },
        {
          name: 'Tideway - Microsoft 365 migration',
          account: 'Tideway Architects',
          amount: 3200,
          currency: 'USD',
          closeDate: '2024-05-02',
          stage: 'Lost',
          won: false,
          rep: 'Priya Nair',
          leadSource: 'Trade show',
          notes: [],
        },
        {
          name: 'Saltmarsh Brewing - backup',
          account: 'Saltmarsh Brewing Co',
          amount: 1500,
          currency: 'USD',
          closeDate: '2024-09-30',
          stage: 'Open',
          won: false,
          rep: 'Oliver Grant',
          leadSource: 'Website',
          notes: [{ body: "Offsite backup of the brewery's SCADA server.", author: 'Oliver Grant' }],
        },
      ],
    },
  },
  "Backstory's template: accounts and notes saved by a European Excel": {
    files: ['backstory-accounts.csv', 'backstory-notes-semicolon.csv'],
    landed: {
      counts: { accounts: 3, notes: 3 },
      accounts: [
        {
          name: 'Harbor Dental Group',
          sourceId: 'acc-1',
          domains: ['harbordental.example', 'hdg-mail.example'],
          leadSource: 'Postcard mailer',
          owner: 'Dana Whitfield',
          industry: 'Dental',
          notes: [
            {
              body: 'Promised 1-hour response on the dental scheduler (Dentrix); owner Dr. Hale is very particular.',
              author: 'Dana Whitfield',
              date: '2023-04-20',
            },
          ],
        },
        {
          name: 'Pinecrest Veterinary Clinic',
          domains: ['pinecrestvet.example'],
          leadSource: 'Referral',
          owner: 'Dana Whitfield',
          notes: [
            {
              body: 'Referred by Harbor Dental. Server refresh budget 12.400 €',
              author: 'Dana Whitfield',
              date: '2023-06-15',
            },
          ],
        },
        {
          name: 'Lakeside Law, LLP',
          domains: ['lakesidelaw.example'],
          leadSource: 'Organic search',
          owner: 'Marcus Oyelaran',
          notes: [
            {
              body: 'Migration went long; they still remember. Be careful with the "archive" mailbox.',
              author: 'Marcus Oyelaran',
              date: '2023-10-30',
            },
          ],
        },
      ],
    },
  },
};
