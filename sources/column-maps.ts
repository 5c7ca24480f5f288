/**
 * Which columns of an import file feed which record fields. Each kind lists its target fields
 * (the model's fields plus a few import-only ones such as firstName or accountName, combined into
 * the model when records are built) with the header names the common exports use for them.
 * Headers are compared case-, space- and punctuation-insensitively ("Company name" = "companyName").
 */
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import { HALOPSA_ALIASES } from './column-maps-halopsa';

/**
 * Every export Backstory recognises, in order of preference on a tie (a CRM's export over our
 * template whose names it shares). The one list: the options page names them from it too.
 */
export const PRESETS = [
  'hubspot',
  'salesforce',
  'pipedrive',
  'zoho',
  'dynamics',
  'connectwise',
  'autotask',
  'halopsa',
  'backstory',
  'generic',
] as const;
/** Which export a header row looks like; "backstory" is our own template (headers = field names). */
export type Preset = (typeof PRESETS)[number];
/** The presets that are a CRM or PSA (their record ids are worth keeping as an account's external id). */
export const CRM_PRESETS: readonly Preset[] = [
  'hubspot',
  'salesforce',
  'pipedrive',
  'zoho',
  'dynamics',
  'connectwise',
  'autotask',
  'halopsa',
];

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

/*
 * Where each preset's headers come from. Headers are compared without case, spaces and
 * punctuation, so "Deal - Title" is "dealtitle" and "(Do Not Modify) Account" "donotmodifyaccount".
 * - hubspot: HubSpot's export of companies, contacts, deals and activities (knowledge base, "Export
 *   your records"), which writes each property's label: "Record ID", "Company name", "Deal Stage",
 *   "Associated Company IDs (Primary)"; the source properties as labelled now ("Original Source",
 *   "Original Source Data 1/2", "Original Traffic Source", "Latest Traffic Source") and before
 *   ("Original Source Drill-Down 1/2", "Original Source Type"), as issue 19 lists them.
 * - salesforce: report exports (the column labels of the Opportunities, Accounts, Contacts and
 *   Campaigns report types) and the weekly Data Export / Data Loader files, whose headers are the
 *   objects' API field names (Salesforce Object Reference: Account, Contact, Opportunity,
 *   Campaign, Note, User: Id, AccountId, StageName, IsWon, LeadSource, CampaignId, OwnerId, ParentId...).
 * - pipedrive: Pipedrive's spreadsheet export ("Exporting data" in its knowledge base) heads
 *   each column "Entity - Field label": "Deal - Title", "Organization - Name", "Note - Content".
 * - zoho: Zoho CRM's module export (Setup > Data Administration > Export) writes field labels:
 *   "Record Id", "Account Name", "Deal Name", "Closing Date", "Campaign Source", and for Notes
 *   "Note Title", "Note Content", "Parent Id", "Note Owner" (Zoho's Notes API fields Note_Title,
 *   Note_Content, Parent_Id, Owner).
 * - dynamics: Dynamics 365 Sales "Export to Excel" (Microsoft Learn, "Export to an Excel static
 *   worksheet") writes the view's column labels after hidden "(Do Not Modify)" columns, the first
 *   of which holds the row's GUID: "(Do Not Modify) Opportunity", "Topic", "Potential Customer",
 *   "Est. Revenue", "Est. Close Date", "Actual Close Date", "Status", "Owner".
 * - connectwise: ConnectWise PSA (Manage) company and opportunity list exports.
 * - autotask: Autotask's organization search exports "In Import Template Format", whose headers
 *   are those of its import templates (Autotask online help, "Populating the Organization import
 *   template": "Organization ID (updates only)", "Name", "Number", "Address 1", "Phone"...; and
 *   "Populating the Opportunities import template": "Opportunity ID [updates only]", "Opportunity
 *   Name (required)", "Opportunity Description", "Organization (required)", "Contact"). The help
 *   says an instance may call organizations "Account", "Customer" or "Client Company" instead,
 *   so those words stand in for "Organization" too. Only these headers could be read in the
 *   documentation: the templates' columns for a website, an owner, an amount, a stage or a close
 *   date were not found in any source, so an Autotask file maps none of them by itself (the
 *   preview lists them as ignored; they can be mapped by hand).
 * - halopsa: the API field names that head Halo's spreadsheet import columns; its aliases and
 *   their sources are in sources/column-maps-halopsa.ts (added to KIND_SPECS below it).
 * Only the headers are taken from these; the fixtures in tests/fixtures/csv were written here,
 * not exported from the products (see their README).
 */
const f = (type: FieldType, aliases: Aliases = {}): FieldSpec => ({ type, aliases });
/** Autotask's word for an organization, as an instance may have renamed it (its online help). */
const AT_TERMS = ['Organization', 'Account', 'Customer', 'Client Company'];
const AT_ORG_ID = AT_TERMS.map((t) => `${t} ID (updates only)`);
const AT_ORG = AT_TERMS.map((t) => `${t} (required)`);
const HS_COMPANY_ID = ['Associated Company IDs (Primary)', 'Associated Company ID', 'Associated Company IDs'];
const HS_COMPANY = ['Associated Company', 'Associated Company (Primary)', 'Associated Company Name'];
const HS_SOURCE = ['Original Source', 'Original Traffic Source', 'Original Source Type', 'Latest Traffic Source'];
const HS_SOURCE_1 = ['Original Source Data 1', 'Original Source Drill-Down 1', 'Original Traffic Source Drill-Down 1'];
const HS_SOURCE_2 = ['Original Source Data 2', 'Original Source Drill-Down 2', 'Original Traffic Source Drill-Down 2'];

export const KIND_SPECS: Record<RecordKind, KindSpec> = {
  account: {
    required: [['name']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Company ID'],
        salesforce: ['Account ID', 'Id'],
        pipedrive: ['Organization - ID'],
        zoho: ['Record Id', 'Account Id'],
        dynamics: ['(Do Not Modify) Account'],
        connectwise: ['Company ID'],
        autotask: AT_ORG_ID,
        generic: ['sourceId'],
      }),
      name: f('text', {
        hubspot: ['Company name'],
        salesforce: ['Account Name', 'Name'],
        pipedrive: ['Organization - Name'],
        zoho: ['Account Name'],
        dynamics: ['Account Name'],
        connectwise: ['Company Name', 'Company'],
        autotask: ['Name', '[required] Name'],
        generic: ['Name', 'Account', 'Company', 'Organization', 'Organisation', 'Customer', 'Client'],
      }),
      aliases: f('list', { generic: ['Aliases', 'Also known as', 'AKA', 'Other names', 'DBA'] }),
      domains: f('domains', { hubspot: ['Company Domain Name'], generic: ['Domain', 'Email domain', 'Email domains'] }),
      website: f('domains', {
        hubspot: ['Website URL'],
        salesforce: ['Website'],
        pipedrive: ['Organization - Website'],
        zoho: ['Website'],
        dynamics: ['Website'],
        connectwise: ['Website', 'Web Site'],
        generic: ['URL', 'Web'],
      }),
      externalIds: f('map', { generic: ['External IDs'] }),
      industry: f('text', {
        hubspot: ['Industry'],
        salesforce: ['Industry'],
        pipedrive: ['Organization - Industry'],
        zoho: ['Industry'],
        dynamics: ['Industry'],
        connectwise: ['Market', 'Industry'],
        generic: ['Sector', 'Vertical'],
      }),
      leadSource: f('text', {
        hubspot: HS_SOURCE,
        salesforce: ['Account Source', 'Lead Source', 'AccountSource'],
        zoho: ['Lead Source', 'Account Source'],
        dynamics: ['Source', 'Lead Source'],
        connectwise: ['Lead Source', 'Source'],
        generic: ['Source'],
      }),
      leadSourceDetail: f('text', { hubspot: HS_SOURCE_1 }),
      leadSourceDetail2: f('text', { hubspot: HS_SOURCE_2 }),
      customerSince: f('date', {
        hubspot: ['Became a Customer Date'],
        salesforce: ['Customer Since'],
        connectwise: ['Customer Since'],
        generic: ['Client Since'],
      }),
      owner: f('text', {
        hubspot: ['Company owner'],
        salesforce: ['Account Owner', 'OwnerId'],
        pipedrive: ['Organization - Owner'],
        zoho: ['Account Owner'],
        dynamics: ['Owner'],
        connectwise: ['Account Manager', 'Territory Manager'],
        generic: ['Owner'],
      }),
      description: f('text', {
        hubspot: ['Description', 'About Us'],
        salesforce: ['Description'],
        zoho: ['Description'],
        dynamics: ['Description'],
        generic: ['Description'],
      }),
      notes: f('text', { hubspot: ['Associated Note'], pipedrive: ['Organization - Notes'], generic: ['Notes'] }),
      createDate: f('datetime', {
        hubspot: ['Create Date'],
        salesforce: ['Created Date', 'CreatedDate'],
        pipedrive: ['Organization - Organization created'],
        zoho: ['Created Time'],
        dynamics: ['Created On'],
      }),
    },
  },
  contact: {
    required: [['name', 'firstName', 'lastName']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Contact ID'],
        salesforce: ['Contact ID', 'Id'],
        pipedrive: ['Person - ID'],
        zoho: ['Record Id', 'Contact Id'],
        dynamics: ['(Do Not Modify) Contact'],
        connectwise: ['Contact ID'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', {
        hubspot: HS_COMPANY_ID,
        salesforce: ['Account ID', 'AccountId'],
        connectwise: ['Company ID'],
      }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name'],
        pipedrive: ['Person - Organization', 'Organization - Name'],
        zoho: ['Account Name'],
        dynamics: ['Company Name', 'Account Name'],
        connectwise: ['Company', 'Company Name'],
        generic: ['Account', 'Organization', 'Customer'],
      }),
      name: f('text', {
        salesforce: ['Full Name', 'Contact Name', 'Name'],
        pipedrive: ['Person - Name'],
        dynamics: ['Full Name'],
        generic: ['Name', 'Contact'],
      }),
      firstName: f('text', {
        hubspot: ['First Name'],
        salesforce: ['First Name', 'FirstName'],
        pipedrive: ['Person - First name'],
        zoho: ['First Name'],
        dynamics: ['First Name'],
        connectwise: ['First Name'],
        generic: ['Given name'],
      }),
      lastName: f('text', {
        hubspot: ['Last Name'],
        salesforce: ['Last Name', 'LastName'],
        pipedrive: ['Person - Last name'],
        zoho: ['Last Name'],
        dynamics: ['Last Name'],
        connectwise: ['Last Name'],
        generic: ['Surname', 'Family name'],
      }),
      email: f('email', {
        hubspot: ['Email'],
        salesforce: ['Email'],
        pipedrive: ['Person - Email', 'Person - Email - Work'],
        zoho: ['Email'],
        dynamics: ['Email'],
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
        pipedrive: ['Person - Job title'],
        zoho: ['Title'],
        dynamics: ['Job Title'],
        connectwise: ['Title'],
        generic: ['Position'],
      }),
      phone: f('text', {
        hubspot: ['Phone Number', 'Mobile Phone Number'],
        salesforce: ['Phone', 'Mobile', 'MobilePhone'],
        pipedrive: ['Person - Phone', 'Person - Phone - Work'],
        zoho: ['Phone', 'Mobile'],
        dynamics: ['Business Phone', 'Mobile Phone'],
        connectwise: ['Phone', 'Direct', 'Default Phone'],
        generic: ['Telephone'],
      }),
      leadSource: f('text', {
        hubspot: HS_SOURCE,
        salesforce: ['Lead Source', 'LeadSource'],
        zoho: ['Lead Source'],
        generic: ['Lead Source'],
      }),
      leadSourceDetail: f('text', { hubspot: HS_SOURCE_1 }),
    },
  },
  campaign: {
    required: [['name']],
    fields: {
      id: f('text', {
        hubspot: ['Campaign ID'],
        salesforce: ['Campaign ID', 'Id'],
        zoho: ['Record Id'],
        connectwise: ['Campaign ID'],
        generic: ['sourceId'],
      }),
      name: f('text', {
        hubspot: ['Campaign name'],
        salesforce: ['Campaign Name', 'Name'],
        zoho: ['Campaign Name'],
        connectwise: ['Campaign Name', 'Campaign'],
        generic: ['Name', 'Campaign'],
      }),
      channel: f('text', {
        hubspot: ['Campaign type'],
        salesforce: ['Type', 'Campaign Type'],
        zoho: ['Type'],
        connectwise: ['Type', 'Campaign Type'],
        generic: ['Medium'],
      }),
      startDate: f('date', {
        hubspot: ['Start date'],
        salesforce: ['Start Date', 'StartDate'],
        zoho: ['Start Date'],
        connectwise: ['Start Date'],
      }),
      endDate: f('date', {
        hubspot: ['End date'],
        salesforce: ['End Date', 'EndDate'],
        zoho: ['End Date'],
        connectwise: ['End Date'],
      }),
      cost: f('money', {
        hubspot: ['Budget', 'Spend'],
        salesforce: ['Actual Cost', 'Budgeted Cost', 'ActualCost', 'BudgetedCost'],
        zoho: ['Actual Cost', 'Budgeted Cost'],
        connectwise: ['Actual Cost', 'Budget Cost'],
        generic: ['Cost'],
      }),
      currency: f('text', {
        hubspot: ['Currency'],
        salesforce: ['Campaign Currency', 'Currency', 'CurrencyIsoCode'],
        zoho: ['Currency'],
        generic: ['Currency'],
      }),
      owner: f('text', {
        hubspot: ['Campaign owner'],
        salesforce: ['Campaign Owner', 'OwnerId'],
        zoho: ['Campaign Owner'],
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
        salesforce: ['Opportunity ID', 'Id'],
        pipedrive: ['Deal - ID'],
        zoho: ['Record Id', 'Deal Id'],
        dynamics: ['(Do Not Modify) Opportunity'],
        connectwise: ['Opportunity ID'],
        autotask: ['Opportunity ID [updates only]'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', {
        hubspot: HS_COMPANY_ID,
        salesforce: ['Account ID', 'AccountId'],
        connectwise: ['Company ID'],
      }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name'],
        pipedrive: ['Deal - Organization', 'Organization - Name'],
        zoho: ['Account Name'],
        dynamics: ['Potential Customer', 'Account'],
        connectwise: ['Company', 'Company Name'],
        autotask: AT_ORG,
        generic: ['Account', 'Customer', 'Client'],
      }),
      campaignId: f('ref', { salesforce: ['Campaign ID', 'CampaignId'], connectwise: ['Campaign ID'] }),
      campaignName: f('text', {
        hubspot: ['Campaign'],
        salesforce: ['Primary Campaign Source', 'Campaign Name'],
        zoho: ['Campaign Source'],
        dynamics: ['Source Campaign', 'Campaign'],
        connectwise: ['Campaign'],
        generic: ['Campaign'],
      }),
      leadSource: f('text', {
        hubspot: HS_SOURCE,
        salesforce: ['Lead Source', 'LeadSource'],
        pipedrive: ['Deal - Source origin'],
        zoho: ['Lead Source'],
        connectwise: ['Source'],
        generic: ['Source', 'Lead Source'],
      }),
      leadSourceDetail: f('text', { hubspot: HS_SOURCE_1, pipedrive: ['Deal - Source channel'] }),
      name: f('text', {
        hubspot: ['Deal Name'],
        salesforce: ['Opportunity Name', 'Name'],
        pipedrive: ['Deal - Title'],
        zoho: ['Deal Name'],
        dynamics: ['Topic'],
        connectwise: ['Opportunity Name', 'Opportunity'],
        autotask: ['Opportunity Name (required)', 'Opportunity Name'],
        generic: ['Deal', 'Name'],
      }),
      valueOneTime: f('money', {
        hubspot: ['Amount'],
        salesforce: ['Amount'],
        pipedrive: ['Deal - Value'],
        zoho: ['Amount'],
        dynamics: ['Est. Revenue', 'Actual Revenue'],
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
        salesforce: ['Opportunity Currency', 'Currency', 'CurrencyIsoCode'],
        pipedrive: ['Deal - Currency'],
        zoho: ['Currency'],
        dynamics: ['Currency'],
        generic: ['Currency'],
      }),
      // Pipedrive, Dynamics and ConnectWise have both a status (Open/Won/Lost) and a pipeline stage.
      stage: f('text', {
        hubspot: ['Deal Stage'],
        salesforce: ['Stage', 'StageName'],
        pipedrive: ['Deal - Status'],
        zoho: ['Stage'],
        dynamics: ['Status'],
        connectwise: ['Status', 'Stage'],
      }),
      stageDetail: f('text', {
        pipedrive: ['Deal - Stage'],
        dynamics: ['Pipeline Phase', 'Sales Stage'],
        connectwise: ['Stage'],
      }),
      isWon: f('bool', { salesforce: ['Won', 'IsWon'] }),
      closeDate: f('date', {
        hubspot: ['Close Date'],
        salesforce: ['Close Date', 'CloseDate'],
        pipedrive: ['Deal - Won time', 'Deal - Close time', 'Deal - Lost time'],
        zoho: ['Closing Date'],
        dynamics: ['Actual Close Date'],
        connectwise: ['Closed Date'],
        generic: ['Closed'],
      }),
      expectedCloseDate: f('date', {
        pipedrive: ['Deal - Expected close date'],
        dynamics: ['Est. Close Date'],
        connectwise: ['Expected Close Date'],
        generic: ['Expected Close'],
      }),
      salesRep: f('text', {
        hubspot: ['Deal owner'],
        salesforce: ['Opportunity Owner', 'OwnerId'],
        pipedrive: ['Deal - Owner'],
        zoho: ['Deal Owner'],
        dynamics: ['Owner'],
        connectwise: ['Sales Rep', 'Primary Sales Rep'],
        generic: ['Owner', 'Rep', 'Salesperson'],
      }),
      productsSold: f('text', { generic: ['Products', 'Products Sold', 'Product'] }),
      promises: f('list', { generic: ['Promises', 'Commitments'] }),
      description: f('text', {
        hubspot: ['Deal Description', 'Description'],
        salesforce: ['Description'],
        zoho: ['Description'],
        dynamics: ['Description'],
        autotask: ['Opportunity Description'],
        generic: ['Description'],
      }),
      notes: f('text', { hubspot: ['Associated Note'], connectwise: ['Notes'], generic: ['Notes'] }),
      createDate: f('datetime', {
        hubspot: ['Create Date'],
        salesforce: ['Created Date', 'CreatedDate'],
        pipedrive: ['Deal - Deal created'],
        zoho: ['Created Time'],
        dynamics: ['Created On'],
      }),
    },
  },
  note: {
    required: [['body', 'title']],
    fields: {
      id: f('text', {
        hubspot: ['Record ID', 'Note ID'],
        salesforce: ['Activity ID', 'Note ID', 'Id'],
        pipedrive: ['Note - ID'],
        zoho: ['Record Id', 'Note Id'],
        connectwise: ['Note ID'],
        generic: ['sourceId'],
      }),
      accountId: f('ref', {
        hubspot: HS_COMPANY_ID,
        salesforce: ['Account ID', 'AccountId'],
        connectwise: ['Company ID'],
      }),
      accountName: f('text', {
        hubspot: HS_COMPANY,
        salesforce: ['Account Name', 'Company / Account'],
        pipedrive: ['Note - Organization', 'Organization - Name'],
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
        salesforce: ['Opportunity Name', 'Opportunity'],
        pipedrive: ['Note - Deal', 'Deal - Title'],
        connectwise: ['Opportunity', 'Opportunity Name'],
        generic: ['Deal'],
      }),
      // An id that is an account's or a deal's: Salesforce Note.ParentId, Zoho's "Parent Id".
      parentId: f('ref', { salesforce: ['ParentId', 'Parent ID'], zoho: ['Parent Id'] }),
      author: f('text', {
        hubspot: ['Activity assigned to', 'Created by'],
        salesforce: ['Assigned', 'Created By', 'OwnerId'],
        pipedrive: ['Note - User', 'Note - Author'],
        zoho: ['Note Owner'],
        connectwise: ['Entered By', 'Member'],
        generic: ['By', 'Owner', 'User'],
      }),
      date: f('datetime', {
        hubspot: ['Activity date', 'Create Date'],
        salesforce: ['Date', 'Created Date', 'CreatedDate'],
        pipedrive: ['Note - Add time', 'Note - Date'],
        zoho: ['Created Time'],
        connectwise: ['Date Entered', 'Date Created'],
        generic: ['Created'],
      }),
      title: f('text', { salesforce: ['Title', 'Subject'], zoho: ['Note Title'] }),
      body: f('text', {
        hubspot: ['Note body'],
        salesforce: ['Body', 'Comments', 'Full Comments'],
        pipedrive: ['Note - Content'],
        zoho: ['Note Content'],
        connectwise: ['Notes', 'Text'],
        generic: ['Note', 'Content', 'Comment', 'Details'],
      }),
      tags: f('list', { generic: ['Labels', 'Category'] }),
      pinned: f('bool', { generic: ['Pin', 'Important'] }),
    },
  },
};

// HaloPSA's aliases, kept in their own file with their sources (sources/column-maps-halopsa.ts).
for (const kind of RECORD_KINDS) {
  for (const [field, aliases] of Object.entries(HALOPSA_ALIASES[kind])) {
    const spec = KIND_SPECS[kind].fields[field];
    if (!spec) throw new Error(`column-maps-halopsa: ${kind} has no field ${field}`);
    spec.aliases.halopsa = aliases;
  }
}

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
  const { hubspot, salesforce, pipedrive, connectwise } = spec.aliases;
  return [
    ...new Set(
      [field, hubspot?.[0], salesforce?.[0], pipedrive?.[0], connectwise?.[0]].filter((a): a is string => !!a),
    ),
  ];
}

/** Required groups that a mapping leaves without any column. */
export function missingRequired(kind: RecordKind, mapping: Record<string, number>): string[][] {
  return KIND_SPECS[kind].required.filter((group) => !group.some((field) => mapping[field] !== undefined));
}

/** Which export the headers of a file of `kind` look like. */
export function detectPreset(kind: RecordKind, headers: string[]): Preset {
  return bestPreset(kind, headers).preset;
}

/**
 * The preset whose aliases for `kind` recognise the most headers. Our own template counts only
 * headers written as its field names ("firstName", not "First Name") and wins ties (a file headed
 * "id,name,industry" is ours, though Salesforce's API names are the same words); other ties go
 * to the earlier in PRESETS.
 */
function bestPreset(kind: RecordKind, headers: string[]): { preset: Preset; hits: number } {
  const keys = new Set(headers.map(headerKey));
  const exact = new Set(headers.map((h) => h.trim().toLowerCase()));
  let best: { preset: Preset; hits: number } = { preset: 'generic', hits: 0 };
  for (const preset of ['backstory', ...PRESETS.filter((p) => p !== 'backstory')] as Preset[]) {
    let hits = 0;
    for (const [field, spec] of Object.entries(KIND_SPECS[kind].fields)) {
      if (
        preset === 'backstory'
          ? exact.has(field.toLowerCase())
          : spec.aliases[preset]?.some((a) => keys.has(headerKey(a)))
      )
        hits++;
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
