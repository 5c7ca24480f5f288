/** Wording shared by the import screens: plural labels and one-line summaries. */
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import type { ImportSummary } from '@/storage/record-writes';
import { t } from '@/i18n/i18n';

export const kindPlural = (kind: RecordKind): string => t(`kind.${kind}`);

/** "155 accounts, 12 campaigns added; 3 deals updated" */
export function describeSummary(s: ImportSummary): string {
  const list = (c: Record<RecordKind, number>) =>
    RECORD_KINDS.filter((k) => c[k] > 0)
      .map((k) => `${c[k].toLocaleString()} ${kindPlural(k)}`)
      .join(', ');
  const parts = [];
  const added = list(s.added);
  const updated = list(s.updated);
  if (added) parts.push(t('data.added', [added]));
  if (updated) parts.push(t('data.updated', [updated]));
  if (s.pins) parts.push(t('data.pins', [String(s.pins)]));
  return parts.join('; ') || t('data.nothingChanged');
}
