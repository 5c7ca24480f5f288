import { useState } from 'preact/hooks';
import { useSettings } from '@/components/useSettings';
import { t } from '@/i18n/i18n';
import { DataPanel } from './DataPanel';
import { DisplayPanel } from './DisplayPanel';
import { SitesPanel } from './SitesPanel';
import { SourcesPanel } from './SourcesPanel';
import { FlagsPanel } from './FlagsPanel';
import { InsightsPanel } from './InsightsPanel';
import { PolicyBanner, usePolicy } from './policy-ui';
import { WhoFlags } from './WhoFlags';

const TABS = ['data', 'sources', 'flags', 'insights', 'display', 'sites'] as const;
type Tab = (typeof TABS)[number];

export function OptionsApp() {
  const settings = useSettings();
  const policy = usePolicy();
  const [tab, setTab] = useState<Tab>(() => (location.hash.slice(1) as Tab) || 'data');
  const select = (t: Tab) => {
    setTab(t);
    history.replaceState(null, '', `#${t}`);
  };
  return (
    <>
      <header class="page">
        <h1>{t('extName')}</h1>
        <span class="muted">{t('options.tagline')}</span>
      </header>
      <PolicyBanner read={policy} />
      <nav class="tabs" role="tablist" aria-label={t('options.sections')}>
        {TABS.map((id) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => select(id)}
            onKeyDown={(e) => {
              // WAI-ARIA tabs: arrow keys, Home and End move between tabs.
              const i = TABS.indexOf(id);
              const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
              if (next === undefined) return;
              e.preventDefault();
              const to = TABS[(next + TABS.length) % TABS.length]!;
              select(to);
              document.getElementById(`tab-${to}`)?.focus();
            }}
          >
            {t(`options.tab.${id}`)}
          </button>
        ))}
      </nav>
      <main role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'data' && <DataPanel />}
        {tab === 'sources' && <SourcesPanel policy={policy.policy} />}
        {tab === 'flags' && (
          <>
            <FlagsPanel />
            <WhoFlags policy={policy.policy} />
          </>
        )}
        {tab === 'insights' && <InsightsPanel policy={policy.policy} />}
        {tab === 'display' && <DisplayPanel settings={settings} policy={policy.policy} />}
        {tab === 'sites' && <SitesPanel />}
      </main>
    </>
  );
}
