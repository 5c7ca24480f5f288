/**
 * HaloPSA REST API records -> Backstory's model. Pure and defensive: API JSON is checked field by
 * field; a record without what it needs is skipped, not fatal. The field names are those of
 * Halo's published API description (the facts and where they come from are listed in
 * tests/mock-apis/halopsa-contract.ts): Client (Area), Users, Opportunities (Faults), CRMNote
 * (AreaNote), Actions, Agent.
 */
import type { Account, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail, websiteDomain } from '@/core/normalize';
import { num, positiveId, recordIds, str } from './api-values';

const SOURCE = 'halopsa';

export type HaloObject = Record<string, unknown> & { id: number };

const day = (v: unknown): string | undefined => {
  const s = str(v);
  const d = s ? new Date(s) : undefined;
  // Halo writes "no date" as 1900-01-01.
  return d && !Number.isNaN(d.getTime()) && d.getUTCFullYear() > 1900 ? d.toISOString().slice(0, 10) : undefined;
};
const rid = (kind: string, id: number) => recordIds(SOURCE, `${kind}-${id}`);

export function isHaloObject(v: unknown): v is HaloObject {
  return !!v && typeof v === 'object' && positiveId((v as { id?: unknown }).id) !== undefined;
}

/** A custom field's shown value, by its name ("CFHowDidYouHear") or label ("How did you hear about us"). */
function customField(o: HaloObject, field: string | undefined): string | undefined {
  const wanted = field?.trim().toLowerCase();
  if (!wanted || !Array.isArray(o.customfields)) return undefined;
  for (const f of o.customfields as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    const c = f as Record<string, unknown>;
    if (str(c.name)?.toLowerCase() !== wanted && str(c.label)?.toLowerCase() !== wanted) continue;
    return str(c.display) ?? str(c.value) ?? (typeof c.value === 'number' ? String(c.value) : undefined);
  }
  return undefined;
}

export function mapClient(o: HaloObject, sourceField?: string): Account | undefined {
  const name = str(o.name);
  if (!name || o.inactive === true) return undefined;
  const domain = websiteDomain(o.website);
  return {
    ...rid('client', o.id),
    name,
    aliases: [],
    domains: domain ? [domain] : [],
    externalIds: { halopsa: String(o.id) },
    industry: str(o.toplevel_name),
    leadSource: customField(o, sourceField),
    customerSince: day(o.datecreated),
    owner: str(o.accountmanagertech_name),
  };
}

export function mapUser(o: HaloObject): Contact | undefined {
  const name = str(o.name) ?? ([str(o.firstname), str(o.surname)].filter(Boolean).join(' ') || undefined);
  const client = positiveId(o.client_id);
  if (!name || o.inactive === true) return undefined;
  const email = str(o.emailaddress);
  return {
    ...rid('user', o.id),
    ...(client ? { accountId: `${SOURCE}:client-${client}` } : {}),
    name,
    email: email && isEmail(email) ? normalizeEmail(email) : '',
    role: o.isimportantcontact === true ? 'decision maker' : undefined,
    title: str(o.title),
  };
}

/** Converted (won) opportunities carry oppconverteddate; closed ones dateclosed. */
export function mapOpportunity(o: HaloObject, currency = 'USD'): Deal | undefined {
  const name = str(o.summary);
  const client = positiveId(o.client_id);
  if (!name || !client || o.deleted === true) return undefined;
  const won = day(o.oppconverteddate);
  const closed = day(o.dateclosed);
  return {
    ...rid('opportunity', o.id),
    accountId: `${SOURCE}:client-${client}`,
    name,
    leadSource: str(o.opphear),
    valueOneTime: num(o.oppvalue),
    currency,
    stage: won ? 'Closed Won' : (str(o.status_name) ?? ''),
    closeDate: won ?? closed ?? day(o.targetdate),
    salesRep: str(o.agent_name),
    productsSold: str(o.oppproductchosen),
    promises: [],
  };
}

/** Halo notes may be HTML; Backstory keeps plain text. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const author = (o: HaloObject, agents: Map<number, string>) => agents.get(positiveId(o.who_agentid) ?? 0) ?? 'HaloPSA';

/** A CRM note on a client (CRMNote, Halo's AreaNote). */
export function mapCrmNote(o: HaloObject, agents: Map<number, string>): Note | undefined {
  const client = positiveId(o.client_id);
  const body = plainText(str(o.note) ?? '');
  if (!client || !body) return undefined;
  const subject = str(o.detail);
  return {
    ...rid('crmnote', o.id),
    accountId: `${SOURCE}:client-${client}`,
    author: author(o, agents),
    date: day(o.datetime) ?? '',
    body,
    tags: subject ? [subject] : [],
    pinned: false,
  };
}

/** An action (a note) on an opportunity. */
export function mapAction(o: HaloObject, opportunityId: number, agents: Map<number, string>): Note | undefined {
  const body = plainText(str(o.note) ?? '');
  if (!body) return undefined;
  const outcome = str(o.outcome);
  return {
    ...rid('action', o.id),
    dealId: `${SOURCE}:opportunity-${opportunityId}`,
    author: author(o, agents),
    date: day(o.datetime) ?? day(o.actiondatecreated) ?? '',
    body,
    tags: outcome ? [outcome] : [],
    pinned: o.important === true,
  };
}
