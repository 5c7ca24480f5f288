import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { SPECIFIC_ADAPTERS } from '@/adapters';
import { HOSTED_HELPDESK_MATCHES } from '@/adapters/hosts';
import { parseSiteUrl, sitePattern, type HelpdeskSite } from '@/core/sites';
import { sitesItem, siteStatsItem, type SiteDayStats } from '@/storage/sites';
import { describeStats } from './site-text';
import { t } from '@/i18n/i18n';
import { keepSiteScripts } from '@/entrypoints/background/site-scripts';
import { Managed } from './policy-ui';
import { SiteTable } from '@/components/SiteTable';
import { RecipesCard } from './RecipesCard';

type Status = { tone: 'ok' | 'error'; text: string } | undefined;

const productName = (id: string) =>
  id === 'detect'
    ? t('sites.detected')
    : id === 'generic'
      ? t('sites.generic')
      : (SPECIFIC_ADAPTERS.find((a) => a.id === id)?.name ?? id);

/** Where Backstory runs: the vendors' hosted help desks, plus sites the user adds and grants. */
export function SitesPanel() {
  const [sites, setSites] = useState<HelpdeskSite[]>([]);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [stats, setStats] = useState<Record<string, SiteDayStats>>({});
  const [address, setAddress] = useState('');
  const [product, setProduct] = useState('detect');
  const [status, setStatus] = useState<Status>();

  useEffect(() => {
    void sitesItem.getValue().then(setSites);
    void siteStatsItem.getValue().then(setStats);
    const a = sitesItem.watch((v) => setSites(v ?? []));
    const b = siteStatsItem.watch((v) => setStats(v ?? {}));
    const recheck = () => void sitesItem.getValue().then(setSites);
    browser.permissions.onRemoved.addListener(recheck);
    browser.permissions.onAdded.addListener(recheck);
    return () => {
      a();
      b();
      browser.permissions.onRemoved.removeListener(recheck);
      browser.permissions.onAdded.removeListener(recheck);
    };
  }, []);

  useEffect(() => {
    void Promise.all(
      sites.map(
        async (s) => [s.origin, await browser.permissions.contains({ origins: [sitePattern(s.origin)] })] as const,
      ),
    ).then((pairs) => setGranted(Object.fromEntries(pairs)));
  }, [sites]);

  // The site's content script follows at once, from this page: the background would do it too,
  // but the browser may have just stopped its worker. A failure is the background's to retry.
  const registerNow = () =>
    keepSiteScripts(() => sitesItem.getValue(), browser.scripting, browser.permissions).catch((e: unknown) =>
      console.error('Backstory: could not update help-desk site scripts', e),
    );

  // permissions.request must run in the click itself (a user gesture): no await before it.
  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSiteUrl(address);
    if (!parsed.ok) return setStatus({ tone: 'error', text: t(`sites.error.${parsed.error}`, [parsed.value]) });
    const origin = parsed.origin;
    browser.permissions.request({ origins: [sitePattern(origin)] }).then(
      async (ok) => {
        if (!ok) return setStatus({ tone: 'error', text: t('sites.notGranted', [origin]) });
        const before = await sitesItem.getValue();
        // A site the organisation set stays as it set it.
        if (before.some((s) => s.origin === origin && s.managed))
          return setStatus({ tone: 'ok', text: `${origin}: ${t('team.managed')}` });
        const list = before.filter((s) => s.origin !== origin);
        await sitesItem.setValue([...list, { origin, adapterId: product, addedAt: new Date().toISOString() }]);
        await registerNow();
        setAddress('');
        setStatus({ tone: 'ok', text: t('sites.added', [origin]) });
      },
      (err: unknown) =>
        setStatus({
          tone: 'error',
          text: t('sites.askFailed', [origin, err instanceof Error ? err.message : String(err)]),
        }),
    );
  };

  const grant = (site: HelpdeskSite) =>
    void browser.permissions.request({ origins: [sitePattern(site.origin)] }).then(async (ok) => {
      setGranted((g) => ({ ...g, [site.origin]: ok }));
      if (ok) await registerNow();
    });

  const remove = async (site: HelpdeskSite) => {
    await sitesItem.setValue((await sitesItem.getValue()).filter((s) => s.origin !== site.origin));
    // Give the permission back too. Permissions the build asks for up front cannot be removed;
    // the site's content script is gone either way.
    await browser.permissions.remove({ origins: [sitePattern(site.origin)] }).catch(() => false);
    await registerNow();
    setStatus({ tone: 'ok', text: t('sites.removed', [site.origin]) });
  };

  const activity = Object.entries(stats).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <section class="card" aria-labelledby="own-title">
        <h2 id="own-title">{t('sites.own')}</h2>
        <form class="row" onSubmit={add}>
          <label for="site-url">{t('sites.address')}</label>
          <input
            id="site-url"
            type="url"
            inputMode="url"
            placeholder="https://help.example.com"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
            style="min-width:260px"
          />
          <label for="site-product">{t('sites.product')}</label>
          <select id="site-product" value={product} onChange={(e) => setProduct(e.currentTarget.value)}>
            <option value="detect">{t('sites.detect')}</option>
            {SPECIFIC_ADAPTERS.filter((a) => a.selfHosted).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="generic">{t('sites.other')}</option>
          </select>
          <button type="submit" class="primary">
            {t('sites.add')}
          </button>
        </form>
        <p class="muted small">{t('sites.permissionHint')}</p>
        {status && (
          <p
            role={status.tone === 'error' ? 'alert' : 'status'}
            class={status.tone === 'error' ? 'errors' : ''}
            data-testid="sites-status"
          >
            {status.text}
          </p>
        )}
        {sites.length > 0 && (
          <SiteTable label={t('sites.yours')} testId="sites" columns={[t('sites.product'), t('sites.status')]}>
            {sites.map((s) => (
              <tr key={s.origin}>
                <td>{s.origin}</td>
                <td>{productName(s.adapterId)}</td>
                <td>
                  {granted[s.origin] === false && s.managed ? (
                    t('sites.permissionMissing')
                  ) : granted[s.origin] === false ? (
                    <>
                      {t('sites.permissionMissing')}{' '}
                      <button type="button" onClick={() => grant(s)}>
                        {t('sites.grant')}
                      </button>
                    </>
                  ) : (
                    describeStats(stats[s.origin])
                  )}
                </td>
                <td>
                  {s.managed ? (
                    <Managed />
                  ) : (
                    <button type="button" onClick={() => void remove(s)} aria-label={t('sites.removeSite', [s.origin])}>
                      {t('common.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </SiteTable>
        )}
      </section>

      <RecipesCard />

      <section class="card" aria-labelledby="activity-title">
        <h2 id="activity-title">{t('sites.today')}</h2>
        {activity.length === 0 ? (
          <p class="muted">{t('sites.noneToday')}</p>
        ) : (
          <ul class="plain" data-testid="site-activity">
            {activity.map(([origin, s]) => (
              <li key={origin}>
                <strong>{origin}</strong> <span class="muted">({productName(s.helpdesk ?? 'generic')})</span>:{' '}
                {describeStats(s)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="hosted-title">
        <h2 id="hosted-title">{t('sites.hosted')}</h2>
        <p>{t('sites.hostedIntro')}</p>
        <ul class="small">
          {HOSTED_HELPDESK_MATCHES.map((m) => (
            <li key={m}>
              <code>{m}</code>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
