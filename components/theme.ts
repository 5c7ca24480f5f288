import type { DisplaySettings } from '@/storage/settings';

/** The page's colour scheme: the system's ("auto") unless the technician chose one. */
export function applyTheme(theme: DisplaySettings['theme']): void {
  if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.dataset.theme = theme;
}
