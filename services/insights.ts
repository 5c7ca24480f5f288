import { storage } from '#imports';
import { campaignInsights, channelInsights, flagInsights, type FlagInsight, type InsightRow } from '@/core/insights';
import type { BackstoryDB } from '../storage/db';
import { allRecords } from '../storage/record-store';

/**
 * The technician's consent to count matched tickets per account. Off until they turn it on; the
 * counts stay in this browser (nothing is sent anywhere) unless they export them.
 */
export const insightsConsentItem = storage.defineItem<boolean>('local:insightsConsent', { fallback: false });

/** A day as counted tickets are kept and insights count them: YYYY-MM-DD (UTC). */
export const today = (now: Date) => now.toISOString().slice(0, 10);

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
