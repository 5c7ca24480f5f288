/** The outbox of flags for sales: queries and state changes (services/flag-create.ts makes them). */
import { retryDelayMinutes, type Flag } from '@/core/flags';
import { errorDetail } from '@/sources/http';
import type { BackstoryDB } from '../storage/db';

/** Flags on any of these accounts (a backstory's merged accounts), newest first: "already flagged?" */
export async function flagsOn(db: BackstoryDB, accountIds: string[]): Promise<Flag[]> {
  const flags = await db.flags.where('accountId').anyOf(accountIds).toArray();
  return flags.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** The notes a story shows: a flag delivered as a CRM note comes back with a sync, and is listed once, as the flag. */
export function notesShown<N extends { body: string }>(notes: N[], flags: Flag[]): N[] {
  return flags.length ? notes.filter((n) => !flags.some((f) => n.body.includes(f.id))) : notes;
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
  await db.flags.update(id, {
    status: 'delivered',
    remoteId,
    deliveredAt: now.toISOString(),
    lastError: undefined,
    lastErrorDetail: undefined,
    nextAttemptAt: undefined,
  });
}

/** What a failure leaves with the flag: its plain words, and its code and arguments where it has them. */
const failure = (e: unknown): Pick<Flag, 'lastError' | 'lastErrorDetail'> => ({
  lastError: e instanceof Error ? e.message : String(e),
  lastErrorDetail: errorDetail(e),
});

/** A failed attempt: the flag stays pending and waits longer each time (1, 2, 4 ... 60 minutes). */
export async function markFailed(db: BackstoryDB, id: string, error: unknown, now = new Date()): Promise<void> {
  const flag = await db.flags.get(id);
  if (!flag) return;
  const attempts = flag.attempts + 1;
  await db.flags.update(id, {
    attempts,
    ...failure(error),
    nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000).toISOString(),
  });
}

/** The source is gone (removed in options): the flag moves to the outbox so it is not lost. */
export async function moveToOutbox(db: BackstoryDB, id: string, reason: unknown): Promise<void> {
  await db.flags.update(id, { status: 'outbox', ...failure(reason), nextAttemptAt: undefined });
}

/**
 * Flags from the outbox that the technician mailed or handed to sales by hand: they count as sent
 * from now on, so the next "Copy as email" does not send them again and the sidebar shows them as
 * sent. Only flags still in the outbox change (one delivered meanwhile keeps its own record).
 */
export async function markHandedOver(db: BackstoryDB, ids: string[], now = new Date()): Promise<number> {
  return db.flags
    .where('id')
    .anyOf(ids)
    .filter((f) => f.status === 'outbox')
    .modify({ status: 'delivered', deliveredAt: now.toISOString(), lastError: undefined, lastErrorDetail: undefined });
}
