import type { SiteDayStats } from '@/storage/sites';
import { fieldName, t } from '@/i18n/i18n';

/** "ticket recognised 12 times today; company not found 2 times" */
export function describeStats(s: SiteDayStats | undefined, today = new Date().toISOString().slice(0, 10)): string {
  if (!s || s.day !== today) return t('sites.statsNone');
  const parts = [t('sites.recognised', s.recognised)];
  for (const [field, n] of Object.entries(s.missing)) parts.push(t('sites.missing', n, [String(n), fieldName(field)]));
  return parts.join('; ');
}
