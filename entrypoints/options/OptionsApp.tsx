import { useState } from 'preact/hooks';
import { useSettings } from '@/components/useSettings';
import { t } from '@/components/i18n';
import { DataPanel } from './DataPanel';
import { DisplayPanel } from './DisplayPanel';
import { SitesPanel } from './SitesPanel';

const TABS = ['data', 'display', 'sites'] as const;
type Tab = (typeof TABS)[number];

export function OptionsApp() {
  const settings = useSettings();
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
      <nav class="tabs" role="tablist" aria-label={t('options.sections')}>
        {TABS.map((id) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => select(id)}>
            {t(`options.tab.${id}`)}
          </button>
        ))}
      </nav>
      <main role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'data' && <DataPanel />}
        {tab === 'display' && <DisplayPanel settings={settings} />}
        {tab === 'sites' && <SitesPanel />}
      </main>
    </>
  );
}
