/** Stock phrases and later deals the generator draws from. */
import type { Rng } from '@/core/random';
import type { Role } from './world';

export interface Person {
  first: string;
  name: string;
  email: string;
  title: string;
  role: Role;
}

export const OPEN_STAGES = ['Proposal', 'Negotiation'] as const;
export const PRIOR_PROVIDERS = [
  'a one-person IT shop that retired',
  'an out-of-state MSP with a call center',
  "the owner's nephew",
  'the computer store down the road (break/fix)',
  'a regional MSP that got bought by a roll-up',
  'a freelancer who stopped returning calls',
];
export const PRIOR_PROVIDERS_DE = [
  'einem Ein-Mann-Systemhaus',
  'dem Neffen des Chefs',
  'einem großen Systemhaus aus München',
];
export const INCIDENTS = [
  'the scanner saga after the Windows feature update',
  'a new-hire laptop that arrived two days late',
  'a backup alert nobody acted on for a week',
  'a technician who showed up without the replacement part',
  'a VPN outage during their busiest week',
  'a phishing email that got through and cost them a morning',
];
export interface Expansion {
  name: string;
  /** How many units ({n} in the name) for an account with this many seats. */
  units: (seats: number, rng: Rng) => number;
  oneTime: [number, number];
  /** Monthly per unit; absent for pure projects. */
  recurring?: [number, number];
}
export const EXPANSIONS: Expansion[] = [
  { name: 'Security Plus add-on (EDR + MFA)', units: (s) => s, oneTime: [40, 90], recurring: [9, 15] },
  { name: 'Microsoft 365 migration - {n} mailboxes', units: (s, r) => s + r.int(0, 6), oneTime: [60, 120] },
  { name: 'Server refresh & Windows Server 2022 migration', units: (_s, r) => r.int(1, 2), oneTime: [6000, 14000] },
  { name: 'Backup & DR upgrade - offsite replication', units: () => 1, oneTime: [1500, 4000], recurring: [150, 600] },
  {
    name: 'Wi-Fi refresh - {n} access points',
    units: (s, r) => Math.ceil(s / 8) + r.int(1, 3),
    oneTime: [550, 900],
    recurring: [8, 12],
  },
  { name: 'VoIP cutover - {n} handsets', units: (s, r) => s + r.int(0, 4), oneTime: [180, 260], recurring: [18, 28] },
  {
    name: 'Second location onboarding - {nearby}',
    units: (s, r) => r.int(3, Math.max(4, Math.round(s / 2))),
    oneTime: [300, 500],
    recurring: [110, 160],
  },
  {
    name: 'Laptop refresh - {n} devices',
    units: (s, r) => r.int(Math.max(3, Math.round(s / 3)), s),
    oneTime: [1100, 1600],
  },
  { name: 'Security awareness training - {n} staff', units: (s) => s, oneTime: [5, 20], recurring: [3, 5] },
  { name: 'Firewall replacement (FortiGate)', units: () => 1, oneTime: [3500, 9000], recurring: [60, 180] },
];
/** Lead sources of customers won before the campaigns below, and how a rep tells it. */
export const LEGACY_SOURCES: Array<readonly [string, string]> = [
  ['Existing relationship (pre-2023)', 'an old contact of our founder'],
  ['Inbound call', 'a cold inbound call'],
  ['Website contact form', 'the contact form on our website'],
  ['Acquired client list', 'the client list we took over from Summit Tech Services'],
  ['Referral (landlord)', 'a tip from their landlord'],
];

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m);
}
