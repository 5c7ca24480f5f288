/**
 * Which columns of an import file feed which record fields: each kind's fields (fields.ts) with
 * the header names each export uses for them (one file per export beside this one).
 *
 * Headers are compared without case, spaces and punctuation, so "Deal - Title" is "dealtitle" and
 * "(Do Not Modify) Account" "donotmodifyaccount". HaloPSA's preset is the API field names that
 * head Halo's spreadsheet import columns (halopsa.ts says where they come from). Only the headers are taken from the products' documentation; the fixtures in
 * tests/fixtures/csv were written here, not exported from the products (see their README).
 */
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import { KIND_FIELDS, type FieldType, type PresetColumns } from './fields';
import type { Preset } from './presets';
import { AUTOTASK } from './autotask';
import { CONNECTWISE } from './connectwise';
import { DYNAMICS } from './dynamics';
import { GENERIC } from './generic';
import { HALOPSA } from './halopsa';
import { HUBSPOT } from './hubspot';
import { PIPEDRIVE } from './pipedrive';
import { SALESFORCE } from './salesforce';
import { ZOHO } from './zoho';

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

/** Each export's columns; our own template ("backstory") needs none: its headers are the field names. */
const COLUMNS: Record<Exclude<Preset, 'backstory'>, PresetColumns> = {
  hubspot: HUBSPOT,
  salesforce: SALESFORCE,
  pipedrive: PIPEDRIVE,
  zoho: ZOHO,
  dynamics: DYNAMICS,
  connectwise: CONNECTWISE,
  autotask: AUTOTASK,
  halopsa: HALOPSA,
  generic: GENERIC,
};

function kindSpec(kind: RecordKind): KindSpec {
  const { required, fields } = KIND_FIELDS[kind];
  const specs: Record<string, FieldSpec> = {};
  for (const [field, type] of Object.entries(fields) as [string, FieldType][]) {
    const aliases: Aliases = {};
    for (const [preset, columns] of Object.entries(COLUMNS) as [keyof Aliases, PresetColumns][]) {
      const headers = (columns[kind] as Record<string, readonly string[]> | undefined)?.[field];
      if (headers) aliases[preset] = [...headers];
    }
    specs[field] = { type, aliases };
  }
  return { required: required.map((group) => [...group]), fields: specs };
}

export const KIND_SPECS = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, kindSpec(kind)])) as Record<
  RecordKind,
  KindSpec
>;
