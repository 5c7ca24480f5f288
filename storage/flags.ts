import type { TicketRef } from '@/core/model';
import { retryDelayMinutes, type Flag, type FlagKind, type Urgency } from '@/core/flags';
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

/** Flags about this customer (any of its accounts), newest first: "already flagged?" */
export async function flagsForAccount(db: BackstoryDB, accountId: string): Promise<Flag[]> {
  const account = await db.accounts.get(accountId);
  const ids = [accountId, ...(account ? (await findTwins(db, account)).map((a) => a.id) : [])];
  const flags = await db.flags.where('accountId').anyOf(ids).toArray();
  return flags.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export async function allFlags(db: BackstoryDB): Promise<Flag[]> {
  return (await db.flags.orderBy('createdAt').toArray()).reverse();
}

/** Pending flags whose backoff has passed (all pending ones when `force`). */
export async function dueFlags(db: BackstoryDB, now = new Date(), force = false): Promise<Flag[]> {
  const pending = await db.flags.where('status').equals('pending').toArray();
  return pending.filter((f) => force || !f.nextAttemptAt || f.nextAttemptAt <= now.toISOString());
}

export async function markDelivered(db: BackstoryDB, id: string, remoteId: string, now = new Date()): Promise<void> {
  await db.flags.update(id, { status: 'delivered', remoteId, deliveredAt: now.toISOString(), lastError: undefined, nextAttemptAt: undefined });
}

/** A failed attempt: the flag stays pending and waits longer each time (1, 2, 4 ... 60 minutes). */
export async function markFailed(db: BackstoryDB, id: string, error: string, now = new Date()): Promise<void> {
  const flag = await db.flags.get(id);
  if (!flag) return;
  const attempts = flag.attempts + 1;
  await db.flags.update(id, { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000).toISOString() });
}

/** The source is gone (removed in options): the flag moves to the outbox so it is not lost. */
export async function moveToOutbox(db: BackstoryDB, id: string, reason: string): Promise<void> {
  await db.flags.update(id, { status: 'outbox', lastError: reason, nextAttemptAt: undefined });
}
