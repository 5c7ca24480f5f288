/** What each industry buys, is promised and suffers from, and what its people are called. */
import type { Role } from './world';
import type { Industry } from './industry';
import { PRACTICE_INDUSTRIES } from './industries-practices';
import { ORGANIZATION_INDUSTRIES } from './industries-organizations';

export type { Industry } from './industry';
export { NO_CAMPAIGN } from './industry';

/** Every industry, in this order: the practices, then the other organisations. */
export const INDUSTRIES: Record<string, Industry> = { ...PRACTICE_INDUSTRIES, ...ORGANIZATION_INDUSTRIES };

export const GENERIC_PROMISES = [
  'Quarterly business review with {dm}',
  'Named technician for the first 90 days',
  'Onboarding complete within 30 days',
  'Monthly patch report to {champ}',
  'No charge for password resets',
  'Price locked for 36 months',
  '4-hour on-site response within city limits',
];

/** German job titles, in the neutral forms German CRMs tend to use. */
export const DE_TITLES: Record<Role, string[]> = {
  'decision maker': ['Geschäftsführung', 'Kaufmännische Leitung'],
  champion: ['Büroleitung', 'Assistenz der Geschäftsführung'],
  billing: ['Buchhaltung', 'Finanzbuchhaltung'],
  technical: ['IT-Administration', 'Systembetreuung'],
  influencer: ['Abteilungsleitung', 'Teamleitung'],
  'end user': ['Sachbearbeitung', 'Empfang'],
};
export const DE_DM_TITLES: Partial<Record<string, string[]>> = {
  clinic: ['Praxisleitung', 'Ärztliche Leitung'],
  legal: ['Kanzleileitung', 'Partnerschaft'],
  accounting: ['Kanzleileitung'],
  nonprofit: ['Vorstand'],
  school: ['Schulleitung'],
};
export const UK_DM_TITLES: Partial<Record<string, string[]>> = {
  mfg: ['Managing Director'],
  construction: ['Managing Director'],
  realestate: ['Director'],
  insurance: ['Managing Director'],
  school: ['Headteacher', 'Bursar'],
  dental: ['Principal dentist'],
  accounting: ['Managing partner', 'Director'],
  clinic: ['Clinic director', 'Clinical lead'],
  vet: ['Practice principal', 'Clinical director'],
  legal: ['Senior partner', 'Managing partner'],
  nonprofit: ['Chief executive', 'Director'],
  arch: ['Director'],
};
/** US-only regulation that must not show up in UK or German deals. */
export const US_ONLY = /HIPAA|BAA|E&O/;
