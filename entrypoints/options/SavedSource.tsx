import { t } from '@/i18n/i18n';
import type { ConnectionCheck } from '@/sources/live-source';
import { liveSource } from '@/sources/live-sources';
import type { SourceConfig, SourceStatus } from '@/storage/source-configs';
import { Checks } from './ConnectionChecks';
import { errorText } from '@/i18n/error-text';
import { runText } from '@/i18n/source-text';
import { Managed } from './policy-ui';

interface Props {
  source: SourceConfig;
  status: SourceStatus | undefined;
  /** When its keys were saved (none: no keys saved). */
  savedAt: string | undefined;
  checks: ConnectionCheck[] | 'running' | undefined;
  onSync(): void;
  onTest(): void;
  onSignIn(): void;
  onRemove(): void;
}

/** One saved live source in Options: its sync status and history, and what can be done with it. */
export function SavedSource({ source: s, status: st, savedAt, checks, onSync, onTest, onSignIn, onRemove }: Props) {
  const lastGood = st?.runs.find((r) => r.ok);
  return (
    <div class="import-file" data-testid="source">
      <h3>
        {s.label}{' '}
        <span class="muted small">
          {liveSource(s.kind)?.name ?? s.kind} · {s.base}
        </span>{' '}
        {s.managed && <Managed />}
      </h3>
      <p class="small muted">
        {savedAt ? t('sources.tokenSaved', [new Date(savedAt).toLocaleString()]) : t('sources.noTokenSaved')}
      </p>
      <p data-testid="source-status" role="status">
        {st?.running
          ? t('sources.running')
          : st?.lastSuccess
            ? t('sources.lastSuccess', [new Date(st.lastSuccess).toLocaleString(), lastGood ? runText(lastGood) : ''])
            : t('sources.never')}
      </p>
      {st?.runs.some((r) => r.changedAt) && (
        <p class="small" data-testid="feed-status">
          {t('team.feedStatus', [
            new Date(st.runs.find((r) => r.changedAt)!.changedAt!).toLocaleString(),
            new Date(st.runs[0]!.at).toLocaleString(),
          ])}
        </p>
      )}
      {st?.lastError && (
        <p class="errors" data-testid="source-error">
          {t('sources.lastError', [errorText(st.lastError, st.lastErrorDetail)])}
        </p>
      )}
      {!!st?.runs.length && (
        <details>
          <summary>{t('sources.history')}</summary>
          <ul class="small">
            {st.runs.map((r, i) => (
              <li key={i}>
                {new Date(r.at).toLocaleString()} · {r.ok ? '✓' : '✗'}{' '}
                {r.ok ? runText(r) : errorText(r.message, r.error)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="row">
        <button type="button" onClick={onSync} disabled={st?.running}>
          {t('sources.syncNow')}
        </button>
        <button type="button" onClick={onTest}>
          {t('sources.test')}
        </button>
        {liveSource(s.kind)?.signIn && (
          <button type="button" onClick={onSignIn}>
            {t('sources.signIn', [liveSource(s.kind)!.name])}
          </button>
        )}
        {!s.managed && (
          <button type="button" class="danger" onClick={onRemove}>
            {t('sources.remove')}
          </button>
        )}
      </div>
      <Checks result={checks} />
    </div>
  );
}
