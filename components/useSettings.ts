import { useEffect, useState } from 'preact/hooks';
import { displaySettings, DEFAULT_SETTINGS, type DisplaySettings } from '@/storage/settings';
import { applyTheme } from './theme';

/** Display settings, live: a change in options shows at once in open sidebars and popups. */
export function useSettings(): DisplaySettings {
  const [settings, setSettings] = useState<DisplaySettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void displaySettings.getValue().then(setSettings);
    return displaySettings.watch((v) => setSettings(v ?? DEFAULT_SETTINGS));
  }, []);
  useEffect(() => applyTheme(settings.theme), [settings.theme]);
  return settings;
}
