import { storage } from '#imports';
import { campaignInsights, channelInsights, flagInsights, type FlagInsight, type InsightRow } from '@/core/insights';
import type { TicketRef } from '@/core/model';
import type { BackstoryDB } from '../storage/db';
import { allRecords } from '../storage/record-store';

/**
 * The technician's consent to count matched tickets per account. Off until they turn it on; the
 * counts stay in this browser (nothing is sent anywhere) unless they export them.
 */
export const insightsConsentItem = storage.defineItem<boolean>('local:insightsConsent', { fallback: false });

const today = (now: Date) => now.toISOString().slice(0, 10);

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

export async function loadInsights(
  db: BackstoryDB,
  now = new Date(),
): Promise<{ campaigns: InsightRow[]; channels: InsightRow[]; views: number; flags: FlagInsight[] }> {
  const [accounts, deals, campaigns, views, flags] = await Promise.all([
    allRecords(db, 'account'),
    allRecords(db, 'deal'),
    allRecords(db, 'campaign'),
    db.ticketViews.toArray(),
    db.flags.toArray(),
  ]);
  const rows = campaignInsights({ accounts, deals, campaigns, views, today: today(now) });
  return {
    campaigns: rows,
    channels: channelInsights(rows),
    views: views.length,
    // Flags are listed whether or not tickets are counted: they are the technicians' own words.
    flags: flagInsights({ deals, campaigns, flags }),
  };
}

/** Forget every counted ticket (turning consent off offers this). */
export async function clearTicketViews(db: BackstoryDB): Promise<void> {
  await db.ticketViews.clear();
}
