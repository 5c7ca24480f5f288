/** The sample MSP's sales team and its twelve campaigns. */

export const REPS = {
  priya: 'Priya Nair',
  marcus: 'Marcus Lee',
  diego: 'Diego Alvarez',
  rachel: 'Rachel Goldberg',
  aisha: 'Aisha Rahman',
  felix: 'Felix Hartmann',
} as const;

export interface CampaignSpec {
  sourceId: string;
  name: string;
  channel: string;
  startDate: string;
  endDate?: string;
  cost: number;
  owner: string;
  /** What a deal from this campaign puts in leadSource. */
  leadSource: string;
  /** How a rep mentions it in a note. */
  phrase: string;
  phraseDe?: string;
  /**
   * Tickets a customer won by this campaign opens in 90 days, on average (the sample tickets in
   * sources/sample/tickets.ts). Customers who found us searching "IT support near me" had no
   * one looking after their IT before and need clearly more support than the rest.
   */
  ticketsPer90Days: number;
}

export const CAMPAIGNS: CampaignSpec[] = [
  {
    sourceId: 'camp-referral',
    name: 'Client Referral Program',
    channel: 'referral',
    startDate: '2023-03-01',
    cost: 12000,
    owner: 'Jenna Kowalski',
    leadSource: 'Referral',
    phrase: 'a referral from one of our clients',
    ticketsPer90Days: 2.4,
  },
  {
    sourceId: 'camp-google-ads',
    name: "Google Ads - 'IT support near me'",
    channel: 'google ads',
    startDate: '2023-04-03',
    endDate: '2024-12-31',
    cost: 42800,
    owner: 'Ben Adeyemi',
    leadSource: 'Paid search',
    phrase: 'a Google search for IT support',
    ticketsPer90Days: 6.5,
  },
  {
    sourceId: 'camp-seo-hipaa',
    name: 'HIPAA Checklist for Small Clinics (guide)',
    channel: 'seo/content',
    startDate: '2023-06-12',
    cost: 14200,
    owner: 'Ben Adeyemi',
    leadSource: 'Organic search',
    phrase: 'our HIPAA checklist (downloaded it, then called)',
    ticketsPer90Days: 2.8,
  },
  {
    sourceId: 'camp-cold-email-mfg',
    name: 'Cold Email - Shop-Floor Downtime Audit',
    channel: 'cold email',
    startDate: '2023-08-14',
    endDate: '2023-12-15',
    cost: 3900,
    owner: 'Diego Alvarez',
    leadSource: 'Outbound email',
    phrase: 'the downtime-audit cold email, believe it or not',
    ticketsPer90Days: 2.2,
  },
  {
    sourceId: 'camp-webinar-legal',
    name: 'Legal Tech Webinar Series',
    channel: 'webinar',
    startDate: '2024-02-06',
    endDate: '2024-06-25',
    cost: 7200,
    owner: 'Ben Adeyemi',
    leadSource: 'Webinar',
    phrase: 'the legal tech webinar',
    ticketsPer90Days: 2.6,
  },
  {
    sourceId: 'camp-partner-m365',
    name: 'Microsoft 365 Business Premium Co-Sell',
    channel: 'partner',
    startDate: '2024-04-01',
    endDate: '2025-06-30',
    cost: 9500,
    owner: 'Jenna Kowalski',
    leadSource: 'Partner',
    phrase: 'the Microsoft co-sell program',
    phraseDe: 'das Co-Selling mit Microsoft',
    ticketsPer90Days: 2.0,
  },
  {
    sourceId: 'camp-linkedin-cfo',
    name: 'LinkedIn Ads - Cyber Insurance Checklist for CFOs',
    channel: 'linkedin ads',
    startDate: '2024-09-09',
    endDate: '2025-03-31',
    cost: 23400,
    owner: 'Ben Adeyemi',
    leadSource: 'LinkedIn',
    phrase: 'the cyber-insurance checklist ad on LinkedIn',
    ticketsPer90Days: 2.3,
  },
  {
    sourceId: 'camp-tradeshow-itsa',
    name: 'it-sa Nürnberg 2024 Booth',
    channel: 'trade show',
    startDate: '2024-10-22',
    endDate: '2024-10-24',
    cost: 31000,
    owner: 'Lena Vogt',
    leadSource: 'Trade show',
    phrase: 'our booth at it-sa in Nürnberg',
    phraseDe: 'unseren Messestand auf der it-sa',
    ticketsPer90Days: 2.5,
  },
  {
    sourceId: 'camp-postcard-dental',
    name: 'Spring Dental Postcard Mailer 2025',
    channel: 'postcard mailer',
    startDate: '2025-01-15',
    endDate: '2025-04-30',
    cost: 18500,
    owner: 'Jenna Kowalski',
    leadSource: 'Direct mail',
    phrase: 'the spring dental postcard',
    ticketsPer90Days: 2.9,
  },
  {
    sourceId: 'camp-tradeshow-accountex',
    name: 'Accountex London 2025 Stand',
    channel: 'trade show',
    startDate: '2025-05-14',
    endDate: '2025-05-15',
    cost: 21600,
    owner: 'Aisha Rahman',
    leadSource: 'Trade show',
    phrase: 'our stand at Accountex',
    ticketsPer90Days: 2.1,
  },
  {
    sourceId: 'camp-event-nonprofit',
    name: 'Nonprofit Tech Day 2025 - Gold Sponsor',
    channel: 'event sponsorship',
    startDate: '2025-05-15',
    endDate: '2025-05-15',
    cost: 15000,
    owner: 'Jenna Kowalski',
    leadSource: 'Event',
    phrase: 'Nonprofit Tech Day (they stopped by our table)',
    ticketsPer90Days: 2.7,
  },
  {
    sourceId: 'camp-webinar-ransomware',
    name: 'Ransomware Readiness Webinar 2026',
    channel: 'webinar',
    startDate: '2026-02-10',
    endDate: '2026-04-28',
    cost: 5600,
    owner: 'Ben Adeyemi',
    leadSource: 'Webinar',
    phrase: 'the ransomware readiness webinar',
    ticketsPer90Days: 2.2,
  },
];
const campaignBySourceId = new Map(CAMPAIGNS.map((c) => [c.sourceId, c]));
export function campaignSpec(sourceId: string): CampaignSpec {
  return campaignBySourceId.get(sourceId)!;
}
