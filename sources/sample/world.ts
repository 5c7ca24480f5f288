/**
 * The sample world's constants: its source name, its "today", and the types its tables share.
 */
import { CONTACT_ROLES, recordId, type Account, type Contact, type Deal, type Note } from '@/core/model';
import { formatMoney } from '@/core/format';

export const SOURCE = 'sample';
export const sid = (sourceId: string) => recordId(SOURCE, sourceId);

/** "Today" for the sample world: nothing closes or gets written after it. */
export const TODAY = '2026-11-20';

export type Country = 'US' | 'UK' | 'DE';
export type Role = (typeof CONTACT_ROLES)[number];

/** An amount as a rep in that country writes it: "$1,200", "£400", "1.200 €". */
export function money(value: number, currency: string): string {
  return formatMoney(
    Math.round(value),
    currency,
    currency === 'EUR' ? 'de-DE' : currency === 'GBP' ? 'en-GB' : 'en-US',
  );
}

/** What the generator has made so far. */
export interface Built {
  accounts: Account[];
  contacts: Contact[];
  deals: Deal[];
  notes: Note[];
  /** Next ConnectWise company id for a generated account. */
  nextExternalId: number;
}
