import { storage } from '#imports';
import type { HelpdeskSite } from '@/core/sites';
import type { SavedRecipe } from '@/core/recipe';

/** Help-desk sites the user added on their own domains (no secrets: content scripts may read it). */
export const sitesItem = storage.defineItem<HelpdeskSite[]>('local:helpdeskSites', { fallback: [] });

/**
 * Each site's reading recipe ("show me where"), by origin: hosted help desks have no site entry,
 * so recipes are kept beside the sites rather than in them. Absent in older profiles: none.
 * The content script reads it directly (entrypoints/helpdesk.content/local-values.ts).
 */
export const recipesItem = storage.defineItem<Record<string, SavedRecipe>>('local:siteRecipes', { fallback: {} });

/** Per site and day: how often a ticket was recognised and which fields could not be read. */
export interface SiteDayStats {
  day: string;
  recognised: number;
  missing: Record<string, number>;
  helpdesk?: string;
  /**
   * The tickets counted today (`ticket` below): a report the background handled but could not
   * answer (its worker stopped) is sent again, and must neither count twice nor be lost.
   */
  tickets?: string[];
}
/** The most ticket keys kept a site a day (a technician's day holds far fewer tickets). */
const TICKETS_A_DAY = 500;
export const siteStatsItem = storage.defineItem<Record<string, SiteDayStats>>('local:siteStats', { fallback: {} });

/** The same ticket, read again more fully (e.g. from the help desk's API): uncount those fields. */
export function uncountMissing(
  stats: Record<string, SiteDayStats>,
  origin: string,
  found: readonly string[],
  day: string,
): Record<string, SiteDayStats> {
  const today = stats[origin];
  if (!today || today.day !== day || !found.length) return stats;
  const missing = { ...today.missing };
  for (const field of found) {
    if (missing[field]) missing[field]--;
    if (missing[field] === 0) delete missing[field];
  }
  return { ...stats, [origin]: { ...today, missing } };
}

/**
 * Count one recognised ticket (and what it lacked) for its site, today. With `ticket` (its key),
 * a ticket counted today already is not counted again.
 */
export function countRecognition(
  stats: Record<string, SiteDayStats>,
  origin: string,
  helpdesk: string,
  missing: readonly string[],
  day: string,
  ticket?: string,
): Record<string, SiteDayStats> {
  const prev = stats[origin];
  const today: SiteDayStats =
    prev && prev.day === day ? { ...prev, missing: { ...prev.missing } } : { day, recognised: 0, missing: {} };
  if (ticket !== undefined) {
    if (today.tickets?.includes(ticket)) return stats;
    today.tickets = [...(today.tickets ?? []), ticket].slice(-TICKETS_A_DAY);
  }
  today.recognised++;
  today.helpdesk = helpdesk;
  for (const field of missing) today.missing[field] = (today.missing[field] ?? 0) + 1;
  return { ...stats, [origin]: today };
}
