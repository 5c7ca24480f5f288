import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { patternHost } from '@/core/policy';
import { t } from '@/i18n/i18n';
import { watchPolicyAccess } from '@/services/policy-access';

/**
 * A help-desk site from the organisation's policy that the browser has not allowed yet gets no
 * sidebar (the content script cannot run there), so the toolbar button carries a badge and its
 * popup offers what Options does: one "Allow", one permission request for every such site and
 * data source. The request runs in the click itself (a user gesture).
 */
export function PolicyOffer() {
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState<string>();
  useEffect(() => watchPolicyAccess(setMissing), []);
  const status = note && (
    <p role="status" class="small policy-offer-note" data-testid="policy-offer-note">
      {note}
    </p>
  );
  if (!missing.length) return status || null;
  const allow = () =>
    void browser.permissions.request({ origins: missing }).then(
      (ok) => setNote(ok ? t('teamAccess.done') : t('teamAccess.refused')),
      () => setNote(t('teamAccess.refused')),
    );
  return (
    <section class="policy-offer" aria-labelledby="policy-offer-title" data-testid="policy-offer">
      <h2 id="policy-offer-title" class="section-title">
        {t('teamAccess.title')}
      </h2>
      <p class="small">{t('teamAccess.intro', [missing.map(patternHost).join(', ')])}</p>
      <button type="button" class="primary" onClick={allow}>
        {t('teamAccess.allow')}
      </button>
      {status}
    </section>
  );
}
