import type { Account, TicketRef } from '@/core/model';
import { assembleBackstory, type Backstory } from '@/core/backstory';
import { normalizeEmail } from '@/core/normalize';
import type { BackstoryDB, StoredAccount } from './db';

/**
 * Fetch one account's records and assemble its backstory (core/backstory.ts has the rules).
 * The same customer held by other sources (same normalised name, or a shared email domain) is
 * merged in. Undefined when the account does not exist (deleted since it was matched or pinned).
 */
export async function loadBackstory(db: BackstoryDB, accountId: string, ref?: TicketRef): Promise<Backstory | undefined> {
  const stored = await db.accounts.get(accountId);
  if (!stored) return undefined;
  const twins = await findTwins(db, stored);
  const ids = [stored.id, ...twins.map((a) => a.id)];
  const [deals, contacts, accountNotes] = await Promise.all([
    db.deals.where('accountId').anyOf(ids).toArray(),
    db.contacts.where('accountId').anyOf(ids).toArray(),
    db.notes.where('accountId').anyOf(ids).toArray(),
  ]);
  // Notes written on a deal may not carry the account id themselves.
  const dealIds = deals.map((d) => d.id);
  const dealNotes = dealIds.length ? await db.notes.where('dealId').anyOf(dealIds).toArray() : [];
  const notes = [...new Map([...accountNotes, ...dealNotes].map((n) => [n.id, n])).values()];
  const campaignIds = [...new Set(deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
  const campaigns = (await db.campaigns.bulkGet(campaignIds)).filter((c) => c !== undefined);
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

/** The same customer in other sources: one account per other source, name first, then domain. */
export async function findTwins(db: BackstoryDB, account: StoredAccount): Promise<StoredAccount[]> {
  const byName = account.nameKey ? await db.accounts.where('nameKey').equals(account.nameKey).toArray() : [];
  const byDomain = account.domains.length ? await db.accounts.where('domains').anyOf(account.domains).toArray() : [];
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
  const merged: Account = { ...account, aliases: [...account.aliases], domains: [...account.domains], externalIds: { ...account.externalIds } };
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
