/**
 * Autotask PSA REST API records -> Backstory's model. Pure and defensive: API JSON is checked
 * field by field; a record without what it needs is skipped, not fatal. Field names are those of
 * Autotask's REST entities (Companies, Contacts, Opportunities, CompanyNotes, Resources; the facts
 * and where they come from are in tests/mock-apis/autotask-contract.ts). Picklist fields hold
 * numbers (or numeric strings); their labels come from each entity's entityInformation/fields.
 */
import type { Account, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail, websiteDomain } from '@/core/normalize';
import { day, num, positiveId, recordIds, str } from './api-values';

const SOURCE = 'autotask';

export type AtObject = Record<string, unknown> & { id: number };

/** Picklist labels: field name -> value -> label. */
export type Picklists = Record<string, Map<string, string>>;

const rid = (kind: string, id: number) => recordIds(SOURCE, `${kind}-${id}`);

export function isAtObject(v: unknown): v is AtObject {
  return !!v && typeof v === 'object' && Number.isInteger((v as { id?: unknown }).id);
}

/** A picklist field's label ("Closed"), or undefined when it has no value or the value is unknown. */
export function label(picklists: Picklists, field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return picklists[field]?.get(String(value));
}

/** The labels of an entity's picklist fields, from its entityInformation/fields answer. */
export function picklistsOf(answer: unknown): Picklists {
  const fields = (answer as { fields?: unknown } | null)?.fields;
  const out: Picklists = {};
  for (const f of Array.isArray(fields) ? fields : []) {
    if (!f || typeof f !== 'object' || (f as { isPickList?: unknown }).isPickList !== true) continue;
    const name = str((f as { name?: unknown }).name);
    const values = (f as { picklistValues?: unknown }).picklistValues;
    if (!name || !Array.isArray(values)) continue;
    out[name] = new Map(
      values
        .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object')
        .filter((v) => str(v.label) && (typeof v.value === 'string' || typeof v.value === 'number'))
        .map((v) => [String(v.value), str(v.label)!]),
    );
  }
  return out;
}

/** A user-defined field's value by its name (userDefinedFields: [{ name, value }]). */
function udf(o: AtObject, name: string | undefined): string | undefined {
  const wanted = name?.trim().toLowerCase();
  if (!wanted || !Array.isArray(o.userDefinedFields)) return undefined;
  for (const f of o.userDefinedFields as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    if (str((f as { name?: unknown }).name)?.toLowerCase() === wanted) return str((f as { value?: unknown }).value);
  }
  return undefined;
}

export function mapCompany(
  o: AtObject,
  picklists: Picklists,
  resources: Map<number, string>,
  sourceUdf?: string,
): Account | undefined {
  const name = str(o.companyName);
  if (!name || o.isActive === false) return undefined;
  const domain = websiteDomain(o.webAddress);
  const number = str(o.companyNumber);
  return {
    ...rid('company', o.id),
    name,
    aliases: [],
    domains: domain ? [domain] : [],
    externalIds: { autotask: String(o.id), ...(number ? { 'autotask-number': number } : {}) },
    industry: label(picklists, 'marketSegmentID', o.marketSegmentID),
    leadSource: udf(o, sourceUdf),
    customerSince: day(o.createDate),
    owner: resources.get(positiveId(o.ownerResourceID) ?? 0),
  };
}

export function mapContact(o: AtObject): Contact | undefined {
  const name = [str(o.firstName), str(o.lastName)].filter(Boolean).join(' ');
  const company = positiveId(o.companyID);
  // isActive is 1 or 0 on contacts.
  if (!name || o.isActive === 0 || o.isActive === false) return undefined;
  const email = str(o.emailAddress);
  return {
    ...rid('contact', o.id),
    ...(company ? { accountId: `${SOURCE}:company-${company}` } : {}),
    name,
    email: email && isEmail(email) ? normalizeEmail(email) : '',
    role: o.primaryContact === true ? 'decision maker' : undefined,
    title: str(o.title),
  };
}

/** Status labels that mean the opportunity was won ("Closed" and "Implemented" in Autotask's defaults). */
const WON = /^(closed|implemented)$/i;

export function mapOpportunity(
  o: AtObject,
  picklists: Picklists,
  resources: Map<number, string>,
  currency = 'USD',
): Deal | undefined {
  const name = str(o.title);
  const company = positiveId(o.companyID);
  if (!name || !company) return undefined;
  const status = label(picklists, 'status', o.status);
  const stage = label(picklists, 'stage', o.stage);
  const monthly = num(o.monthlyRevenue);
  const oneTime = num(o.onetimeRevenue);
  return {
    ...rid('opportunity', o.id),
    accountId: `${SOURCE}:company-${company}`,
    name,
    leadSource: label(picklists, 'leadSource', o.leadSource),
    valueOneTime: oneTime || (monthly ? undefined : num(o.amount)),
    valueRecurring: monthly || undefined,
    currency,
    stage: status && WON.test(status) ? 'Closed Won' : (status ?? stage ?? ''),
    closeDate: day(o.closedDate) ?? day(o.projectedCloseDate),
    salesRep: resources.get(positiveId(o.ownerResourceID) ?? 0),
    productsSold: str(o.description),
    promises: [],
  };
}

/** A CRM note (CompanyNotes): on its opportunity when it names one, else on the company. */
export function mapNote(o: AtObject, picklists: Picklists, resources: Map<number, string>): Note | undefined {
  const company = positiveId(o.companyID);
  const opportunity = positiveId(o.opportunityID);
  const body = str(o.note) ?? str(o.name);
  if (!company || !body) return undefined;
  const title = str(o.name);
  const action = label(picklists, 'actionType', o.actionType);
  return {
    ...rid('note', o.id),
    ...(opportunity
      ? { dealId: `${SOURCE}:opportunity-${opportunity}` }
      : { accountId: `${SOURCE}:company-${company}` }),
    author: resources.get(positiveId(o.assignedResourceID) ?? 0) ?? 'Autotask',
    date: day(o.createDateTime) ?? day(o.startDateTime) ?? day(o.lastModifiedDate) ?? '',
    body: title && body !== title ? `${title}: ${body}` : body,
    tags: action ? [action] : [],
    pinned: false,
  };
}
