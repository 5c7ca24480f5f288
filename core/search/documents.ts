/**
 * From records to the documents of the two search indexes: what each kind is found by, what
 * makes a hit exact, and what its result line shows. Odd records (missing names, a contact
 * without an account) are tolerated: data comes from imports and other people's APIs.
 */
import type { Account, Campaign, Contact, Deal, Note } from '../model';
import type { Field, NameDocInput } from './name-index';
import type { NoteDocInput } from './note-index';
import { domainStem } from './text';

export interface SearchData {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function accountMap(data: SearchData): Map<string, Account> {
  const accounts = new Map<string, Account>();
  for (const a of data.accounts ?? []) if (a && typeof a.id === 'string') accounts.set(a.id, a);
  return accounts;
}

/** One line per contact in an account's fourth slot: id, name, email, role; tab-separated. */
export function contactLine(c: Contact): string {
  const clean = (v: unknown) => str(v).replace(/[\t\n]+/g, ' ');
  return [clean(c.id), clean(c.name), clean(c.email), clean(c.role ?? c.title)].join('\t');
}

/**
 * Accounts carry their contacts' names and emails as fields of their own: a query mixing a
 * company and a person ("acme dana") is one document, and the index is not doubled by a
 * document per contact.
 */
export function nameDocuments(data: SearchData): NameDocInput[] {
  const accounts = accountMap(data);
  const contactsOf = new Map<string, Contact[]>();
  for (const c of data.contacts ?? []) {
    // A contact hit shows its account: without one there is nothing to show.
    if (!c || typeof c.id !== 'string' || !c.accountId || !accounts.has(c.accountId)) continue;
    const list = contactsOf.get(c.accountId);
    if (list) list.push(c);
    else contactsOf.set(c.accountId, [c]);
  }
  const docs: NameDocInput[] = [];
  for (const a of accounts.values()) {
    const aliases = list(a.aliases);
    const domains = list(a.domains);
    const stems = domains.map(domainStem).filter(Boolean);
    const contacts = contactsOf.get(a.id) ?? [];
    docs.push({
      kind: 'account',
      id: a.id,
      accountId: a.id,
      title: str(a.name),
      slots: [str(a.industry), domains.join('\n'), aliases.join('\n'), contacts.map(contactLine).join('\n')],
      fields: [
        ['name', str(a.name)],
        ...aliases.map((v): ['alias', string] => ['alias', v]),
        // The label without TLD is a term already ("acmedental.com" -> "acmedental", "com"),
        // except for hyphenated labels: "acme-dental.com" also gets "acmedental".
        ...domains.map((d): ['domain', string] => ['domain', d]),
        ...stems.filter((s) => s.includes('-')).map((s): ['domain', string] => ['domain', s.replace(/-/g, '')]),
        ...contacts.flatMap((c): [Field, string][] => [['contact', str(c.name)], ['email', str(c.email)]]),
      ],
      keys: [str(a.name), ...aliases, ...domains, ...stems, ...contacts.flatMap((c) => [str(c.name), str(c.email)])],
    });
  }
  for (const c of data.campaigns ?? []) {
    if (!c || typeof c.id !== 'string') continue;
    docs.push({
      kind: 'campaign',
      id: c.id,
      accountId: '',
      title: str(c.name),
      slots: [str(c.channel), str(c.startDate).slice(0, 7), '', ''],
      fields: [['name', str(c.name)], ['channel', str(c.channel)]],
      keys: [str(c.name)],
    });
  }
  for (const d of data.deals ?? []) {
    if (!d || typeof d.id !== 'string') continue;
    docs.push({
      kind: 'deal',
      id: d.id,
      accountId: str(d.accountId),
      title: str(d.name),
      slots: [str(d.stage), str(d.productsSold), str(d.salesRep), str(accounts.get(str(d.accountId))?.name)],
      fields: [['name', str(d.name)], ['products', str(d.productsSold)], ['rep', str(d.salesRep)]],
      keys: [str(d.name)],
    });
  }
  return docs;
}

export function noteDocuments(data: SearchData): NoteDocInput[] {
  const accounts = accountMap(data);
  const deals = new Map<string, Deal>();
  for (const d of data.deals ?? []) if (d && typeof d.id === 'string') deals.set(d.id, d);
  const docs: NoteDocInput[] = [];
  for (const n of data.notes ?? []) {
    if (!n || typeof n.id !== 'string') continue;
    const deal = n.dealId ? deals.get(n.dealId) : undefined;
    const accountId = str(n.accountId) || str(deal?.accountId);
    docs.push({
      id: n.id,
      accountId,
      about: str(accounts.get(accountId)?.name) || str(deal?.name),
      author: str(n.author),
      date: str(n.date),
      body: str(n.body),
    });
  }
  return docs;
}
