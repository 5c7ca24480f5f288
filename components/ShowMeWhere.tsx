import { useState } from 'preact/hooks';
import { t } from '@/i18n/i18n';
import { askBackground } from '@/messaging/ask-background';

/**
 * "Show Backstory where to read this page": asks the background to start the click-to-pick
 * prompt in the tab's page (the sidebar's own tab; the popup's active tab). The prompt itself
 * runs in the page's content script (entrypoints/helpdesk.content/show-me-where.ts).
 */
export function ShowMeWhere({ onStarted }: { onStarted?: () => void }) {
  const [status, setStatus] = useState<'started' | 'startFailed'>();
  const start = async () => {
    const reply = await askBackground({ type: 'recipe:start' });
    setStatus(reply?.ok ? 'started' : 'startFailed');
    if (reply?.ok) onStarted?.();
  };
  return (
    <p class="section small">
      <button class="link" data-testid="show-me-where" onClick={() => void start()}>
        {t('showme.start')}
      </button>
      {status && (
        <span role="status" data-testid="show-me-where-status">
          {' '}
          {t(`showme.${status}`)}
        </span>
      )}
    </p>
  );
}
