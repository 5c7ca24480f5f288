import type { TicketRef } from '@/core/model';
import { countRecognition, siteStatsItem, uncountMissing } from '@/storage/sites';

/** Count a newly recognised ticket for the options page's per-site status. */
/**
 * Count the ticket on screen for its site, once a day (by its number, else its address). Whether
 * it was counted now (false: counted today already).
 */
export async function recordTicket(pageUrl: string, ref: TicketRef, now = new Date()): Promise<boolean> {
  const origin = new URL(pageUrl).origin;
  const day = now.toISOString().slice(0, 10);
  const before = await siteStatsItem.getValue();
  const after = countRecognition(before, origin, ref.helpdesk, ref.missing, day, ref.ticketId ?? ref.url);
  if (after === before) return false;
  await siteStatsItem.setValue(after);
  return true;
}

/** The ticket on screen was read again with fewer gaps: those fields were found after all. */
export async function recordFound(pageUrl: string, fields: string[], now = new Date()): Promise<void> {
  if (!fields.length) return;
  const origin = new URL(pageUrl).origin;
  await siteStatsItem.setValue(
    uncountMissing(await siteStatsItem.getValue(), origin, fields, now.toISOString().slice(0, 10)),
  );
}
