import type { Account, Campaign, Contact, Deal, Note, TicketRef } from '@/core/model';
import { assembleBackstory, type Backstory } from '@/core/backstory';
import { normalizeEmail } from '@/core/normalize';
import type { BackstoryDB, StoredAccount } from '../storage/db';
import { compareKeys } from '../storage/pack-layout';
import {
  accountsByKeys,
  notesOnDeals,
  recordById,
  recordsByIds,
  recordsOwnedBy,
  salesTables,
  sortedUnique,
} from '../storage/record-store';

/** The tables a backstory is read from (one read transaction over them). */
export const storyTables = salesTables;

/**
 * Fetch one account's records and assemble its backstory (core/backstory.ts has the rules).
 * The same customer held by other sources (same normalised name, or a shared email domain) is
 * merged in. Undefined when the account does not exist (deleted since it was matched or pinned).
 * `known` is the account's record when the caller has just read it (the matcher has).
 */
export async function loadBackstory(
  db: BackstoryDB,
  accountId: string,
  ref?: TicketRef,
  known?: StoredAccount,
): Promise<Backstory | undefined> {
  return db.transaction('r', storyTables(db), () => readBackstory(db, accountId, ref, known));
}

/**
 * loadBackstory's reads, for a caller that already holds a read transaction over storyTables.
 * Every read that does not need an earlier one's answer is asked at once: the account's own
 * deals, contacts and notes beside the lookups of its twins, each account's notes by deal and
 * campaigns as soon as its deals are in (inside one transaction Dexie runs them in turn: see
 * storage/record-store.ts). Only Dexie reads are awaited (the transaction's zone must not be left).
 * The records come out in the order one `anyOf` over all the merged accounts' ids gave (key,
 * then id), so the story is the same to the last tie.
 */
export async function readBackstory(
  db: BackstoryDB,
  accountId: string,
  ref?: TicketRef,
  known?: StoredAccount,
): Promise<Backstory | undefined> {
  const stored = known && known.id === accountId ? known : await recordById(db, 'account', accountId);
  if (!stored) return undefined;
  const own = accountRecords(db, stored.id);
  const twins = await findTwins(db, stored);
  const all = await Promise.all([own, ...twins.map((t) => accountRecords(db, t.id))]);
  return tellBackstory(stored, twins, all, ref);
}

/** The story of `stored` and its twins from their records (all: the account's first, then each twin's). */
export function tellBackstory(
  stored: StoredAccount,
  twins: StoredAccount[],
  all: AccountRecords[],
  ref?: TicketRef,
): Backstory {
  // One anyOf over the ids listed them by account id (ascending), each account's by primary key.
  const ordered = [...all].sort((a, b) => compareKeys(a.accountId, b.accountId));
  const deals = ordered.flatMap((r) => r.deals);
  const contacts = ordered.flatMap((r) => r.contacts);
  const accountNotes = ordered.flatMap((r) => r.notes);
  // Notes written on a deal may not carry the account id themselves (by deal id, as anyOf did).
  const notesByDeal = new Map(all.flatMap((r) => [...r.notesByDeal]));
  const dealNotes = sortedUnique(deals.map((d) => d.id)).flatMap((id) => notesByDeal.get(id) ?? []);
  const notes = [...new Map([...accountNotes, ...dealNotes].map((n) => [n.id, n])).values()];
  const campaignById = new Map(all.flatMap((r) => r.campaigns.map((c) => [c.id, c] as const)));
  const campaignIds = [...new Set(deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
  const campaigns = campaignIds.flatMap((id) => campaignById.get(id) ?? []);
  return assembleBackstory({
    account: mergeAccounts(plain(stored), twins.map(plain)),
    twins: twins.map(plain),
    deals,
    contacts,
    notes,
    campaigns,
    contactEmail: ref?.contactEmail ? normalizeEmail(ref.contactEmail) : undefined,
  });
}

export interface AccountRecords {
  accountId: string;
  deals: Deal[];
  contacts: Contact[];
  notes: Note[];
  /** Notes by the id of one of this account's deals (whatever account id they carry). */
  notesByDeal: Map<string, Note[]>;
  campaigns: Campaign[];
}

/** One account's deals, contacts and notes (two reads for the three), then its deals' notes and campaigns. */
async function accountRecords(db: BackstoryDB, accountId: string): Promise<AccountRecords> {
  const { deals, contacts, notes } = await recordsOwnedBy(db, accountId);
  const campaignIds = [...new Set(deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
  const [dealNotes, campaigns] = await Promise.all([
    notesOnDeals(
      db,
      deals.map((d) => d.id),
    ),
    campaignIds.length ? recordsByIds(db, 'campaign', campaignIds) : ([] as (Campaign | undefined)[]),
  ]);
  const notesByDeal = new Map<string, Note[]>();
  for (const n of dealNotes) notesByDeal.set(n.dealId!, [...(notesByDeal.get(n.dealId!) ?? []), n]);
  return {
    accountId,
    deals,
    contacts,
    notes,
    notesByDeal,
    campaigns: campaigns.filter((c): c is Campaign => c !== undefined),
  };
}

/**
 * The same customer in other sources: one account per other source, name first, then domain
 * (in domain order, as one anyOf over the domains gave them). Both lookups are asked at once.
 */
export async function findTwins(db: BackstoryDB, account: StoredAccount): Promise<StoredAccount[]> {
  const [byName, byDomain] = await Promise.all([
    account.nameKey ? accountsByKeys(db, 'nameKey', [account.nameKey]) : [],
    accountsByKeys(db, 'domains', account.domains),
  ]);
  const perSource = new Map<string, StoredAccount>();
  for (const a of [...byName, ...byDomain]) {
    if (a.source !== account.source && !perSource.has(a.source)) perSource.set(a.source, a);
  }
  return [...perSource.values()];
}

/** The derived match keys are storage detail, not part of what the sidebar shows. */
function plain(stored: StoredAccount): Account {
  const { nameKey: _n, aliasKeys: _a, ...account } = stored;
  return account;
}

/** The matched account, with what it lacks filled in from its twins (a CSV's lead source, say). */
function mergeAccounts(account: Account, twins: Account[]): Account {
  const merged: Account = {
    ...account,
    aliases: [...account.aliases],
    domains: [...account.domains],
    externalIds: { ...account.externalIds },
  };
  for (const t of twins) {
    merged.industry ??= t.industry;
    merged.leadSource ??= t.leadSource;
    merged.customerSince ??= t.customerSince;
    merged.owner ??= t.owner;
    merged.domains = [...new Set([...merged.domains, ...t.domains])];
    merged.aliases = [...new Set([...merged.aliases, ...t.aliases])];
    merged.externalIds = { ...t.externalIds, ...merged.externalIds };
  }
  return merged;
}
