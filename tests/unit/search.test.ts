import { describe, expect, it } from 'vitest';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import { emptyResults, processTerm, snippet, type SearchHit, type SearchResults } from '@/core/search';
import { buildSearchIndex } from '../search-index';
import { openDb } from '@/storage/db';
import { loadSearchData } from '@/background-caches/search-data';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { salesRows } from './stored-records';

const base = (id: string) => ({ id, source: 'test', sourceId: id });

const account = (id: string, name: string, extra: Partial<Account> = {}): Account => ({
  ...base(id),
  name,
  aliases: [],
  domains: [],
  externalIds: {},
  ...extra,
});
const contact = (id: string, name: string, email: string, accountId?: string): Contact => ({
  ...base(id),
  name,
  email,
  accountId,
});
const campaign = (id: string, name: string, channel: string): Campaign => ({ ...base(id), name, channel });
const deal = (id: string, name: string, accountId: string, extra: Partial<Deal> = {}): Deal => ({
  ...base(id),
  name,
  accountId,
  currency: 'USD',
  stage: 'Closed Won',
  promises: [],
  ...extra,
});
const note = (id: string, body: string, extra: Partial<Note> = {}): Note => ({
  ...base(id),
  author: 'Priya Nair',
  date: '2025-03-14',
  body,
  tags: [],
  pinned: false,
  ...extra,
});

const DENTRIX_NOTE =
  'Dr. Whitfield was burned by their last MSP: the practice management server was down for two days ' +
  'and patients were turned away at the front desk. We promised a 1-hour response on any Dentrix scheduler ' +
  'issue, even after hours. Keep her in the loop personally and call before any maintenance window.';

const data = {
  accounts: [
    account('a-acme', 'Acme Dental Group', { aliases: ['ADG'], domains: ['acmedental.com'], industry: 'Dental' }),
    account('a-acmeton', 'Acmeton Logistics', { domains: ['acmeton.io'] }),
    // Typo decoy for "acme": one edit away in its name, alias and domain.
    account('a-acne', 'Acne Clinic', { aliases: ['Acne Care'], domains: ['acne.example'] }),
    account('a-adglog', 'ADG Logistics', { domains: ['adglogistics.example'] }),
    account('a-baker', 'Baker & Price LLP', { domains: ['bakerprice.law'], industry: 'Legal' }),
    account('a-price', 'Price Chopper Markets', { domains: ['pricechopper.example'] }),
    account('a-muller', 'Müller & Söhne GmbH', { domains: ['mueller-soehne.de'] }),
  ],
  contacts: [
    contact('c-dana', 'Dana Whitfield', 'dana@acmedental.com', 'a-acme'),
    contact('c-sam', 'Sam Ortiz', 'sam.ortiz@acmedental.com', 'a-acme'),
    contact('c-helen', 'Helen Baker', 'helen@bakerprice.law', 'a-baker'),
    contact('c-orphan', 'Olga Orphanides', 'olga@nowhere.example'),
  ],
  campaigns: [
    campaign('camp-postcard', 'Spring Dental Postcard Mailer 2025', 'postcard mailer'),
    campaign('camp-webinar', 'Cyber Security Lunch & Learn', 'webinar'),
  ],
  deals: [
    deal('d-acme', 'Managed IT Essentials - Dental (18 seats)', 'a-acme', {
      campaignId: 'camp-postcard',
      salesRep: 'Priya Nair',
      productsSold: 'Managed IT, Microsoft 365, offsite backup',
    }),
    deal('d-baker', 'Legal Cloud Migration', 'a-baker', {
      salesRep: 'Tom Reyes',
      productsSold: 'Clio integration, Microsoft 365',
    }),
    deal('d-muller', 'Co-managed IT Stuttgart', 'a-muller', { salesRep: 'Priya Nair', productsSold: 'Co-managed IT' }),
  ],
  notes: [
    note('n-dentrix', DENTRIX_NOTE, { accountId: 'a-acme', pinned: true }),
    note('n-review', 'Quarterly review: Acme Dental Group wants two more seats for the new clinic.', {
      accountId: 'a-acme',
    }),
    // Short and says "Reyes" twice: on score alone it beats the deal whose sales rep is Reyes.
    note('n-reyes', 'Reyes sold it; ask Reyes.', { dealId: 'd-baker' }),
    note('n-baker', 'Helen prefers email over phone. Billing questions go to the office manager.', {
      dealId: 'd-baker',
    }),
  ],
};

const index = buildSearchIndex(data);
const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('buildSearchIndex: accounts', () => {
  it('finds by prefix as you type, exact-ish names first', () => {
    const r = index.search('acm');
    expect(r.top[0]?.id).toBe('a-acme');
    expect(ids(r.accounts)).toEqual(['a-acme', 'a-acmeton']);
    expect(ids(r.accounts)).not.toContain('a-acne');
    expect(index.search('acme den').accounts[0]).toMatchObject({ id: 'a-acme', matchedOn: 'name', quality: 'prefix' });
  });

  it('ranks exact and prefix name matches above typo matches', () => {
    const r = index.search('acme');
    expect(ids(r.accounts)).toEqual(['a-acme', 'a-acmeton', 'a-acne']);
    expect(r.accounts.map((h) => h.quality)).toEqual(['exact', 'prefix', 'fuzzy']);
  });

  it('has no typo tolerance under four characters', () => {
    expect(index.search('adg').accounts.length).toBe(2);
    // "adh" is one edit from the alias "ADG", but too short to be a typo of it.
    expect(index.search('adh')).toEqual(emptyResults());
  });

  it('tolerates typos', () => {
    const acme = index.search('acme dentl');
    expect(acme.top[0]).toMatchObject({ id: 'a-acme', kind: 'account', quality: 'fuzzy' });
    const baker = index.search('bakr price');
    expect(baker.top[0]?.id).toBe('a-baker');
    // Multi-word queries are AND-combined: "Price Chopper" has "price" but nothing like "bakr".
    expect(ids(baker.accounts)).toEqual(['a-baker']);
  });

  it('falls back to OR when no record has every word', () => {
    const r = index.search('acmeton zebra');
    expect(r.accounts[0]).toMatchObject({ id: 'a-acmeton', quality: 'partial' });
  });

  it('finds by alias, a whole alias above a name that merely contains it', () => {
    const r = index.search('ADG');
    expect(r.top[0]).toMatchObject({ id: 'a-acme', matchedOn: 'alias', quality: 'exact' });
    expect(r.top[0]?.subtitle).toContain('ADG');
    expect(ids(r.accounts)).toEqual(['a-acme', 'a-adglog']);
  });

  it('finds by domain, with or without the TLD', () => {
    for (const q of ['acmedental.com', 'acmedental']) {
      const r = index.search(q);
      expect(r.top[0], q).toMatchObject({ id: 'a-acme', matchedOn: 'domain', quality: 'exact' });
      expect(r.top[0]?.subtitle).toContain('acmedental.com');
    }
    // A hyphenated domain is found by its label written as one word.
    expect(index.search('muellersoehne').top[0]).toMatchObject({ id: 'a-muller', matchedOn: 'domain' });
  });

  it('finds an account through a contact email, naming the contact', () => {
    const r = index.search('dana@acme');
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]).toMatchObject({
      id: 'a-acme',
      kind: 'account',
      accountId: 'a-acme',
      contactId: 'c-dana',
      matchedOn: 'email',
    });
    expect(r.accounts[0]?.subtitle).toContain('Dana Whitfield');
    expect(index.search('sam.ortiz@acmedental.com').accounts[0]).toMatchObject({
      id: 'a-acme',
      contactId: 'c-sam',
      quality: 'exact',
    });
  });

  it('finds an account through a contact name', () => {
    const r = index.search('whitfield');
    expect(r.accounts[0]).toMatchObject({ id: 'a-acme', contactId: 'c-dana', matchedOn: 'contact' });
    expect(r.accounts[0]?.subtitle).toMatch(/^Contact: Dana Whitfield/);
    // The pinned note mentions Dr. Whitfield too, below the account.
    expect(ids(r.top)).toEqual(['a-acme', 'n-dentrix']);
    // A contact without an account has nothing to open: it is not a result.
    expect(index.search('orphanides')).toEqual(emptyResults());
  });

  it('ignores accents and case', () => {
    for (const q of ['muller sohne', 'MÜLLER SÖHNE', 'Müller & Söhne GmbH']) {
      expect(index.search(q).top[0]?.id, q).toBe('a-muller');
    }
    expect(processTerm('Müller')).toBe('muller');
    expect(processTerm('Straße')).toBe('strasse');
  });

  it('treats "&" and "and" alike', () => {
    for (const q of ['baker and price', 'baker & price', 'Baker&Price', 'baker price']) {
      const r = index.search(q);
      expect(r.top[0]?.id, q).toBe('a-baker');
      expect(ids(r.accounts), q).not.toContain('a-price');
    }
    expect(index.search('Baker & Price LLP').top[0]?.quality).toBe('exact');
    expect(processTerm('at&t')).toEqual(['at', 'and', 't']);
  });
});

describe('buildSearchIndex: campaigns, deals, notes', () => {
  it('finds campaigns by name and by channel', () => {
    const byName = index.search('spring postcard');
    expect(byName.campaigns[0]).toMatchObject({ id: 'camp-postcard', kind: 'campaign', matchedOn: 'name' });
    expect(byName.campaigns[0]?.accountId).toBeUndefined();
    const byChannel = index.search('webinar');
    expect(ids(byChannel.campaigns)).toEqual(['camp-webinar']);
    expect(byChannel.campaigns[0]).toMatchObject({ matchedOn: 'channel', subtitle: 'webinar' });
  });

  it('finds deals by name, products and sales rep, with their account', () => {
    const r = index.search('managed essentials');
    expect(r.deals[0]).toMatchObject({ id: 'd-acme', kind: 'deal', accountId: 'a-acme', matchedOn: 'name' });
    expect(r.deals[0]?.subtitle).toContain('Acme Dental Group');
    expect(index.search('clio').deals[0]).toMatchObject({ id: 'd-baker', matchedOn: 'products', accountId: 'a-baker' });
    const rep = index.search('priya');
    expect(ids(rep.deals).sort()).toEqual(['d-acme', 'd-muller']);
    expect(rep.deals.every((h) => h.matchedOn === 'sales rep')).toBe(true);
  });

  it('finds notes by text, with a plain snippet around the hit', () => {
    const r = index.search('dentrix');
    expect(ids(r.notes)).toEqual(['n-dentrix']);
    expect(r.accounts).toEqual([]);
    const hit = r.notes[0]!;
    expect(hit).toMatchObject({ kind: 'note', accountId: 'a-acme', matchedOn: 'note text' });
    expect(hit.subtitle).toContain('Dentrix scheduler');
    expect(hit.subtitle.startsWith('…')).toBe(true); // the hit is past the first 120 characters
    expect(hit.subtitle.length).toBeLessThanOrEqual(122);
    expect(hit.title).toContain('Acme Dental Group');
    // A note on a deal opens the deal's account.
    expect(index.search('billing office').notes[0]).toMatchObject({ id: 'n-baker', accountId: 'a-baker' });
  });

  it('snippet keeps short text whole and cuts long text at words', () => {
    expect(snippet('  short\n\ttext ', ['short'])).toBe('short text');
    expect(snippet(DENTRIX_NOTE, ['dentrix'])).toMatch(/^….*Dentrix scheduler.*…$/);
    for (const word of ['server', 'patients', 'dentrix', 'loop', 'maintenance']) {
      const s = snippet(DENTRIX_NOTE, [word]);
      expect(s.toLowerCase(), word).toContain(word);
      expect(s.length, word).toBeLessThanOrEqual(120);
      // Cut between words, not inside one, with "…" where text was left out.
      const inner = s.replace(/^…/, '').replace(/…$/, '');
      const at = DENTRIX_NOTE.indexOf(inner);
      expect(at, word).toBeGreaterThanOrEqual(0);
      expect(at === 0 ? '' : DENTRIX_NOTE[at - 1], word).toBe(at === 0 ? '' : ' ');
      expect(s.startsWith('…'), word).toBe(at > 0);
      const end = at + inner.length;
      expect(end === DENTRIX_NOTE.length ? '' : DENTRIX_NOTE[end], word).toBe(end === DENTRIX_NOTE.length ? '' : ' ');
      expect(s.endsWith('…'), word).toBe(end < DENTRIX_NOTE.length);
    }
  });
});

describe('SearchIndex.search: grouping and ordering', () => {
  it('groups by kind, and ranks a name hit above a note hit', () => {
    const r = index.search('acme dental');
    expect(r.accounts[0]?.id).toBe('a-acme');
    expect(ids(r.notes)).toEqual(['n-review']);
    const top = ids(r.top);
    expect(top[0]).toBe('a-acme');
    expect(top.indexOf('a-acme')).toBeLessThan(top.indexOf('n-review'));
  });

  it('puts every note below records matched by name', () => {
    const r = index.search('dental');
    expect(ids(r.accounts)).toEqual(['a-acme']);
    expect(ids(r.campaigns)).toEqual(['camp-postcard']);
    expect(ids(r.deals)).toEqual(['d-acme']);
    expect(r.notes.length).toBeGreaterThan(0);
    const kinds = r.top.map((h) => h.kind);
    const firstNote = kinds.indexOf('note');
    expect(firstNote).toBe(3);
    expect(kinds.slice(firstNote).every((k) => k === 'note')).toBe(true);
    // Best first within a group and overall.
    for (const g of [r.accounts, r.campaigns, r.deals, r.notes, r.top]) {
      expect(g.every((h) => typeof h.score === 'number' && h.score > 0)).toBe(true);
    }
  });

  it('puts a note below a record matched on one of its own fields, whatever the scores', () => {
    const r = index.search('reyes');
    expect(ids(r.top)).toEqual(['d-baker', 'n-reyes']);
    expect(r.deals[0]?.matchedOn).toBe('sales rep');
  });

  it('limits each group and the top list', () => {
    const r = index.search('a', { limitPerGroup: 1, limitTop: 2 });
    for (const g of [r.accounts, r.campaigns, r.deals, r.notes]) expect(g.length).toBeLessThanOrEqual(1);
    expect(r.accounts).toHaveLength(1);
    expect(r.top).toHaveLength(2);
    expect(index.search('a', { limitPerGroup: 0 }).accounts).toEqual([]);
  });

  it('returns empty results for an empty or blank query', () => {
    expect(emptyResults()).toEqual({ accounts: [], campaigns: [], deals: [], notes: [], top: [] });
    for (const q of ['', '   ', '\n\t ']) expect(index.search(q)).toEqual(emptyResults());
  });
});

describe('SearchIndex.search: hostile input', () => {
  const shaped = (r: SearchResults) => {
    for (const key of ['accounts', 'campaigns', 'deals', 'notes', 'top'] as const)
      expect(Array.isArray(r[key])).toBe(true);
  };

  it.each([
    '.*(',
    '\\',
    '[',
    '(?<=a)',
    '$^|+?',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '\u0000\u0001',
    '😀'.repeat(300),
    '&&&',
    '@@',
    '\ud800',
    'x'.repeat(10_000),
    'a '.repeat(5_000),
  ])('does not throw on %#', (q) => {
    let r: SearchResults | undefined;
    expect(() => (r = index.search(q))).not.toThrow();
    shaped(r!);
  });

  it('treats regex characters as plain text', () => {
    expect(index.search('.*(')).toEqual(emptyResults());
    expect(index.search('acme.*(').top[0]?.id).toBe('a-acme');
  });

  it('does not touch prototypes', () => {
    index.search('__proto__ constructor toString');
    expect(({} as Record<string, unknown>).acme).toBeUndefined();
    expect(index.search('__proto__').top).toEqual([]);
  });

  it('reads only the first 200 characters of a very long query', () => {
    const r = index.search('acme '.repeat(2_000));
    expect(r.top[0]?.id).toBe('a-acme');
    expect(index.search(`${'x'.repeat(200)} acme`)).toEqual(emptyResults());
  });

  it('never throws on odd data either', () => {
    const odd = buildSearchIndex({
      accounts: [account('x', ''), { ...account('y', 'Yoyodyne'), aliases: undefined as unknown as string[] }],
      contacts: [contact('cx', '', '', 'x')],
      campaigns: [],
      deals: [deal('dx', 'Ghost deal', 'missing-account')],
      notes: [note('nx', '')],
    });
    expect(odd.search('yoyo').top[0]?.id).toBe('y');
    expect(odd.search('ghost').deals[0]).toMatchObject({ id: 'dx', subtitle: 'Closed Won' });
  });
});

describe('loadSearchData + sample data', () => {
  it('reads all five tables for the index', async () => {
    const db = openDb(`search-test-${Math.random()}`);
    const { acme } = SAMPLE_FIXED;
    const sample = makeSampleData();
    await salesRows(db).accounts.bulkPut(
      sample.accounts.map((a) => ({ ...a, nameKey: a.name.toLowerCase(), aliasKeys: [] })),
    );
    await salesRows(db).contacts.bulkPut(sample.contacts);
    await salesRows(db).campaigns.bulkPut(sample.campaigns);
    await salesRows(db).deals.bulkPut(sample.deals);
    await salesRows(db).notes.bulkPut(sample.notes);
    const loaded = await loadSearchData(db);
    expect(loaded.accounts).toHaveLength(sample.accounts.length);
    expect(loaded.contacts).toHaveLength(sample.contacts.length);
    expect(loaded.campaigns).toHaveLength(sample.campaigns.length);
    expect(loaded.deals).toHaveLength(sample.deals.length);
    expect(loaded.notes).toHaveLength(sample.notes.length);
    db.close();

    const sampleIndex = buildSearchIndex(loaded);
    expect(sampleIndex.search('acm').top[0]?.id).toBe(acme.accountId);
    expect(sampleIndex.search('dana@acme').accounts[0]).toMatchObject({ id: acme.accountId, matchedOn: 'email' });
    expect(sampleIndex.search('spring dental postcard').campaigns[0]?.id).toBe(acme.campaignId);
    expect(sampleIndex.search('managed essentials dental 18').deals[0]?.id).toBe(acme.dealId);
    expect(sampleIndex.search('acme dentl').top[0]?.id).toBe(acme.accountId);
    const burned = sampleIndex.search('burned by their last');
    expect(burned.top[0]).toMatchObject({ kind: 'note', accountId: acme.accountId });
    expect(burned.top[0]?.subtitle).toContain('burned by their last MSP');
  });
});
