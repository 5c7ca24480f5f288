/**
 * The counted tickets behind campaign insights (services/insights.ts reads them): written by the
 * background only, which counts the tickets it matches and forgets them when the options page asks
 * ('insights:forget' in core/messages.ts). Extension pages never import this module
 * (.dependency-cruiser.cjs, pages-ask-the-writer).
 */
import type { TicketRef } from '@/core/model';
import type { BackstoryDB } from '../storage/db';
import { insightsConsentItem, today } from './insights';

/** Count one matched ticket for today (once per ticket and day), if the technician agreed. */
export async function countTicketView(
  db: BackstoryDB,
  ref: TicketRef,
  accountId: string,
  now = new Date(),
): Promise<boolean> {
  if (!ref.ticketId || !(await insightsConsentItem.getValue())) return false;
  await db.ticketViews.put({
    day: today(now),
    ticketKey: `${ref.helpdesk}|${ref.ticketId}`,
    accountId,
    ...(ref.ticketType ? { kind: ref.ticketType } : {}),
  });
  return true;
}

/** Forget every counted ticket (turning consent off offers this). */
export async function clearTicketViews(db: BackstoryDB): Promise<null> {
  await db.ticketViews.clear();
  return null;
}
