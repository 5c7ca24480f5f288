/**
 * Seeded, realistic MSP sales data at benchmark sizes: companies with aliases and domains,
 * contacts, campaigns, deals and ~200-character notes. Same seed, same data, every run.
 */
import type { Account, Campaign, Contact, Deal, Note, RecordSet } from '../core/model';
import { mulberry32 } from '../core/random';

/** The sample data's seeded generator (sources/sample-data.ts), shared rather than copied. */
export const rng = mulberry32;

const W1 =
  'Acme Apex Alder Amber Anchor Arbor Ash Aspen Atlas Aurora Bay Beacon Birch Blue Bold Bridge Bright Brook Canyon Cardinal Cedar Centric Chestnut Clear Cliff Coastal Cobalt Copper Coral Crest Crown Cypress Delta Desert Eagle East Echo Elm Ember Evergreen Falcon Fern Firefly Forest Fox Frontier Galaxy Garnet Glacier Golden Granite Harbor Hawk Heritage Highland Hill Horizon Iron Ivy Jade Juniper Keystone Lake Lantern Laurel Liberty Lighthouse Lincoln Linden Lotus Magnolia Maple Marble Meadow Mesa Metro Midland Mill Mission Monarch North Oak Ocean Olive Onyx Orchard Pacific Park Peak Pearl Pine Pioneer Plaza Prairie Quarry Rainier Raven Redwood Ridge River Rock Rose Ruby Sage Sapphire Sequoia Shore Sierra Silver Skyline Spring Spruce Star Stone Summit Sun Timber Trail Union Valley Vista West Willow Zenith'.split(
    ' ',
  );
const W2 =
  'Dental Family Legal Veterinary Orthodontic Medical Accounting Realty Logistics Engineering Architecture Insurance Pharmacy Chiropractic Pediatric Optometry Physical Therapy Construction Manufacturing Nonprofit Church School Hotel Restaurant Brewery Winery Marina Aviation Fitness Salon Imaging Surgical Home Health Senior Living Credit Union Title Escrow Mortgage Wealth Tax Consulting Marketing Design Printing Staffing Security Landscaping Plumbing Electric Roofing Auto Body Funeral'.split(
    ' ',
  );
const W3 =
  'Group Partners Associates Clinic Center Services Solutions Studio Practice Company Collective Works Office Care Specialists Advisors Labs'.split(
    ' ',
  );
const SUFFIX = ['', '', '', ' LLC', ' Inc.', ' Ltd', ' LLP', ' GmbH', ' P.C.', ' Co.'];
const FIRST =
  'Dana Sam Helen Tom Priya Marcus Nora Lorraine Ravi Julia Omar Grace Liam Emma Noah Olivia Mason Ava Lucas Mia Ethan Sofia Logan Chloe Aiden Zoe Caleb Lily Owen Hannah Isaac Layla Leo Nina Felix Ines Jonas Clara Mateo Elena'.split(
    ' ',
  );
const LAST =
  'Whitfield Ortiz Baker Becker Nair Lee Quinn Patel Kim Nguyen Garcia Miller Schmidt Rossi Novak Silva Cohen Walsh Murphy Okafor Tanaka Larsen Dubois Moreau Fischer Weber Costa Reyes Brooks Hughes Price Foster Bennett Hayes Ward Cruz Flores Ramos Khan Ali'.split(
    ' ',
  );
const CHANNELS = [
  'postcard mailer',
  'webinar',
  'referral',
  'google ads',
  'trade show',
  'linkedin ads',
  'seo',
  'partner',
  'cold outreach',
  'newsletter',
];
const SEASONS = ['Spring', 'Summer', 'Fall', 'Winter', 'Q1', 'Q2', 'Q3', 'Q4'];
const TLDS = ['com', 'com', 'com', 'net', 'org', 'law', 'de', 'co.uk', 'io', 'us'];
const NOTE_WORDS = (
  'burned by previous provider scheduler outage promised response hardware refresh budget approved renewal quarterly review ' +
  'migration server backup firewall licensing phones voip cloud tenant compliance hipaa audit expansion second location new hires ' +
  'laptop fleet printer fax scanner dentrix eaglesoft quickbooks netdocuments clio sharepoint onedrive exchange outage downtime ' +
  'decision maker champion billing contact prefers email call before visiting office manager owner partner cfo unhappy delighted ' +
  'referral upsell project proposal signed discount contract term month notice onboarding kickoff training'
).split(' ');

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export interface BenchData extends RecordSet {
  /** Contacts' emails by account, for queries. */
  emailsByAccount: Map<string, string[]>;
}

export function makeData(accountCount: number, seed = 7): BenchData {
  const r = rng(seed * 1_000_003 + accountCount);
  const campaignCount = Math.max(50, Math.round(accountCount / 10));
  const notesPerAccount = 4;
  const src = (id: string) => ({ id: `bench:${id}`, source: 'bench', sourceId: id });

  const campaigns: Campaign[] = [];
  for (let i = 0; i < campaignCount; i++) {
    const channel = pick(r, CHANNELS);
    const year = 2018 + Math.floor(r() * 8);
    campaigns.push({
      ...src(`c${i}`),
      name: `${pick(r, SEASONS)} ${pick(r, W2)} ${pick(r, W1)} ${channel.replace(/\b\w/g, (c) => c.toUpperCase())} ${year} #${i}`,
      channel,
      startDate: `${year}-0${1 + Math.floor(r() * 9)}-01`,
      cost: Math.round(r() * 20000),
    });
  }

  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const deals: Deal[] = [];
  const notes: Note[] = [];
  const emailsByAccount = new Map<string, string[]>();
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>();
  for (let i = 0; i < accountCount; i++) {
    let name = '';
    for (let tries = 0; !name || usedNames.has(name.toLowerCase()); tries++) {
      name = `${pick(r, W1)} ${pick(r, W1)} ${pick(r, W2)} ${pick(r, W3)}${pick(r, SUFFIX)}`;
      if (tries > 20) name += ` ${i}`;
    }
    usedNames.add(name.toLowerCase());
    const words = name.replace(/ (LLC|Inc\.|Ltd|LLP|GmbH|P\.C\.|Co\.)$/, '').split(' ');
    let domain = `${slug(words.slice(0, 2).join(''))}${slug(words[2]!).slice(0, 6)}.${pick(r, TLDS)}`;
    while (usedDomains.has(domain)) domain = `${slug(words.join(''))}${Math.floor(r() * 1000)}.${pick(r, TLDS)}`;
    usedDomains.add(domain);
    const domains = [domain, ...(r() < 0.4 ? [`${slug(words[0]! + words[2]!)}${i}.com`] : [])];
    const aliasCount = 1 + Math.floor(r() * 3);
    const aliases = [
      words
        .map((w) => w[0])
        .join('')
        .toUpperCase() + (aliasCount > 1 ? '' : ''),
      `${words[0]} ${words[2]}`,
      `${words[1]} ${words[2]} ${words[3]}`,
    ].slice(0, aliasCount);
    const id = `a${i}`;
    accounts.push({
      ...src(id),
      name,
      aliases,
      domains,
      externalIds: {},
      industry: words[2],
      leadSource: pick(r, CHANNELS),
    });
    const emails: string[] = [];
    for (let k = 0; k < 2; k++) {
      const first = pick(r, FIRST);
      const last = pick(r, LAST);
      const email = `${slug(first)}.${slug(last)}${k ? k : ''}@${domain}`;
      emails.push(email);
      contacts.push({
        ...src(`p${i}-${k}`),
        accountId: `bench:${id}`,
        name: `${first} ${last}`,
        email,
        role: k === 0 ? 'decision maker' : 'end user',
      });
    }
    emailsByAccount.set(`bench:${id}`, emails);
    const campaign = pick(r, campaigns);
    deals.push({
      ...src(`d${i}`),
      accountId: `bench:${id}`,
      campaignId: campaign.id,
      name: `${words[0]} ${words[2]} - Managed IT (${5 + Math.floor(r() * 40)} seats)`,
      valueRecurring: Math.round(r() * 8000),
      currency: 'USD',
      stage: 'Closed Won',
      closeDate: campaign.startDate,
      salesRep: `${pick(r, FIRST)} ${pick(r, LAST)}`,
      promises: ['4-hour response'],
    });
    for (let n = 0; n < notesPerAccount; n++) {
      const text: string[] = [];
      while (text.join(' ').length < 190) text.push(pick(r, NOTE_WORDS));
      notes.push({
        ...src(`n${i}-${n}`),
        accountId: `bench:${id}`,
        author: pick(r, FIRST),
        date: '2025-01-01',
        body: `${text.join(' ')} ${words[0]}-${i}-${n}`,
        tags: [],
        pinned: n === 0,
      });
    }
  }
  return { accounts, contacts, campaigns, deals, notes, emailsByAccount };
}
