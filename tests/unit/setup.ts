// Every unit test gets a fresh in-memory IndexedDB and WXT's fake browser, which speaks English
// from locales/en.yml (the fake browser has no message catalogue of its own).
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { catalog, getMessageFrom } from './catalog';

const i18n = { getMessage: getMessageFrom(catalog('en'), 'en'), getUILanguage: () => 'en-US' };
// @wxt-dev/i18n reads the global `chrome`/`browser`; components read WXT's browser.
Object.assign(globalThis, { chrome: { ...(globalThis as { chrome?: object }).chrome, i18n } });

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { i18n });
});
