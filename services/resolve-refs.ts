/**
 * Turns the references an import file wrote (an account's id or name, a deal's, a campaign's)
 * into primary keys: first among the records of the same import, then among those already
 * stored. Runs inside the commit transaction so what it reads is what the commit writes over.
 * A deal, contact or note file stands on its own: an account it names (by name, with or without
 * its id) that exists nowhere is created from it. An account known only by an id that nothing
 * carries, or a deal that cannot be found, is an error naming file and line; a name that fits
 * several accounts is an error too, never a guess. A campaign known only by name is created,
 * since deal exports name campaigns that were never exported.
 */
import {
  emptyRecordSet,
  recordId,
  type Account,
  type Contact,
  type Deal,
  type Note,
  type RecordSet,
} from '@/core/model';
import { normalizeCompany } from '@/core/normalize';
import {
  MAX_LISTED_ERRORS,
  msg,
  type ImportError,
  type ImportMessage,
  type ImportParse,
  type Ref,
  type RowMeta,
} from '@/sources/import-types';
import { derivedSourceId, nameKey } from '@/sources/rows-to-records';
import type { BackstoryDB } from '@/storage/db';
import { accountsByKeys, allRecords, recordsByIds } from '@/storage/record-store';

export interface Resolved {
  set: RecordSet;
  errors: ImportError[];
  errorCount: number;
  createdCampaigns: number;
  /** Accounts created from the rows that named them, by file. */
  createdAccounts: Map<string, number>;
}

interface Target {
  id: string;
  source: string;
  accountId?: string;
}

/** Lookup of one kind of target by id, by name key, then by alias key (accounts). */
class Index {
  readonly byId = new Map<string, Target>();
  readonly byName = new Map<string, Target[]>();
  readonly byAlias = new Map<string, Target[]>();
  add(t: Target, name: string, aliases: string[] = []): void {
    this.byId.set(t.id, t);
    if (name) push(this.byName, name, t);
    for (const k of new Set(aliases)) if (k) push(this.byAlias, k, t);
  }
  has(key: string): boolean {
    return this.byName.has(key) || this.byAlias.has(key);
  }
}

function push(map: Map<string, Target[]>, key: string, t: Target): void {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

type Found = Target | { ambiguous: Target[] } | undefined;

/** Several candidates: the one from the same source wins, otherwise it is ambiguous. */
function pick(candidates: Target[] | undefined, source: string): Found {
  const unique = [...new Map((candidates ?? []).map((t) => [t.id, t])).values()];
  if (unique.length <= 1) return unique[0];
  const same = unique.filter((t) => t.source === source);
  return same.length === 1 ? same[0] : { ambiguous: unique };
}

export async function resolveImports(db: BackstoryDB, allParses: ImportParse[]): Promise<Resolved> {
  const set = emptyRecordSet();
  const metas = new Map<object, { meta: RowMeta; parse: ImportParse }>();
  const parses = allParses.filter((p) => p.kind !== 'user' && p.kind !== 'contactRole' && p.kind !== 'backup');
  for (const parse of parses) {
    parse.records.forEach((r, i) => {
      const copy = { ...r };
      metas.set(copy, { meta: parse.rows[i]!, parse });
      (set[`${parse.kind}s` as keyof RecordSet] as object[]).push(copy);
    });
    parse.textNotes.forEach((n, i) => {
      const copy = { ...n };
      metas.set(copy, { meta: parse.textNoteRows[i]!, parse });
      set.notes.push(copy);
    });
  }
  nameOwners(set, allParses);
  // An index of a kind is built only when some row refers to that kind: an accounts file alone
  // (nothing points at its accounts) costs no normalising here.
  const referred = (kind: 'account' | 'deal' | 'campaign' | 'parent') =>
    [...metas.values()].some(({ meta }) => meta[kind]);
  const needParents = referred('parent');
  const needAccounts = referred('account') || needParents;
  const needDeals = referred('deal') || needParents;
  const needCampaigns = referred('campaign');
  const accounts = new Index();
  const deals = new Index();
  const campaigns = new Index();
  if (needAccounts)
    set.accounts.forEach((a) => accounts.add(a, normalizeCompany(a.name), a.aliases.map(normalizeCompany)));
  if (needCampaigns) set.campaigns.forEach((c) => campaigns.add(c, nameKey(c.name)));

  // What the database must be asked about: only what the import itself does not settle.
  const refsOf = (kind: 'account' | 'deal' | 'campaign' | 'parent') =>
    [...metas.values()].map(({ meta, parse }) => ({ ref: meta[kind], source: parse.source })).filter((x) => x.ref);
  const wantedIds = (kind: 'account' | 'deal' | 'campaign' | 'parent', index: Index) =>
    refsOf(kind)
      .flatMap(({ ref, source }) => (ref!.id ? idCandidates(ref!.id, source) : []))
      .filter((id) => !index.byId.has(id));
  const wantedNames = (kind: 'account' | 'deal' | 'campaign', index: Index, norm: (s: string) => string) =>
    refsOf(kind)
      .map(({ ref }) => (ref!.name ? norm(ref!.name) : ''))
      .filter((k) => k && !index.has(k));

  const accountNames = [...new Set(wantedNames('account', accounts, normalizeCompany))];
  const accountIds = [...wantedIds('account', accounts), ...wantedIds('parent', accounts)];
  const stored = [
    ...(await recordsByIds(db, 'account', [...new Set(accountIds)])),
    ...(await accountsByKeys(db, 'nameKey', accountNames)),
    ...(await accountsByKeys(db, 'aliasKeys', accountNames)),
  ];
  for (const a of stored) if (a && !accounts.byId.has(a.id)) accounts.add(a, a.nameKey, a.aliasKeys);

  if (needDeals) {
    set.deals.forEach((d) => deals.add(d, nameKey(d.name)));
    const dealNames = wantedNames('deal', deals, nameKey);
    const dealIds = [...wantedIds('deal', deals), ...wantedIds('parent', deals)];
    const storedDeals: (Deal | undefined)[] = dealNames.length
      ? await allRecords(db, 'deal') // deals are few; there is no name index to ask
      : await recordsByIds(db, 'deal', [...new Set(dealIds)]);
    for (const d of storedDeals) if (d && !deals.byId.has(d.id)) deals.add(d, nameKey(d.name));
  }

  if (needCampaigns) {
    const campaignIds = [...new Set(wantedIds('campaign', campaigns))];
    const campaignNames = wantedNames('campaign', campaigns, nameKey);
    const storedCampaigns = campaignNames.length
      ? await allRecords(db, 'campaign')
      : await recordsByIds(db, 'campaign', campaignIds);
    for (const c of storedCampaigns) if (c && !campaigns.byId.has(c.id)) campaigns.add(c, nameKey(c.name));
  }

  const errors: ImportError[] = [];
  let errorCount = 0;
  const fail = (meta: RowMeta, parse: ImportParse, ref: Ref, message: ImportMessage) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) {
      errors.push({
        ...message,
        file: parse.file,
        line: meta.line,
        ...(meta.item !== undefined && { item: meta.item }),
        column: ref.column,
      });
    }
  };
  type Norm = (s: string) => string;
  const find = (index: Index, ref: Ref, source: string, norm: Norm, within = (_: Target) => true): Found => {
    for (const id of ref.id ? idCandidates(ref.id, source) : []) {
      const t = index.byId.get(id);
      if (t) return t;
    }
    if (!ref.name) return undefined;
    const key = norm(ref.name);
    return pick(index.byName.get(key)?.filter(within), source) ?? pick(index.byAlias.get(key)?.filter(within), source);
  };
  const resolve = (
    kind: 'account' | 'deal' | 'campaign',
    index: Index,
    norm: Norm,
    meta: RowMeta,
    parse: ImportParse,
    within?: (t: Target) => boolean,
  ) => {
    const ref = meta[kind]!;
    let found = find(index, ref, parse.source, norm, within);
    if (!found && kind === 'account' && ref.name) found = createAccount(ref, meta, parse);
    else if (found && kind === 'account' && importedAccounts.has(found)) fillFromHints(found as Account, meta);
    if (found && 'ambiguous' in found) {
      const ids = found.ambiguous.map((t) => t.id).join(', ');
      fail(
        meta,
        parse,
        ref,
        msg('ambiguousRef', String(found.ambiguous.length), msg(kind), JSON.stringify(ref.name), ids),
      );
    } else if (!found) {
      const what = ref.id
        ? ref.name
          ? msg('withIdOrNamed', JSON.stringify(ref.id), JSON.stringify(ref.name))
          : msg('withId', JSON.stringify(ref.id))
        : msg('named', JSON.stringify(ref.name));
      fail(meta, parse, ref, msg('noRef', msg(kind), what));
    }
    return found && !('ambiguous' in found) ? found : undefined;
  };

  // An account of this import that a contact or deal names takes the row's lead source and owner
  // where it has none of its own (Zoho's contacts carry a lead source their accounts lack). A
  // stored account is left as it is.
  const importedAccounts = new Set<object>(set.accounts);
  const fillFromHints = (account: Account, meta: RowMeta) => {
    if (meta.accountHints?.leadSource) account.leadSource ??= meta.accountHints.leadSource;
    if (meta.accountHints?.owner) account.owner ??= meta.accountHints.owner;
  };

  // An account a row names that exists nowhere: made from the row, under the id the row gives it
  // (so the accounts file imported later updates it) or one derived from its name.
  const createdAccounts = new Map<string, number>();
  const createAccount = (ref: Ref, meta: RowMeta, parse: ImportParse): Target => {
    const name = ref.name!;
    const sourceId = ref.id ?? derivedSourceId('account', normalizeCompany(name) || nameKey(name));
    const account: Account = {
      id: recordId(parse.source, sourceId),
      source: parse.source,
      sourceId,
      name,
      aliases: [],
      domains: [],
      externalIds: {},
    };
    if (meta.accountHints?.leadSource) account.leadSource = meta.accountHints.leadSource;
    if (meta.accountHints?.owner) account.owner = meta.accountHints.owner;
    set.accounts.push(account);
    accounts.add(account, normalizeCompany(name), []);
    createdAccounts.set(parse.file, (createdAccounts.get(parse.file) ?? 0) + 1);
    return account;
  };

  let createdCampaigns = 0;
  for (const deal of set.deals) {
    const { meta, parse } = metas.get(deal)!;
    if (meta.account) deal.accountId = resolve('account', accounts, normalizeCompany, meta, parse)?.id ?? '';
    const ref = meta.campaign;
    if (!ref) continue;
    let campaign = find(campaigns, ref, parse.source, nameKey);
    if (!campaign && ref.name) {
      const sourceId = derivedSourceId('campaign', nameKey(ref.name));
      campaign = { id: recordId(parse.source, sourceId), source: parse.source };
      set.campaigns.push({ ...campaign, sourceId, name: ref.name, channel: '' });
      campaigns.add(campaign, nameKey(ref.name));
      createdCampaigns++;
    }
    deal.campaignId = resolve('campaign', campaigns, nameKey, meta, parse)?.id;
    if (deal.campaignId === undefined) delete deal.campaignId;
  }
  for (const record of [...set.contacts, ...set.notes]) {
    const { meta, parse } = metas.get(record)!;
    if (meta.account) record.accountId = resolve('account', accounts, normalizeCompany, meta, parse)?.id;
    if (meta.parent) {
      // Salesforce's ParentId and Zoho's Parent Id are a deal's or an account's id.
      const note = record as Note;
      const ref = meta.parent;
      const deal = find(deals, ref, parse.source, nameKey);
      const account = deal ? undefined : find(accounts, ref, parse.source, normalizeCompany);
      if (deal && !('ambiguous' in deal)) {
        note.dealId = deal.id;
        note.accountId ??= deal.accountId || undefined;
      } else if (account && !('ambiguous' in account)) note.accountId ??= account.id;
      else fail(meta, parse, ref, msg('noRef', msg('account'), msg('withId', JSON.stringify(ref.id))));
    }
    if (meta.deal) {
      const note = record as Note;
      // Import deals are indexed as the objects resolved above, so their accountId is final.
      // "Renewal" may name a deal at several accounts: the note's own account tells them apart.
      const ofAccount = (t: Target) => !note.accountId || t.accountId === note.accountId;
      const deal = resolve('deal', deals, nameKey, meta, parse, ofAccount);
      note.dealId = deal?.id;
      // A note filed under a deal belongs to the deal's account when it names none itself.
      if (deal && !note.accountId) note.accountId = deal.accountId || undefined;
      if (note.dealId === undefined) delete note.dealId;
    }
    if (record.accountId === undefined) delete record.accountId;
  }
  await joinContactRoles(db, set, allParses);
  return { set, errors, errorCount, createdCampaigns, createdAccounts };
}

/**
 * Salesforce's OpportunityContactRole.csv joins contacts to their opportunities: a contact gets
 * its role on them (the primary one first, lower-cased as the live Salesforce source does), and a
 * contact without an account gets its opportunity's. Contacts and deals are found in the same
 * import, then among the stored records (a stored contact so changed is written again). A role
 * whose contact or opportunity is found nowhere is left out: it attaches nothing to anything.
 * Backstory's model has no contact-on-deal link, so the role and the account are what lands.
 */
async function joinContactRoles(db: BackstoryDB, set: RecordSet, parses: ImportParse[]): Promise<void> {
  const roles = parses.flatMap((p) => (p.contactRoles ?? []).map((r) => ({ ...r, source: p.source })));
  if (!roles.length) return;
  const contacts = new Map(set.contacts.map((c) => [c.id, c]));
  const deals = new Map(set.deals.map((d) => [d.id, d]));
  const contactId = (r: (typeof roles)[number]) => recordId(r.source, r.contactId);
  const dealId = (r: (typeof roles)[number]) => recordId(r.source, r.opportunityId);
  const storedContacts = await recordsByIds(db, 'contact', [
    ...new Set(roles.map(contactId).filter((id) => !contacts.has(id))),
  ]);
  const fromStore = new Set<object>();
  for (const c of storedContacts) {
    if (!c) continue;
    const copy = { ...c };
    contacts.set(c.id, copy);
    fromStore.add(copy);
  }
  const storedDeals = await recordsByIds(db, 'deal', [...new Set(roles.map(dealId).filter((id) => !deals.has(id)))]);
  for (const d of storedDeals) if (d) deals.set(d.id, d);
  // The primary role first, then in file order.
  const ordered = [...roles].sort((a, b) => Number(b.primary) - Number(a.primary));
  const changed = new Set<Contact>();
  for (const r of ordered) {
    const contact = contacts.get(contactId(r));
    const deal = deals.get(dealId(r));
    if (!contact || !deal) continue;
    if (r.role && !contact.role) {
      contact.role = r.role.toLowerCase();
      changed.add(contact);
    }
    if (!contact.accountId && deal.accountId) {
      contact.accountId = deal.accountId;
      changed.add(contact);
    }
  }
  for (const c of changed) if (fromStore.has(c)) set.contacts.push(c);
}

/**
 * Owner ids (Salesforce's OwnerId) become the user's name when the import has a user list
 * (User.csv): the account's owner, the deal's rep, the campaign's owner and the note's author.
 */
function nameOwners(set: RecordSet, parses: ImportParse[]): void {
  const names = new Map(parses.flatMap((p) => p.users ?? []));
  if (!names.size) return;
  const named = (v: string | undefined) => (v === undefined ? v : (names.get(v) ?? v));
  for (const a of set.accounts) if (a.owner) a.owner = named(a.owner);
  for (const c of set.campaigns) if (c.owner) c.owner = named(c.owner);
  for (const d of set.deals) if (d.salesRep) d.salesRep = named(d.salesRep);
  for (const n of set.notes) n.author = named(n.author) ?? '';
}

/** A reference is the other record's sourceId in the same source, or a full "source:id" key. */
function idCandidates(id: string, source: string): string[] {
  return id.includes(':') ? [recordId(source, id), id] : [recordId(source, id)];
}
