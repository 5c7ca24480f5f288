/** The generated sales notes: one maker per kind of note, each picking from a few phrasings. */
import type { Deal, Note } from '@/core/model';
import type { Rng } from '@/core/random';
import { addDays, minDate, monthName, prettyDate, quarterOf } from '@/core/days';
import type { CampaignSpec } from './campaigns';
import type { AccountRow } from './accounts';
import type { Industry } from './industries';
import type { Place } from './people';
import { fill, INCIDENTS, PRIOR_PROVIDERS, PRIOR_PROVIDERS_DE, type Person } from './phrases';
import { money, sid, SOURCE, TODAY, type Country } from './world';

export interface NoteCtx {
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

export function buildNotes(c: NoteCtx, key: string, accountId: string): Note[] {
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

export function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}
