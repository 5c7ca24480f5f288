import type { SiteDayStats } from '@/storage/sites';

const FIELD: Record<string, string> = {
  company: 'company',
  contactEmail: 'contact email',
  contactName: 'contact name',
  ticketId: 'ticket number',
  api: 'help-desk API',
  page: 'page',
};

/** "ticket recognised 12 times today; company not found 2 times" */
export function describeStats(s: SiteDayStats | undefined, today = new Date().toISOString().slice(0, 10)): string {
  if (!s || s.day !== today) return 'no ticket recognised yet today';
  const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
  const parts = [`ticket recognised ${times(s.recognised)} today`];
  for (const [field, n] of Object.entries(s.missing)) parts.push(`${FIELD[field] ?? field} not found ${times(n)}`);
  return parts.join('; ');
}
