/**
 * The fields an import file can fill, per kind, and their types: the model's fields plus a few
 * import-only ones such as firstName or accountName, combined into the model when records are
 * built. Their order is the order in which fields take their columns (sources/column-maps/detect.ts),
 * so a field listed earlier wins a header two could read. Which headers fill them is each export's
 * own file beside this one.
 */
import type { RecordKind } from '@/core/model';

export type FieldType = 'text' | 'list' | 'money' | 'date' | 'datetime' | 'email' | 'domains' | 'bool' | 'map' | 'ref';

interface KindFields {
  /** Each group needs at least one of its fields mapped (e.g. a name, or first/last name). */
  readonly required: readonly (readonly string[])[];
  readonly fields: Readonly<Record<string, FieldType>>;
}

export const KIND_FIELDS = {
  account: {
    required: [['name']],
    fields: {
      id: 'text',
      name: 'text',
      aliases: 'list',
      domains: 'domains',
      website: 'domains',
      externalIds: 'map',
      industry: 'text',
      leadSource: 'text',
      leadSourceDetail: 'text',
      leadSourceDetail2: 'text',
      customerSince: 'date',
      owner: 'text',
      description: 'text',
      notes: 'text',
      createDate: 'datetime',
    },
  },
  contact: {
    required: [['name', 'firstName', 'lastName']],
    fields: {
      id: 'text',
      accountId: 'ref',
      accountName: 'text',
      name: 'text',
      firstName: 'text',
      lastName: 'text',
      email: 'email',
      role: 'text',
      title: 'text',
      phone: 'text',
      leadSource: 'text',
      leadSourceDetail: 'text',
      leadSourceDetail2: 'text',
    },
  },
  campaign: {
    required: [['name']],
    fields: {
      id: 'text',
      name: 'text',
      channel: 'text',
      startDate: 'date',
      endDate: 'date',
      cost: 'money',
      currency: 'text',
      owner: 'text',
    },
  },
  deal: {
    required: [['name'], ['accountId', 'accountName']],
    fields: {
      id: 'text',
      accountId: 'ref',
      accountName: 'text',
      campaignId: 'ref',
      campaignName: 'text',
      leadSource: 'text',
      leadSourceDetail: 'text',
      leadSourceDetail2: 'text',
      name: 'text',
      valueOneTime: 'money',
      valueRecurring: 'money',
      currency: 'text',
      // Pipedrive, Dynamics and ConnectWise have both a status (Open/Won/Lost) and a pipeline stage.
      stage: 'text',
      stageDetail: 'text',
      isWon: 'bool',
      closeDate: 'date',
      expectedCloseDate: 'date',
      salesRep: 'text',
      productsSold: 'text',
      promises: 'list',
      description: 'text',
      notes: 'text',
      createDate: 'datetime',
    },
  },
  note: {
    required: [['body', 'title']],
    fields: {
      id: 'text',
      accountId: 'ref',
      accountName: 'text',
      dealId: 'ref',
      dealName: 'text',
      // An id that is an account's or a deal's: Salesforce Note.ParentId, Zoho's "Parent Id".
      parentId: 'ref',
      author: 'text',
      date: 'datetime',
      title: 'text',
      body: 'text',
      tags: 'list',
      pinned: 'bool',
    },
  },
} as const satisfies Record<RecordKind, KindFields>;

/** One export's header names for the fields of each kind (a field it has no header for is left out). */
export type PresetColumns = {
  readonly [K in RecordKind]?: { readonly [F in keyof (typeof KIND_FIELDS)[K]['fields']]?: readonly string[] };
};

/** Backstory's own CSV template: the model's fields, in this order (also used by CSV export). */
export const TEMPLATE_FIELDS: Record<RecordKind, string[]> = {
  account: ['id', 'name', 'aliases', 'domains', 'externalIds', 'industry', 'leadSource', 'customerSince', 'owner'],
  contact: ['id', 'accountId', 'name', 'email', 'role', 'title', 'phone', 'leadSource'],
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
