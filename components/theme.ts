import { browser } from '#imports';
import type { DisplaySettings } from '@/storage/settings';

/** The page's colour scheme: the system's ("auto") unless the technician chose one. */
export function applyTheme(theme: DisplaySettings['theme']): void {
  if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.dataset.theme = theme;
}

/** Where WXT keeps the "local:displaySettings" item (storage/settings.ts; a unit test checks). */
const SETTINGS_KEY = 'displaySettings';

/**
 * The chosen theme, read straight from storage.local for a page that loads WXT's storage (and
 * the rest of the settings) only later: the popup, whose first result must not wait for them.
 */
export async function storedTheme(): Promise<DisplaySettings['theme']> {
  const theme = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<DisplaySettings> | undefined)
    ?.theme;
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}
