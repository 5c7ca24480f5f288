import type { TicketRef } from '@/core/model';
import type { Flag, FlagKind, Urgency } from '@/core/flags';
import { liveSource } from '@/sources/live-sources';
import type { BackstoryDB } from '../storage/db';
import { recordById } from '../storage/record-store';
import { findTwins, loadBackstory } from './backstory';
import { sourcesItem } from '../storage/source-configs';
import { technicianItem } from '../storage/policy-store';

export interface FlagInput {
  /** The sidebar's id for this draft (32 hex digits): the same draft sent twice is one flag. */
  draftId?: string;
  kind: FlagKind;
  note: string;
  value?: number;
  urgency: Urgency;
}

/** Sources (by id) whose product can take a flag. */
async function writableSources(): Promise<Set<string>> {
  const configs = await sourcesItem.getValue();
  return new Set(configs.filter((c) => liveSource(c.kind)?.deliverFlag).map((c) => c.id));
}

/**
 * Store a new flag for the account of a ticket. It goes to the first source of the customer
 * (the matched account, then the same customer in other sources) that takes writes; without
 * one it waits in the outbox for export.
 */
export async function createFlag(
  db: BackstoryDB,
  input: FlagInput,
  ref: TicketRef,
  accountId: string,
  now = new Date(),
): Promise<Flag> {
  const id = `bsflag${input.draftId ?? crypto.randomUUID().replace(/-/g, '')}`;
  // Asked again after its answer was lost (the worker stopped): the flag stored the first time.
  const stored = await sameDraft(db, id, ref);
  if (stored) return stored;
  const account = await recordById(db, 'account', accountId);
  if (!account) throw new Error('that account no longer exists');
  const writable = await writableSources();
  const target = [account, ...(await findTwins(db, account))].find((a) => writable.has(a.source)) ?? account;
  const story = await loadBackstory(db, accountId);
  const by = await technicianItem.getValue();
  const flag: Flag = {
    id,
    createdAt: now.toISOString(),
    kind: input.kind,
    note: input.note.trim(),
    ...(input.value !== undefined ? { value: input.value } : {}),
    // A value typed for a German customer is in euros: keep the currency its deals are in.
    ...(input.value !== undefined && story?.winningDeal?.currency ? { currency: story.winningDeal.currency } : {}),
    urgency: input.urgency,
    ticket: { helpdesk: ref.helpdesk, ticketId: ref.ticketId, url: ref.url },
    accountId: target.id,
    accountName: account.name,
    source: target.source,
    ...(story?.winningDeal?.salesRep ? { salesRep: story.winningDeal.salesRep } : {}),
    status: writable.has(target.source) ? 'pending' : 'outbox',
    attempts: 0,
    ...(by ? { by: { name: by.name, email: by.email } } : {}),
  };
  try {
    await db.flags.add(flag);
  } catch (e) {
    // The same draft stored meanwhile by a request that was still running.
    const raced = await sameDraft(db, id, ref);
    if (raced) return raced;
    throw e;
  }
  return flag;
}

async function sameDraft(db: BackstoryDB, id: string, ref: TicketRef): Promise<Flag | undefined> {
  const stored = await db.flags.get(id);
  if (stored && (stored.ticket.helpdesk !== ref.helpdesk || stored.ticket.ticketId !== ref.ticketId))
    throw new Error('this draft was sent from another ticket already');
  return stored;
}
