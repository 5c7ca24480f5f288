import type { TicketRef } from '@/core/model';
import { assembleBackstory, type Backstory } from '@/core/backstory';
import { normalizeEmail } from '@/core/normalize';
import type { BackstoryDB } from './db';

/**
 * Fetch one account's records and assemble its backstory (core/backstory.ts has the rules).
 * Undefined when the account does not exist (deleted since it was matched or pinned).
 */
export async function loadBackstory(db: BackstoryDB, accountId: string, ref?: TicketRef): Promise<Backstory | undefined> {
  const stored = await db.accounts.get(accountId);
  if (!stored) return undefined;
  // The derived match keys are storage detail, not part of what the sidebar shows.
  const { nameKey: _n, aliasKeys: _a, ...account } = stored;
  const [deals, contacts, accountNotes] = await Promise.all([
    db.deals.where('accountId').equals(accountId).toArray(),
    db.contacts.where('accountId').equals(accountId).toArray(),
    db.notes.where('accountId').equals(accountId).toArray(),
  ]);
  // Notes written on a deal may not carry the account id themselves.
  const dealIds = deals.map((d) => d.id);
  const dealNotes = dealIds.length ? await db.notes.where('dealId').anyOf(dealIds).toArray() : [];
  const notes = [...new Map([...accountNotes, ...dealNotes].map((n) => [n.id, n])).values()];
  const campaignIds = [...new Set(deals.flatMap((d) => (d.campaignId ? [d.campaignId] : [])))];
  const campaigns = (await db.campaigns.bulkGet(campaignIds)).filter((c) => c !== undefined);
  return assembleBackstory({
    account,
    deals,
    contacts,
    notes,
    campaigns,
    contactEmail: ref?.contactEmail ? normalizeEmail(ref.contactEmail) : undefined,
  });
}
