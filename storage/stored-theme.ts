import { browser } from '#imports';
import type { DisplaySettings } from './settings';

/** Where WXT keeps the "local:displaySettings" item (settings.ts; a unit test checks). */
const SETTINGS_KEY = 'displaySettings';

/**
 * The chosen theme, read straight from storage.local for a page that loads WXT's storage (and
 * the rest of the settings, settings.ts) only later: the popup, whose first result must not wait
 * for them.
 */
export async function storedTheme(): Promise<DisplaySettings['theme']> {
  const theme = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<DisplaySettings> | undefined)
    ?.theme;
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}
