import { t } from '@/i18n/i18n';
import type { ConnectionCheck } from '@/sources/live-source';
import { errorText } from '@/i18n/error-text';
import { checkPartText, noteText } from '@/i18n/source-text';

/** The outcome of "Test connection", one line per kind read. */
export function Checks({ result }: { result: ConnectionCheck[] | 'running' | undefined }) {
  if (!result || (Array.isArray(result) && result.length === 0)) return null;
  if (result === 'running') return <p role="status">{t('sources.testing')}</p>;
  const works = result.every((c) => c.ok || c.optional);
  const complete = result.every((c) => c.ok);
  return (
    <div role="status" data-testid="connection-checks">
      <p class={works ? 'ok' : 'errors'}>
        {complete ? t('sources.testOk') : works ? t('sources.testOkPartly') : t('sources.testFailed')}
      </p>
      <ul class="small plain">
        {result.map((c, i) => (
          <li key={i} class={c.ok ? '' : c.optional ? 'warn' : 'errors'}>
            {c.ok ? '✓' : c.optional ? '!' : '✗'} {checkPartText(c)}
            {c.message || c.error ? `: ${errorText(c.message, c.error)}` : c.note ? `: ${noteText(c.note)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
