/**
 * Built-in sample data: the sales backstory of "Northwind Managed IT", a fictional MSP with
 * offices in Portland (OR), Columbus (OH), Leeds (UK) and Stuttgart (DE).
 *
 * Everything is generated from the small tables in sources/sample/ with a seeded PRNG, so every call returns
 * the same records (tests and screenshots rely on it). Four accounts are written out by hand
 * because tests and the help-desk fixtures in tests/fixtures/ refer to them: see SAMPLE_FIXED.
 * All people, companies and domains are made up; phone numbers use fictional ranges.
 */
import type { Account, Campaign, Deal, RecordSet } from '@/core/model';
import { fnv1a } from '@/core/hash';
import { Rng } from '@/core/random';
import { addDays, fromDays, toDays } from '@/core/days';
import { CAMPAIGNS, campaignSpec, REPS, type CampaignSpec } from './sample/campaigns';
import { PLACES, FIRST, LAST, type Place } from './sample/people';
import {
  DE_DM_TITLES,
  DE_TITLES,
  GENERIC_PROMISES,
  INDUSTRIES,
  NO_CAMPAIGN,
  UK_DM_TITLES,
  US_ONLY,
  type Industry,
} from './sample/industries';
import { parseAccountTable, type AccountRow } from './sample/accounts';
import { EXPANSIONS, fill, LEGACY_SOURCES, OPEN_STAGES, type Person } from './sample/phrases';
import { buildNotes, roundTo, type NoteCtx } from './sample/notes';
import { fixedRecords } from './sample/fixed';
import { money, sid, SOURCE, TODAY, type Built, type Country, type Role } from './sample/world';

export { SAMPLE_FIXED } from './sample/fixed';

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

function buildAccount(row: AccountRow, out: Built): void {
  const rng = new Rng(fnv1a(row.name));
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
