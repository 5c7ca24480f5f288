// What each export fixture must land (issue 19): per file, every field a technician needs that the
// file carries (account name, domain, lead source, campaign, deal name, amount with currency, close
// date, won or lost, the rep's name, descriptions and notes with their account and deal). The CSV
// fixtures (tests/fixtures/csv) and their XLSX twins (tests/fixtures/xlsx) are checked against the
// same expectations, each imported into an empty Backstory as a new user would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { isWonDeal } from '@/core/backstory';
import type { Account, Campaign, Contact, Deal, Note } from '@/core/model';
import type { BackstoryDB } from '@/storage/db';
import { commitImport } from '@/services/import';
import { parseImportFile, type ImportInput, type ImportParse } from '@/sources/csv-import';
import { describeImportError } from '@/i18n/import-messages';
import { salesRows } from './stored-records';

export const readCsv = (name: string, extra: Partial<ImportInput> = {}): ImportParse =>
  parseImportFile({
    fileName: name.split('/').pop()!,
    bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))),
    ...extra,
  });

export interface Stored {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

/** Commit the parsed files together (each must parse without a problem) and read back what landed. */
export async function land(db: BackstoryDB, ...files: ImportParse[]): Promise<Stored> {
  for (const f of files) expect(f.errors.map(describeImportError), f.file).toEqual([]);
  await commitImport(db, files);
  const rows = salesRows(db);
  return {
    accounts: await rows.accounts.toArray(),
    contacts: await rows.contacts.toArray(),
    campaigns: await rows.campaigns.toArray(),
    deals: await rows.deals.toArray(),
    notes: await rows.notes.toArray(),
  };
}

export const byName = <T extends { name: string }>(list: T[], name: string): T => {
  const found = list.filter((r) => r.name === name);
  expect(found, `one record named ${JSON.stringify(name)}`).toHaveLength(1);
  return found[0]!;
};

/** Per account: what the sidebar shows of it, and the sales notes its own rows became. */
export interface AccountFacts {
  name: string;
  sourceId?: string;
  domains?: string[];
  leadSource?: string;
  owner?: string;
  industry?: string;
  /** Bodies of the notes on the account that belong to no deal (its description, a notes file's). */
  notes?: { body: string; author?: string; date?: string }[];
}

export interface ContactFacts {
  name: string;
  account?: string;
  email?: string;
  title?: string;
  phone?: string;
  role?: string;
  leadSource?: string;
}

export interface CampaignFacts {
  name: string;
  channel?: string;
  cost?: number;
  currency?: string;
  startDate?: string;
  endDate?: string;
  owner?: string;
}

export interface DealFacts {
  name: string;
  account: string;
  amount?: number;
  recurring?: number;
  currency: string;
  closeDate?: string;
  stage: string;
  won: boolean;
  rep?: string;
  leadSource?: string;
  campaign?: string;
  /** Notes on the deal (its description, its note column, a notes file's): each also on the deal's account. */
  notes?: { body: string; author?: string; date?: string }[];
}

export interface Landed {
  accounts?: AccountFacts[];
  contacts?: ContactFacts[];
  campaigns?: CampaignFacts[];
  deals?: DealFacts[];
  /** How many of each kind landed, so nothing extra (a duplicate account) slips in. */
  counts?: Partial<Record<keyof Stored, number>>;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const noteFacts = (n: Note, want: { author?: string; date?: string }) =>
  defined({ body: n.body, author: want.author === undefined ? undefined : n.author, date: want.date && n.date });

/** Check every fact listed; a field left out of `want` is not checked. */
export function expectLanded(s: Stored, want: Landed): void {
  const accountId = (name: string) => byName(s.accounts, name).id;
  for (const a of want.accounts ?? []) {
    const account = byName(s.accounts, a.name);
    const { notes, ...fields } = a;
    expect(account, a.name).toMatchObject(defined(fields));
    if (notes) {
      const own = s.notes.filter((n) => n.accountId === account.id && !n.dealId);
      const got = own.map((n) => noteFacts(n, notes.find((w) => w.body === n.body) ?? {}));
      expect(sortByBody(got), `notes of ${a.name}`).toEqual(sortByBody(notes.map(defined)));
    }
  }
  for (const c of want.contacts ?? []) {
    const contact = byName(s.contacts, c.name);
    const { account, ...fields } = c;
    expect(contact, c.name).toMatchObject(defined(fields));
    if (account) expect(contact.accountId, `account of ${c.name}`).toBe(accountId(account));
    if (!c.leadSource) expect(contact.leadSource, `lead source of ${c.name}`).toBeUndefined();
  }
  for (const c of want.campaigns ?? []) expect(byName(s.campaigns, c.name), c.name).toMatchObject(defined(c));
  for (const d of want.deals ?? []) {
    const deal = byName(s.deals, d.name);
    expect(deal, d.name).toMatchObject(
      defined({
        accountId: accountId(d.account),
        valueOneTime: d.amount,
        valueRecurring: d.recurring,
        currency: d.currency,
        closeDate: d.closeDate,
        stage: d.stage,
        salesRep: d.rep,
        leadSource: d.leadSource,
      }),
    );
    expect(isWonDeal(deal), `${d.name} won`).toBe(d.won);
    if (d.campaign) expect(deal.campaignId, `campaign of ${d.name}`).toBe(byName(s.campaigns, d.campaign).id);
    else expect(deal.campaignId, `campaign of ${d.name}`).toBeUndefined();
    if (!d.leadSource) expect(deal.leadSource, `lead source of ${d.name}`).toBeUndefined();
    if (d.notes) {
      const own = s.notes.filter((n) => n.dealId === deal.id);
      for (const n of own) expect(n.accountId, `account of a note on ${d.name}`).toBe(deal.accountId);
      const got = own.map((n) => noteFacts(n, d.notes!.find((w) => w.body === n.body) ?? {}));
      expect(sortByBody(got), `notes of ${d.name}`).toEqual(sortByBody(d.notes.map(defined)));
    }
  }
  for (const [kind, count] of Object.entries(want.counts ?? {}))
    expect(s[kind as keyof Stored], `${kind} landed`).toHaveLength(count);
}

const sortByBody = <T extends { body?: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.body ?? '').localeCompare(b.body ?? ''));
