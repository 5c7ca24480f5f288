/**
 * Which columns of an import file feed which record fields: the exports Backstory recognises
 * (presets.ts), each kind's fields (fields.ts), one file per export with its header names and where
 * they come from (hubspot.ts, salesforce.ts, …, generic.ts), put together in specs.ts, and the
 * reading of a header row (detect.ts).
 */
export { PRESETS, CRM_PRESETS, type Preset } from './presets';
export { TEMPLATE_FIELDS } from './fields';
export { KIND_SPECS } from './specs';
export { headerKey, autoMapping, exampleHeaders, missingRequired, detectPreset, detectKind } from './detect';
