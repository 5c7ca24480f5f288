/** Wording shared by the import screens: plural labels and one-line summaries. */
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import type { ImportSummary } from '@/storage/import';

export const KIND_PLURAL: Record<RecordKind, string> = {
  account: 'accounts',
  contact: 'contacts',
  campaign: 'campaigns',
  deal: 'deals',
  note: 'notes',
};

/** "155 accounts, 12 campaigns added; 3 deals updated" */
export function describeSummary(s: ImportSummary): string {
  const list = (c: Record<RecordKind, number>) =>
    RECORD_KINDS.filter((k) => c[k] > 0).map((k) => `${c[k].toLocaleString()} ${KIND_PLURAL[k]}`).join(', ');
  const parts = [];
  const added = list(s.added);
  const updated = list(s.updated);
  if (added) parts.push(`${added} added`);
  if (updated) parts.push(`${updated} updated`);
  if (s.pins) parts.push(`${s.pins} pinned matches`);
  return parts.join('; ') || 'nothing changed';
}
