/** Acme Dental Group (SAMPLE_FIXED.acme): its account, contacts, deal and notes. */
import { SOURCE, type Built } from './world';
import { SAMPLE_FIXED, account, contact, note } from './fixed-values';

export function acmeRecords(out: Built): void {
  const F = SAMPLE_FIXED;
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
}
