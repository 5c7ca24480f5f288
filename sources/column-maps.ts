/**
 * Which columns of an import file feed which record fields. Each kind lists its target fields
 * (the model's fields plus a few import-only ones such as firstName or accountName, combined into
 * the model when records are built) with the header names the common exports use for them.
 * Headers are compared case-, space- and punctuation-insensitively ("Company name" = "companyName").
 */
import { RECORD_KINDS, type RecordKind } from '@/core/model';

/** In order of preference on a tie: a CRM's export over our template whose names it shares. */
export const PRESETS = ['hubspot', 'salesforce', 'connectwise', 'backstory', 'generic'] as const;
/** Which export a header row looks like; "backstory" is our own template (headers = field names). */
export type Preset = (typeof PRESETS)[number];

export type FieldType = 'text' | 'list' | 'money' | 'date' | 'datetime' | 'email' | 'domains' | 'bool' | 'map' | 'ref';

type Aliases = Partial<Record<Exclude<Preset, 'backstory'>, string[]>>;
export interface FieldSpec {
  type: FieldType;
  aliases: Aliases;
}
export interface KindSpec {
  /** Each group needs at least one of its fields mapped (e.g. a name, or first/last name). */
  required: string[][];
  fields: Record<string, FieldSpec>;
}

const f = (type: FieldType, aliases: Aliases = {}): FieldSpec => ({ type, aliases });
const HS_COMPANY_ID = ['Associated Company IDs (Primary)', 'Associated Company ID', 'Associated Company IDs'];
const HS_COMPANY = ['Associated Company', 'Associated Company (Primary)', 'Associated Company Name'];

export const KIND_SPECS: Record<RecordKind, KindSpec> = {
  account: {
    required: [['name']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Company ID'],
        salesforce: ['Account ID'],
        connectwise: ['Company ID'],
        generic: ['sourceId'],
      }),
      name: f('text', {
        hubspot: ['Company name'],
        salesforce: ['Account Name'],
        connectwise: ['Company Name', 'Company'],
        generic: ['Name', 'Account', 'Company', 'Organization', 'Organisation', 'Customer', 'Client'],
      }),
      aliases: f('list', { generic: ['Aliases', 'Also known as', 'AKA', 'Other names', 'DBA'] }),
      domains: f('domains', { hubspot: ['Company Domain Name'], generic: ['Domain', 'Email domain', 'Email domains'] }),
      website: f('domains', {
        hubspot: ['Website URL'],
        salesforce: ['Website'],
        connectwise: ['Website', 'Web Site'],
        generic: ['URL', 'Web'],
      }),
      externalIds: f('map', { generic: ['External IDs'] }),
      industry: f('text', {
        hubspot: ['Industry'],
        salesforce: ['Industry'],
        connectwise: ['Market', 'Industry'],
        generic: ['Sector', 'Vertical'],
      }),
      leadSource: f('text', {
        hubspot: ['Original Source'],
        salesforce: ['Lead Source', 'Account Source'],
        connectwise: ['Lead Source', 'Source'],
        generic: ['Source'],
      }),
      leadSourceDetail: f('text', { hubspot: ['Original Source Drill-Down 1', 'Original Source Drill-Down 2'] }),
      customerSince: f('date', {
        hubspot: ['Became a Customer Date'],
        salesforce: ['Customer Since'],
        connectwise: ['Customer Since'],
        generic: ['Client Since'],
      }),
      owner: f('text', {
        hubspot: ['Company owner'],
        salesforce: ['Account Owner'],
        connectwise: ['Account Manager', 'Territory Manager'],
        generic: ['Owner'],
      }),
    },
  },
  contact: {
    required: [['name', 'firstName', 'lastName']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Contact ID'],
        salesforce: ['Contact ID'],
        connectwise: ['Contact ID'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', { hubspot: HS_COMPANY_ID, salesforce: ['Account ID'], connectwise: ['Company ID'] }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name'],
        connectwise: ['Company', 'Company Name'],
        generic: ['Account', 'Organization', 'Customer'],
      }),
      name: f('text', { salesforce: ['Full Name', 'Contact Name'], generic: ['Name', 'Contact'] }),
      firstName: f('text', {
        hubspot: ['First Name'],
        salesforce: ['First Name'],
        connectwise: ['First Name'],
        generic: ['Given name'],
      }),
      lastName: f('text', {
        hubspot: ['Last Name'],
        salesforce: ['Last Name'],
        connectwise: ['Last Name'],
        generic: ['Surname', 'Family name'],
      }),
      email: f('email', {
        hubspot: ['Email'],
        salesforce: ['Email'],
        connectwise: ['Email', 'Default Email'],
        generic: ['E-mail', 'Email Address'],
      }),
      role: f('text', {
        hubspot: ['Buying Role'],
        salesforce: ['Contact Role', 'Role'],
        connectwise: ['Type', 'Contact Type'],
        generic: ['Role'],
      }),
      title: f('text', {
        hubspot: ['Job Title'],
        salesforce: ['Title'],
        connectwise: ['Title'],
        generic: ['Position'],
      }),
      phone: f('text', {
        hubspot: ['Phone Number', 'Mobile Phone Number'],
        salesforce: ['Phone', 'Mobile'],
        connectwise: ['Phone', 'Direct', 'Default Phone'],
        generic: ['Telephone'],
      }),
    },
  },
  campaign: {
    required: [['name']],
    fields: {
      id: f('text', {
        hubspot: ['Campaign ID'],
        salesforce: ['Campaign ID'],
        connectwise: ['Campaign ID'],
        generic: ['sourceId'],
      }),
      name: f('text', {
        hubspot: ['Campaign name'],
        salesforce: ['Campaign Name'],
        connectwise: ['Campaign Name', 'Campaign'],
        generic: ['Name', 'Campaign'],
      }),
      channel: f('text', {
        hubspot: ['Campaign type'],
        salesforce: ['Type', 'Campaign Type'],
        connectwise: ['Type', 'Campaign Type'],
        generic: ['Medium'],
      }),
      startDate: f('date', { hubspot: ['Start date'], salesforce: ['Start Date'], connectwise: ['Start Date'] }),
      endDate: f('date', { hubspot: ['End date'], salesforce: ['End Date'], connectwise: ['End Date'] }),
      cost: f('money', {
        hubspot: ['Budget', 'Spend'],
        salesforce: ['Actual Cost', 'Budgeted Cost'],
        connectwise: ['Actual Cost', 'Budget Cost'],
        generic: ['Cost'],
      }),
      currency: f('text', {
        hubspot: ['Currency'],
        salesforce: ['Campaign Currency', 'Currency'],
        generic: ['Currency'],
      }),
      owner: f('text', {
        hubspot: ['Campaign owner'],
        salesforce: ['Campaign Owner'],
        connectwise: ['Owner'],
        generic: ['Owner'],
      }),
    },
  },
  deal: {
    required: [['name'], ['accountId', 'accountName']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Deal ID'],
        salesforce: ['Opportunity ID'],
        connectwise: ['Opportunity ID'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', { hubspot: HS_COMPANY_ID, salesforce: ['Account ID'], connectwise: ['Company ID'] }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name'],
        connectwise: ['Company', 'Company Name'],
        generic: ['Account', 'Customer', 'Client'],
      }),
      campaignId: f('ref', { salesforce: ['Campaign ID'], connectwise: ['Campaign ID'] }),
      campaignName: f('text', {
        hubspot: ['Campaign'],
        salesforce: ['Primary Campaign Source', 'Campaign Name'],
        connectwise: ['Campaign'],
        generic: ['Campaign'],
      }),
      leadSource: f('text', {
        hubspot: ['Original Source'],
        salesforce: ['Lead Source'],
        connectwise: ['Source'],
        generic: ['Source'],
      }),
      name: f('text', {
        hubspot: ['Deal Name'],
        salesforce: ['Opportunity Name'],
        connectwise: ['Opportunity Name', 'Opportunity'],
        generic: ['Deal', 'Name'],
      }),
      valueOneTime: f('money', {
        hubspot: ['Amount'],
        salesforce: ['Amount'],
        connectwise: ['Product Revenue', 'One-Time Revenue'],
        generic: ['Value', 'One-time value'],
      }),
      valueRecurring: f('money', {
        hubspot: ['Monthly recurring revenue', 'MRR'],
        salesforce: ['Monthly Recurring Revenue', 'MRR'],
        connectwise: ['Recurring Revenue'],
      }),
      currency: f('text', {
        hubspot: ['Currency', 'Deal Currency Code'],
        salesforce: ['Opportunity Currency', 'Currency'],
        generic: ['Currency'],
      }),
      // ConnectWise has both: Status (Open/Won/Lost) and Stage (the pipeline step).
      stage: f('text', { hubspot: ['Deal Stage'], salesforce: ['Stage'], connectwise: ['Status', 'Stage'] }),
      stageDetail: f('text', { connectwise: ['Stage'] }),
      closeDate: f('date', {
        hubspot: ['Close Date'],
        salesforce: ['Close Date'],
        connectwise: ['Closed Date'],
        generic: ['Closed'],
      }),
      expectedCloseDate: f('date', { connectwise: ['Expected Close Date'], generic: ['Expected Close'] }),
      salesRep: f('text', {
        hubspot: ['Deal owner'],
        salesforce: ['Opportunity Owner'],
        connectwise: ['Sales Rep', 'Primary Sales Rep'],
        generic: ['Owner', 'Rep', 'Salesperson'],
      }),
      productsSold: f('text', { generic: ['Products', 'Products Sold', 'Product'] }),
      promises: f('list', { generic: ['Promises', 'Commitments'] }),
    },
  },
  note: {
    required: [['body']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Note ID'],
        salesforce: ['Activity ID', 'Note ID'],
        connectwise: ['Note ID'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', { hubspot: HS_COMPANY_ID, salesforce: ['Account ID'], connectwise: ['Company ID'] }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name', 'Company / Account'],
        connectwise: ['Company', 'Company Name'],
        generic: ['Account', 'Customer'],
      }),
      dealId: f('ref', {
        hubspot: ['Associated Deal IDs', 'Associated Deal ID'],
        salesforce: ['Opportunity ID'],
        connectwise: ['Opportunity ID'],
      }),
      dealName: f('text', {
        hubspot: ['Associated Deal'],
        salesforce: ['Opportunity Name'],
        connectwise: ['Opportunity', 'Opportunity Name'],
        generic: ['Deal'],
      }),
      author: f('text', {
        hubspot: ['Activity assigned to', 'Created by'],
        salesforce: ['Assigned', 'Created By'],
        connectwise: ['Entered By', 'Member'],
        generic: ['By', 'Owner', 'User'],
      }),
      date: f('datetime', {
        hubspot: ['Activity date', 'Create Date'],
        salesforce: ['Date', 'Created Date'],
        connectwise: ['Date Entered', 'Date Created'],
        generic: ['Created'],
      }),
      body: f('text', {
        hubspot: ['Note body'],
        salesforce: ['Comments', 'Full Comments'],
        connectwise: ['Notes', 'Text'],
        generic: ['Note', 'Content', 'Comment', 'Details'],
      }),
      tags: f('list', { generic: ['Labels', 'Category'] }),
      pinned: f('bool', { generic: ['Pin', 'Important'] }),
    },
  },
};

/** Backstory's own CSV template: the model's fields, in this order (also used by CSV export). */
export const TEMPLATE_FIELDS: Record<RecordKind, string[]> = {
  account: ['id', 'name', 'aliases', 'domains', 'externalIds', 'industry', 'leadSource', 'customerSince', 'owner'],
  contact: ['id', 'accountId', 'name', 'email', 'role', 'title', 'phone'],
  campaign: ['id', 'name', 'channel', 'startDate', 'endDate', 'cost', 'currency', 'owner'],
  deal: [
    'id',
    'accountId',
    'campaignId',
    'leadSource',
    'name',
    'valueOneTime',
    'valueRecurring',
    'currency',
    'stage',
    'closeDate',
    'salesRep',
    'productsSold',
    'promises',
  ],
  note: ['id', 'accountId', 'dealId', 'author', 'date', 'body', 'tags', 'pinned'],
};

/** "Company Domain Name " -> "companydomainname": what header comparison sees. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Aliases of a field for one preset; the template's alias is the field name itself. */
function aliasesOf(field: string, spec: FieldSpec, preset: Preset): string[] {
  return preset === 'backstory' ? [field] : (spec.aliases[preset] ?? []);
}

/**
 * Map each field to a header index. Aliases of `preset` are tried first, so a ConnectWise file
 * maps "Status" to the stage and "Stage" to its detail, while a Salesforce "Stage" is the stage.
 */
export function autoMapping(kind: RecordKind, headers: string[], preset?: Preset): Record<string, number> {
  const first = preset ?? detectPreset(kind, headers);
  const order = [first, ...PRESETS.filter((p) => p !== first)];
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const used = new Set<number>();
  const mapping: Record<string, number> = {};
  for (const [field, spec] of Object.entries(KIND_SPECS[kind].fields)) {
    for (const p of order) {
      const hit = aliasesOf(field, spec, p)
        .map((a) => index.get(headerKey(a)))
        .find((i) => i !== undefined && !used.has(i));
      if (hit !== undefined) {
        mapping[field] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return mapping;
}

/** A few header names that would fill `field`, to suggest in a "missing column" message. */
export function exampleHeaders(kind: RecordKind, field: string): string[] {
  const spec = KIND_SPECS[kind].fields[field];
  if (!spec) return [field];
  const { hubspot, salesforce, connectwise } = spec.aliases;
  return [...new Set([field, hubspot?.[0], salesforce?.[0], connectwise?.[0]].filter((a): a is string => !!a))];
}

/** Required groups that a mapping leaves without any column. */
export function missingRequired(kind: RecordKind, mapping: Record<string, number>): string[][] {
  return KIND_SPECS[kind].required.filter((group) => !group.some((field) => mapping[field] !== undefined));
}

/** Which export the headers of a file of `kind` look like. */
export function detectPreset(kind: RecordKind, headers: string[]): Preset {
  return bestPreset(kind, headers).preset;
}

/** The preset whose aliases for `kind` recognise the most headers (ties: earlier in PRESETS). */
function bestPreset(kind: RecordKind, headers: string[]): { preset: Preset; hits: number } {
  const keys = new Set(headers.map(headerKey));
  let best: { preset: Preset; hits: number } = { preset: 'generic', hits: 0 };
  for (const preset of PRESETS) {
    let hits = 0;
    for (const [field, spec] of Object.entries(KIND_SPECS[kind].fields)) {
      if (aliasesOf(field, spec, preset).some((a) => keys.has(headerKey(a)))) hits++;
    }
    if (hits > best.hits) best = { preset, hits };
  }
  return best;
}

export interface Detection {
  kind: RecordKind;
  preset: Preset;
  /** How many fields the headers fill: 0 means nothing was recognised. */
  score: number;
}

/**
 * Guess what a file holds from its headers: the kind whose required fields are all present and
 * that maps the most columns. Kinds missing a required field only win when no kind is complete.
 */
export function detectKind(headers: string[]): Detection {
  let best: (Detection & { complete: boolean }) | undefined;
  for (const kind of RECORD_KINDS) {
    const { preset } = bestPreset(kind, headers);
    const mapping = autoMapping(kind, headers, preset);
    const score = Object.keys(mapping).length;
    const complete = missingRequired(kind, mapping).length === 0;
    const better = !best || (complete && !best.complete) || (complete === best.complete && score > best.score);
    if (better) best = { kind, preset, score, complete };
  }
  const { kind, preset, score } = best!;
  return { kind, preset, score };
}
