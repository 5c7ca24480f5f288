/**
 * ConnectWise PSA (Manage) REST API 3.0 records -> Backstory's model. Pure and defensive: API JSON
 * is checked field by field; a record without what it needs is skipped, not fatal.
 * Shapes: company/companies, company/contacts (communicationItems), sales/opportunities
 * (campaign, source, primarySalesRep, status, closedDate), sales/opportunities/{id}/notes,
 * company/companies/{id}/notes, sales/opportunities/{id}/forecast, marketing/campaigns.
 */
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail, websiteDomain } from '@/core/normalize';
import { day, recordIds, str } from './api-values';

const SOURCE = 'connectwise';

export type CwObject = Record<string, unknown> & { id: number | string };

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;
/** A reference object ({ id, name } or { id, identifier, name }): its id. */
const refId = (v: unknown): string | undefined => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'number' || (typeof id === 'string' && id) ? String(id) : undefined;
};
const refName = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? str((v as { name?: unknown }).name) : str(v);
const rid = (kind: string, id: string | number) => recordIds(SOURCE, `${kind}-${id}`);

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
    // The vendor's Company model has territoryManager and no accountManager (model_company.go).
    owner: refName(o.territoryManager),
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

/** Revenue from an opportunity's forecast: recurring items per billing cycle, the rest one-time. */
export interface Forecast {
  oneTime?: number;
  recurring?: number;
  /** The forecast's currency (ISO code), where it names one. */
  currency?: string;
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A currency reference's ISO code ({ currencyCode: "EUR", ... }). */
const currencyCode = (v: unknown): string | undefined => {
  const code = str(obj(v)?.currencyCode);
  return code && /^[A-Za-z]{3}$/.test(code) ? code.toUpperCase() : undefined;
};

/** A line counts unless it is left out of the forecast or lost (see sources/connectwise-facts.md). */
const lost = (item: Record<string, unknown>) => /lost/i.test(refName(item.status) ?? '');

/**
 * GET /sales/opportunities/{id}/forecast. The descriptions disagree on its shape, so every
 * documented one is read:
 *  - a list of Forecast objects, each with `forecastItems`: the clients generated from
 *    ConnectWise's Manage API 2025.1 description (ai-connor/connectwise
 *    api_opportunity_forecasts.go, GetSalesOpportunitiesByParentIdForecast returns []Forecast;
 *    HealthITAU/pyconnectwise SalesOpportunitiesIdForecastEndpoint.get returns list[Forecast]);
 *  - one Forecast object with `forecastItems`: what POST and PATCH of that path answer in the same
 *    description, and what this client assumed before;
 *  - a list of flat forecast lines ({ revenue, status, includedFlag, recurring: { recurringRevenue } }):
 *    clients generated from an older description (sowderca/connectwise-ruby-sdk docs/Forecast.md,
 *    spinen/connectwise-sales-php-client docs/Model/Forecast.md).
 * A ForecastItem (model_forecast_item.go) has `includeFlag` (not includedFlag), `status`, `revenue`,
 * and for recurring lines (`recurringFlag`) a separate `recurringRevenue` per cycle.
 */
export function forecastValues(forecast: unknown): Forecast {
  const forecasts = (Array.isArray(forecast) ? forecast : [forecast]).map(obj).filter((f) => !!f);
  let oneTime = 0;
  let recurring = 0;
  let currency: string | undefined;
  for (const f of forecasts) {
    currency ??= currencyCode(f.currency);
    if (Array.isArray(f.forecastItems)) {
      for (const item of f.forecastItems.map(obj)) {
        if (!item || item.includeFlag === false || lost(item)) continue;
        if (item.recurringFlag === true) recurring += num(item.recurringRevenue) ?? 0;
        else oneTime += num(item.revenue) ?? 0;
      }
    } else if (!('forecastItems' in f) && ('revenue' in f || 'recurring' in f)) {
      // An older description's flat line.
      if (f.includedFlag === false || lost(f)) continue;
      const perCycle = num(obj(f.recurring)?.recurringRevenue);
      if (perCycle !== undefined) recurring += perCycle;
      else oneTime += num(f.revenue) ?? 0;
    }
  }
  return { ...(oneTime ? { oneTime } : {}), ...(recurring ? { recurring } : {}), ...(currency ? { currency } : {}) };
}

export function isWon(o: CwObject): boolean {
  return /won/i.test(refName(o.status) ?? '');
}

/**
 * An opportunity as a deal. Its currency is the opportunity's own (`currency.currencyCode`),
 * else its forecast's; only when neither names one is it taken to be USD.
 */
export function mapOpportunity(o: CwObject, forecast: Forecast = {}): Deal | undefined {
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
    // A string of up to 50 characters in the vendor's model (model_opportunity.go).
    leadSource: str(o.source),
    valueOneTime: forecast.oneTime,
    valueRecurring: forecast.recurring,
    currency: currencyCode(o.currency) ?? forecast.currency ?? 'USD',
    stage: isWon(o) ? 'Closed Won' : status || (refName(o.stage) ?? ''),
    ...(isWon(o) ? { won: true } : {}),
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
