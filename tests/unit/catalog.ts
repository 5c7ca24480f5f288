import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFrom } from '../../i18n/catalogue';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/** A locale's messages as the browser sees them (_locales/<lang>/messages.json), from locales/<lang>.yml. */
export function catalog(lang: string): Record<string, { message: string }> {
  return generateChromeMessages(parseMessagesText(readFileSync(`locales/${lang}.yml`, 'utf8'), 'YAML'));
}

/**
 * browser.i18n.getMessage over a catalogue (the product's own stand-in for it), with the
 * predefined "@@ui_locale" the browser adds to every catalogue.
 */
export function getMessageFrom(messages: Record<string, { message: string }>, locale: string) {
  return messageFrom({ ...messages, '@@ui_locale': { message: locale } });
}

/**
 * Makes `lang` the language the fake browser speaks for what follows: WXT's browser.i18n and the
 * global chrome.i18n (which @wxt-dev/i18n reads) answer from that locale's catalogue.
 */
export function useLanguage(lang: string): void {
  const i18n = { getMessage: getMessageFrom(catalog(lang), lang), getUILanguage: () => lang };
  Object.assign(fakeBrowser, { i18n });
  (globalThis as unknown as { chrome: { i18n: typeof i18n } }).chrome.i18n = i18n;
}
