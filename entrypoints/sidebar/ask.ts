import type { MessageType, ReplyValue, Request, Shown } from '@/core/messages';
import { t } from '@/i18n/i18n';
import { askBackground } from '@/messaging/ask-background';

/**
 * The sidebar's requests to the background, typed by their messages' reply types
 * (core/messages.ts), with failures turned into errors. All of them may run twice: a flag
 * carries its draft's id, so asking again after a lost answer finds the flag stored the first
 * time instead of storing a second.
 */
/** The background gave no answer at all (stopped, or starting too slowly): asking again may work. */
export class NoAnswer extends Error {}

async function ask<T extends MessageType>(
  message: Request<T> & { type: T },
  patienceMs = 1_500,
): Promise<ReplyValue<T>> {
  const reply = await askBackground<T>(message, { patienceMs });
  if (!reply) throw new NoAnswer(t('sidebar.noAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** `shown`: from the side panel, the tab and ticket it shows (entrypoints/sidepanel/asks.ts). */
export const askFind = (query: string, shown?: Shown) =>
  ask({ type: 'sidebar:find', query: query.slice(0, 200), ...(shown ? { shown } : {}) });
export const askPin = (accountId: string, shown?: Shown) =>
  ask({ type: 'sidebar:pin', accountId, ...(shown ? { shown } : {}) });
/** A flag's first delivery attempt may take up to 10 s; patience covers it being cut off. */
export const askFlag = (input: Omit<Request<'sidebar:flag'>, 'type'>) =>
  ask({ type: 'sidebar:flag', ...input }, 20_000);
