/**
 * From records to the documents of the two search indexes: what each kind is found by, what
 * makes a hit exact, and what its result line shows. Odd records (missing names, a contact
 * without an account) are tolerated: data comes from imports and other people's APIs.
 */
import type { Account, Campaign, Contact, Deal, Note } from '../model';
import { NameIndexBuilder, type NameIndexData } from './name-index';
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
const isString = (x: unknown): x is string => typeof x === 'string';
/** The strings of a list field (the list itself when it holds nothing else, as it usually does). */
const list = (v: unknown): string[] => (Array.isArray(v) ? (v.every(isString) ? v : v.filter(isString)) : []);

function accountMap(data: SearchData): Map<string, Account> {
  const accounts = new Map<string, Account>();
  for (const a of data.accounts ?? []) if (a && typeof a.id === 'string') accounts.set(a.id, a);
  return accounts;
}

const TAB_OR_NEWLINE = /[\t\n]+/g;
const clean = (v: unknown): string => {
  const t = str(v);
  return t.includes('\t') || t.includes('\n') ? t.replace(TAB_OR_NEWLINE, ' ') : t;
};

/** One line per contact in an account's fourth slot: id, name, email, role; tab-separated. */
function contactLine(c: Contact): string {
  return `${clean(c.id)}\t${clean(c.name)}\t${clean(c.email)}\t${clean(c.role ?? c.title)}`;
}

/**
 * The keystroke index of the records. Accounts carry their contacts' names and emails as fields
 * of their own: a query mixing a company and a person ("acme dana") is one document, and the
 * index is not doubled by a document per contact.
 */
export function indexNames(data: SearchData): NameIndexData {
  const accounts = accountMap(data);
  // Contacts by account: their positions, grouped by a counting sort (no array per account).
  const contacts = data.contacts ?? [];
  const owner = new Map<string, number>();
  let accountCount = 0;
  for (const id of accounts.keys()) owner.set(id, accountCount++);
  const ownerOf = new Int32Array(contacts.length).fill(-1);
  const firstContact = new Uint32Array(accountCount + 1);
  contacts.forEach((c, i) => {
    // A contact hit shows its account: without one there is nothing to show.
    if (!c || typeof c.id !== 'string' || !c.accountId) return;
    const at = owner.get(c.accountId);
    if (at === undefined) return;
    ownerOf[i] = at;
    firstContact[at + 1]!++;
  });
  for (let a = 0; a < accountCount; a++) firstContact[a + 1]! += firstContact[a]!;
  const grouped = new Array<Contact>(firstContact[accountCount]!);
  const fill = firstContact.slice(0, accountCount);
  contacts.forEach((c, i) => {
    if (ownerOf[i]! >= 0) grouped[fill[ownerOf[i]!]!++] = c;
  });
  const b = new NameIndexBuilder();
  let at = 0;
  for (const a of accounts.values()) {
    const name = str(a.name);
    const aliases = list(a.aliases);
    const domains = list(a.domains);
    const from = firstContact[at]!;
    const to = firstContact[++at]!;
    let lines = '';
    for (let k = from; k < to; k++) lines += (k > from ? '\n' : '') + contactLine(grouped[k]!);
    b.doc('account', a.id, a.id, name, [str(a.industry), domains.join('\n'), aliases.join('\n'), lines]);
    b.field('name', name);
    b.key(name);
    for (const alias of aliases) {
      b.field('alias', alias);
      b.key(alias);
    }
    for (const domain of domains) {
      b.field('domain', domain);
      b.key(domain);
      const stem = domainStem(domain);
      b.key(stem);
      // The label without TLD is a term already ("acmedental.com" -> "acmedental", "com"),
      // except for hyphenated labels: "acme-dental.com" also gets "acmedental".
      if (stem.includes('-')) b.field('domain', stem.replace(/-/g, ''));
    }
    for (let k = from; k < to; k++) {
      const c = grouped[k]!;
      b.field('contact', str(c.name));
      b.field('email', str(c.email));
      b.key(str(c.name));
      b.key(str(c.email));
    }
  }
  for (const c of data.campaigns ?? []) {
    if (!c || typeof c.id !== 'string') continue;
    b.doc('campaign', c.id, '', str(c.name), [str(c.channel), str(c.startDate).slice(0, 7), '', '']);
    b.field('name', str(c.name));
    b.field('channel', str(c.channel));
    b.key(str(c.name));
  }
  for (const d of data.deals ?? []) {
    if (!d || typeof d.id !== 'string') continue;
    b.doc('deal', d.id, str(d.accountId), str(d.name), [
      str(d.stage),
      str(d.productsSold),
      str(d.salesRep),
      str(accounts.get(str(d.accountId))?.name),
    ]);
    b.field('name', str(d.name));
    b.field('products', str(d.productsSold));
    b.field('rep', str(d.salesRep));
    b.key(str(d.name));
  }
  return b.build();
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
