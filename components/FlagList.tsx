import { flaggedBy, type Flag, type FlagKind } from '@/core/flags';
import { formatDate, formatMoney } from '@/core/format';
import { t, tDynamic, uiLocale } from '../i18n/i18n';
import { errorText } from '../i18n/error-text';

/** "hardware-refresh" -> the catalogue's flags.kind.hardwareRefresh (message names allow no dash). */
export function kindLabel(kind: FlagKind): string {
  return tDynamic(`flags.kind.${kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`);
}

/** What became of a flag, in words: sent, waiting (and why), or in the outbox. */
export function flagStatusText(f: Flag): string {
  if (f.status === 'delivered') return t('flags.status.delivered');
  const why = f.lastError || f.lastErrorDetail ? errorText(f.lastError, f.lastErrorDetail) : '';
  if (f.status === 'outbox') return why ? t('flags.status.outboxBecause', [why]) : t('flags.status.outbox');
  return why ? t('flags.status.waitingBecause', [why]) : t('flags.status.waiting');
}

/** Flags, newest first: kind, when, for whom, and their status. */
export function FlagList({
  flags,
  showAccount = false,
  testId = 'flags',
}: {
  flags: Flag[];
  showAccount?: boolean;
  testId?: string;
}) {
  if (flags.length === 0) return <p class="muted small">{t('flags.none')}</p>;
  const locale = uiLocale();
  return (
    <ul class="plain flag-list" data-testid={testId}>
      {flags.map((f) => (
        <li key={f.id} class="note">
          <div class="small muted">
            {formatDate(f.createdAt, locale)}
            {showAccount && ` · ${f.accountName}`}
            {` · ${tDynamic(`flags.urgency.${f.urgency}`)}`}
            {f.value !== undefined && ` · ${formatMoney(f.value, f.currency ?? 'USD', locale)}`}
            {f.by && ` · ${t('team.by', [flaggedBy(f)])}`}
          </div>
          <div>
            <strong>{kindLabel(f.kind)}</strong>: {f.note}
          </div>
          <div
            class={`small ${f.status === 'delivered' ? 'ok' : f.status === 'outbox' ? 'muted' : 'warn'}`}
            data-testid="flag-status"
          >
            {flagStatusText(f)}
          </div>
        </li>
      ))}
    </ul>
  );
}
