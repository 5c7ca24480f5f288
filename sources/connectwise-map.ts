/**
 * ConnectWise PSA (Manage) REST API 3.0 records -> Backstory's model. Pure and defensive: API JSON
 * is checked field by field; a record without what it needs is skipped, not fatal.
 * Shapes: company/companies, company/contacts (communicationItems), sales/opportunities
 * (campaign, source, primarySalesRep, status, closedDate), sales/opportunities/{id}/notes,
 * company/companies/{id}/notes, sales/opportunities/{id}/forecast, marketing/campaigns.
 */
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail, websiteDomain } from '@/core/normalize';

export const SOURCE = 'connectwise';

export type CwObject = Record<string, unknown> & { id: number | string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;
const day = (v: unknown): string | undefined => {
  const s = str(v);
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
};
/** A reference object ({ id, name } or { id, identifier, name }): its id. */
const refId = (v: unknown): string | undefined => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'number' || (typeof id === 'string' && id) ? String(id) : undefined;
};
const refName = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? str((v as { name?: unknown }).name) : str(v);
const rid = (kind: string, id: string | number) => ({
  id: `${SOURCE}:${kind}-${id}`,
  source: SOURCE,
  sourceId: `${kind}-${id}`,
});

export function isCwObject(v: unknown): v is CwObject {
  if (!v || typeof v !== 'object') return false;
  const id = (v as { id?: unknown }).id;
  return typeof id === 'number' || (typeof id === 'string' && id !== '');
}

export function mapCompany(o: CwObject): Account | undefined {
  const name = str(o.name);
  if (!name || o.deletedFlag === true) return undefined;
  const domain = websiteDomain(o.website);
  const identifier = str(o.identifier);
  return {
    ...rid('company', o.id),
    name,
    aliases: identifier && identifier.toLowerCase() !== name.toLowerCase() ? [identifier] : [],
    domains: domain ? [domain] : [],
    externalIds: { connectwise: String(o.id), ...(identifier ? { 'connectwise-identifier': identifier } : {}) },
    industry: refName(o.market),
    leadSource: str(o.leadSource),
    customerSince: day(o.dateAcquired),
    owner: refName(o.accountManager) ?? refName(o.territoryManager),
  };
}

/** CW contact types ("Decision Maker", "Billing Contact") to Backstory's roles. */
function role(types: unknown): string | undefined {
  const names = Array.isArray(types)
    ? types
        .map(refName)
        .filter((n): n is string => !!n)
        .map((n) => n.toLowerCase())
    : [];
  if (names.some((n) => n.includes('decision'))) return 'decision maker';
  if (names.some((n) => n.includes('champion'))) return 'champion';
  if (names.some((n) => n.includes('billing') || n.includes('accounts payable'))) return 'billing';
  if (names.some((n) => n.includes('technical') || n.includes('it contact'))) return 'technical';
  if (names.some((n) => n.includes('end user'))) return 'end user';
  return undefined;
}

/** The contact's email from its communication items: the default one first. */
function contactEmail(items: unknown): string {
  const emails = (Array.isArray(items) ? items : [])
    .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
    .filter((i) => i.communicationType === 'Email' || refName(i.type)?.toLowerCase() === 'email')
    .sort((a, b) => Number(b.defaultFlag === true) - Number(a.defaultFlag === true))
    .map((i) => str(i.value))
    .filter((v): v is string => !!v && isEmail(v));
  return emails[0] ? normalizeEmail(emails[0]) : '';
}

export function mapContact(o: CwObject): Contact | undefined {
  const name = [str(o.firstName), str(o.lastName)].filter(Boolean).join(' ');
  const company = refId(o.company);
  if (!name || o.inactiveFlag === true) return undefined;
  return {
    ...rid('contact', o.id),
    ...(company ? { accountId: `${SOURCE}:company-${company}` } : {}),
    name,
    email: contactEmail(o.communicationItems),
    role: role(o.types),
    title: str(o.title),
  };
}

export function mapCampaign(o: CwObject): Campaign | undefined {
  const name = str(o.name);
  if (!name) return undefined;
  return {
    ...rid('campaign', o.id),
    name,
    channel: refName(o.type) ?? refName(o.subType) ?? '',
    startDate: day(o.startDate),
    endDate: day(o.endDate),
    cost: num(o.actualCost) ?? num(o.budgetCost),
    owner: refName(o.member),
  };
}

/** Revenue from an opportunity's forecast: recurring items per month, the rest one-time. */
export interface Forecast {
  oneTime?: number;
  recurring?: number;
}

export function forecastValues(forecast: unknown): Forecast {
  const items =
    forecast && typeof forecast === 'object' ? (forecast as { forecastItems?: unknown }).forecastItems : undefined;
  let oneTime = 0;
  let recurring = 0;
  for (const i of Array.isArray(items) ? items : []) {
    if (!i || typeof i !== 'object' || (i as { includedFlag?: unknown }).includedFlag === false) continue;
    const revenue = num((i as { revenue?: unknown }).revenue) ?? 0;
    if ((i as { recurringFlag?: unknown }).recurringFlag === true) recurring += revenue;
    else oneTime += revenue;
  }
  return { ...(oneTime ? { oneTime } : {}), ...(recurring ? { recurring } : {}) };
}

export function isWon(o: CwObject): boolean {
  return /won/i.test(refName(o.status) ?? '');
}

export function mapOpportunity(o: CwObject, forecast: Forecast = {}, currency = 'USD'): Deal | undefined {
  const name = str(o.name);
  const company = refId(o.company);
  if (!name || !company) return undefined;
  const campaign = refId(o.campaign);
  const status = refName(o.status) ?? '';
  return {
    ...rid('opportunity', o.id),
    accountId: `${SOURCE}:company-${company}`,
    name,
    ...(campaign ? { campaignId: `${SOURCE}:campaign-${campaign}` } : {}),
    leadSource: refName(o.source),
    valueOneTime: forecast.oneTime,
    valueRecurring: forecast.recurring,
    currency,
    stage: isWon(o) ? 'Closed Won' : status || (refName(o.stage) ?? ''),
    closeDate: day(o.closedDate),
    salesRep: refName(o.primarySalesRep),
    productsSold: str(o.notes),
    promises: [],
  };
}

/** A note's common fields (opportunity and company notes share text, type, flagged, enteredBy, _info). */
function noteFields(o: CwObject): Omit<Note, 'id' | 'source' | 'sourceId'> | undefined {
  const body = str(o.text);
  if (!body) return undefined;
  const info = (o._info && typeof o._info === 'object' ? o._info : {}) as Record<string, unknown>;
  return {
    author: str(o.enteredBy) ?? str(info.enteredBy) ?? str(info.updatedBy) ?? 'ConnectWise',
    date: day(o.dateCreated) ?? day(info.dateEntered) ?? day(info.lastUpdated) ?? '',
    body,
    tags: refName(o.type) ? [refName(o.type)!] : [],
    pinned: o.flagged === true,
  };
}

export function mapOpportunityNote(o: CwObject, opportunityId: string | number): Note | undefined {
  const fields = noteFields(o);
  return fields && { ...rid('opportunity-note', o.id), dealId: `${SOURCE}:opportunity-${opportunityId}`, ...fields };
}

/** A note on the company itself (company/companies/{id}/notes): a note of the account. */
export function mapCompanyNote(o: CwObject, companyId: string | number): Note | undefined {
  const fields = noteFields(o);
  return fields && { ...rid('company-note', o.id), accountId: `${SOURCE}:company-${companyId}`, ...fields };
}
