/**
 * Pipedrive records -> Backstory's model. Pure and defensive: API JSON is checked field by field,
 * and a record without what it needs is skipped, not fatal.
 * Shapes (API v2 unless said): organizations (id, name, owner_id, add_time, update_time),
 * persons (id, name, org_id, emails: [{ value, primary, label }]), deals (id, title, org_id,
 * owner_id, value, currency, status open|won|lost, won_time, close_time, origin, channel,
 * mrr, custom_fields by 40-character key), v1 notes (id, content as HTML, org_id, deal_id,
 * user: { name }, add_time "YYYY-MM-DD HH:MM:SS" in UTC, pinned_to_*_flag), v1 dealFields
 * (key, name, field_type, options: [{ id, label }]).
 * tests/mock-apis/pipedrive-contract.ts lists where each of these comes from.
 */
import type { Account, Contact, Deal, Note } from '@/core/model';
import { isEmail, normalizeEmail } from '@/core/normalize';
import { htmlToText } from './hubspot-map';
import { num, recordIds, str } from './api-values';

const SOURCE = 'pipedrive';

export type PdObject = Record<string, unknown> & { id: number };

const idOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
/** v2 times are RFC 3339; v1 times are "YYYY-MM-DD HH:MM:SS" in UTC. */
const pdTime = (v: unknown): Date | undefined => {
  const s = str(v);
  if (!s) return undefined;
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
};
const day = (v: unknown) => pdTime(v)?.toISOString().slice(0, 10);
const rid = (kind: string, id: number) => recordIds(SOURCE, `${kind}-${id}`);

export function isPdObject(v: unknown): v is PdObject {
  return !!v && typeof v === 'object' && idOf((v as { id?: unknown }).id) !== undefined;
}

/** What the client knows besides the records: user names and the deal fields' options. */
export interface PdLookups {
  /** User id -> name. */
  users: Map<number, string>;
  /** The `channel` field's options: option id -> label. */
  channels: Map<number, string>;
  /** Custom deal fields named like a source ("Lead source", "Source"): key -> name and options. */
  sourceFields: { key: string; options: Map<number, string> }[];
}

/** Options of a field ([{ id, label }]) as a map. */
function fieldOptions(field: unknown): Map<number, string> {
  const options = field && typeof field === 'object' ? (field as { options?: unknown }).options : undefined;
  const map = new Map<number, string>();
  for (const o of Array.isArray(options) ? options : []) {
    const id = idOf((o as { id?: unknown } | null)?.id);
    const label = str((o as { label?: unknown } | null)?.label);
    if (id !== undefined && label) map.set(id, label);
  }
  return map;
}

/** Deal fields -> lookups: the channel options and the custom fields whose name says "source". */
export function dealFieldLookups(fields: unknown[], users = new Map<number, string>()): PdLookups {
  const lookups: PdLookups = { users, channels: new Map(), sourceFields: [] };
  for (const f of fields) {
    if (!f || typeof f !== 'object') continue;
    const { key, name, edit_flag } = f as { key?: unknown; name?: unknown; edit_flag?: unknown };
    if (key === 'channel') lookups.channels = fieldOptions(f);
    // Custom fields have a 40-character hash for a key and edit_flag true.
    else if (
      typeof key === 'string' &&
      /^[0-9a-f]{40}$/.test(key) &&
      edit_flag !== false &&
      /source/i.test(str(name) ?? '')
    )
      lookups.sourceFields.push({ key, options: fieldOptions(f) });
  }
  return lookups;
}

export function mapOrganization(o: PdObject, lookups: PdLookups): Account | undefined {
  const name = str(o.name);
  if (!name || o.is_deleted === true) return undefined;
  const owner = idOf(o.owner_id);
  return {
    ...rid('org', o.id),
    name,
    aliases: [],
    domains: [],
    externalIds: { pipedrive: String(o.id) },
    owner: owner === undefined ? undefined : lookups.users.get(owner),
  };
}

/** The person's email: the primary one first. */
function personEmail(emails: unknown): string {
  const list = (Array.isArray(emails) ? emails : [])
    .filter((e): e is { value?: unknown; primary?: unknown } => !!e && typeof e === 'object')
    .sort((a, b) => Number(b.primary === true) - Number(a.primary === true))
    .map((e) => str(e.value))
    .filter((v): v is string => !!v && isEmail(v));
  return list[0] ? normalizeEmail(list[0]) : '';
}

export function mapPerson(o: PdObject): Contact | undefined {
  const emails = o.emails ?? o.email;
  const name = str(o.name) ?? (personEmail(emails) || undefined);
  if (!name || o.is_deleted === true) return undefined;
  const org = idOf(o.org_id);
  return {
    ...rid('person', o.id),
    ...(org !== undefined ? { accountId: `${SOURCE}:org-${org}` } : {}),
    name,
    email: personEmail(emails),
    title: str(o.job_title),
  };
}

/** "ManuallyCreated" -> "manually created"; "WebForms" -> "web forms"; "API" stays. */
const words = (text: string) =>
  text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^(?![A-Z]+$).*/, (s) => s.toLowerCase());

/** A custom field's value in words: text as is, an option id by its label, a set of ids by theirs. */
function customValue(v: unknown, options: Map<number, string>): string | undefined {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return options.get(v) ?? String(v);
  if (Array.isArray(v))
    return (
      v
        .map((x) => customValue(x, options))
        .filter(Boolean)
        .join(', ') || undefined
    );
  if (v && typeof v === 'object' && 'value' in v) return customValue((v as { value?: unknown }).value, options);
  return undefined;
}

/**
 * Where a deal came from: its "source" custom fields and its marketing channel when set, else
 * the way it was created (origin, set by Pipedrive: "ManuallyCreated", "WebForms", "API"...).
 */
function dealLeadSource(o: PdObject, lookups: PdLookups): string | undefined {
  const custom =
    o.custom_fields && typeof o.custom_fields === 'object' ? (o.custom_fields as Record<string, unknown>) : {};
  const channel = idOf(o.channel);
  const parts = [
    ...lookups.sourceFields.map((f) => customValue(custom[f.key], f.options)),
    channel === undefined ? undefined : lookups.channels.get(channel),
  ].filter((p, i, all): p is string => !!p && all.indexOf(p) === i);
  if (parts.length) return parts.join(' · ');
  const origin = str(o.origin);
  return origin ? words(origin) : undefined;
}

const STAGES: Record<string, string> = { won: 'Closed Won', lost: 'Closed Lost', open: 'Open' };

export function mapDeal(o: PdObject, lookups: PdLookups): Deal | undefined {
  const name = str(o.title);
  const org = idOf(o.org_id);
  if (!name || org === undefined || o.is_deleted === true) return undefined;
  const status = str(o.status) ?? '';
  const owner = idOf(o.owner_id);
  const mrr = num(o.mrr);
  return {
    ...rid('deal', o.id),
    accountId: `${SOURCE}:org-${org}`,
    name,
    // A deal's value is its total; with recurring products (Growth plans and above) its MRR is known.
    ...(mrr ? { valueRecurring: mrr } : { valueOneTime: num(o.value) }),
    currency: str(o.currency) ?? 'USD',
    stage: STAGES[status] ?? status,
    closeDate: day(o.won_time) ?? day(o.close_time) ?? day(o.lost_time),
    salesRep: owner === undefined ? undefined : lookups.users.get(owner),
    promises: [],
    leadSource: dealLeadSource(o, lookups),
  };
}

export function mapNote(o: PdObject): Note | undefined {
  const body = htmlToText(str(o.content) ?? '');
  const org = idOf(o.org_id);
  const deal = idOf(o.deal_id);
  if (!body || (org === undefined && deal === undefined) || o.active_flag === false) return undefined;
  const user = o.user && typeof o.user === 'object' ? (o.user as { name?: unknown }) : {};
  return {
    ...rid('note', o.id),
    ...(org !== undefined ? { accountId: `${SOURCE}:org-${org}` } : {}),
    ...(deal !== undefined ? { dealId: `${SOURCE}:deal-${deal}` } : {}),
    author: str(user.name) ?? 'Pipedrive',
    date: day(o.add_time) ?? '',
    body,
    tags: [],
    pinned: o.pinned_to_organization_flag === true || o.pinned_to_deal_flag === true,
  };
}
