/** The hand-written sample accounts' values (SAMPLE_FIXED) and how their records are built. */
import type { Account, Contact, Note } from '@/core/model';
import { sid, SOURCE } from './world';

/** The hand-written records tests and fixtures rely on. Do not change these values. */
export const SAMPLE_FIXED = {
  acme: {
    accountSourceId: 'acct-acme',
    accountId: sid('acct-acme'),
    name: 'Acme Dental Group',
    alias: 'ADG',
    domain: 'acmedental.com',
    contacts: {
      dana: { name: 'Dana Whitfield', email: 'dana@acmedental.com', role: 'decision maker' },
      sam: { name: 'Sam Ortiz', email: 'sam.ortiz@acmedental.com', role: 'end user' },
    },
    dealSourceId: 'deal-acme',
    dealId: sid('deal-acme'),
    dealName: 'Managed IT Essentials - Dental (18 seats)',
    salesRep: 'Priya Nair',
    campaignSourceId: 'camp-postcard-dental',
    campaignId: sid('camp-postcard-dental'),
    campaignName: 'Spring Dental Postcard Mailer 2025',
    pinnedNote:
      'Dr. Whitfield was burned by their last MSP: scheduler down for two days. Promised 1-hour response on Dentrix issues. Keep her in the loop personally.',
  },
  baker: {
    accountSourceId: 'acct-baker',
    accountId: sid('acct-baker'),
    name: 'Baker & Price LLP',
    domain: 'bakerprice.law',
    contacts: {
      helen: { name: 'Helen Baker', email: 'helen@bakerprice.law', role: 'decision maker' },
    },
    dealSourceId: 'deal-baker',
    dealId: sid('deal-baker'),
    salesRep: 'Marcus Lee',
    campaignSourceId: 'camp-webinar-legal',
    campaignId: sid('camp-webinar-legal'),
    campaignName: 'Legal Tech Webinar Series',
  },
  mueller: {
    accountSourceId: 'acct-mueller',
    accountId: sid('acct-mueller'),
    name: 'Müller & Söhne GmbH',
    domain: 'mueller-soehne.de',
    dealSourceId: 'deal-mueller',
    dealId: sid('deal-mueller'),
    currency: 'EUR',
    campaignSourceId: 'camp-tradeshow-itsa',
    campaignId: sid('camp-tradeshow-itsa'),
  },
  riverside: {
    accountSourceId: 'acct-riverside',
    accountId: sid('acct-riverside'),
    name: 'Riverside Family Clinic',
    domain: 'riversideclinic.org',
    contacts: {
      tom: { name: 'Tom Becker', email: 'tom.becker@riversideclinic.org', role: 'billing' },
    },
    dealSourceId: 'deal-riverside',
    dealId: sid('deal-riverside'),
    campaignSourceId: 'camp-referral',
    campaignId: sid('camp-referral'),
  },
} as const;

/** A sample account record from its source id. */
export const account = (sourceId: string, a: Omit<Account, 'id' | 'source' | 'sourceId'>): Account => ({
  id: sid(sourceId),
  source: SOURCE,
  sourceId,
  ...a,
});
/** A sample contact of the account with `accountSourceId`. */
export const contact = (
  sourceId: string,
  accountSourceId: string,
  c: Omit<Contact, 'id' | 'source' | 'sourceId' | 'accountId'>,
): Contact => ({
  id: sid(sourceId),
  source: SOURCE,
  sourceId,
  accountId: sid(accountSourceId),
  ...c,
});
/** A sample note on the account with `accountSourceId`. */
export const note = (
  sourceId: string,
  accountSourceId: string,
  n: Omit<Note, 'id' | 'source' | 'sourceId' | 'accountId'>,
): Note => ({
  id: sid(sourceId),
  source: SOURCE,
  sourceId,
  accountId: sid(accountSourceId),
  ...n,
});
