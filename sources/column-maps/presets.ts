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
export const CRM_PRESETS: readonly Preset[] = PRESETS.filter((p) => p !== 'backstory' && p !== 'generic');
