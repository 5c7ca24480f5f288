/**
 * Built-in sample data: the sales backstory of "Northwind Managed IT", a fictional MSP with
 * offices in Portland (OR), Columbus (OH), Leeds (UK) and Stuttgart (DE).
 *
 * Everything is generated from the small tables below with a seeded PRNG, so every call returns
 * the same records (tests and screenshots rely on it). Four accounts are written out by hand
 * because tests and the help-desk fixtures in tests/fixtures/ refer to them: see SAMPLE_FIXED.
 * All people, companies and domains are made up; phone numbers use fictional ranges.
 */
import {
  CONTACT_ROLES,
  recordId,
  type Account,
  type Campaign,
  type Contact,
  type Deal,
  type Note,
  type RecordSet,
} from '@/core/model';
import { fnv1a } from '@/core/hash';

const SOURCE = 'sample';
const sid = (sourceId: string) => recordId(SOURCE, sourceId);

/** "Today" for the sample world: nothing closes or gets written after it. */
const TODAY = '2026-11-20';

/** The hand-written records tests and fixtures rely on. Do not change these values. */
export const SAMPLE_FIXED = {
  acme: {
    accountSourceId: 'acct-acme',
    accountId: sid('acct-acme'),
    name: 'Acme Dental Group',
    alias: 'ADG',
    domain: 'acmedental.com',
    contacts: {
      dana: { name: 'Dana Whitfield', email: 'dana@acmedental.com', role: 'decision maker' },
      sam: { name: 'Sam Ortiz', email: 'sam.ortiz@acmedental.com', role: 'end user' },
    },
    dealSourceId: 'deal-acme',
    dealId: sid('deal-acme'),
    dealName: 'Managed IT Essentials - Dental (18 seats)',
    salesRep: 'Priya Nair',
    campaignSourceId: 'camp-postcard-dental',
    campaignId: sid('camp-postcard-dental'),
    campaignName: 'Spring Dental Postcard Mailer 2025',
    pinnedNote:
      'Dr. Whitfield was burned by their last MSP: scheduler down for two days. Promised 1-hour response on Dentrix issues. Keep her in the loop personally.',
  },
  baker: {
    accountSourceId: 'acct-baker',
    accountId: sid('acct-baker'),
    name: 'Baker & Price LLP',
    domain: 'bakerprice.law',
    contacts: {
      helen: { name: 'Helen Baker', email: 'helen@bakerprice.law', role: 'decision maker' },
    },
    dealSourceId: 'deal-baker',
    dealId: sid('deal-baker'),
    salesRep: 'Marcus Lee',
    campaignSourceId: 'camp-webinar-legal',
    campaignId: sid('camp-webinar-legal'),
    campaignName: 'Legal Tech Webinar Series',
  },
  mueller: {
    accountSourceId: 'acct-mueller',
    accountId: sid('acct-mueller'),
    name: 'Müller & Söhne GmbH',
    domain: 'mueller-soehne.de',
    dealSourceId: 'deal-mueller',
    dealId: sid('deal-mueller'),
    currency: 'EUR',
    campaignSourceId: 'camp-tradeshow-itsa',
    campaignId: sid('camp-tradeshow-itsa'),
  },
  riverside: {
    accountSourceId: 'acct-riverside',
    accountId: sid('acct-riverside'),
    name: 'Riverside Family Clinic',
    domain: 'riversideclinic.org',
    contacts: {
      tom: { name: 'Tom Becker', email: 'tom.becker@riversideclinic.org', role: 'billing' },
    },
    dealSourceId: 'deal-riverside',
    dealId: sid('deal-riverside'),
    campaignSourceId: 'camp-referral',
    campaignId: sid('camp-referral'),
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Randomness and dates

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so each account gets its own stream and editing one table row moves nothing else. */
const hash = fnv1a;

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const DAY_MS = 86_400_000;
function toDays(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}
function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
function monthName(iso: string): string {
  return MONTHS[Number(iso.slice(5, 7)) - 1]!;
}
function prettyDate(iso: string): string {
  return `${monthName(iso).slice(0, 3)} ${Number(iso.slice(8, 10))}`;
}
function quarterOf(iso: string): string {
  return `Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1} ${iso.slice(0, 4)}`;
}

function money(value: number, currency: string): string {
  const digits = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, currency === 'EUR' ? '.' : ',');
  if (currency === 'EUR') return `${digits} €`;
  return `${currency === 'GBP' ? '£' : '$'}${digits}`;
}

/** ASCII for email local parts and ids: "Jürgen Öztürk" -> "juergen oeztuerk". */
function ascii(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}
function slug(text: string): string {
  return ascii(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------
// The sales team and the campaigns

type Country = 'US' | 'UK' | 'DE';

const REPS = {
  priya: 'Priya Nair',
  marcus: 'Marcus Lee',
  diego: 'Diego Alvarez',
  rachel: 'Rachel Goldberg',
  aisha: 'Aisha Rahman',
  felix: 'Felix Hartmann',
} as const;

interface CampaignSpec {
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
}

const CAMPAIGNS: CampaignSpec[] = [
  {
    sourceId: 'camp-referral',
    name: 'Client Referral Program',
    channel: 'referral',
    startDate: '2023-03-01',
    cost: 12000,
    owner: 'Jenna Kowalski',
    leadSource: 'Referral',
    phrase: 'a referral from one of our clients',
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
  },
];
const campaignBySourceId = new Map(CAMPAIGNS.map((c) => [c.sourceId, c]));
function campaignSpec(sourceId: string): CampaignSpec {
  return campaignBySourceId.get(sourceId)!;
}

// ---------------------------------------------------------------------------------------------
// Places and people

interface Place {
  country: Country;
  phone?: string;
  /** Local colour for notes. */
  team: string;
  nearby: string;
}
const PLACES: Record<string, Place> = {
  'Portland, OR': { country: 'US', phone: '503', team: 'the Timbers', nearby: 'Beaverton' },
  'Salem, OR': { country: 'US', phone: '503', team: 'the Ducks', nearby: 'Keizer' },
  'Eugene, OR': { country: 'US', phone: '541', team: 'the Ducks', nearby: 'Springfield' },
  'Bend, OR': { country: 'US', phone: '541', team: 'the Beavers', nearby: 'Redmond' },
  'Hillsboro, OR': { country: 'US', phone: '503', team: 'the Hops', nearby: 'Forest Grove' },
  'Beaverton, OR': { country: 'US', phone: '971', team: 'the Blazers', nearby: 'Tigard' },
  'Gresham, OR': { country: 'US', phone: '503', team: 'the Blazers', nearby: 'Troutdale' },
  'Lake Oswego, OR': { country: 'US', phone: '503', team: 'the Thorns', nearby: 'West Linn' },
  'Tacoma, WA': { country: 'US', phone: '253', team: 'the Seahawks', nearby: 'Puyallup' },
  'Seattle, WA': { country: 'US', phone: '206', team: 'the Mariners', nearby: 'Bellevue' },
  'Vancouver, WA': { country: 'US', phone: '360', team: 'the Timbers', nearby: 'Camas' },
  'Olympia, WA': { country: 'US', phone: '360', team: 'the Seahawks', nearby: 'Lacey' },
  'Columbus, OH': { country: 'US', phone: '614', team: 'the Buckeyes', nearby: 'Grove City' },
  'Westerville, OH': { country: 'US', phone: '614', team: 'the Blue Jackets', nearby: 'Gahanna' },
  'Dublin, OH': { country: 'US', phone: '614', team: 'the Crew', nearby: 'Powell' },
  'Dayton, OH': { country: 'US', phone: '937', team: 'the Flyers', nearby: 'Kettering' },
  'Cincinnati, OH': { country: 'US', phone: '513', team: 'the Bengals', nearby: 'Mason' },
  Leeds: { country: 'UK', phone: '0113 496', team: 'Leeds United', nearby: 'Wakefield' },
  York: { country: 'UK', phone: '01632 960', team: 'York City', nearby: 'Selby' },
  Harrogate: { country: 'UK', phone: '01632 960', team: 'Yorkshire cricket', nearby: 'Knaresborough' },
  Ilkley: { country: 'UK', phone: '01632 960', team: 'Yorkshire cricket', nearby: 'Otley' },
  Wetherby: { country: 'UK', phone: '01632 960', team: 'Leeds Rhinos', nearby: 'Boston Spa' },
  Manchester: { country: 'UK', phone: '0161 496', team: 'Man City', nearby: 'Salford' },
  Sheffield: { country: 'UK', phone: '0114 496', team: 'Sheffield Wednesday', nearby: 'Rotherham' },
  Bradford: { country: 'UK', phone: '01632 960', team: 'Bradford City', nearby: 'Shipley' },
  Wakefield: { country: 'UK', phone: '01632 960', team: 'Wakefield Trinity', nearby: 'Ossett' },
  Stuttgart: { country: 'DE', team: 'VfB Stuttgart', nearby: 'Fellbach' },
  Esslingen: { country: 'DE', team: 'VfB Stuttgart', nearby: 'Plochingen' },
  Ludwigsburg: { country: 'DE', team: 'the MHP Riesen', nearby: 'Kornwestheim' },
  Böblingen: { country: 'DE', team: 'VfB Stuttgart', nearby: 'Sindelfingen' },
  Reutlingen: { country: 'DE', team: 'VfB Stuttgart', nearby: 'Metzingen' },
  Heilbronn: { country: 'DE', team: 'the Heilbronner Falken', nearby: 'Neckarsulm' },
  Karlsruhe: { country: 'DE', team: 'Karlsruher SC', nearby: 'Ettlingen' },
};

const FIRST: Record<Country, string[]> = {
  US: [
    'Aaron',
    'Alicia',
    'Andre',
    'Beth',
    'Brianna',
    'Caleb',
    'Carmen',
    'Chris',
    'Dale',
    'Daniel',
    'Devon',
    'Elena',
    'Emily',
    'Erin',
    'Faith',
    'Gabe',
    'Grace',
    'Hector',
    'Imani',
    'Isaac',
    'Jared',
    'Jasmine',
    'Jen',
    'Jordan',
    'Kai',
    'Karen',
    'Kevin',
    'Kim',
    'Latoya',
    'Leah',
    'Luis',
    'Mara',
    'Mei',
    'Megan',
    'Mike',
    'Monica',
    'Nate',
    'Noah',
    'Olivia',
    'Omar',
    'Paula',
    'Rebecca',
    'Rosa',
    'Ryan',
    'Sara',
    'Shawn',
    'Tanya',
    'Terrence',
    'Tessa',
    'Trevor',
    'Vanessa',
    'Wes',
    'Yusuf',
    'Zoe',
    'Brandon',
    'Courtney',
    'Hannah',
    'Rick',
    'Theresa',
    'Victor',
  ],
  UK: [
    'Alistair',
    'Amelia',
    'Bethany',
    'Callum',
    'Charlotte',
    'Declan',
    'Eleanor',
    'Fiona',
    'Gareth',
    'Hannah',
    'Harriet',
    'Imran',
    'Jack',
    'Joanne',
    'Kirsty',
    'Liam',
    'Lucy',
    'Mohammed',
    'Niamh',
    'Oliver',
    'Poppy',
    'Rhys',
    'Saima',
    'Stuart',
    'Victoria',
    'Will',
    'Graham',
    'Nadia',
    'Sian',
    'Ewan',
  ],
  DE: [
    'Andreas',
    'Anja',
    'Björn',
    'Claudia',
    'Dirk',
    'Elif',
    'Florian',
    'Franziska',
    'Gerhard',
    'Hannah',
    'Jörg',
    'Jürgen',
    'Katrin',
    'Lars',
    'Lea',
    'Markus',
    'Meike',
    'Niklas',
    'Özlem',
    'Petra',
    'Ralf',
    'Stefan',
    'Tanja',
    'Thorsten',
    'Ute',
    'Sven',
    'Nicole',
    'Matthias',
  ],
};
const LAST: Record<Country, string[]> = {
  US: [
    'Abbott',
    'Alvarado',
    'Bishop',
    'Brooks',
    'Castillo',
    'Chen',
    'Cole',
    'Dawson',
    'Dominguez',
    'Ellis',
    'Foley',
    'Fujimoto',
    'Garza',
    'Greene',
    'Hale',
    'Hoang',
    'Ibarra',
    'Jacobs',
    'Jensen',
    'Kapoor',
    'Keller',
    'Kowalczyk',
    'Larsen',
    'Lopez',
    'Maddox',
    'Mendoza',
    'Morales',
    'Nakamura',
    'Nguyen',
    'Novak',
    'Olsen',
    'Park',
    'Pham',
    'Reyes',
    'Rhodes',
    'Sandoval',
    'Schultz',
    'Shah',
    'Sorensen',
    'Stewart',
    'Sullivan',
    'Takahashi',
    'Thornton',
    'Vance',
    'Walsh',
    'Washington',
    'Yates',
    'Zimmerman',
    'Okonkwo',
    'Delacroix',
  ],
  UK: [
    'Ackroyd',
    'Bairstow',
    'Barraclough',
    'Booth',
    'Crowther',
    'Dobson',
    'Greenwood',
    'Hussain',
    'Illingworth',
    'Jagger',
    'Kaur',
    'Lister',
    'Metcalfe',
    'Moorhouse',
    'Naylor',
    'Oldroyd',
    'Pickles',
    'Ramsden',
    'Shaw',
    'Sutcliffe',
    'Thackeray',
    'Whiteley',
    'Wood',
    'Akhtar',
    'Haigh',
  ],
  DE: [
    'Bauer',
    'Engel',
    'Fischer',
    'Graf',
    'Hahn',
    'Huber',
    'Jäger',
    'Klein',
    'König',
    'Lang',
    'Maier',
    'Neumann',
    'Pfeiffer',
    'Reiter',
    'Schmid',
    'Schröder',
    'Seitz',
    'Vogel',
    'Walter',
    'Wolf',
    'Yıldırım',
    'Kühn',
    'Şahin',
  ],
};

// ---------------------------------------------------------------------------------------------
// Industries

type Role = (typeof CONTACT_ROLES)[number];

interface Industry {
  label: string;
  seats: [number, number];
  /** Per-seat monthly price range in the deal currency. */
  perSeat: [number, number];
  titles: Record<Role, string[]>;
  /** Line-of-business systems by country; `{sys}` in the texts below. */
  systems: Record<Country, string[]>;
  products: string[];
  promises: string[];
  pains: string[];
  /** US campaign mix. Missing key: no campaign. */
  campaigns: Array<readonly [string, number]>;
  /** What keeps the decision maker busy in the morning. */
  busy: string;
}

const NO_CAMPAIGN = '';

const INDUSTRIES: Record<string, Industry> = {
  dental: {
    label: 'Dental practice',
    seats: [8, 30],
    perSeat: [120, 160],
    busy: 'they have patients from 7:30',
    titles: {
      'decision maker': ['Practice owner, DDS', 'Owner & lead dentist', 'Principal dentist'],
      champion: ['Office manager', 'Practice manager'],
      billing: ['Billing coordinator', 'Office manager'],
      technical: ['Office manager, handles IT', 'Treatment coordinator'],
      influencer: ['Associate dentist', 'Hygiene lead'],
      'end user': ['Front desk', 'Dental assistant', 'Hygienist'],
    },
    systems: {
      US: ['Dentrix', 'Eaglesoft', 'Open Dental', 'Dentrix Ascend'],
      UK: ['Software of Excellence', 'Dentally'],
      DE: ['Dampsoft'],
    },
    products: [
      '{sys} server hosting',
      '{sys} support',
      'imaging workstation support',
      'HIPAA risk assessment',
      'nightly backups',
      'VoIP phones',
    ],
    promises: [
      '1-hour response on the dental scheduler ({sys})',
      'Imaging PCs checked before 7am on clinic days',
      'Support during Saturday clinic hours',
      'On-site visit within 4 hours for chair-side PCs',
    ],
    pains: [
      'scheduler outages on Monday mornings',
      'imaging PCs that take ten minutes to boot',
      'nobody answering the phone at their old provider',
      'a backup that had silently failed for months',
    ],
    campaigns: [
      ['camp-postcard-dental', 60],
      ['camp-referral', 15],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  legal: {
    label: 'Law firm',
    seats: [6, 60],
    perSeat: [140, 190],
    busy: 'court calendar',
    titles: {
      'decision maker': ['Managing partner', 'Founding partner', 'Senior partner'],
      champion: ['Firm administrator', 'Office manager', 'Practice manager'],
      billing: ['Billing manager', 'Bookkeeper'],
      technical: ['Litigation support specialist', 'Firm administrator'],
      influencer: ['Senior associate', 'Partner'],
      'end user': ['Paralegal', 'Legal assistant', 'Receptionist'],
    },
    systems: {
      US: ['Clio', 'iManage', 'NetDocuments', 'PCLaw', 'Worldox'],
      UK: ['LEAP', 'Clio', 'Osprey'],
      DE: ['RA-MICRO', 'DATEV Anwalt', 'Advolux'],
    },
    products: [
      '{sys} support',
      'encrypted email',
      'document management backups',
      'remote access for attorneys',
      'phishing training',
    ],
    promises: [
      'Same-day response during trial weeks',
      '{sys} restores within 2 hours',
      'Encrypted email for client files',
      'Quarterly business review with the managing partner',
    ],
    pains: [
      'slow document searches in {sys}',
      'a spoofed email that almost redirected a settlement payment',
      'attorneys unable to reach files from court',
      'billable time lost to password lockouts',
    ],
    campaigns: [
      ['camp-webinar-legal', 55],
      ['camp-referral', 20],
      ['camp-linkedin-cfo', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  accounting: {
    label: 'Accounting',
    seats: [5, 40],
    perSeat: [130, 175],
    busy: 'client meetings first thing',
    titles: {
      'decision maker': ['Managing partner', 'Owner, CPA', 'Principal'],
      champion: ['Operations manager', 'Office manager'],
      billing: ['Controller', 'Bookkeeper'],
      technical: ['Senior accountant, IT liaison', 'Operations manager'],
      influencer: ['Tax manager', 'Partner'],
      'end user': ['Staff accountant', 'Payroll specialist', 'Seasonal tax preparer'],
    },
    systems: {
      US: ['UltraTax CS', 'Lacerte', 'CCH Axcess', 'Drake Tax', 'ProSeries'],
      UK: ['IRIS', 'CCH iFirm', 'TaxCalc', 'Xero Practice Manager'],
      DE: ['DATEV'],
    },
    products: [
      '{sys} workstation support',
      'secure client portal',
      'MFA rollout',
      'cyber-insurance questionnaire help',
      'nightly backups',
    ],
    promises: [
      'Extended hours during tax season (Feb-Apr)',
      'Priority on {sys} issues in tax season',
      'Help with the cyber-insurance questionnaire each renewal',
      'Loaner laptop within one business day',
    ],
    pains: [
      'tax-season slowdowns in {sys}',
      'a phishing scare in the middle of filing season',
      'client documents sitting in personal Dropbox accounts',
      'the cyber-insurance renewal questionnaire',
    ],
    campaigns: [
      ['camp-linkedin-cfo', 40],
      ['camp-referral', 20],
      ['camp-webinar-ransomware', 15],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  clinic: {
    label: 'Healthcare clinic',
    seats: [10, 70],
    perSeat: [135, 185],
    busy: 'morning huddle with the clinical team',
    titles: {
      'decision maker': ['Medical director', 'Clinic owner', 'Owner, DPT'],
      champion: ['Practice administrator', 'Clinic manager'],
      billing: ['Billing manager', 'Revenue cycle lead'],
      technical: ['EHR super-user', 'Clinic manager'],
      influencer: ['Nurse manager', 'Lead physician'],
      'end user': ['Front desk coordinator', 'Medical assistant', 'Scheduler'],
    },
    systems: {
      US: ['eClinicalWorks', 'athenaOne', 'WebPT', 'NextGen'],
      UK: ['Cliniko', 'Semble'],
      DE: ['Medistar', 'CGM ALBIS', 'T2med'],
    },
    products: [
      '{sys} workstation support',
      'HIPAA risk assessment',
      'fax-to-email',
      'badge-tap logins at the front desk',
      'nightly backups',
    ],
    promises: [
      '1-hour response on the EHR ({sys})',
      'Sign a BAA and run an annual HIPAA risk assessment',
      'After-hours support for the evening clinic',
      'Front-desk PCs swapped the same day if they fail',
    ],
    pains: [
      '{sys} freezing at check-in',
      'findings from a HIPAA audit',
      'shared logins at the front desk',
      'a fax server that failed every other week',
    ],
    campaigns: [
      ['camp-seo-hipaa', 45],
      ['camp-referral', 25],
      ['camp-google-ads', 20],
      [NO_CAMPAIGN, 10],
    ],
  },
  vet: {
    label: 'Veterinary',
    seats: [8, 25],
    perSeat: [120, 150],
    busy: 'surgeries in the morning',
    titles: {
      'decision maker': ['Owner, DVM', 'Medical director'],
      champion: ['Hospital manager'],
      billing: ['Bookkeeper', 'Hospital manager'],
      technical: ['Hospital manager', 'Lead vet tech'],
      influencer: ['Associate veterinarian'],
      'end user': ['Client service rep', 'Vet tech'],
    },
    systems: { US: ['AVImark', 'Cornerstone', 'ezyVet'], UK: ['RxWorks', 'ezyVet'], DE: ['easyVET'] },
    products: ['{sys} server support', 'lab equipment interfaces', 'nightly backups', 'VoIP phones'],
    promises: [
      'Weekend emergency line for {sys} outages',
      'Lab results interface fixed within 4 hours',
      'Quarterly business review with the owner',
    ],
    pains: ['the {sys} server under the reception desk', 'lab results not flowing into {sys}', 'no weekend coverage'],
    campaigns: [
      ['camp-seo-hipaa', 20],
      ['camp-referral', 40],
      ['camp-google-ads', 30],
      [NO_CAMPAIGN, 10],
    ],
  },
  mfg: {
    label: 'Manufacturing',
    seats: [20, 150],
    perSeat: [95, 140],
    busy: 'the production meeting at 7',
    titles: {
      'decision maker': ['Owner', 'President', 'COO', 'Plant manager'],
      champion: ['Operations manager', 'Controller'],
      billing: ['Controller', 'AP specialist'],
      technical: ['ERP admin', 'Maintenance supervisor', 'Engineering manager'],
      influencer: ['Quality manager', 'Production manager'],
      'end user': ['Shipping lead', 'CNC programmer', 'Buyer'],
    },
    systems: {
      US: ['Epicor Kinetic', 'JobBOSS', 'E2 Shop System', 'Global Shop Solutions'],
      UK: ['Sage 200', 'Epicor'],
      DE: ['proALPHA', 'SAP Business One', 'abas ERP'],
    },
    products: [
      '{sys} server support',
      'shop-floor network segmentation',
      'CAD workstation support',
      'offsite backups',
      'badge-access integration',
    ],
    promises: [
      'After-hours support for the night shift',
      '{sys} server 2-hour response, 24x7',
      'Shop-floor work scheduled around production runs',
      'Quarterly business review with the owner',
    ],
    pains: [
      '{sys} outages that stopped shipping',
      'unpatched Windows 7 PCs on the shop floor',
      'a ransomware hit at a supplier that scared the owner',
      'no documentation from the previous IT guy',
    ],
    campaigns: [
      ['camp-cold-email-mfg', 40],
      ['camp-google-ads', 20],
      ['camp-referral', 15],
      ['camp-partner-m365', 10],
      ['camp-webinar-ransomware', 5],
      [NO_CAMPAIGN, 10],
    ],
  },
  nonprofit: {
    label: 'Nonprofit',
    seats: [5, 40],
    perSeat: [80, 110],
    busy: 'the daily volunteer briefing',
    titles: {
      'decision maker': ['Executive director'],
      champion: ['Operations director', 'Office manager'],
      billing: ['Finance manager', 'Part-time bookkeeper'],
      technical: ['Development database manager', 'Operations director'],
      influencer: ['Board treasurer', 'Development director'],
      'end user': ['Program coordinator', 'Volunteer coordinator'],
    },
    systems: {
      US: ['Bloomerang', 'Salesforce NPSP', 'DonorPerfect', 'Little Green Light'],
      UK: ['Beacon CRM', 'Donorfy'],
      DE: ['Microsoft 365'],
    },
    products: [
      'Microsoft 365 nonprofit licensing',
      '{sys} support',
      'donated-hardware imaging',
      'volunteer account management',
    ],
    promises: [
      'Help applying for Microsoft nonprofit grants',
      'Volunteer laptops wiped and reissued within 2 days',
      'Nonprofit rate locked for 3 years',
    ],
    pains: [
      'volunteers sharing one login',
      'donor data in spreadsheets on personal laptops',
      'a grant that required a cybersecurity policy',
      'a closet full of donated PCs nobody could set up',
    ],
    campaigns: [
      ['camp-event-nonprofit', 50],
      ['camp-partner-m365', 20],
      ['camp-referral', 20],
      [NO_CAMPAIGN, 10],
    ],
  },
  school: {
    label: 'Education',
    seats: [20, 160],
    perSeat: [60, 95],
    busy: 'drop-off and morning assembly',
    titles: {
      'decision maker': ['Head of school', 'Principal', 'Business manager'],
      champion: ['Business manager', 'Assistant principal'],
      billing: ['Business manager', 'Bursar'],
      technical: ['Technology coordinator', 'Teacher and tech lead'],
      influencer: ['Board chair', 'Dean of students'],
      'end user': ['Admissions coordinator', 'Front office'],
    },
    systems: {
      US: ['Google Workspace for Education', 'PowerSchool', 'Blackbaud'],
      UK: ['Arbor MIS', 'SIMS'],
      DE: ['Moodle'],
    },
    products: ['Chromebook fleet management', '{sys} support', 'content filtering', 'classroom Wi-Fi'],
    promises: [
      'Summer device refresh done before the first day of term',
      'Content-filter report to the principal every month',
      'Extra technician on-site for state testing days',
    ],
    pains: [
      'Chromebooks going missing',
      'Wi-Fi dying in the gym during assemblies',
      'testing days with half the devices not updated',
      'content-filter complaints from parents',
    ],
    campaigns: [
      ['camp-partner-m365', 35],
      ['camp-event-nonprofit', 15],
      ['camp-referral', 25],
      ['camp-google-ads', 15],
      [NO_CAMPAIGN, 10],
    ],
  },
  realestate: {
    label: 'Real estate',
    seats: [5, 35],
    perSeat: [110, 150],
    busy: 'showings',
    titles: {
      'decision maker': ['Principal broker', 'Owner/broker', 'Managing broker'],
      champion: ['Office manager', 'Transaction coordinator'],
      billing: ['Office manager', 'Bookkeeper'],
      technical: ['Transaction coordinator'],
      influencer: ['Top-producing agent', 'Property manager'],
      'end user': ['Agent', 'Leasing agent'],
    },
    systems: {
      US: ['Dotloop', 'SkySlope', 'AppFolio', 'Buildium'],
      UK: ['Reapit', 'Alto'],
      DE: ['onOffice', 'FLOWFACT'],
    },
    products: [
      'mobile device management',
      '{sys} support',
      'wire-fraud email filtering',
      'agent onboarding/offboarding',
    ],
    promises: [
      "New agents' laptops and phones set up the day they join",
      'Wire-fraud warning banner on all external email',
      'Offboarding within one hour when an agent leaves',
    ],
    pains: [
      'agents bringing their own laptops',
      'a wire-fraud attempt on a closing',
      'email accounts of agents who left years ago',
    ],
    campaigns: [
      ['camp-google-ads', 35],
      ['camp-linkedin-cfo', 15],
      ['camp-referral', 30],
      ['camp-webinar-ransomware', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  arch: {
    label: 'Architecture & engineering',
    seats: [8, 45],
    perSeat: [140, 190],
    busy: 'site visits',
    titles: {
      'decision maker': ['Principal', 'Founding principal'],
      champion: ['Studio manager', 'Office manager'],
      billing: ['Office manager'],
      technical: ['BIM manager', 'CAD manager'],
      influencer: ['Project architect', 'Senior engineer'],
      'end user': ['Designer', 'Drafter'],
    },
    systems: {
      US: ['Revit', 'AutoCAD', 'Civil 3D', 'Bluebeam'],
      UK: ['Revit', 'Vectorworks'],
      DE: ['ArchiCAD', 'Allplan'],
    },
    products: ['{sys} workstation support', 'file sync between offices', 'plotter support', 'offsite backups'],
    promises: [
      '{sys} workstations replaced within 2 business days',
      'Plotter fixed before deadline days',
      'Quarterly business review with the principals',
    ],
    pains: [
      'huge {sys} files over a slow VPN',
      'a plotter nobody could fix',
      'file locking conflicts between two offices',
    ],
    campaigns: [
      ['camp-google-ads', 30],
      ['camp-linkedin-cfo', 20],
      ['camp-referral', 30],
      ['camp-partner-m365', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  construction: {
    label: 'Construction',
    seats: [10, 60],
    perSeat: [105, 140],
    busy: 'site walks',
    titles: {
      'decision maker': ['Owner', 'President'],
      champion: ['Office manager', 'Operations manager'],
      billing: ['Controller', 'Office manager'],
      technical: ['Estimator, also does the IT', 'Project engineer'],
      influencer: ['Superintendent', 'Project manager'],
      'end user': ['Estimator', 'Dispatcher'],
    },
    systems: { US: ['Procore', 'Sage 300 CRE', 'Foundation'], UK: ['Sage 200', 'Causeway'], DE: ['NEVARIS'] },
    products: ['site trailer connectivity (LTE)', '{sys} support', 'rugged tablet management', 'offsite backups'],
    promises: [
      'Site trailer internet up within 24 hours of mobilising',
      'Loaner laptop for estimators during bid week',
      'After-hours support for the night shift',
    ],
    pains: [
      'site trailers with no internet',
      'an estimator losing a bid to a dead laptop',
      'the office server in a closet next to the water heater',
    ],
    campaigns: [
      ['camp-google-ads', 30],
      ['camp-cold-email-mfg', 25],
      ['camp-referral', 35],
      [NO_CAMPAIGN, 10],
    ],
  },
  insurance: {
    label: 'Insurance agency',
    seats: [6, 30],
    perSeat: [125, 160],
    busy: 'renewal calls',
    titles: {
      'decision maker': ['Agency principal', 'Owner'],
      champion: ['Agency operations manager'],
      billing: ['Office manager'],
      technical: ['Account manager, IT go-to'],
      influencer: ['Producer'],
      'end user': ['CSR', 'Account manager'],
    },
    systems: { US: ['Applied Epic', 'EZLynx', 'HawkSoft'], UK: ['Acturis', 'Open GI'], DE: ['AMS'] },
    products: ['{sys} support', 'MFA rollout', 'carrier portal password vault', 'VoIP phones'],
    promises: [
      'MFA on everything before the E&O audit',
      'Phones forwarded within 15 minutes during storm outages',
      'Quarterly business review with the owner',
    ],
    pains: [
      'carrier portal logins on sticky notes',
      'an E&O audit asking about MFA',
      'phones going down in storm season',
    ],
    campaigns: [
      ['camp-linkedin-cfo', 35],
      ['camp-referral', 30],
      ['camp-webinar-ransomware', 15],
      ['camp-google-ads', 10],
      [NO_CAMPAIGN, 10],
    ],
  },
  logistics: {
    label: 'Logistics',
    seats: [15, 80],
    perSeat: [100, 140],
    busy: 'dispatch at 5am',
    titles: {
      'decision maker': ['General manager', 'Owner'],
      champion: ['Operations manager'],
      billing: ['Controller'],
      technical: ['Dispatch lead', 'Warehouse systems lead'],
      influencer: ['Warehouse manager'],
      'end user': ['Dispatcher', 'Driver coordinator'],
    },
    systems: { US: ['McLeod', 'Tai TMS', 'Descartes'], UK: ['Mandata'], DE: ['Soloplan'] },
    products: ['{sys} hosting', 'warehouse Wi-Fi', 'scanner fleet management', 'offsite backups'],
    promises: [
      'After-hours support for the night shift',
      '24x7 response on the {sys} server',
      'Warehouse Wi-Fi survey every year',
    ],
    pains: [
      'dispatch screens freezing at 5am',
      'warehouse scanners dropping off Wi-Fi',
      '24x7 operations with a 9-to-5 IT provider',
    ],
    campaigns: [
      ['camp-cold-email-mfg', 35],
      ['camp-google-ads', 30],
      ['camp-referral', 25],
      [NO_CAMPAIGN, 10],
    ],
  },
};

const GENERIC_PROMISES = [
  'Quarterly business review with {dm}',
  'Named technician for the first 90 days',
  'Onboarding complete within 30 days',
  'Monthly patch report to {champ}',
  'No charge for password resets',
  'Price locked for 36 months',
  '4-hour on-site response within city limits',
];

/** German job titles, in the neutral forms German CRMs tend to use. */
const DE_TITLES: Record<Role, string[]> = {
  'decision maker': ['Geschäftsführung', 'Kaufmännische Leitung'],
  champion: ['Büroleitung', 'Assistenz der Geschäftsführung'],
  billing: ['Buchhaltung', 'Finanzbuchhaltung'],
  technical: ['IT-Administration', 'Systembetreuung'],
  influencer: ['Abteilungsleitung', 'Teamleitung'],
  'end user': ['Sachbearbeitung', 'Empfang'],
};
const DE_DM_TITLES: Partial<Record<string, string[]>> = {
  clinic: ['Praxisleitung', 'Ärztliche Leitung'],
  legal: ['Kanzleileitung', 'Partnerschaft'],
  accounting: ['Kanzleileitung'],
  nonprofit: ['Vorstand'],
  school: ['Schulleitung'],
};
const UK_DM_TITLES: Partial<Record<string, string[]>> = {
  mfg: ['Managing Director'],
  construction: ['Managing Director'],
  realestate: ['Director'],
  insurance: ['Managing Director'],
  school: ['Headteacher', 'Bursar'],
  dental: ['Principal dentist'],
  accounting: ['Managing partner', 'Director'],
  clinic: ['Clinic director', 'Clinical lead'],
  vet: ['Practice principal', 'Clinical director'],
  legal: ['Senior partner', 'Managing partner'],
  nonprofit: ['Chief executive', 'Director'],
  arch: ['Director'],
};
/** US-only regulation that must not show up in UK or German deals. */
const US_ONLY = /HIPAA|BAA|E&O/;

// ---------------------------------------------------------------------------------------------
// The customer list: name; industry; city; domains; aliases ("|"-separated)

const ACCOUNT_TABLE = `
Cedar Ridge Dental;dental;Portland, OR;cedarridgedental.com;
Willamette Family Dentistry;dental;Salem, OR;willamettefamilydentistry.com,wfdsalem.com;WFD
Bright Harbor Orthodontics;dental;Tacoma, WA;brightharborortho.com;
Pearl Street Dental Studio;dental;Eugene, OR;pearlstreetdental.com;
Northgate Pediatric Dentistry;dental;Seattle, WA;northgatekidsdentist.com;Northgate Kids Dentist
Cascade Smiles, PLLC;dental;Bend, OR;cascadesmiles.com;
Ramirez & Associates Family Dental;dental;Hillsboro, OR;ramirezfamilydental.com;Ramirez Dental
Lakeview Endodontics;dental;Lake Oswego, OR;lakeviewendo.com;
Summit Oral Surgery Group;dental;Gresham, OR;summitoralsurgery.com;SOSG
Olentangy Dental Care;dental;Columbus, OH;olentangydental.com;
Brookside Dental Arts;dental;Westerville, OH;brooksidedentalarts.com;
Short North Smiles;dental;Columbus, OH;shortnorthsmiles.com;
Miami Valley Periodontics;dental;Dayton, OH;mvperio.com;MV Perio
Queen City Family Dental;dental;Cincinnati, OH;queencitydental.com,qcfamilydental.com;
Evergreen Implant Center;dental;Vancouver, WA;evergreenimplants.com;
Dublin Green Dental;dental;Dublin, OH;dublingreendental.com;
Harrogate Road Dental Practice;dental;Leeds;harrogateroaddental.co.uk;
Minster Dental Care Ltd;dental;York;minsterdental.co.uk;
Kirkstall Orthodontic Centre;dental;Leeds;kirkstallortho.co.uk;
Hollis, Grant & Merriweather LLP;legal;Portland, OR;hgmlaw.com,hollisgrant.com;HGM|Hollis Grant
Tran Law Group, P.C.;legal;Seattle, WA;tranlawgroup.com;
Okafor & Delgado LLP;legal;Tacoma, WA;okafordelgado.com;
Mill Creek Legal Services;legal;Salem, OR;millcreeklegal.com;
Pemberton Estate Law;legal;Lake Oswego, OR;pembertonestatelaw.com;
Castellano Immigration Law, PLLC;legal;Beaverton, OR;castellanoimmigration.com;
Whitaker Lindqvist LLP;legal;Columbus, OH;wl-law.com;WL Law
German Village Law Office;legal;Columbus, OH;germanvillagelaw.com;
Brennan & O'Rourke, Attorneys at Law;legal;Cincinnati, OH;brennanorourke.com;Brennan O'Rourke
Fairbanks Employment Law;legal;Dayton, OH;fairbanksemploymentlaw.com,fairbankslaw.com;
Ashdown Family Law;legal;Vancouver, WA;ashdownfamilylaw.com;
Redwine Patent Partners;legal;Seattle, WA;redwinepatents.com;
Ainsworth Pryce Solicitors;legal;Leeds;ainsworthpryce.co.uk;
Fenwick & Hale LLP;legal;Manchester;fenwickhale.co.uk;
Castlegate Conveyancing Ltd;legal;York;castlegateconveyancing.co.uk;
Moorfield Legal Ltd;legal;Sheffield;moorfieldlegal.co.uk;
Kanzlei Brandt & Öztürk;legal;Stuttgart;brandt-oeztuerk.de;Brandt & Öztürk Rechtsanwälte
Scholz Rechtsanwälte PartG mbB;legal;Karlsruhe;scholz-ra.de;Kanzlei Scholz
Halvorsen & Tate CPAs;accounting;Portland, OR;halvorsentate.com;
Pacific Ledger Partners;accounting;Seattle, WA;pacificledger.com;PLP
Greenbriar Tax & Bookkeeping;accounting;Gresham, OR;greenbriartax.com;
Morrow & Finch CPA Group;accounting;Eugene, OR;morrowfinch.com;
Cornerstone Payroll Services, Inc.;accounting;Tacoma, WA;cornerstonepayroll.com;
Buckeye Tax Advisors;accounting;Columbus, OH;buckeyetax.com;
Ridgeway Wealth & Tax;accounting;Dublin, OH;ridgewaywealth.com;
Kessler Beaumont CPAs;accounting;Cincinnati, OH;kesslerbeaumont.com;KB CPAs
Two Rivers Bookkeeping;accounting;Dayton, OH;tworiversbooks.com;
Meridian Audit Group;accounting;Beaverton, OR;meridianaudit.com;
Pennington Clarke Chartered Accountants;accounting;Harrogate;penningtonclarke.co.uk;Pennington Clarke
Northern Quarter Accountancy Ltd;accounting;Manchester;nqaccountancy.co.uk;NQA
Coppergate Tax Advisers Ltd;accounting;York;coppergatetax.co.uk;
Aire Valley Payroll Ltd;accounting;Bradford;airevalleypayroll.co.uk;
Holroyd & Sykes LLP;accounting;Wakefield;holroydsykes.co.uk;
Steuerberatung Weiß & Partner;accounting;Ludwigsburg;weiss-partner-stb.de;Weiß & Partner
Hoffmann Treuhand GmbH;accounting;Heilbronn;hoffmann-treuhand.de;
Columbia Pediatrics;clinic;Vancouver, WA;columbiapeds.com;
Rose City Physical Therapy;clinic;Portland, OR;rosecitypt.com;RCPT
Hawthorne Women's Health;clinic;Portland, OR;hawthornewomenshealth.com;
Puget Sound Dermatology;clinic;Tacoma, WA;pugetsoundderm.com;
Bend Sports Medicine Clinic;clinic;Bend, OR;bendsportsmed.com;
Salem Eye Associates;clinic;Salem, OR;salemeye.com;
Maple Grove Urgent Care;clinic;Gresham, OR;maplegroveuc.com;
Clintonville Family Medicine;clinic;Columbus, OH;clintonvillefm.com;
Scioto Valley Chiropractic;clinic;Columbus, OH;sciotochiro.com;
Westerville Hearing Center;clinic;Westerville, OH;westervillehearing.com;
Oakwood Counseling Associates;clinic;Dayton, OH;oakwoodcounseling.com;
Tri-County Home Health;clinic;Cincinnati, OH;tricountyhomehealth.org;
Chapel Allerton Physiotherapy;clinic;Leeds;chapelallertonphysio.co.uk;
Ilkley Skin Clinic Ltd;clinic;Ilkley;ilkleyskin.co.uk;
Praxis Dr. Köhler – Allgemeinmedizin;clinic;Esslingen;praxis-koehler.de;Praxis Köhler
Physiotherapie am Neckar;clinic;Heilbronn;physio-am-neckar.de;
Alberta Street Animal Hospital;vet;Portland, OR;albertastreetvet.com;
Green Lake Veterinary Clinic;vet;Seattle, WA;greenlakevet.com;
Hilltop Equine Veterinary;vet;Bend, OR;hilltopequine.com;
Worthington Pet Hospital;vet;Columbus, OH;worthingtonpet.com;
Wetherby Veterinary Surgery;vet;Wetherby;wetherbyvets.co.uk;
Columbia Precision Machining;mfg;Vancouver, WA;columbiaprecision.com;CPM
Tualatin Valley Plastics;mfg;Hillsboro, OR;tvplastics.com;TVP
Ironwood Cabinetry;mfg;Eugene, OR;ironwoodcabinetry.com;
Sound Marine Fabrication;mfg;Tacoma, WA;soundmarinefab.com;
High Desert Brewing Co.;mfg;Bend, OR;highdesertbrewing.com;
Kerr & Daughters Millwork;mfg;Salem, OR;kerrmillwork.com;
Buckeye Gasket & Seal, Inc.;mfg;Columbus, OH;buckeyegasket.com;
Great Miami Tool & Die;mfg;Dayton, OH;greatmiamitool.com;
Mad River Coatings;mfg;Dayton, OH;madrivercoatings.com;
Ohio Valley Packaging Corp.;mfg;Cincinnati, OH;ovpackaging.com,ohiovalleypackaging.com;OVP
Pennine Fasteners Ltd;mfg;Sheffield;penninefasteners.co.uk;
Calder Textiles Ltd;mfg;Wakefield;caldertextiles.co.uk;
Don Valley Steel Fabrications Ltd;mfg;Sheffield;dvsteelfab.co.uk;DVSF
Schäfer Feinmechanik GmbH;mfg;Esslingen;schaefer-feinmechanik.de;
Bäuerle Kunststofftechnik GmbH & Co. KG;mfg;Böblingen;baeuerle-kunststoff.de;Bäuerle
Neckartal Metallbau GmbH;mfg;Heilbronn;neckartal-metallbau.de;
Krämer Verpackungen GmbH;mfg;Reutlingen;kraemer-verpackungen.de;
Weber Antriebstechnik AG;mfg;Stuttgart;weber-antriebe.de,weber-antriebstechnik.com;
Lindner Präzisionsteile GmbH;mfg;Ludwigsburg;lindner-praezision.de;
Albtal Holzbau GmbH;mfg;Karlsruhe;albtal-holzbau.de;
Columbia River Food Bank;nonprofit;Portland, OR;crfoodbank.org;CRFB
Clark County Housing Alliance;nonprofit;Vancouver, WA;clarkhousing.org;
Cascadia Youth Mentors;nonprofit;Seattle, WA;cascadiamentors.org;
Willamette Land Trust;nonprofit;Salem, OR;willamettelandtrust.org;
Friends of the Deschutes;nonprofit;Bend, OR;friendsofthedeschutes.org;
Central Ohio Literacy Council;nonprofit;Columbus, OH;centralohioliteracy.org;COLC
Dayton Refugee Resettlement Network;nonprofit;Dayton, OH;daytonrefugee.org;
Northside Animal Rescue;nonprofit;Cincinnati, OH;northsiderescue.org;
Yorkshire Dales Rural Trust;nonprofit;Harrogate;dalesruraltrust.org.uk;
Leeds Community Kitchen CIC;nonprofit;Leeds;leedscommunitykitchen.org.uk;
Sheffield Carers' Network;nonprofit;Sheffield;sheffieldcarers.org.uk;
Nachbarschaftshilfe Böblingen e.V.;nonprofit;Böblingen;nachbarschaftshilfe-bb.de;
St. Brigid's Catholic School;school;Portland, OR;stbrigidpdx.org;St. Brigid's
Cascade Montessori Academy;school;Beaverton, OR;cascademontessori.org;
Sound View Charter School;school;Olympia, WA;soundviewcharter.org;
Westside Christian Academy;school;Lake Oswego, OR;westsidechristian.org;
Hillsboro Language Institute;school;Hillsboro, OR;hillsborolanguage.com;
Columbus Arts Academy;school;Columbus, OH;columbusartsacademy.org;
Bexley Friends School;school;Columbus, OH;bexleyfriends.org;
Dayton STEM Prep;school;Dayton, OH;daytonstemprep.org;
Knaresborough Prep School;school;Harrogate;knaresboroughprep.co.uk;
Wharfedale Learning Trust;school;Leeds;wharfedalelearning.org.uk;WLT
Roundhay Music School;school;Leeds;roundhaymusic.co.uk;
Sprachschule Lingua Viva GmbH;school;Stuttgart;linguaviva-stuttgart.de;Lingua Viva
Pearl District Realty;realestate;Portland, OR;pearldistrictrealty.com;
Rainier Property Management;realestate;Tacoma, WA;rainierpm.com;
Cascade Crest Real Estate;realestate;Bend, OR;cascadecrest.com;
Columbia Gorge Title & Escrow;realestate;Vancouver, WA;cgtitle.com;CG Title
Keystone Commercial Realty;realestate;Columbus, OH;keystonecre.com;
Arena District Property Group;realestate;Columbus, OH;arenadistrictproperty.com;
Gem City Realtors;realestate;Dayton, OH;gemcityrealtors.com;
Over-the-Rhine Lofts Leasing;realestate;Cincinnati, OH;otrlofts.com;OTR Lofts
Moortown Lettings Ltd;realestate;Leeds;moortownlettings.co.uk;
Roberts & Lowe Estate Agents;realestate;York;robertslowe.co.uk;
Immobilien Kaiser GmbH;realestate;Stuttgart;kaiser-immobilien.de;
Foster Lund Architects;arch;Portland, OR;fosterlund.com;
Sixth Street Design Studio;arch;Seattle, WA;sixthstreetdesign.com;
Keel & Rafter Architecture;arch;Tacoma, WA;keelandrafter.com;
Ridgeline Civil Engineering;arch;Salem, OR;ridgelinecivil.com;
Brickyard Structural Engineers;arch;Columbus, OH;brickyardse.com;
Parkinson Duffy Architects;arch;Manchester;parkinsonduffy.co.uk;
Architekturbüro Fröhlich;arch;Reutlingen;froehlich-architekten.de;
Tall Timber Builders;construction;Eugene, OR;talltimberbuilders.com;
Northwest Roofing & Gutters;construction;Gresham, OR;nwroofing.com;
Hocking Hills Contractors;construction;Columbus, OH;hockinghillscontractors.com;
Ferris Mechanical, Inc.;construction;Cincinnati, OH;ferrismechanical.com;
Aire & Calder Groundworks Ltd;construction;Wakefield;aireandcalder.co.uk;
Laurelhurst Insurance Agency;insurance;Portland, OR;laurelhurstinsurance.com;
Benton & Marsh Insurance;insurance;Salem, OR;bentonmarsh.com;
Capital City Insurance Group;insurance;Columbus, OH;capitalcityins.com;CCIG
Hamlin Brothers Insurance;insurance;Dayton, OH;hamlinbros.com;
Dales Insurance Brokers Ltd;insurance;Harrogate;dalesinsurance.co.uk;
Port of Call Logistics;logistics;Tacoma, WA;portofcalllogistics.com;
Pedal Express Courier;logistics;Portland, OR;pedalexpress.com;
Crossroads Freight Brokerage;logistics;Columbus, OH;crossroadsfreight.com;
Lunken Cold Storage;logistics;Cincinnati, OH;lunkencold.com;
`;

interface AccountRow {
  name: string;
  industry: string;
  city: string;
  domains: string[];
  aliases: string[];
}

function parseAccountTable(): AccountRow[] {
  return ACCOUNT_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [name = '', industry = '', city = '', domains = '', aliases = ''] = line.split(';');
      return {
        name,
        industry,
        city,
        domains: domains.split(',').filter(Boolean),
        aliases: aliases.split('|').filter(Boolean),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Generation

interface Person {
  first: string;
  name: string;
  email: string;
  title: string;
  role: Role;
}

const OPEN_STAGES = ['Proposal', 'Negotiation'] as const;
const PRIOR_PROVIDERS = [
  'a one-person IT shop that retired',
  'an out-of-state MSP with a call center',
  "the owner's nephew",
  'the computer store down the road (break/fix)',
  'a regional MSP that got bought by a roll-up',
  'a freelancer who stopped returning calls',
];
const PRIOR_PROVIDERS_DE = ['einem Ein-Mann-Systemhaus', 'dem Neffen des Chefs', 'einem großen Systemhaus aus München'];
const INCIDENTS = [
  'the scanner saga after the Windows feature update',
  'a new-hire laptop that arrived two days late',
  'a backup alert nobody acted on for a week',
  'a technician who showed up without the replacement part',
  'a VPN outage during their busiest week',
  'a phishing email that got through and cost them a morning',
];
interface Expansion {
  name: string;
  /** How many units ({n} in the name) for an account with this many seats. */
  units: (seats: number, rng: Rng) => number;
  oneTime: [number, number];
  /** Monthly per unit; absent for pure projects. */
  recurring?: [number, number];
}
const EXPANSIONS: Expansion[] = [
  { name: 'Security Plus add-on (EDR + MFA)', units: (s) => s, oneTime: [40, 90], recurring: [9, 15] },
  { name: 'Microsoft 365 migration - {n} mailboxes', units: (s, r) => s + r.int(0, 6), oneTime: [60, 120] },
  { name: 'Server refresh & Windows Server 2022 migration', units: (_s, r) => r.int(1, 2), oneTime: [6000, 14000] },
  { name: 'Backup & DR upgrade - offsite replication', units: () => 1, oneTime: [1500, 4000], recurring: [150, 600] },
  {
    name: 'Wi-Fi refresh - {n} access points',
    units: (s, r) => Math.ceil(s / 8) + r.int(1, 3),
    oneTime: [550, 900],
    recurring: [8, 12],
  },
  { name: 'VoIP cutover - {n} handsets', units: (s, r) => s + r.int(0, 4), oneTime: [180, 260], recurring: [18, 28] },
  {
    name: 'Second location onboarding - {nearby}',
    units: (s, r) => r.int(3, Math.max(4, Math.round(s / 2))),
    oneTime: [300, 500],
    recurring: [110, 160],
  },
  {
    name: 'Laptop refresh - {n} devices',
    units: (s, r) => r.int(Math.max(3, Math.round(s / 3)), s),
    oneTime: [1100, 1600],
  },
  { name: 'Security awareness training - {n} staff', units: (s) => s, oneTime: [5, 20], recurring: [3, 5] },
  { name: 'Firewall replacement (FortiGate)', units: () => 1, oneTime: [3500, 9000], recurring: [60, 180] },
];
/** Lead sources of customers won before the campaigns below, and how a rep tells it. */
const LEGACY_SOURCES: Array<readonly [string, string]> = [
  ['Existing relationship (pre-2023)', 'an old contact of our founder'],
  ['Inbound call', 'a cold inbound call'],
  ['Website contact form', 'the contact form on our website'],
  ['Acquired client list', 'the client list we took over from Summit Tech Services'],
  ['Referral (landlord)', 'a tip from their landlord'],
];

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m);
}

/** A name whose first and last names are both new in this account ("Gabe" and "Gabe" confuse). */
function personName(rng: Rng, country: Country, used: Set<string>): { first: string; last: string } {
  for (;;) {
    const first = rng.pick(FIRST[country]);
    const last = rng.pick(LAST[country]);
    if (!used.has(first) && !used.has(last)) {
      used.add(first);
      used.add(last);
      return { first, last };
    }
  }
}

function emailFor(rng: Rng, first: string, last: string, domain: string, country: Country, used: Set<string>): string {
  const f = ascii(first)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const l = ascii(last)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const patterns =
    country === 'DE'
      ? [`${f[0]}.${l}`, `${f}.${l}`, `${l}`]
      : [`${f}`, `${f}.${l}`, `${f[0]}${l}`, `${f}${l[0]}`, `${f}.${l}`];
  const ordered = [rng.pick(patterns), ...patterns, `${f}.${l}2`];
  for (const local of ordered) {
    const email = `${local}@${domain}`;
    if (!used.has(email)) {
      used.add(email);
      return email;
    }
  }
  throw new Error(`no free email for ${first} ${last} at ${domain}`);
}

function phoneFor(rng: Rng, place: Place): string | undefined {
  if (!place.phone) return undefined;
  const n = rng.int(100, 199);
  const ddd = String(rng.int(0, 999)).padStart(3, '0');
  // Ofcom's ranges for drama: 0113 496 0000-0999 and friends, 01632 960000-960999.
  if (place.country === 'UK')
    return place.phone.startsWith('01632') ? `${place.phone}${ddd}` : `${place.phone} 0${ddd}`;
  return `(${place.phone}) 555-0${n}`;
}

function repFor(rng: Rng, country: Country, industry: string, city: string): string {
  if (country === 'UK') return REPS.aisha;
  if (country === 'DE') return REPS.felix;
  if (rng.chance(0.15)) return rng.pick([REPS.priya, REPS.marcus, REPS.diego, REPS.rachel]);
  if (city.endsWith('OH'))
    return industry === 'legal' || industry === 'accounting' ? rng.pick([REPS.rachel, REPS.marcus]) : REPS.rachel;
  if (['legal', 'accounting', 'insurance'].includes(industry)) return REPS.marcus;
  if (['dental', 'clinic', 'vet'].includes(industry)) return REPS.priya;
  return REPS.diego;
}

function campaignFor(rng: Rng, country: Country, industry: string, ind: Industry): string {
  if (country === 'DE')
    return rng.weighted([
      ['camp-tradeshow-itsa', 65],
      ['camp-partner-m365', 15],
      [NO_CAMPAIGN, 20],
    ] as const);
  if (country === 'UK') {
    if (industry === 'accounting')
      return rng.weighted([
        ['camp-tradeshow-accountex', 70],
        ['camp-linkedin-cfo', 15],
        ['camp-referral', 15],
      ] as const);
    return rng.weighted([
      ['camp-referral', 35],
      ['camp-google-ads', 20],
      ['camp-linkedin-cfo', 20],
      ['camp-partner-m365', 10],
      ['camp-webinar-ransomware', 5],
      [NO_CAMPAIGN, 10],
    ] as const);
  }
  return rng.weighted(ind.campaigns);
}

/** A close date for a deal that came from this campaign: some weeks after it started. */
function closeDateFor(rng: Rng, camp: CampaignSpec | undefined): string {
  if (!camp) return fromDays(rng.int(toDays('2019-04-01'), toDays('2022-12-15')));
  const start = toDays(camp.startDate) + 14;
  const end = Math.min(toDays(camp.endDate ?? TODAY) + 150, toDays(TODAY) - 14);
  return fromDays(rng.int(start, Math.max(start, end)));
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

interface Built {
  accounts: Account[];
  contacts: Contact[];
  deals: Deal[];
  notes: Note[];
  /** Next ConnectWise company id for a generated account. */
  nextExternalId: number;
}

function buildAccount(row: AccountRow, out: Built): void {
  const rng = new Rng(hash(row.name));
  const ind = INDUSTRIES[row.industry];
  const place = PLACES[row.city];
  if (!ind || !place) throw new Error(`sample data: bad row ${row.name}`);
  const country = place.country;
  const currency = country === 'DE' ? 'EUR' : country === 'UK' ? 'GBP' : 'USD';
  const key = slug(row.name)
    .replace(/-(gmbh|ltd|llp|llc|inc|pllc|pc|co|corp|ag|kg)(?=-|$)/g, '')
    .slice(0, 40);
  const accountSourceId = `acct-${key}`;
  const accountId = sid(accountSourceId);
  const sys = rng.pick(ind.systems[country]);
  const rep = repFor(rng, country, row.industry, row.city);

  // People
  const count = rng.weighted([
    [2, 30],
    [3, 45],
    [4, 25],
  ] as const);
  const roles: Role[] = [
    'decision maker',
    ...rng.shuffle<Role>(['billing', 'champion', 'technical', 'end user', 'influencer']).slice(0, count - 1),
  ];
  if (count >= 3 && !roles.includes('billing') && rng.chance(0.6)) roles[1] = 'billing';
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const people: Person[] = roles.map((role) => {
    const { first, last } = personName(rng, country, usedNames);
    const domain = row.domains.length > 1 && rng.chance(0.25) ? row.domains[1]! : row.domains[0]!;
    const dmOverride =
      role !== 'decision maker'
        ? undefined
        : country === 'DE'
          ? DE_DM_TITLES[row.industry]
          : country === 'UK'
            ? UK_DM_TITLES[row.industry]
            : undefined;
    const titles = dmOverride ?? (country === 'DE' ? DE_TITLES[role] : ind.titles[role]);
    return {
      first,
      name: `${first} ${last}`,
      email: emailFor(rng, first, last, domain, country, usedEmails),
      title: rng.pick(titles),
      role,
    };
  });
  people.forEach((p, i) => {
    out.contacts.push({
      id: sid(`ct-${key}-${i + 1}`),
      source: SOURCE,
      sourceId: `ct-${key}-${i + 1}`,
      accountId,
      name: p.name,
      email: p.email,
      role: p.role,
      title: p.title,
      ...(rng.chance(0.7) ? { phone: phoneFor(rng, place) } : {}),
    });
  });
  const dm = people[0]!;
  const champ = people.find((p) => p.role === 'champion' || p.role === 'technical') ?? people[1] ?? dm;
  const billing = people.find((p) => p.role === 'billing');
  const other = people[people.length - 1]!;

  // The deal that won the account
  const campKey = campaignFor(rng, country, row.industry, ind);
  const camp = campKey ? campaignSpec(campKey) : undefined;
  const legacy = rng.pick(LEGACY_SOURCES);
  const close = closeDateFor(rng, camp);
  const seats = rng.int(ind.seats[0], ind.seats[1]);
  const pkg =
    seats >= 60 && rng.chance(0.5)
      ? 'Co-managed IT'
      : rng.chance(0.55)
        ? 'Managed IT Essentials'
        : 'Managed IT Complete';
  const perSeat =
    rng.int(ind.perSeat[0], ind.perSeat[1]) *
    (pkg === 'Managed IT Complete' ? 1.2 : pkg === 'Co-managed IT' ? 0.7 : 1) *
    (currency === 'USD' ? 1 : 0.9);
  const dealName =
    country === 'DE'
      ? `${pkg} - ${seats} Arbeitsplätze`
      : rng.pick([`${pkg} - ${seats} seats`, `${pkg} - ${ind.label} (${seats} seats)`, `${pkg} (${seats} users)`]);
  const vars = { sys, dm: dm.first, champ: champ.first, nearby: place.nearby };
  const local = (items: string[]) => (country === 'US' ? items : items.filter((t) => !US_ONLY.test(t)));
  const products = [pkg, ...rng.shuffle(local(ind.products)).slice(0, rng.int(1, 3))].map((p) => fill(p, vars));
  // The promise that sold the deal is specific to the industry; a generic one sometimes follows.
  const promises = [
    ...rng.shuffle(local(ind.promises)).slice(0, rng.int(1, 2)),
    ...(rng.chance(0.45) ? [rng.pick(GENERIC_PROMISES)] : []),
  ].map((p) => fill(p, vars));
  const deal1: Deal = {
    id: sid(`deal-${key}-1`),
    source: SOURCE,
    sourceId: `deal-${key}-1`,
    accountId,
    ...(camp ? { campaignId: sid(camp.sourceId) } : {}),
    leadSource: camp ? camp.leadSource : legacy[0],
    name: dealName,
    valueOneTime: roundTo(seats * rng.int(150, 420), 250),
    valueRecurring: roundTo(seats * perSeat, 25),
    currency,
    stage: 'Closed Won',
    closeDate: close,
    salesRep: rep,
    productsSold: products.join(', '),
    promises,
  };
  out.deals.push(deal1);

  // Sometimes an expansion deal later on; the ones still in the future are open.
  let deal2: Deal | undefined;
  if (rng.chance(0.42)) {
    let date = addDays(close, rng.int(90, 640));
    let stage = 'Closed Won';
    if (date > TODAY || rng.chance(0.08)) {
      stage = rng.pick(OPEN_STAGES);
      date = addDays(TODAY, rng.int(10, 95));
    }
    const exp = rng.pick(EXPANSIONS);
    const n = exp.units(seats, rng);
    const name = fill(exp.name, { n: String(n), nearby: place.nearby });
    const fromWebinar = date >= '2026-02-24' && rng.chance(0.35);
    deal2 = {
      id: sid(`deal-${key}-2`),
      source: SOURCE,
      sourceId: `deal-${key}-2`,
      accountId,
      ...(fromWebinar ? { campaignId: sid('camp-webinar-ransomware') } : {}),
      leadSource: fromWebinar
        ? 'Webinar'
        : rng.pick(['Existing customer', 'QBR', 'Account review', 'Customer request']),
      name,
      valueOneTime: roundTo(n * rng.int(exp.oneTime[0], exp.oneTime[1]), 250),
      ...(exp.recurring ? { valueRecurring: roundTo(n * rng.int(exp.recurring[0], exp.recurring[1]), 25) } : {}),
      currency,
      stage,
      closeDate: date,
      salesRep: rep,
      productsSold: name.replace(/ - \d+.*$/, ''),
      promises: rng.chance(0.4)
        ? [
            rng.pick([
              'Work done after hours only',
              'No downtime during business hours',
              `Fixed price, no change orders under ${money(1000, currency)}`,
            ]),
          ]
        : [],
    };
    out.deals.push(deal2);
  }

  const owner = rng.chance(0.85) ? rep : country === 'US' ? rng.pick(Object.values(REPS).slice(0, 4)) : rep;
  const account: Account = {
    id: accountId,
    source: SOURCE,
    sourceId: accountSourceId,
    name: row.name,
    aliases: row.aliases,
    domains: row.domains,
    externalIds: { connectwise: String(out.nextExternalId++) },
    industry: ind.label,
    leadSource: deal1.leadSource,
    customerSince: close,
    owner,
  };
  out.accounts.push(account);

  // Notes
  const ctx: NoteCtx = {
    rng,
    row,
    ind,
    place,
    country,
    sys,
    dm,
    champ,
    billing,
    other,
    rep,
    owner,
    deal1,
    deal2,
    camp,
    seats,
    pkg,
    currency,
    how: camp ? camp.phrase : legacy[1],
    pains: local(ind.pains),
  };
  out.notes.push(...buildNotes(ctx, key, accountId));
}

interface NoteCtx {
  rng: Rng;
  row: AccountRow;
  ind: Industry;
  place: Place;
  country: Country;
  sys: string;
  dm: Person;
  champ: Person;
  billing?: Person;
  other: Person;
  rep: string;
  owner: string;
  deal1: Deal;
  deal2?: Deal;
  camp?: CampaignSpec;
  /** How the customer found us, as a rep would say it. */
  how: string;
  pains: string[];
  seats: number;
  pkg: string;
  currency: string;
}

interface Draft {
  body: string;
  tags: string[];
  date: string;
  dealId?: string;
  author?: string;
  pinnable?: boolean;
}

function lcFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function handoffNote(c: NoteCtx): Draft {
  const { rng, dm, champ, sys, deal1, camp, how } = c;
  const pain = fill(rng.pick(c.pains), { sys });
  const promise = deal1.promises[0] ? lcFirst(deal1.promises[0]) : 'a named technician for onboarding';
  const prior = rng.pick(PRIOR_PROVIDERS);
  const options =
    c.country === 'DE' && rng.chance(0.6)
      ? [
          `Vertrag unterschrieben: ${deal1.name}. ${dm.name} kam über ${camp?.phraseDe ?? 'eine Empfehlung'} zu uns. Vorher betreut von ${rng.pick(PRIOR_PROVIDERS_DE)}. ${dm.first} hat sich die Zusage "${deal1.promises[0] ?? 'fester Ansprechpartner'}" schriftlich geben lassen.`,
          `Auftrag ist da (${deal1.name}). Ansprechpartner im Alltag: ${champ.name}. ${sys} ist das System, an dem alles hängt - bei Störungen bitte sofort eskalieren.`,
        ]
      : [
          `Closed ${deal1.name}. ${dm.first} signed on ${prettyDate(deal1.closeDate!)} after ${how}. Main pain: ${pain}. Kickoff with ${champ.first} next week.`,
          `Signed! ${c.seats} seats on ${c.pkg}. They found us through ${how}. Won against ${prior}. Price wasn't the deciding factor; what sold ${dm.first} was our answer to ${pain}. Promised: ${promise}.`,
          `Handoff to the service desk: ${c.seats} users, and ${sys} is the app that matters. If ${sys} is down, the whole office stops. ${champ.name} is the day-to-day contact, ${dm.first} only for escalations.`,
          `Paperwork back from ${dm.name}. Came in through ${how}; took ${rng.int(3, 14)} weeks from first call to signature, mostly waiting on their ${rng.pick(['lease renewal', 'partners meeting', 'board', 'accountant', 'insurance renewal'])}. Onboarding booked for ${prettyDate(addDays(deal1.closeDate!, rng.int(7, 21)))}.`,
        ];
  return { body: rng.pick(options), tags: ['handoff'], date: deal1.closeDate!, dealId: deal1.id };
}

function promiseNote(c: NoteCtx): Draft | undefined {
  const { rng, dm, deal1 } = c;
  if (deal1.promises.length === 0) return undefined;
  const [a, b] = deal1.promises;
  const options = [
    `Promised: ${lcFirst(a!)}. ${dm.first} will hold us to it - please make sure dispatch knows.`,
    `Important: "${a}" was the deal-breaker in negotiation. Not in the MSA, but I gave my word.`,
    `${dm.first} asked twice whether we really mean "${lcFirst(a!)}". I said yes. Don't make me a liar.`,
    b
      ? `Commitments made during the sale, please put them in the runbook: ${a}; ${lcFirst(b)}.`
      : `One commitment to remember: ${lcFirst(a!)}. Everything else is standard.`,
  ];
  return {
    body: rng.pick(options),
    tags: ['promise'],
    date: addDays(deal1.closeDate!, rng.int(0, 10)),
    dealId: deal1.id,
    pinnable: true,
  };
}

function relationshipNote(c: NoteCtx): Draft {
  const { rng, dm, champ, other } = c;
  const options = [
    `${dm.first} prefers texts to calls and hates long emails. Keep updates to three lines.`,
    `${champ.first} is the real champion here: ${dm.first} signs, but ${champ.first} decides. Loop ${champ.first} in on anything that touches ${c.sys}.`,
    `Don't call ${dm.first} before 10am - ${c.ind.busy}. Email first, then call.`,
    `${dm.first} is friendly but skeptical of MSPs after ${rng.pick(PRIOR_PROVIDERS)}. Under-promise, over-deliver.`,
    `${other.name} (${other.title}) calls in most of the tickets and knows the quirks better than anyone. Be nice, it matters.`,
    `Met ${dm.first} for lunch in ${c.row.city.replace(/, ..$/, '')}. Big fan of ${c.place.team}; asked a lot about how we handle ransomware. Good rapport.`,
  ];
  return {
    body: rng.pick(options),
    tags: ['relationship'],
    date: addDays(c.deal1.closeDate!, rng.int(10, 220)),
    pinnable: true,
  };
}

function billingNote(c: NoteCtx): Draft {
  const { rng, dm, deal1, currency } = c;
  const b = c.billing ?? c.champ;
  const limit = money(currency === 'USD' ? 500 : 400, currency);
  const options =
    c.country === 'DE'
      ? [
          `Rechnungen bitte an ${b.name} (${b.email}), Zahlungsziel 14 Tage. Monatlicher Leistungsnachweis gewünscht.`,
          `Billing: ${b.first} needs the invoice in German with the Leistungszeitraum on it, otherwise it comes back.`,
        ]
      : c.country === 'UK'
        ? [
            `Invoices need a PO number and VAT shown separately - ${b.first} rejects anything else.`,
            `Billing contact is ${b.name}. They pay by BACS at month end; anything over ${limit} outside the contract needs ${dm.first}'s sign-off.`,
          ]
        : [
            `Invoices to ${b.name} (${b.email}). They pay by ACH around the 15th; anything over ${limit} outside the contract needs ${dm.first}'s sign-off.`,
            `${b.first} wants one consolidated invoice per month, not one per ticket. PO number required from January.`,
            `Agreed price lock at ${money(deal1.valueRecurring ?? 0, currency)}/month through ${addDays(deal1.closeDate!, 365 * 3).slice(0, 4)}. Don't let the renewal tool bump it.`,
            ...(c.row.industry === 'nonprofit'
              ? [`Nonprofit discount (15%) applied. ${b.first} needs our W-9 every January for their auditors.`]
              : []),
          ];
  return { body: rng.pick(options), tags: ['billing'], date: addDays(deal1.closeDate!, rng.int(3, 60)) };
}

function historyNote(c: NoteCtx): Draft {
  const { rng, dm, sys } = c;
  const pain = fill(rng.pick(c.pains), { sys });
  const options = [
    `Background from discovery call: ${pain}. That's the main reason they're leaving ${rng.pick(PRIOR_PROVIDERS)}.`,
    `${dm.first} walked me through their setup: ${rng.pick(['one server', 'two servers', 'three servers'])}, ${sys}, a mix of Windows 10 and 11, a firewall nobody has the password for. Pain point: ${pain}.`,
    `Discovery notes: ${c.seats} staff, one site in ${c.row.city}. ${dm.first} says the worst week last year was ${pain}.`,
  ];
  return { body: rng.pick(options), tags: ['history'], date: addDays(c.deal1.closeDate!, -rng.int(7, 45)) };
}

function escalationNote(c: NoteCtx): Draft {
  const { rng, dm, currency } = c;
  const credit = money(roundTo((c.deal1.valueRecurring ?? 1000) * rng.pick([0.25, 0.5, 1]), 25), currency);
  const options = [
    `Rough month: ${rng.pick(INCIDENTS)}. ${dm.first} called me directly. Credited ${credit} and set up a review with the service manager.`,
    `${dm.first} unhappy with response time last week (${rng.int(5, 11)} hours on a P2). Smoothed it over, but watch this account.`,
    `Escalation: ${rng.pick(INCIDENTS)}. ${dm.first} is fine now, but said "one more of these and we're talking". Please flag tickets from them as priority.`,
  ];
  return {
    body: rng.pick(options),
    tags: ['escalation'],
    date: addDays(c.deal1.closeDate!, rng.int(60, 420)),
    author: c.owner,
    pinnable: true,
  };
}

function qbrNote(c: NoteCtx): Draft {
  const { rng, dm, champ } = c;
  const topics = [
    'password resets',
    'printers',
    'new-hire setups',
    `${c.sys} slowness`,
    'Outlook',
    'Wi-Fi in the back office',
    'MFA prompts',
  ];
  const [t1, t2] = rng.shuffle(topics);
  const date = addDays(c.deal1.closeDate!, rng.int(90, 500));
  const options = [
    `QBR with ${dm.first} and ${champ.first}: ${rng.int(12, 90)} tickets last quarter, mostly ${t1} and ${t2}. Asked for a short training on ${rng.pick(['spotting phishing', 'Teams', 'OneDrive sharing', 'the new phones'])}.`,
    `${quarterOf(date)} review done. Happy overall. Action items: fix ${t1}; quote ${rng.pick(['new laptops for the front office', 'a second firewall', 'better Wi-Fi', 'a conference-room setup'])}.`,
    `QBR: ${dm.first} wants fewer emails from the ticket system and a one-page monthly summary instead. ${champ.first} mentioned ${t1} again.`,
  ];
  return { body: rng.pick(options), tags: ['qbr'], date };
}

function upsellNote(c: NoteCtx): Draft | undefined {
  const { rng, dm, deal2 } = c;
  if (deal2) {
    const open = deal2.stage !== 'Closed Won';
    const body = open
      ? `Sent proposal for ${deal2.name}: ${money(deal2.valueOneTime ?? 0, c.currency)} one-time. ${dm.first} wants to ${rng.pick(['wait for the budget meeting', 'see references first', 'compare with a quote from another provider', 'split it over two budget years', `run it past ${['nonprofit', 'school'].includes(c.row.industry) ? 'the board' : 'their accountant'}`])}.`
      : `${dm.first} approved ${deal2.name}. ${rng.pick(['Schedule the work after hours.', 'They want it done before their busy season.', 'Coordinate with ' + c.champ.first + ' for access.'])}`;
    return {
      body,
      tags: open ? ['upsell', 'open'] : ['upsell'],
      date: open ? addDays(TODAY, -rng.int(3, 40)) : addDays(deal2.closeDate!, -rng.int(0, 5)),
      dealId: deal2.id,
      author: deal2.salesRep,
    };
  }
  const date = addDays(c.deal1.closeDate!, rng.int(120, 500));
  const options = [
    `Renewal comes up in ${monthName(addDays(c.deal1.closeDate!, 365 * (date > addDays(c.deal1.closeDate!, 365) ? 2 : 1)))}. ${dm.first} hinted at adding ${rng.int(2, 8)} seats for new hires.`,
    `They're looking at a second location in ${c.place.nearby}. Want us to quote network and phones when the lease is signed.`,
    `Mentioned the cyber-insurance renewal is asking for EDR and MFA. Good opening for Security Plus in ${quarterOf(addDays(date, 90))}.`,
  ];
  return { body: rng.pick(options), tags: ['upsell'], date };
}

function complianceNote(c: NoteCtx): Draft | undefined {
  const { rng, dm, country } = c;
  const regulated = ['dental', 'clinic', 'legal', 'accounting', 'insurance'].includes(c.row.industry);
  if (!regulated && !rng.chance(0.3)) return undefined;
  const date = addDays(c.deal1.closeDate!, rng.int(5, 120));
  const body =
    country === 'DE'
      ? `DSGVO: AV-Vertrag unterschrieben. ${dm.first} besteht darauf, dass Backups in deutschen Rechenzentren bleiben.`
      : country === 'UK'
        ? `They need Cyber Essentials for a contract renewal. Said we'd get them through it by ${monthName(addDays(date, 120))}.`
        : ['dental', 'clinic'].includes(c.row.industry)
          ? `BAA signed. Annual HIPAA risk assessment due every ${monthName(date)}; ${dm.first} wants the report in person, not by email.`
          : `Cyber-insurance questionnaire done together with ${dm.first}. Carrier wants MFA on email and remote access, and offline backups. We are covered on all three.`;
  return { body, tags: ['compliance'], date };
}

function buildNotes(c: NoteCtx, key: string, accountId: string): Note[] {
  const { rng } = c;
  const drafts: Draft[] = [handoffNote(c)];
  const makers = rng.shuffle([
    promiseNote,
    relationshipNote,
    billingNote,
    historyNote,
    escalationNote,
    qbrNote,
    complianceNote,
  ]);
  const wanted = rng.weighted([
    [1, 20],
    [2, 30],
    [3, 25],
    [4, 15],
    [5, 10],
  ] as const);
  if (c.deal2) {
    const up = upsellNote(c);
    if (up) drafts.push(up);
  } else if (rng.chance(0.3)) makers.push(upsellNote);
  for (const make of makers) {
    if (drafts.length > wanted) break;
    const d = make(c);
    if (d) drafts.push(d);
  }
  if (drafts.length < 2) drafts.push(qbrNote(c));
  const dated = drafts
    .map((d) => ({ ...d, date: minDate(d.date, TODAY) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const pinCandidates = dated.filter((d) => d.pinnable);
  const pinned = pinCandidates.length > 0 && rng.chance(0.45) ? rng.pick(pinCandidates) : undefined;
  return dated.map((d, i) => ({
    id: sid(`note-${key}-${i + 1}`),
    source: SOURCE,
    sourceId: `note-${key}-${i + 1}`,
    accountId,
    ...(d.dealId ? { dealId: d.dealId } : {}),
    author: d.author ?? c.rep,
    date: d.date,
    body: d.body,
    tags: d.tags,
    pinned: d === pinned,
  }));
}

// ---------------------------------------------------------------------------------------------
// The hand-written accounts

function fixedRecords(out: Built): void {
  const F = SAMPLE_FIXED;
  const account = (sourceId: string, a: Omit<Account, 'id' | 'source' | 'sourceId'>): Account => ({
    id: sid(sourceId),
    source: SOURCE,
    sourceId,
    ...a,
  });
  const contact = (
    sourceId: string,
    accountSourceId: string,
    c: Omit<Contact, 'id' | 'source' | 'sourceId' | 'accountId'>,
  ): Contact => ({
    id: sid(sourceId),
    source: SOURCE,
    sourceId,
    accountId: sid(accountSourceId),
    ...c,
  });
  const note = (
    sourceId: string,
    accountSourceId: string,
    n: Omit<Note, 'id' | 'source' | 'sourceId' | 'accountId'>,
  ): Note => ({
    id: sid(sourceId),
    source: SOURCE,
    sourceId,
    accountId: sid(accountSourceId),
    ...n,
  });

  // Acme Dental Group
  out.accounts.push(
    account(F.acme.accountSourceId, {
      name: F.acme.name,
      aliases: [F.acme.alias],
      domains: [F.acme.domain],
      externalIds: { connectwise: '250' },
      industry: 'Dental practice',
      leadSource: 'Direct mail',
      customerSince: '2025-03-14',
      owner: 'Priya Nair',
    }),
  );
  out.contacts.push(
    contact('ct-acme-dana', F.acme.accountSourceId, {
      name: 'Dana Whitfield',
      email: 'dana@acmedental.com',
      role: 'decision maker',
      title: 'Practice owner, DDS',
      phone: '(503) 555-0142',
    }),
    contact('ct-acme-sam', F.acme.accountSourceId, {
      name: 'Sam Ortiz',
      email: 'sam.ortiz@acmedental.com',
      role: 'end user',
      title: 'Front desk lead',
    }),
    contact('ct-acme-lorraine', F.acme.accountSourceId, {
      name: 'Lorraine Kitts',
      email: 'lorraine@acmedental.com',
      role: 'billing',
      title: 'Office manager',
      phone: '(503) 555-0143',
    }),
  );
  out.deals.push({
    id: F.acme.dealId,
    source: SOURCE,
    sourceId: F.acme.dealSourceId,
    accountId: F.acme.accountId,
    campaignId: F.acme.campaignId,
    leadSource: 'Direct mail',
    name: F.acme.dealName,
    valueOneTime: 6500,
    valueRecurring: 4200,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2025-03-14',
    salesRep: 'Priya Nair',
    productsSold: 'Managed IT Essentials, Dentrix server hosting, nightly backups',
    promises: ['1-hour response on the dental scheduler (Dentrix)', 'On-site visit within 4 hours for chair-side PCs'],
  });
  out.notes.push(
    note('note-acme-1', F.acme.accountSourceId, {
      dealId: F.acme.dealId,
      author: 'Priya Nair',
      date: '2025-02-20',
      tags: ['history'],
      pinned: false,
      body: 'Discovery at the Hawthorne office: 18 staff, 9 operatories, Dentrix on an old Dell tower under the front desk. Dana kept our postcard on the break-room fridge for a month before calling.',
    }),
    note('note-acme-2', F.acme.accountSourceId, {
      dealId: F.acme.dealId,
      author: 'Priya Nair',
      date: '2025-03-14',
      tags: ['promise', 'handoff'],
      pinned: true,
      body: F.acme.pinnedNote,
    }),
    note('note-acme-3', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-09-30',
      tags: ['qbr'],
      pinned: false,
      body: 'QBR with Dana and Lorraine: 31 tickets last quarter, none on Dentrix longer than 40 minutes. Sam Ortiz at the front desk calls in most issues. Dana is thinking about a second location in Beaverton next year - wants us involved early.',
    }),
  );

  // Baker & Price LLP
  out.accounts.push(
    account(F.baker.accountSourceId, {
      name: F.baker.name,
      aliases: ['Baker Price'],
      domains: [F.baker.domain],
      externalIds: { connectwise: '251' },
      industry: 'Law firm',
      leadSource: 'Webinar',
      customerSince: '2024-05-20',
      owner: 'Marcus Lee',
    }),
  );
  out.contacts.push(
    contact('ct-baker-helen', F.baker.accountSourceId, {
      name: 'Helen Baker',
      email: 'helen@bakerprice.law',
      role: 'decision maker',
      title: 'Managing partner',
      phone: '(206) 555-0117',
    }),
    contact('ct-baker-colin', F.baker.accountSourceId, {
      name: 'Colin Price',
      email: 'colin@bakerprice.law',
      role: 'influencer',
      title: 'Partner',
    }),
    contact('ct-baker-ines', F.baker.accountSourceId, {
      name: 'Inés Carvalho',
      email: 'ines.carvalho@bakerprice.law',
      role: 'champion',
      title: 'Firm administrator',
      phone: '(206) 555-0118',
    }),
  );
  out.deals.push({
    id: F.baker.dealId,
    source: SOURCE,
    sourceId: F.baker.dealSourceId,
    accountId: F.baker.accountId,
    campaignId: F.baker.campaignId,
    leadSource: 'Webinar',
    name: 'Managed IT Complete - Law Firm (24 seats)',
    valueOneTime: 7500,
    valueRecurring: 5400,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2024-05-20',
    salesRep: 'Marcus Lee',
    productsSold: 'Managed IT Complete, NetDocuments support, encrypted email, remote access for attorneys',
    promises: [
      'Same-day response during trial weeks',
      'Encrypted email for client files',
      'Quarterly business review with the managing partner',
    ],
  });
  out.deals.push({
    id: sid('deal-baker-2'),
    source: SOURCE,
    sourceId: 'deal-baker-2',
    accountId: F.baker.accountId,
    leadSource: 'QBR',
    name: 'Security Plus add-on (EDR + MFA)',
    valueOneTime: 2000,
    valueRecurring: 720,
    currency: 'USD',
    stage: 'Negotiation',
    closeDate: '2026-12-18',
    salesRep: 'Marcus Lee',
    productsSold: 'Security Plus add-on',
    promises: ['No MFA prompts in the courtroom: number matching only'],
  });
  out.notes.push(
    note('note-baker-1', F.baker.accountSourceId, {
      dealId: F.baker.dealId,
      author: 'Marcus Lee',
      date: '2024-05-20',
      tags: ['handoff'],
      pinned: false,
      body: 'Helen attended two sessions of the legal tech webinar and asked the best question of the series (retention of client files after matters close). 24 seats, NetDocuments. Colin Price is skeptical; Helen decides.',
    }),
    note('note-baker-2', F.baker.accountSourceId, {
      dealId: F.baker.dealId,
      author: 'Marcus Lee',
      date: '2024-06-03',
      tags: ['promise'],
      pinned: true,
      body: 'Trial weeks are sacred: same-day response, and never schedule maintenance the week before a trial. Inés keeps the trial calendar and will send it to the service desk.',
    }),
    note('note-baker-3', F.baker.accountSourceId, {
      dealId: sid('deal-baker-2'),
      author: 'Marcus Lee',
      date: '2026-10-29',
      tags: ['upsell', 'open'],
      pinned: false,
      body: 'Their insurer wants EDR and MFA by renewal. Quote sent for Security Plus; Helen wants to see the MFA experience on a phone before she signs.',
    }),
  );

  // Müller & Söhne GmbH
  out.accounts.push(
    account(F.mueller.accountSourceId, {
      name: F.mueller.name,
      aliases: ['Mueller & Soehne', 'Müller und Söhne'],
      domains: [F.mueller.domain],
      externalIds: { connectwise: '252' },
      industry: 'Manufacturing',
      leadSource: 'Trade show',
      customerSince: '2025-01-28',
      owner: 'Felix Hartmann',
    }),
  );
  out.contacts.push(
    contact('ct-mueller-klaus', F.mueller.accountSourceId, {
      name: 'Klaus Müller',
      email: 'k.mueller@mueller-soehne.de',
      role: 'decision maker',
      title: 'Geschäftsführung',
    }),
    contact('ct-mueller-sabine', F.mueller.accountSourceId, {
      name: 'Sabine Roth',
      email: 's.roth@mueller-soehne.de',
      role: 'billing',
      title: 'Buchhaltung',
    }),
    contact('ct-mueller-deniz', F.mueller.accountSourceId, {
      name: 'Deniz Yılmaz',
      email: 'd.yilmaz@mueller-soehne.de',
      role: 'technical',
      title: 'IT-Beauftragter',
    }),
  );
  out.deals.push({
    id: F.mueller.dealId,
    source: SOURCE,
    sourceId: F.mueller.dealSourceId,
    accountId: F.mueller.accountId,
    campaignId: F.mueller.campaignId,
    leadSource: 'Trade show',
    name: 'Managed IT Complete - 45 Arbeitsplätze',
    valueOneTime: 12500,
    valueRecurring: 7900,
    currency: 'EUR',
    stage: 'Closed Won',
    closeDate: '2025-01-28',
    salesRep: 'Felix Hartmann',
    productsSold: 'Managed IT Complete, proALPHA server support, shop-floor network segmentation',
    promises: [
      'After-hours support for the night shift',
      'proALPHA server 2-hour response, 24x7',
      'On-site visit in Esslingen within 4 hours',
    ],
  });
  out.notes.push(
    note('note-mueller-1', F.mueller.accountSourceId, {
      dealId: F.mueller.dealId,
      author: 'Felix Hartmann',
      date: '2024-10-23',
      tags: ['history'],
      pinned: false,
      body: 'Herr Müller kam am zweiten Messetag an den Stand. Drei Schichten, die Nachtschicht hatte bisher überhaupt keine IT-Betreuung. Deniz Yılmaz ist der IT-Beauftragte (nicht aus der Familie); kaufmännisch entscheidet nur Klaus Müller.',
    }),
    note('note-mueller-2', F.mueller.accountSourceId, {
      dealId: F.mueller.dealId,
      author: 'Felix Hartmann',
      date: '2025-01-28',
      tags: ['promise', 'handoff'],
      pinned: true,
      body: 'Night shift runs 22:00-06:00 and depends on proALPHA for every work order. We promised 24x7 2-hour response on the proALPHA server. If it is down at 3am, call Deniz, not Klaus.',
    }),
  );

  // Riverside Family Clinic
  out.accounts.push(
    account(F.riverside.accountSourceId, {
      name: F.riverside.name,
      aliases: [],
      domains: [F.riverside.domain],
      externalIds: { connectwise: '253' },
      industry: 'Healthcare clinic',
      leadSource: 'Referral',
      customerSince: '2024-08-09',
      owner: 'Diego Alvarez',
    }),
  );
  out.contacts.push(
    contact('ct-riverside-anita', F.riverside.accountSourceId, {
      name: 'Anita Rao',
      email: 'anita.rao@riversideclinic.org',
      role: 'decision maker',
      title: 'Medical director',
    }),
    contact('ct-riverside-tom', F.riverside.accountSourceId, {
      name: 'Tom Becker',
      email: 'tom.becker@riversideclinic.org',
      role: 'billing',
      title: 'Billing manager',
      phone: '(360) 555-0181',
    }),
    contact('ct-riverside-luis', F.riverside.accountSourceId, {
      name: 'Luis Herrera',
      email: 'luis.herrera@riversideclinic.org',
      role: 'champion',
      title: 'Practice administrator',
    }),
  );
  out.deals.push({
    id: F.riverside.dealId,
    source: SOURCE,
    sourceId: F.riverside.dealSourceId,
    accountId: F.riverside.accountId,
    campaignId: F.riverside.campaignId,
    leadSource: 'Referral',
    name: 'Managed IT Complete - Clinic (26 seats)',
    valueOneTime: 8000,
    valueRecurring: 4850,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2024-08-09',
    salesRep: 'Diego Alvarez',
    productsSold: 'Managed IT Complete, eClinicalWorks workstation support, HIPAA risk assessment, fax-to-email',
    promises: [
      '1-hour response on the EHR (eClinicalWorks)',
      'Sign a BAA and run an annual HIPAA risk assessment',
      'After-hours support for the evening clinic',
    ],
  });
  out.notes.push(
    note('note-riverside-1', F.riverside.accountSourceId, {
      dealId: F.riverside.dealId,
      author: 'Diego Alvarez',
      date: '2024-08-09',
      tags: ['handoff'],
      pinned: false,
      body: 'Referred by Columbia Pediatrics (thank-you card sent). Dr. Rao signs, Luis runs the place day to day. Evening clinic Tue/Thu until 8pm - make sure the after-hours line knows.',
    }),
    note('note-riverside-2', F.riverside.accountSourceId, {
      author: 'Diego Alvarez',
      date: '2025-02-11',
      tags: ['billing'],
      pinned: false,
      body: 'Tom Becker handles all invoices and is very precise: one invoice per month, line items matching the contract, PO on every page. He will call about anything that looks off.',
    }),
  );
}

// ---------------------------------------------------------------------------------------------

function buildCampaigns(): Campaign[] {
  return CAMPAIGNS.map((c) => ({
    id: sid(c.sourceId),
    source: SOURCE,
    sourceId: c.sourceId,
    name: c.name,
    channel: c.channel,
    startDate: c.startDate,
    ...(c.endDate ? { endDate: c.endDate } : {}),
    cost: c.cost,
    currency: 'USD',
    owner: c.owner,
  }));
}

/** The whole sample world. Deterministic: every call returns equal, fresh objects. */
export function makeSampleData(): RecordSet {
  const out: Built = { accounts: [], contacts: [], deals: [], notes: [], nextExternalId: 300 };
  fixedRecords(out);
  for (const row of parseAccountTable()) buildAccount(row, out);
  return {
    accounts: out.accounts,
    contacts: out.contacts,
    campaigns: buildCampaigns(),
    deals: out.deals,
    notes: out.notes,
  };
}
