import { browser } from '#imports';
import type { Reply } from '@/core/messages';
import { t } from '@/components/i18n';
import type { TicketStory } from '@/storage/ticket-story';
import type { AccountHit } from '@/storage/account-finder';
import type { PinRefusal } from '@/storage/sidebar-requests';
import type { Flag, FlagKind, Urgency } from '@/core/flags';

/** The sidebar's requests to the background, typed, with failures turned into errors. */
async function ask<T>(message: object): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error(t('sidebar.noAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const askStory = () => ask<TicketStory | null>({ type: 'sidebar:story' });
export const askFind = (query: string) => ask<AccountHit[]>({ type: 'sidebar:find', query: query.slice(0, 200) });
export const askPin = (accountId: string) => ask<{ ok: boolean; error?: PinRefusal }>({ type: 'sidebar:pin', accountId });
export const askFlag = (input: { kind: FlagKind; note: string; value?: number; urgency: Urgency }) => ask<Flag>({ type: 'sidebar:flag', ...input });
