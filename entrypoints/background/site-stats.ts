import type { TicketRef } from '@/core/model';
import { countRecognition, siteStatsItem } from '@/storage/sites';

/** Count a newly recognised ticket for the options page's per-site status. */
export async function recordTicket(pageUrl: string, ref: TicketRef, now = new Date()): Promise<void> {
  const origin = new URL(pageUrl).origin;
  const day = now.toISOString().slice(0, 10);
  await siteStatsItem.setValue(countRecognition(await siteStatsItem.getValue(), origin, ref.helpdesk, ref.missing, day));
}
