/**
 * HubSpot CRM v3 records -> Backstory's model. Pure and defensive: API JSON is checked field by
 * field, and a record without what it needs is skipped with a reason instead of breaking a sync.
 */
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { normalizeDomain, websiteDomain } from '@/core/normalize';
import { recordIds, str } from './api-values';

const SOURCE = 'hubspot';

export interface HsObject {
  id: string;
  properties: Record<string, unknown>;
  associations?: Record<string, { results?: { id?: unknown }[] }>;
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const day = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s) return undefined;
  const d = /^\d+$/.test(s) ? new Date(Number(s)) : new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
};
const rid = (id: string) => recordIds(SOURCE, id);

/** The first associated record of a type ("companies", "deals"). */
function associated(o: HsObject, type: string): string | undefined {
  const first = o.associations?.[type]?.results?.[0]?.id;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

export function isHsObject(v: unknown): v is HsObject {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as HsObject).id === 'string' &&
    typeof (v as HsObject).properties === 'object' &&
    (v as HsObject).properties !== null
  );
}

/** HubSpot's Original Source, with its drill-down ("Offline sources (Postcard mailer)"). */
function leadSource(p: Record<string, unknown>): string | undefined {
  const source = str(p.hs_analytics_source)?.toLowerCase().replace(/_/g, ' ');
  const detail = str(p.hs_analytics_source_data_1);
  return source ? (detail ? `${source} (${detail})` : source) : undefined;
}

export function mapCompany(o: HsObject): Account | undefined {
  const p = o.properties;
  const name = str(p.name);
  if (!name) return undefined;
  const domains = [str(p.domain), ...(str(p.hs_additional_domains)?.split(';') ?? []), websiteDomain(p.website)]
    .map((d) => (d ? normalizeDomain(d) : ''))
    .filter((d, i, all) => d && all.indexOf(d) === i);
  return {
    ...rid(o.id),
    name,
    aliases: [],
    domains,
    externalIds: { hubspot: o.id },
    industry: str(p.industry),
    leadSource: leadSource(p),
    customerSince: day(p.hs_date_entered_customer),
  };
}

export function mapContact(o: HsObject): Contact | undefined {
  const p = o.properties;
  const name = [str(p.firstname), str(p.lastname)].filter(Boolean).join(' ') || str(p.email);
  if (!name) return undefined;
  const company = associated(o, 'companies');
  return {
    ...rid(o.id),
    name,
    email: str(p.email)?.toLowerCase() ?? '',
    ...(company ? { accountId: `${SOURCE}:${company}` } : {}),
    role: str(p.hs_buying_role)?.toLowerCase().replace(/_/g, ' '),
    title: str(p.jobtitle),
  };
}

/** A deal stage as the pipelines API describes it: its label, and whether a deal there is won. */
export interface DealStage {
  label: string;
  /** true: closed won; false: closed lost or still open; undefined: the stage's metadata says neither. */
  won?: boolean;
}

/**
 * Stage id -> stage, from GET /crm/v3/pipelines/deals ({ results: [{ id, label, stages: [{ id,
 * label, metadata: { isClosed: "true", probability: "1.0" } }] }] }). A closed stage with
 * probability 1 is won, a closed one with probability 0 lost (HubSpot's pipelines guide: deal
 * stage metadata has `isClosed` and `probability`). Stage ids outside the default pipeline are
 * numbers ("1034772"), so they say nothing by themselves.
 */
export function dealStages(answer: unknown): Map<string, DealStage> {
  const stages = new Map<string, DealStage>();
  const pipelines = (answer as { results?: unknown } | null)?.results;
  for (const p of Array.isArray(pipelines) ? pipelines : []) {
    const list = (p as { stages?: unknown } | null)?.stages;
    for (const st of Array.isArray(list) ? list : []) {
      const { id, label, metadata } = (st ?? {}) as { id?: unknown; label?: unknown; metadata?: unknown };
      if (typeof id !== 'string' || !str(label)) continue;
      const meta = (metadata && typeof metadata === 'object' ? metadata : {}) as Record<string, unknown>;
      const closed = String(meta.isClosed).toLowerCase() === 'true';
      const probability = num(meta.probability);
      const won = !closed ? false : probability === 1 ? true : probability === 0 ? false : undefined;
      stages.set(id, { label: str(label)!, ...(won !== undefined ? { won } : {}) });
    }
  }
  return stages;
}

/** The default pipeline's closed stages, for when the pipelines could not be read. */
const DEFAULT_STAGES: Record<string, DealStage> = {
  closedwon: { label: 'Closed Won', won: true },
  closedlost: { label: 'Closed Lost', won: false },
};

/**
 * A deal's campaign: HubSpot's API offers no deal-to-campaign association, but a deal's original
 * source drill-downs carry the utm_campaign (or campaign name) it came in by, and a campaign
 * carries its utm_campaign in hs_utm. `campaigns` is campaignIndex's map.
 */
function dealCampaign(p: Record<string, unknown>, campaigns: Map<string, string>): string | undefined {
  for (const v of [p.hs_analytics_source_data_1, p.hs_analytics_source_data_2]) {
    const id = str(v) && campaigns.get(campaignKey(str(v)!));
    if (id) return id;
  }
  return undefined;
}

export function mapDeal(
  o: HsObject,
  owners: Map<string, string>,
  campaigns = new Map<string, string>(),
  stages = new Map<string, DealStage>(),
): Deal | undefined {
  const p = o.properties;
  const name = str(p.dealname);
  const company = associated(o, 'companies');
  if (!name || !company) return undefined;
  const stageId = str(p.dealstage) ?? '';
  const stage = stages.get(stageId) ?? DEFAULT_STAGES[stageId];
  const campaign = dealCampaign(p, campaigns);
  return {
    ...rid(o.id),
    accountId: `${SOURCE}:${company}`,
    name,
    ...(campaign ? { campaignId: `${SOURCE}:${campaign}` } : {}),
    valueOneTime: num(p.amount),
    valueRecurring: num(p.hs_mrr),
    currency: str(p.deal_currency_code) ?? 'USD',
    stage: stage?.label ?? stageId,
    ...(stage?.won !== undefined ? { won: stage.won } : {}),
    closeDate: day(p.closedate),
    salesRep: owners.get(str(p.hubspot_owner_id) ?? ''),
    productsSold: str(p.description),
    promises: [],
    leadSource: leadSource(p),
  };
}

export function mapNote(o: HsObject, owners: Map<string, string>): Note | undefined {
  const p = o.properties;
  const body = htmlToText(str(p.hs_note_body) ?? '');
  const company = associated(o, 'companies');
  const deal = associated(o, 'deals');
  if (!body || (!company && !deal)) return undefined;
  return {
    ...rid(o.id),
    ...(company ? { accountId: `${SOURCE}:${company}` } : {}),
    ...(deal ? { dealId: `${SOURCE}:${deal}` } : {}),
    author: owners.get(str(p.hubspot_owner_id) ?? '') ?? 'HubSpot',
    date: day(p.hs_timestamp) ?? '',
    body,
    tags: [],
    pinned: false,
  };
}

/**
 * A marketing campaign (Marketing Campaigns API v3; its id is a GUID). HubSpot campaigns have no
 * type, so the channel stays empty; the cost is what was spent, else what was budgeted.
 */
export function mapCampaign(o: HsObject, owners: Map<string, string>): Campaign | undefined {
  const p = o.properties;
  const name = str(p.hs_name);
  if (!name) return undefined;
  return {
    ...rid(o.id),
    name,
    channel: '',
    startDate: day(p.hs_start_date),
    endDate: day(p.hs_end_date),
    cost: num(p.hs_spend_items_sum_amount) || num(p.hs_budget_items_sum_amount),
    currency: str(p.hs_currency_code),
    owner: owners.get(str(p.hs_owner) ?? ''),
  };
}

/** "Spring_Mailer-2025" and "spring mailer 2025" are one campaign key. */
const campaignKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s_+-]+/g, ' ')
    .trim();

/** Campaign key (its utm_campaign and its name) -> campaign id, for linking deals. */
export function campaignIndex(campaigns: HsObject[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of campaigns) {
    for (const v of [c.properties.hs_utm, c.properties.hs_name])
      if (str(v) && !index.has(campaignKey(str(v)!))) index.set(campaignKey(str(v)!), c.id);
  }
  return index;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HubSpot note bodies are HTML: keep the words and line breaks, drop every tag and script. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
