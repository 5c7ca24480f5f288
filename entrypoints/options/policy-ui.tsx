import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { accessPatterns, hasPolicy, patternHost, POLICY_KEYS, type PolicyRead } from '@/core/policy';
import { t } from '@/i18n/i18n';
import { policyProblemText } from '@/i18n/policy-text';
import { loadPolicy } from '@/services/policy';

const NONE: PolicyRead = { policy: {}, problems: [] };

/** The organisation's policy, live: a policy edited while the page is open shows at once. */
export function usePolicy(): PolicyRead {
  const [read, setRead] = useState<PolicyRead>(NONE);
  useEffect(() => {
    const load = () => void loadPolicy().then(setRead, () => setRead(NONE));
    load();
    const changed = (_c: unknown, area: string) => area === 'managed' && load();
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  return read;
}

/** The mark beside whatever the policy set. */
export function Managed() {
  return (
    <span class="badge managed" data-testid="managed">
      {t('team.managed')}
    </span>
  );
}

/** What the browser must allow for the policy's sites and data sources (host patterns). */
export function policyOrigins({ policy }: PolicyRead): string[] {
  return accessPatterns(policy.sites ?? [], policy.sources ?? []);
}

/**
 * One "Allow" for every site and data source the policy added that the browser has not allowed
 * yet: one permission request for all of them (it must run in the click itself).
 */
export function AllowPolicyOrigins({ read }: { read: PolicyRead }) {
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState<string>();
  const wanted = policyOrigins(read);
  const key = wanted.join(' ');
  useEffect(() => {
    const check = () =>
      void Promise.all(
        wanted.map(async (o) => ((await browser.permissions.contains({ origins: [o] })) ? [] : [o])),
      ).then((lists) => setMissing(lists.flat()));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [key]);
  if (!missing.length) return note ? <p role="status">{note}</p> : null;
  const allow = () =>
    void browser.permissions.request({ origins: missing }).then(
      (ok) => {
        setNote(ok ? t('team.allowDone') : t('team.allowRefused'));
        if (ok) setMissing([]);
      },
      () => setNote(t('team.allowRefused')),
    );
  const hosts = missing.map(patternHost);
  return (
    <div class="row" data-testid="policy-allow">
      <p>{t('team.allowIntro', [hosts.join(', ')])}</p>
      <button type="button" class="primary" onClick={allow}>
        {t('team.allow')}
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  );
}

/** At the top of options: that the organisation set things, what it left out, and the one "Allow". */
export function PolicyBanner({ read }: { read: PolicyRead }) {
  if (!hasPolicy(read.policy) && !read.problems.length) return null;
  const names = Object.values(POLICY_KEYS) as string[];
  return (
    <section class="card" aria-labelledby="policy-title" data-testid="policy-banner">
      <h2 id="policy-title">{t('team.bannerTitle')}</h2>
      <p class="muted small">{t('team.banner')}</p>
      {read.problems.length > 0 && (
        <div class="errors" role="alert" data-testid="policy-problems">
          <p>{t('team.problems')}</p>
          <ul class="small">
            {read.problems.map((p) => (
              <li key={p.field + p.message}>
                <code>{names.includes(p.field) ? p.field : JSON.stringify(p.field)}</code>: {policyProblemText(p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <AllowPolicyOrigins read={read} />
    </section>
  );
}
