import type { TicketRef } from '@/core/model';
import type { Flag, FlagKind, Urgency } from '@/core/flags';
import { liveSource } from '@/sources/live-sources';
import type { BackstoryDB } from './db';
import { findTwins, loadBackstory } from './backstory';
import { sourcesItem } from './sources';

export interface FlagInput {
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
export async function createFlag(db: BackstoryDB, input: FlagInput, ref: TicketRef, accountId: string, now = new Date()): Promise<Flag> {
  const account = await db.accounts.get(accountId);
  if (!account) throw new Error('that account no longer exists');
  const writable = await writableSources();
  const target = [account, ...(await findTwins(db, account))].find((a) => writable.has(a.source)) ?? account;
  const story = await loadBackstory(db, accountId);
  const flag: Flag = {
    id: `bsflag${crypto.randomUUID().replace(/-/g, '')}`,
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
  };
  await db.flags.add(flag);
  return flag;
}

