/** Baker & Price LLP (SAMPLE_FIXED.baker): its account, contacts, deals and notes. */
import { sid, SOURCE, type Built } from './world';
import { SAMPLE_FIXED, account, contact, note } from './fixed-values';

export function bakerRecords(out: Built): void {
  const F = SAMPLE_FIXED;
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
}
