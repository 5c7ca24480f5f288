import { useEffect, useState } from 'preact/hooks';
import type { AccountHit } from '@/background-caches/account-finder';
import { t } from '../i18n/i18n';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  label: string;
  initialQuery?: string;
  /** Where accounts come from (the sidebar asks the background). */
  find: (query: string) => Promise<AccountHit[]>;
  onPick: (accountId: string, name: string) => void;
}

/** Find an account by name, domain or contact and pick it (used to pin a ticket's company). */
export function AccountPicker({ label, initialQuery = '', find, onPick }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<AccountHit[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      find(query).then(
        (hits) => live && (setResults(hits), setError(undefined)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, find]);
  return (
    <div>
      <label class="small" for="picker-q">
        {label}
      </label>
      <input
        id="picker-q"
        type="search"
        value={query}
        placeholder={t('picker.placeholder')}
        style="width:100%;margin-top:2px"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && (
        <p role="alert" class="small">
          {error}
        </p>
      )}
      <ul class="plain" aria-label={t('picker.found')} style="margin-top:4px">
        {results.map((r) => (
          <li key={r.accountId} style="display:flex;justify-content:space-between;gap:6px;padding:2px 0">
            <span>
              {r.title} <span class="muted small">{r.subtitle}</span>
            </span>
            <ConfirmButton
              onConfirm={() => onPick(r.accountId, r.title)}
              label={t('common.pinName', [r.title])}
              confirm={t('guard.confirmPinName', [r.title])}
            >
              {t('common.pin')}
            </ConfirmButton>
          </li>
        ))}
      </ul>
    </div>
  );
}
