/** Riverside Family Clinic (SAMPLE_FIXED.riverside): its account, contacts, deal and notes. */
import { SOURCE, type Built } from './world';
import { SAMPLE_FIXED, account, contact, note } from './fixed-values';

export function riversideRecords(out: Built): void {
  const F = SAMPLE_FIXED;
  out.accounts.push(
    account(F.riverside.accountSourceId, {
      name: F.riverside.name,
      aliases: [],
      domains: [F.riverside.domain],
      externalIds: { connectwise: '253' },
      industry: 'Healthcare clinic',
      leadSource: 'Referral',
      customerSince: '2024-08-09',
      owner: 'Diego Alvarez',
    }),
  );
  out.contacts.push(
    contact('ct-riverside-anita', F.riverside.accountSourceId, {
      name: 'Anita Rao',
      email: 'anita.rao@riversideclinic.org',
      role: 'decision maker',
      title: 'Medical director',
    }),
    contact('ct-riverside-tom', F.riverside.accountSourceId, {
      name: 'Tom Becker',
      email: 'tom.becker@riversideclinic.org',
      role: 'billing',
      title: 'Billing manager',
      phone: '(360) 555-0181',
    }),
    contact('ct-riverside-luis', F.riverside.accountSourceId, {
      name: 'Luis Herrera',
      email: 'luis.herrera@riversideclinic.org',
      role: 'champion',
      title: 'Practice administrator',
    }),
  );
  out.deals.push({
    id: F.riverside.dealId,
    source: SOURCE,
    sourceId: F.riverside.dealSourceId,
    accountId: F.riverside.accountId,
    campaignId: F.riverside.campaignId,
    leadSource: 'Referral',
    name: 'Managed IT Complete - Clinic (26 seats)',
    valueOneTime: 8000,
    valueRecurring: 4850,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2024-08-09',
    salesRep: 'Diego Alvarez',
    productsSold: 'Managed IT Complete, eClinicalWorks workstation support, HIPAA risk assessment, fax-to-email',
    promises: [
      '1-hour response on the EHR (eClinicalWorks)',
      'Sign a BAA and run an annual HIPAA risk assessment',
      'After-hours support for the evening clinic',
    ],
  });
  out.notes.push(
    note('note-riverside-1', F.riverside.accountSourceId, {
      dealId: F.riverside.dealId,
      author: 'Diego Alvarez',
      date: '2024-08-09',
      tags: ['handoff'],
      pinned: false,
      body: 'Referred by Columbia Pediatrics (thank-you card sent). Dr. Rao signs, Luis runs the place day to day. Evening clinic Tue/Thu until 8pm - make sure the after-hours line knows.',
    }),
    note('note-riverside-2', F.riverside.accountSourceId, {
      author: 'Diego Alvarez',
      date: '2025-02-11',
      tags: ['billing'],
      pinned: false,
      body: 'Tom Becker handles all invoices and is very precise: one invoice per month, line items matching the contract, PO on every page. He will call about anything that looks off.',
    }),
  );
}
