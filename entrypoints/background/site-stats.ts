import type { TicketRef } from '@/core/model';
import { countRecognition, siteStatsItem, uncountMissing } from '@/storage/sites';

/** Count a newly recognised ticket for the options page's per-site status. */
export async function recordTicket(pageUrl: string, ref: TicketRef, now = new Date()): Promise<void> {
  const origin = new URL(pageUrl).origin;
  const day = now.toISOString().slice(0, 10);
  await siteStatsItem.setValue(
    countRecognition(await siteStatsItem.getValue(), origin, ref.helpdesk, ref.missing, day),
  );
}

/** The ticket on screen was read again with fewer gaps: those fields were found after all. */
export async function recordFound(pageUrl: string, fields: string[], now = new Date()): Promise<void> {
  if (!fields.length) return;
  const origin = new URL(pageUrl).origin;
  await siteStatsItem.setValue(
    uncountMissing(await siteStatsItem.getValue(), origin, fields, now.toISOString().slice(0, 10)),
  );
}
