import { browser } from '#imports';
import type { Reply } from '@/core/messages';
import { t } from '@/components/i18n';
import type { TicketStory } from '@/storage/ticket-story';
import type { AccountHit } from '@/storage/account-finder';
import type { PinRefusal } from '@/storage/sidebar-requests';
import type { Flag, FlagKind, Urgency } from '@/core/flags';

/**
 * One request; undefined when the background did not answer. A worker the browser stopped just
 * then drops the message ("Receiving end does not exist"): the request is asked again.
 */
async function send<T>(message: object): Promise<Reply<T> | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sidebar's requests to the background, typed, with failures turned into errors. Only
 * requests that may safely run twice are retried (a flag's answer lost after it was stored is not).
 */
async function ask<T>(message: object, { retry = true } = {}): Promise<T> {
  let reply = await send<T>(message);
  for (let wait = 200; !reply && retry && wait <= 800; wait *= 2) {
    await new Promise((r) => setTimeout(r, wait));
    reply = await send<T>(message);
  }
  if (!reply) throw new Error(t('sidebar.noAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const askStory = () => ask<TicketStory | null>({ type: 'sidebar:story' });
export const askFind = (query: string) => ask<AccountHit[]>({ type: 'sidebar:find', query: query.slice(0, 200) });
export const askPin = (accountId: string) => ask<{ ok: boolean; error?: PinRefusal }>({ type: 'sidebar:pin', accountId });
export const askFlag = (input: { kind: FlagKind; note: string; value?: number; urgency: Urgency }) => ask<Flag>({ type: 'sidebar:flag', ...input }, { retry: false });
