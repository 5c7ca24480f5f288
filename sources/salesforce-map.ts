/**
 * Salesforce records (REST API query results) -> Backstory's model. Pure and defensive: each
 * record is checked field by field; a record without what it needs is skipped, not fatal.
 * Shapes: Account (Id, Name, Website, AccountSource, Owner.Name, Description), Contact (Id, Name,
 * Email, Title, AccountId, and its OpportunityContactRoles subquery: Role, IsPrimary), Campaign
 * (Id, Name, Type, StartDate, ActualCost), Opportunity (Id, Name, AccountId, Amount,
 * CurrencyIsoCode where multi-currency is on, CloseDate, StageName, IsWon, IsClosed, LeadSource,
 * CampaignId, Campaign.Name, Owner.Name, Description), Note (Id, Title, Body, ParentId,
 * CreatedDate, CreatedBy.Name) and ContentNote (Id, Title, CreatedDate, CreatedBy.Name; its text
 * read apart and its records through ContentDocumentLink.LinkedEntityId).
 * tests/mock-apis/salesforce-contract.ts lists where each of these comes from.
 */
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail, websiteDomain } from '@/core/normalize';
import { htmlToText } from './hubspot-map';
import { day, num, recordIds, str } from './api-values';

const SOURCE = 'salesforce';

export type SfRecord = Record<string, unknown> & { Id: string };

/** A relationship field's name (Owner.Name, Campaign.Name, CreatedBy.Name). */
const related = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? str((v as { Name?: unknown }).Name) : undefined;
const rid = (id: string) => recordIds(SOURCE, id);

export function isSfRecord(v: unknown): v is SfRecord {
  return !!v && typeof v === 'object' && typeof (v as { Id?: unknown }).Id === 'string' && !!(v as SfRecord).Id;
}

/** Key prefixes of record ids: which object a ParentId or LinkedEntityId points at. */
const ACCOUNT_PREFIX = '001';
const OPPORTUNITY_PREFIX = '006';

export function mapAccount(o: SfRecord): Account | undefined {
  const name = str(o.Name);
  if (!name) return undefined;
  const domain = websiteDomain(o.Website);
  return {
    ...rid(o.Id),
    name,
    aliases: [],
    domains: domain ? [domain] : [],
    externalIds: { salesforce: o.Id },
    leadSource: str(o.AccountSource),
    owner: related(o.Owner),
  };
}

/** A contact's role from its opportunity contact roles (the primary one first). */
function contactRole(roles: unknown): string | undefined {
  const records = roles && typeof roles === 'object' ? (roles as { records?: unknown }).records : undefined;
  const list = (Array.isArray(records) ? records : [])
    .filter((r): r is { Role?: unknown; IsPrimary?: unknown } => !!r && typeof r === 'object')
    .sort((a, b) => Number(b.IsPrimary === true) - Number(a.IsPrimary === true));
  const role = list.map((r) => str(r.Role)).find(Boolean);
  return role?.toLowerCase();
}

export function mapContact(o: SfRecord): Contact | undefined {
  const email = str(o.Email);
  const name = str(o.Name) ?? email;
  if (!name) return undefined;
  const account = str(o.AccountId);
  return {
    ...rid(o.Id),
    ...(account ? { accountId: `${SOURCE}:${account}` } : {}),
    name,
    email: email && isEmail(email) ? normalizeEmail(email) : '',
    title: str(o.Title),
    role: contactRole(o.OpportunityContactRoles),
  };
}

export function mapCampaign(o: SfRecord, currency?: string): Campaign | undefined {
  const name = str(o.Name);
  if (!name) return undefined;
  return {
    ...rid(o.Id),
    name,
    channel: str(o.Type) ?? '',
    startDate: day(o.StartDate),
    endDate: day(o.EndDate),
    cost: num(o.ActualCost),
    currency: str(o.CurrencyIsoCode) ?? currency,
  };
}

export function mapOpportunity(o: SfRecord, currency = 'USD'): Deal | undefined {
  const name = str(o.Name);
  const account = str(o.AccountId);
  if (!name || !account) return undefined;
  const campaign = str(o.CampaignId);
  const stage = o.IsWon === true ? 'Closed Won' : o.IsClosed === true ? 'Closed Lost' : (str(o.StageName) ?? '');
  return {
    ...rid(o.Id),
    accountId: `${SOURCE}:${account}`,
    name,
    ...(campaign ? { campaignId: `${SOURCE}:${campaign}` } : {}),
    valueOneTime: num(o.Amount),
    currency: str(o.CurrencyIsoCode) ?? currency,
    stage,
    closeDate: day(o.CloseDate),
    salesRep: related(o.Owner),
    productsSold: str(o.Description),
    promises: [],
    leadSource: str(o.LeadSource) ?? related(o.Campaign),
  };
}

/** Where a note hangs: an account or an opportunity (notes on other records are skipped). */
function parentOf(id: string | undefined): { accountId?: string; dealId?: string } | undefined {
  if (id?.startsWith(ACCOUNT_PREFIX)) return { accountId: `${SOURCE}:${id}` };
  if (id?.startsWith(OPPORTUNITY_PREFIX)) return { dealId: `${SOURCE}:${id}` };
  return undefined;
}

/** A note on the record it belongs to (an account or an opportunity), by whoever wrote it. */
function noteOn(o: SfRecord, sourceId: string, parentId: string | undefined, body: string): Note | undefined {
  const parent = parentOf(parentId);
  if (!parent || !body) return undefined;
  return {
    ...rid(sourceId),
    ...parent,
    author: related(o.CreatedBy) ?? related(o.Owner) ?? 'Salesforce',
    date: day(o.CreatedDate) ?? '',
    body,
    tags: [],
    pinned: false,
  };
}

/** A classic Note (plain text body). */
export const mapClassicNote = (o: SfRecord): Note | undefined =>
  noteOn(o, o.Id, str(o.ParentId), [str(o.Title), str(o.Body)].filter(Boolean).join('\n'));

/**
 * An enhanced note (ContentNote, its text read apart as HTML) on one record it is linked to; the
 * same note linked to two records is one note per link.
 */
export const mapContentNote = (o: SfRecord, html: string, linkedId: string): Note | undefined =>
  noteOn(o, `${o.Id}-${linkedId}`, linkedId, [str(o.Title), htmlToText(html)].filter(Boolean).join('\n'));
