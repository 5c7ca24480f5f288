import { useState } from 'preact/hooks';
import { useSettings } from '@/components/useSettings';
import { DataPanel } from './DataPanel';
import { DisplayPanel } from './DisplayPanel';
import { SitesPanel } from './SitesPanel';

const TABS = [
  ['data', 'Data'],
  ['display', 'Display'],
  ['sites', 'Help-desk sites'],
] as const;
type Tab = (typeof TABS)[number][0];

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
        <h1>Backstory</h1>
        <span class="muted">the sales backstory beside every ticket</span>
      </header>
      <nav class="tabs" role="tablist" aria-label="Options sections">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => select(id)}>
            {label}
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
