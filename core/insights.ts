/**
 * Campaign insights: which kind of customer each campaign and channel brings in, measured by the
 * tickets Backstory matched to them (counted only with the technician's consent). Pure
 * arithmetic over records; services/insights.ts fetches them.
 */
import type { Account, Campaign, Deal } from './model';
import { isWonDeal, pickWinningDeal } from './backstory';
import { flaggedBy, type Flag } from './flags';

export interface TicketViewLike {
  day: string;
  ticketKey: string;
  accountId: string;
  kind?: string;
}

export interface InsightRow {
  /** Campaign id, or a channel name for channel rows; '' for customers with no campaign. */
  key: string;
  label: string;
  channel: string;
  customers: number;
  /** Recurring revenue per month of the winning deals. */
  mrr: number;
  tickets30: number;
  tickets90: number;
  /** Tickets in 90 days per customer. */
  perCustomer: number;
  /** Tickets in 90 days per 1,000 of monthly recurring revenue (undefined without revenue). */
  per1kMrr?: number;
  cost?: number;
  /** Ticket types in 90 days with their counts, most frequent first (shown: the first 3). */
  kinds: [string, number][];
  /** Fewer customers than SMALL_SAMPLE: shown, but labelled as too few to compare. */
  small: boolean;
}

const SMALL_SAMPLE = 5;

export interface InsightInput {
  accounts: Pick<Account, 'id'>[];
  deals: Deal[];
  campaigns: Campaign[];
  views: TicketViewLike[];
  /** YYYY-MM-DD of today. */
  today: string;
}

const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** One row per campaign that won customers (and one for customers without a campaign). */
export function campaignInsights(input: InsightInput): InsightRow[] {
  const dealsBy = new Map<string, Deal[]>();
  for (const d of input.deals) dealsBy.set(d.accountId, [...(dealsBy.get(d.accountId) ?? []), d]);
  const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
  const since30 = daysBefore(input.today, 30);
  const since90 = daysBefore(input.today, 90);
  // Distinct tickets per account in each window (a ticket seen on several days counts once).
  const tickets = new Map<string, { t30: Set<string>; t90: Set<string>; kinds: Map<string, string> }>();
  for (const v of input.views) {
    if (v.day < since90 || v.day > input.today) continue;
    const entry = tickets.get(v.accountId) ?? {
      t30: new Set<string>(),
      t90: new Set<string>(),
      kinds: new Map<string, string>(),
    };
    entry.t90.add(v.ticketKey);
    if (v.day >= since30) entry.t30.add(v.ticketKey);
    if (v.kind) entry.kinds.set(v.ticketKey, v.kind);
    tickets.set(v.accountId, entry);
  }

  const rows = new Map<string, InsightRow>();
  for (const account of input.accounts) {
    const won = pickWinningDeal(dealsBy.get(account.id) ?? []);
    if (!won || !isWonDeal(won)) continue;
    const campaign = won.campaignId ? campaigns.get(won.campaignId) : undefined;
    const key = campaign?.id ?? '';
    const row = rows.get(key) ?? {
      key,
      label: campaign?.name ?? '',
      channel: campaign?.channel ?? '',
      customers: 0,
      mrr: 0,
      tickets30: 0,
      tickets90: 0,
      perCustomer: 0,
      cost: campaign?.cost,
      kinds: [],
      small: false,
    };
    row.customers += 1;
    row.mrr += won.valueRecurring ?? 0;
    const seen = tickets.get(account.id);
    row.tickets30 += seen?.t30.size ?? 0;
    row.tickets90 += seen?.t90.size ?? 0;
    for (const kind of seen?.kinds.values() ?? []) row.kinds.push([kind, 1]);
    rows.set(key, row);
  }
  return [...rows.values()].map(finish).sort(byLoad);
}

/** The same rows summed per channel ("Postcard mailer", "Webinar"...). */
export function channelInsights(campaignRows: InsightRow[]): InsightRow[] {
  const rows = new Map<string, InsightRow>();
  for (const r of campaignRows) {
    const key = r.channel;
    const row = rows.get(key) ?? {
      key,
      label: r.channel,
      channel: r.channel,
      customers: 0,
      mrr: 0,
      tickets30: 0,
      tickets90: 0,
      perCustomer: 0,
      cost: undefined,
      kinds: [],
      small: false,
    };
    row.kinds.push(...r.kinds);
    row.customers += r.customers;
    row.mrr += r.mrr;
    row.tickets30 += r.tickets30;
    row.tickets90 += r.tickets90;
    if (r.cost !== undefined) row.cost = (row.cost ?? 0) + r.cost;
    rows.set(key, row);
  }
  return [...rows.values()].map(finish).sort(byLoad);
}

/** Counts per kind, most frequent first ("Incident" 12, "Request" 5...). */
function topKinds(kinds: [string, number][]): [string, number][] {
  const counts = new Map<string, number>();
  for (const [kind, n] of kinds) counts.set(kind, (counts.get(kind) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function finish(r: InsightRow): InsightRow {
  return {
    ...r,
    kinds: topKinds(r.kinds),
    perCustomer: r.customers ? r.tickets90 / r.customers : 0,
    per1kMrr: r.mrr > 0 ? (r.tickets90 / r.mrr) * 1000 : undefined,
    small: r.customers < SMALL_SAMPLE,
  };
}

/** Heaviest load per customer first; rows too small to compare after the others. */
function byLoad(a: InsightRow, b: InsightRow): number {
  return Number(a.small) - Number(b.small) || b.perCustomer - a.perCustomer || a.label.localeCompare(b.label);
}

export const INSIGHT_CSV_COLUMNS = [
  'campaign',
  'channel',
  'customers',
  'mrr',
  'tickets30',
  'tickets90',
  'ticketsPerCustomer90',
  'ticketsPer1kMrr90',
  'cost',
  'topTicketTypes',
  'tooFewToCompare',
] as const;

/** The three commonest: "Incident (12), Request (5), Problem (2)". */
export const kindsText = (kinds: [string, number][]) =>
  kinds
    .slice(0, 3)
    .map(([k, n]) => `${k} (${n})`)
    .join(', ');

export function insightRow(r: InsightRow): string[] {
  return [
    r.label,
    r.channel,
    String(r.customers),
    String(Math.round(r.mrr)),
    String(r.tickets30),
    String(r.tickets90),
    r.perCustomer.toFixed(2),
    r.per1kMrr === undefined ? '' : r.per1kMrr.toFixed(2),
    r.cost === undefined ? '' : String(r.cost),
    kindsText(r.kinds),
    r.small ? 'yes' : 'no',
  ];
}

/**
 * A flag for sales as marketing reads it: which customer, which campaign won that customer, what
 * the technician saw, and who the technician was (so sales and marketing know whom to ask).
 */
export interface FlagInsight {
  id: string;
  createdAt: string;
  kind: Flag['kind'];
  urgency: Flag['urgency'];
  value?: number;
  currency?: string;
  account: string;
  /** The campaign of the deal that won the customer; '' when none is recorded. */
  campaign: string;
  channel: string;
  status: Flag['status'];
  /** "Sam Tech <sam@msp.example>"; '' when nobody is known (a flag from before names were kept). */
  by: string;
  byName: string;
  byEmail: string;
}

/** Every flag, newest first, with the campaign that won its customer and who raised it. */
export function flagInsights(input: {
  deals: Deal[];
  campaigns: Campaign[];
  flags: Pick<
    Flag,
    'id' | 'createdAt' | 'kind' | 'urgency' | 'value' | 'currency' | 'accountId' | 'accountName' | 'status' | 'by'
  >[];
}): FlagInsight[] {
  const dealsBy = new Map<string, Deal[]>();
  for (const d of input.deals) dealsBy.set(d.accountId, [...(dealsBy.get(d.accountId) ?? []), d]);
  const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
  return input.flags
    .map((f) => {
      const won = pickWinningDeal(dealsBy.get(f.accountId) ?? []);
      const campaign = won && isWonDeal(won) && won.campaignId ? campaigns.get(won.campaignId) : undefined;
      return {
        id: f.id,
        createdAt: f.createdAt,
        kind: f.kind,
        urgency: f.urgency,
        ...(f.value !== undefined ? { value: f.value } : {}),
        ...(f.currency ? { currency: f.currency } : {}),
        account: f.accountName,
        campaign: campaign?.name ?? '',
        channel: campaign?.channel ?? '',
        status: f.status,
        by: flaggedBy(f),
        byName: f.by?.name.trim() ?? '',
        byEmail: f.by?.email.trim() ?? '',
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export const FLAG_INSIGHT_CSV_COLUMNS = [
  'createdAt',
  'account',
  'campaign',
  'channel',
  'kind',
  'urgency',
  'value',
  'currency',
  'status',
  'flaggedBy',
  'flaggedByEmail',
] as const;

export function flagInsightRow(f: FlagInsight): string[] {
  return [
    f.createdAt,
    f.account,
    f.campaign,
    f.channel,
    f.kind,
    f.urgency,
    f.value === undefined ? '' : String(f.value),
    f.currency ?? '',
    f.status,
    f.byName,
    f.byEmail,
  ];
}
