import { describe, expect, it } from 'vitest';
import { CONTACT_ROLES, recordId, type RecordSet } from '@/core/model';
import { emailDomain, isEmail, isFreeMailDomain, normalizeCompany, normalizeDomain } from '@/core/normalize';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { makeSampleTicketViews } from '@/sources/sample/tickets';
import { campaignInsights } from '@/core/insights';
import { assembleBackstory } from '@/core/backstory';
import { relevantToTicket } from '@/core/relevance/story';
import { parsePromiseTime } from '@/core/promise-clock';

const data: RecordSet = makeSampleData();
const accountById = new Map(data.accounts.map((a) => [a.id, a]));
const campaignById = new Map(data.campaigns.map((c) => [c.id, c]));
const dealById = new Map(data.deals.map((d) => [d.id, d]));
const byAccount = <T extends { accountId?: string }>(items: T[], accountId: string) =>
  items.filter((i) => i.accountId === accountId);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

describe('makeSampleData', () => {
  it('has about 150 accounts and exactly 12 campaigns', () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(140);
    expect(data.accounts.length).toBeLessThanOrEqual(160);
    expect(data.campaigns).toHaveLength(12);
    expect(new Set(data.campaigns.map((c) => c.channel)).size).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic and returns fresh objects', () => {
    const again = makeSampleData();
    expect(again).toEqual(data);
    again.accounts[0]!.name = 'changed';
    again.deals[0]!.promises.push('changed');
    expect(makeSampleData()).toEqual(data);
  });

  it('derives every id from source "sample" and a unique sourceId', () => {
    const all = [...data.accounts, ...data.contacts, ...data.campaigns, ...data.deals, ...data.notes];
    for (const r of all) {
      expect(r.source).toBe('sample');
      expect(r.id).toBe(recordId('sample', r.sourceId));
    }
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('keeps referential integrity', () => {
    for (const c of data.contacts) expect(accountById.has(c.accountId!), c.id).toBe(true);
    for (const d of data.deals) {
      expect(accountById.has(d.accountId), d.id).toBe(true);
      if (d.campaignId !== undefined) expect(campaignById.has(d.campaignId), d.id).toBe(true);
    }
    for (const n of data.notes) {
      expect(accountById.has(n.accountId!), n.id).toBe(true);
      if (n.dealId !== undefined) {
        expect(dealById.has(n.dealId), n.id).toBe(true);
        expect(dealById.get(n.dealId)!.accountId).toBe(n.accountId);
      }
    }
  });

  it('gives every account 1-2 lower-case domains, 2-4 contacts, 1-2 deals and 2-6 notes (Acme, the story, 15)', () => {
    for (const a of data.accounts) {
      expect(a.domains.length, a.name).toBeGreaterThanOrEqual(1);
      expect(a.domains.length, a.name).toBeLessThanOrEqual(2);
      for (const d of a.domains) {
        expect(d).toBe(normalizeDomain(d));
        expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(isFreeMailDomain(d), d).toBe(false);
      }
      const contacts = byAccount(data.contacts, a.id).length;
      const deals = byAccount(data.deals, a.id).length;
      const notes = byAccount(data.notes, a.id);
      expect([contacts, deals, notes.length], a.name).toSatisfy(
        ([c, d, n]: number[]) =>
          c! >= 2 &&
          c! <= 4 &&
          d! >= 1 &&
          d! <= 2 &&
          (a.id === SAMPLE_FIXED.acme.accountId ? n === 15 : n! >= 2 && n! <= 6),
      );
      expect(notes.filter((n) => n.pinned).length, a.name).toBeLessThanOrEqual(1);
      expect(a.industry && a.leadSource && a.owner && a.customerSince, a.name).toBeTruthy();
    }
    const domains = data.accounts.flatMap((a) => a.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('has no two accounts that normalise to the same name', () => {
    const keys = data.accounts.map((a) => normalizeCompany(a.name));
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of data.accounts) {
      for (const alias of a.aliases) {
        const owner = data.accounts.find((b) => b.id !== a.id && normalizeCompany(b.name) === normalizeCompany(alias));
        expect(owner, `${a.name} alias ${alias}`).toBeUndefined();
      }
    }
  });

  it('gives contacts valid lower-case emails at their own account domain, and known roles', () => {
    const emails = new Set<string>();
    for (const c of data.contacts) {
      expect(isEmail(c.email), c.email).toBe(true);
      expect(c.email).toBe(c.email.toLowerCase());
      expect(c.email).toMatch(/^[a-z0-9.]+@/);
      const domain = emailDomain(c.email)!;
      expect(isFreeMailDomain(domain), c.email).toBe(false);
      expect(accountById.get(c.accountId!)!.domains, c.email).toContain(domain);
      expect(CONTACT_ROLES as readonly string[]).toContain(c.role);
      expect(emails.has(c.email), c.email).toBe(false);
      emails.add(c.email);
    }
    for (const a of data.accounts) {
      expect(
        byAccount(data.contacts, a.id).some((c) => c.role === 'decision maker'),
        a.name,
      ).toBe(true);
    }
  });

  it('has believable campaigns', () => {
    for (const c of data.campaigns) {
      expect(c.startDate).toMatch(isoDate);
      expect(c.startDate! >= '2023-01-01' && c.startDate! <= '2026-12-31', c.name).toBe(true);
      if (c.endDate) expect(c.endDate >= c.startDate!, c.name).toBe(true);
      expect(c.cost).toBeGreaterThan(0);
      expect(c.currency).toBe('USD');
      expect(c.owner).toBeTruthy();
    }
    // Every campaign brought in at least one deal.
    for (const c of data.campaigns)
      expect(
        data.deals.some((d) => d.campaignId === c.id),
        c.name,
      ).toBe(true);
  });

  it('has believable deals', () => {
    const reps = new Set(data.deals.map((d) => d.salesRep));
    expect(reps.size).toBeGreaterThanOrEqual(5);
    expect(reps.size).toBeLessThanOrEqual(8);
    const won = data.deals.filter((d) => d.stage === 'Closed Won');
    const open = data.deals.filter((d) => d.stage === 'Proposal' || d.stage === 'Negotiation');
    expect(won.length + open.length).toBe(data.deals.length);
    expect(won.length / data.deals.length).toBeGreaterThan(0.85);
    expect(open.length).toBeGreaterThanOrEqual(3);
    // Most deals that won an account came from a campaign.
    const firstDeals = data.accounts.map(
      (a) => byAccount(data.deals, a.id).sort((x, y) => x.closeDate!.localeCompare(y.closeDate!))[0]!,
    );
    expect(firstDeals.filter((d) => d.campaignId).length / firstDeals.length).toBeGreaterThan(0.75);
    for (const d of data.deals) {
      expect(d.closeDate).toMatch(isoDate);
      expect(d.name).toBeTruthy();
      expect(d.valueOneTime ?? d.valueRecurring, d.name).toBeGreaterThan(0);
      const account = accountById.get(d.accountId)!;
      const german = account.domains.some((x) => x.endsWith('.de'));
      expect(d.currency, account.name).toBe(
        german ? 'EUR' : account.domains.some((x) => x.endsWith('.uk')) ? 'GBP' : 'USD',
      );
      const camp = d.campaignId ? campaignById.get(d.campaignId) : undefined;
      if (camp) expect(d.closeDate! >= camp.startDate!, d.id).toBe(true);
    }
    for (const a of data.accounts) {
      const firstWon = byAccount(data.deals, a.id)
        .filter((d) => d.stage === 'Closed Won')
        .map((d) => d.closeDate!)
        .sort()[0];
      expect(a.customerSince, a.name).toBe(firstWon);
    }
    expect(data.deals.filter((d) => d.promises.length > 0).length / data.deals.length).toBeGreaterThan(0.5);
  });

  it('has plain-text notes from the sales team', () => {
    const reps = new Set(data.deals.map((d) => d.salesRep));
    const bodies = new Set<string>();
    for (const n of data.notes) {
      expect(n.date).toMatch(isoDate);
      expect(n.date <= '2026-11-20', n.id).toBe(true);
      expect(reps.has(n.author), n.author).toBe(true);
      expect(n.body.length).toBeGreaterThan(20);
      expect(n.body).not.toMatch(/[<>]|\{\w+\}|undefined|NaN/);
      bodies.add(n.body);
    }
    // Varied enough not to read like one template.
    expect(bodies.size / data.notes.length).toBeGreaterThan(0.9);
    expect(data.notes.filter((n) => n.pinned).length).toBeGreaterThan(20);
  });

  it('stays modest in size', () => {
    expect(JSON.stringify(data).length).toBeLessThan(800_000);
  });
});

describe('SAMPLE_FIXED accounts', () => {
  const F = SAMPLE_FIXED;
  const account = (sourceId: string) => data.accounts.find((a) => a.sourceId === sourceId)!;
  const contact = (email: string) => data.contacts.find((c) => c.email === email);
  const deal = (sourceId: string) => data.deals.find((d) => d.sourceId === sourceId)!;
  const campaign = (sourceId: string) => data.campaigns.find((c) => c.sourceId === sourceId)!;

  it('has Acme Dental Group', () => {
    const a = account('acct-acme');
    expect(a).toMatchObject({
      id: F.acme.accountId,
      name: 'Acme Dental Group',
      aliases: ['ADG'],
      domains: ['acmedental.com'],
    });
    expect(contact('dana@acmedental.com')).toMatchObject({
      name: 'Dana Whitfield',
      role: 'decision maker',
      accountId: a.id,
    });
    expect(contact('sam.ortiz@acmedental.com')).toMatchObject({ name: 'Sam Ortiz', role: 'end user', accountId: a.id });
    const c = campaign('camp-postcard-dental');
    expect(c).toMatchObject({
      id: F.acme.campaignId,
      name: 'Spring Dental Postcard Mailer 2025',
      channel: 'postcard mailer',
      cost: 18500,
      startDate: '2025-01-15',
    });
    expect(deal('deal-acme')).toMatchObject({
      id: F.acme.dealId,
      accountId: a.id,
      campaignId: c.id,
      name: 'Managed IT Essentials - Dental (18 seats)',
      salesRep: 'Priya Nair',
      valueRecurring: 4200,
      valueOneTime: 6500,
      currency: 'USD',
      closeDate: '2025-03-14',
      stage: 'Closed Won',
      productsSold: 'Managed IT Essentials, Dentrix server hosting, nightly backups',
      promises: [
        '1-hour response on the dental scheduler (Dentrix)',
        'On-site visit within 4 hours for chair-side PCs',
      ],
    });
    const notes = byAccount(data.notes, a.id);
    const pinned = notes.filter((n) => n.pinned);
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({
      author: 'Priya Nair',
      body: 'Dr. Whitfield was burned by their last MSP: scheduler down for two days. Promised 1-hour response on Dentrix issues. Keep her in the loop personally.',
    });
    expect(pinned[0]!.body).toBe(F.acme.pinnedNote);
    expect(notes.some((n) => !n.pinned && n.date > pinned[0]!.date)).toBe(true);
  });

  it('has Baker & Price LLP', () => {
    const a = account('acct-baker');
    expect(a).toMatchObject({ id: F.baker.accountId, name: 'Baker & Price LLP', domains: ['bakerprice.law'] });
    expect(contact('helen@bakerprice.law')).toMatchObject({
      name: 'Helen Baker',
      role: 'decision maker',
      accountId: a.id,
    });
    const c = campaign('camp-webinar-legal');
    expect(c).toMatchObject({ name: 'Legal Tech Webinar Series', channel: 'webinar' });
    expect(deal('deal-baker')).toMatchObject({
      accountId: a.id,
      campaignId: c.id,
      salesRep: 'Marcus Lee',
      stage: 'Closed Won',
    });
  });

  it('has Müller & Söhne GmbH with a EUR deal from a trade show', () => {
    const a = account('acct-mueller');
    expect(a).toMatchObject({ name: 'Müller & Söhne GmbH', domains: ['mueller-soehne.de'] });
    const d = deal('deal-mueller');
    expect(d).toMatchObject({ accountId: a.id, currency: 'EUR' });
    expect(campaignById.get(d.campaignId!)!.channel).toBe('trade show');
  });

  it('has Riverside Family Clinic from a referral', () => {
    const a = account('acct-riverside');
    expect(a).toMatchObject({ name: 'Riverside Family Clinic', domains: ['riversideclinic.org'] });
    expect(contact('tom.becker@riversideclinic.org')).toMatchObject({
      name: 'Tom Becker',
      role: 'billing',
      accountId: a.id,
    });
    const d = deal('deal-riverside');
    expect(d.accountId).toBe(a.id);
    expect(campaignById.get(d.campaignId!)!.channel).toBe('referral');
  });

  it('agrees with the help-desk fixtures in tests/fixtures', () => {
    // generic-ticket-name.html: the Organization field must normalise to Baker & Price.
    expect(normalizeCompany('Baker and Price, L.L.P.')).toBe(normalizeCompany('Baker & Price LLP'));
    // generic-ticket-domain.html: unknown contact at a known domain.
    expect(contact('nora.quinn@acmedental.com')).toBeUndefined();
    // generic-ticket-name.html: the requester's personal address is nobody's contact.
    expect(contact('baker.helen.personal@gmail.com')).toBeUndefined();
    // generic-ticket-nomatch.html and the hostile fixture's injected company.
    const names = new Set(data.accounts.flatMap((a) => [a.name, ...a.aliases].map(normalizeCompany)));
    expect(names.has(normalizeCompany('Unknown Widgets Ltd'))).toBe(false);
    expect(names.has(normalizeCompany('Evil Corp'))).toBe(false);
    expect(data.accounts.some((a) => a.domains.includes('unknown-widgets.example'))).toBe(false);
    // Only Acme owns acmedental.com, only Riverside owns riversideclinic.org.
    expect(data.accounts.filter((a) => a.domains.includes('acmedental.com')).map((a) => a.sourceId)).toEqual([
      'acct-acme',
    ]);
    expect(data.accounts.filter((a) => a.domains.includes('riversideclinic.org')).map((a) => a.sourceId)).toEqual([
      'acct-riverside',
    ]);
  });
});

describe('the story the sample data tells', () => {
  it("puts Acme's Dentrix promise, with a time to keep, and the note about it first for the fixture ticket", () => {
    const id = SAMPLE_FIXED.acme.accountId;
    const story = assembleBackstory({
      account: data.accounts.find((a) => a.id === id)!,
      deals: byAccount(data.deals, id),
      contacts: byAccount(data.contacts, id),
      notes: byAccount(data.notes, id),
      campaigns: data.campaigns,
    });
    // tests/fixtures/generic-ticket-email.html
    const relevant = relevantToTicket(story, {
      subject: 'Dentrix scheduler down since 7am, front desk cannot book patients',
      body: 'The Dentrix appointment book has been frozen since we opened at 7. Every front-desk PC shows the spinning wheel.',
    });
    expect(relevant[0]).toMatchObject({
      kind: 'promise',
      promise: '1-hour response on the dental scheduler (Dentrix)',
    });
    expect(parsePromiseTime(relevant[0]!.promise!)).toEqual({ minutes: 60, businessHours: false });
    expect(relevant[1]).toMatchObject({ kind: 'note', text: SAMPLE_FIXED.acme.pinnedNote });
    expect(relevant.length).toBeLessThanOrEqual(3);
    // Of Acme's 15 notes, those about printers, phones, imaging, billing and Wi-Fi are left out.
    expect(relevant.every((r) => r.terms.includes('Dentrix'))).toBe(true);
  });

  it("has one campaign whose customers clearly need more support than the others'", () => {
    const today = '2026-12-06';
    const rows = campaignInsights({ ...data, views: makeSampleTicketViews(data, today), today });
    const byLoad = rows.filter((r) => !r.small).sort((a, b) => b.perCustomer - a.perCustomer);
    expect(byLoad[0]!.label).toBe("Google Ads - 'IT support near me'");
    // At least twice the tickets per customer of any other campaign with enough customers to compare.
    expect(byLoad[0]!.perCustomer).toBeGreaterThanOrEqual(2 * byLoad[1]!.perCustomer);
    expect(makeSampleTicketViews(data, today)).toEqual(makeSampleTicketViews(data, today));
  });
});
