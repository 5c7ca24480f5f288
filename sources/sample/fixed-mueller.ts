/** Müller & Söhne GmbH (SAMPLE_FIXED.mueller): its account, contacts, deal and notes. */
import { SOURCE, type Built } from './world';
import { SAMPLE_FIXED, account, contact, note } from './fixed-values';

export function muellerRecords(out: Built): void {
  const F = SAMPLE_FIXED;
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
}
