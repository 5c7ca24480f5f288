/**
 * The four hand-written sample accounts tests and the help-desk fixtures in tests/fixtures/
 * refer to (SAMPLE_FIXED), with their contacts, deals and notes.
 */
import type { Account, Contact, Note } from '@/core/model';
import { sid, SOURCE, type Built } from './world';

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

export function fixedRecords(out: Built): void {
  const F = SAMPLE_FIXED;
  const account = (sourceId: string, a: Omit<Account, 'id' | 'source' | 'sourceId'>): Account => ({
    id: sid(sourceId),
    source: SOURCE,
    sourceId,
    ...a,
  });
  const contact = (
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
  const note = (
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

  // Acme Dental Group
  out.accounts.push(
    account(F.acme.accountSourceId, {
      name: F.acme.name,
      aliases: [F.acme.alias],
      domains: [F.acme.domain],
      externalIds: { connectwise: '250' },
      industry: 'Dental practice',
      leadSource: 'Direct mail',
      customerSince: '2025-03-14',
      owner: 'Priya Nair',
    }),
  );
  out.contacts.push(
    contact('ct-acme-dana', F.acme.accountSourceId, {
      name: 'Dana Whitfield',
      email: 'dana@acmedental.com',
      role: 'decision maker',
      title: 'Practice owner, DDS',
      phone: '(503) 555-0142',
    }),
    contact('ct-acme-sam', F.acme.accountSourceId, {
      name: 'Sam Ortiz',
      email: 'sam.ortiz@acmedental.com',
      role: 'end user',
      title: 'Front desk lead',
    }),
    contact('ct-acme-lorraine', F.acme.accountSourceId, {
      name: 'Lorraine Kitts',
      email: 'lorraine@acmedental.com',
      role: 'billing',
      title: 'Office manager',
      phone: '(503) 555-0143',
    }),
  );
  out.deals.push({
    id: F.acme.dealId,
    source: SOURCE,
    sourceId: F.acme.dealSourceId,
    accountId: F.acme.accountId,
    campaignId: F.acme.campaignId,
    leadSource: 'Direct mail',
    name: F.acme.dealName,
    valueOneTime: 6500,
    valueRecurring: 4200,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2025-03-14',
    salesRep: 'Priya Nair',
    productsSold: 'Managed IT Essentials, Dentrix server hosting, nightly backups',
    promises: ['1-hour response on the dental scheduler (Dentrix)', 'On-site visit within 4 hours for chair-side PCs'],
  });
  out.notes.push(
    note('note-acme-1', F.acme.accountSourceId, {
      dealId: F.acme.dealId,
      author: 'Priya Nair',
      date: '2025-02-20',
      tags: ['history'],
      pinned: false,
      body: 'Discovery at the Hawthorne office: 18 staff, 9 operatories, Dentrix on an old Dell tower under the front desk. Dana kept our postcard on the break-room fridge for a month before calling.',
    }),
    note('note-acme-2', F.acme.accountSourceId, {
      dealId: F.acme.dealId,
      author: 'Priya Nair',
      date: '2025-03-14',
      tags: ['promise', 'handoff'],
      pinned: true,
      body: F.acme.pinnedNote,
    }),
    note('note-acme-3', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-09-30',
      tags: ['qbr'],
      pinned: false,
      body: 'QBR with Dana and Lorraine: 31 tickets last quarter, none on Dentrix longer than 40 minutes. Sam Ortiz at the front desk calls in most issues. Dana is thinking about a second location in Beaverton next year - wants us involved early.',
    }),
    note('note-acme-4', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-03-28',
      tags: ['handoff'],
      pinned: false,
      body: 'Printers: two Brother lasers at the front desk and a label printer in sterilization. Toner is ordered by Lorraine, not by us; we only fix drivers and jams.',
    }),
    note('note-acme-5', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-04-10',
      tags: ['handoff'],
      pinned: false,
      body: 'Phones are Weave, on their own contract. When Weave is down we check the network, then hand over to Weave support. Patient texting runs through Weave too.',
    }),
    note('note-acme-6', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-05-06',
      tags: ['history'],
      pinned: false,
      body: 'Imaging: Dexis sensors on all 9 operatory PCs. The Dexis driver has to be reinstalled after Windows feature updates, so those are scheduled for Friday afternoons when the chairs are empty.',
    }),
    note('note-acme-7', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-06-19',
      tags: ['compliance'],
      pinned: false,
      body: 'BAA signed. HIPAA risk assessment every June; Dana wants the report in person. Finding this year: a front-desk PC without a screen lock, fixed the same day.',
    }),
    note('note-acme-8', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-08-27',
      tags: ['billing'],
      pinned: false,
      body: 'Lorraine disputed the August invoice over the after-hours rate for a Saturday visit. Credited half. Explain after-hours charges before the visit, every time.',
    }),
    note('note-acme-9', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2025-11-04',
      tags: ['relationship'],
      pinned: false,
      body: 'Sam Ortiz (front desk lead) calls in most tickets. He describes problems precisely and has usually tried a restart already - believe him and skip the script.',
    }),
    note('note-acme-10', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-01-22',
      tags: ['history'],
      pinned: false,
      body: 'Microsoft 365 MFA rollout done. Dr. Whitfield hated the prompts for a week; number matching on her phone settled it. Shared mailbox appointments@ is used by the front desk.',
    }),
    note('note-acme-11', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-03-16',
      tags: ['qbr'],
      pinned: false,
      body: 'QBR Q1 2026: 27 tickets, mostly Outlook and the label printer. Dana asked for a quote for new chair-side PCs before the Beaverton opening.',
    }),
    note('note-acme-12', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-05-12',
      tags: ['history'],
      pinned: false,
      body: 'Guest Wi-Fi for patients is separate from the office network behind the SonicWall. The guest password changes on the first of each month and is printed for the waiting room.',
    }),
    note('note-acme-13', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-07-08',
      tags: ['upsell'],
      pinned: false,
      body: 'Beaverton lease signed for spring 2027. Dana wants it to work like Hawthorne: same Dentrix database over a site-to-site VPN, same phones. Quote network and PCs in Q1.',
    }),
    note('note-acme-14', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-09-02',
      tags: ['billing'],
      pinned: false,
      body: 'Renewal done: price locked through March 2028. Lorraine will ask about the after-hours rate again; it is in the contract, page 4.',
    }),
    note('note-acme-15', F.acme.accountSourceId, {
      author: 'Priya Nair',
      date: '2026-10-21',
      tags: ['history'],
      pinned: false,
      body: 'Nightly backup of the practice server at 11pm, copied offsite. The backup window was moved once because the server was slow at opening time; do not move it back.',
    }),
  );

  // Baker & Price LLP
  out.accounts.push(
    account(F.baker.accountSourceId, {
      name: F.baker.name,
      aliases: ['Baker Price'],
      domains: [F.baker.domain],
      externalIds: { connectwise: '251' },
      industry: 'Law firm',
      leadSource: 'Webinar',
      customerSince: '2024-05-20',
      owner: 'Marcus Lee',
    }),
  );
  out.contacts.push(
    contact('ct-baker-helen', F.baker.accountSourceId, {
      name: 'Helen Baker',
      email: 'helen@bakerprice.law',
      role: 'decision maker',
      title: 'Managing partner',
      phone: '(206) 555-0117',
    }),
    contact('ct-baker-colin', F.baker.accountSourceId, {
      name: 'Colin Price',
      email: 'colin@bakerprice.law',
      role: 'influencer',
      title: 'Partner',
    }),
    contact('ct-baker-ines', F.baker.accountSourceId, {
      name: 'Inés Carvalho',
      email: 'ines.carvalho@bakerprice.law',
      role: 'champion',
      title: 'Firm administrator',
      phone: '(206) 555-0118',
    }),
  );
  out.deals.push({
    id: F.baker.dealId,
    source: SOURCE,
    sourceId: F.baker.dealSourceId,
    accountId: F.baker.accountId,
    campaignId: F.baker.campaignId,
    leadSource: 'Webinar',
    name: 'Managed IT Complete - Law Firm (24 seats)',
    valueOneTime: 7500,
    valueRecurring: 5400,
    currency: 'USD',
    stage: 'Closed Won',
    closeDate: '2024-05-20',
    salesRep: 'Marcus Lee',
    productsSold: 'Managed IT Complete, NetDocuments support, encrypted email, remote access for attorneys',
    promises: [
      'Same-day response during trial weeks',
      'Encrypted email for client files',
      'Quarterly business review with the managing partner',
    ],
  });
  out.deals.push({
    id: sid('deal-baker-2'),
    source: SOURCE,
    sourceId: 'deal-baker-2',
    accountId: F.baker.accountId,
    leadSource: 'QBR',
    name: 'Security Plus add-on (EDR + MFA)',
    valueOneTime: 2000,
    valueRecurring: 720,
    currency: 'USD',
    stage: 'Negotiation',
    closeDate: '2026-12-18',
    salesRep: 'Marcus Lee',
    productsSold: 'Security Plus add-on',
    promises: ['No MFA prompts in the courtroom: number matching only'],
  });
  out.notes.push(
    note('note-baker-1', F.baker.accountSourceId, {
      dealId: F.baker.dealId,
      author: 'Marcus Lee',
      date: '2024-05-20',
      tags: ['handoff'],
      pinned: false,
      body: 'Helen attended two sessions of the legal tech webinar and asked the best question of the series (retention of client files after matters close). 24 seats, NetDocuments. Colin Price is skeptical; Helen decides.',
    }),
    note('note-baker-2', F.baker.accountSourceId, {
      dealId: F.baker.dealId,
      author: 'Marcus Lee',
      date: '2024-06-03',
      tags: ['promise'],
      pinned: true,
      body: 'Trial weeks are sacred: same-day response, and never schedule maintenance the week before a trial. Inés keeps the trial calendar and will send it to the service desk.',
    }),
    note('note-baker-3', F.baker.accountSourceId, {
      dealId: sid('deal-baker-2'),
      author: 'Marcus Lee',
      date: '2026-10-29',
      tags: ['upsell', 'open'],
      pinned: false,
      body: 'Their insurer wants EDR and MFA by renewal. Quote sent for Security Plus; Helen wants to see the MFA experience on a phone before she signs.',
    }),
  );

  // Müller & Söhne GmbH
  out.accounts.push(
    account(F.mueller.accountSourceId, {
      name: F.mueller.name,
      aliases: ['Mueller & Soehne', 'Müller und Söhne'],
      domains: [F.mueller.domain],
      externalIds: { connectwise: '252' },
      industry: 'Manufacturing',
      leadSource: 'Trade show',
      customerSince: '2025-01-28',
      owner: 'Felix Hartmann',
    }),
  );
  out.contacts.push(
    contact('ct-mueller-klaus', F.mueller.accountSourceId, {
      name: 'Klaus Müller',
      email: 'k.mueller@mueller-soehne.de',
      role: 'decision maker',
      title: 'Geschäftsführung',
    }),
    contact('ct-mueller-sabine', F.mueller.accountSourceId, {
      name: 'Sabine Roth',
      email: 's.roth@mueller-soehne.de',
      role: 'billing',
      title: 'Buchhaltung',
    }),
    contact('ct-mueller-deniz', F.mueller.accountSourceId, {
      name: 'Deniz Yılmaz',
      email: 'd.yilmaz@mueller-soehne.de',
      role: 'technical',
      title: 'IT-Beauftragter',
    }),
  );
  out.deals.push({
    id: F.mueller.dealId,
    source: SOURCE,
    sourceId: F.mueller.dealSourceId,
    accountId: F.mueller.accountId,
    campaignId: F.mueller.campaignId,
    leadSource: 'Trade show',
    name: 'Managed IT Complete - 45 Arbeitsplätze',
    valueOneTime: 12500,
    valueRecurring: 7900,
    currency: 'EUR',
    stage: 'Closed Won',
    closeDate: '2025-01-28',
    salesRep: 'Felix Hartmann',
    productsSold: 'Managed IT Complete, proALPHA server support, shop-floor network segmentation',
    promises: [
      'After-hours support for the night shift',
      'proALPHA server 2-hour response, 24x7',
      'On-site visit in Esslingen within 4 hours',
    ],
  });
  out.notes.push(
    note('note-mueller-1', F.mueller.accountSourceId, {
      dealId: F.mueller.dealId,
      author: 'Felix Hartmann',
      date: '2024-10-23',
      tags: ['history'],
      pinned: false,
      body: 'Herr Müller kam am zweiten Messetag an den Stand. Drei Schichten, die Nachtschicht hatte bisher überhaupt keine IT-Betreuung. Deniz Yılmaz ist der IT-Beauftragte (nicht aus der Familie); kaufmännisch entscheidet nur Klaus Müller.',
    }),
    note('note-mueller-2', F.mueller.accountSourceId, {
      dealId: F.mueller.dealId,
      author: 'Felix Hartmann',
      date: '2025-01-28',
      tags: ['promise', 'handoff'],
      pinned: true,
      body: 'Night shift runs 22:00-06:00 and depends on proALPHA for every work order. We promised 24x7 2-hour response on the proALPHA server. If it is down at 3am, call Deniz, not Klaus.',
    }),
  );

  // Riverside Family Clinic
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
