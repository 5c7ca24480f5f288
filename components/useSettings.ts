import { useEffect, useState } from 'preact/hooks';
import { displaySettings, DEFAULT_SETTINGS, type DisplaySettings } from '@/storage/settings';

/** Display settings, live: a change in options shows at once in open sidebars and popups. */
export function useSettings(): DisplaySettings {
  const [settings, setSettings] = useState<DisplaySettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void displaySettings.getValue().then(setSettings);
    return displaySettings.watch((v) => setSettings(v ?? DEFAULT_SETTINGS));
  }, []);
  useEffect(() => {
    if (settings.theme === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return settings;
}
