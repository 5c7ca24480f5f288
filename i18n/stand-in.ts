import { browser } from '#imports';
import { localeCandidates, messageFrom, type Catalogue, type GetMessage } from './catalogue';

// WXT types getURL for the built pages and public files only; _locales is written by its i18n module.
const extensionUrl = browser.runtime.getURL as (path: string) => string;

/**
 * The extension's own message files, read with fetch. Chromium sometimes hands an extension
 * process an empty catalogue (seen when the service worker was stopped as a page first asked
 * for a message): every getMessage in that process, even "@@ui_locale", then answers '' until
 * the process ends, and reloading the page does not help. The same files the browser would have
 * used stand in: the UI language's, over the default locale's for any key it lacks.
 */
export async function loadStandIn(): Promise<GetMessage> {
  const defaultLocale = browser.runtime.getManifest().default_locale ?? 'en';
  let ui = 'en';
  try {
    ui = browser.i18n.getUILanguage() || ui;
  } catch {
    // No UI language: the default locale alone.
  }
  const merged: Catalogue = {};
  // Default first, then the more specific locales over it.
  for (const locale of localeCandidates(ui, defaultLocale).reverse()) {
    try {
      const res = await fetch(extensionUrl(`/_locales/${locale}/messages.json`));
      if (res.ok) Object.assign(merged, (await res.json()) as Catalogue);
    } catch {
      // This locale has no file: the next one.
    }
  }
  return messageFrom(merged);
}
