import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeCandidates, messageFrom, pluralForm } from '@/i18n/catalogue';
import { i18nReady, t } from '@/i18n/i18n';
import { catalog } from './catalog';

describe('messageFrom (getMessage over a message file)', () => {
  const get = messageFrom({ two: { message: '$2 before $1' }, cost: { message: 'costs $$1, not $1' } });

  it('puts substitutions in their places, and $$ is a dollar sign', () => {
    expect(get('two', ['a', 'b'])).toBe('b before a');
    expect(get('two', 'a')).toBe(' before a');
    expect(get('cost', ['5'])).toBe('costs $1, not 5');
  });

  it('answers an empty string for an unknown message, as the browser does', () => {
    expect(get('nope')).toBe('');
  });
});

describe('pluralForm', () => {
  it('picks one or many, or none, one or many, by the count', () => {
    expect([0, 1, 2].map((n) => pluralForm('one | many', n))).toEqual(['many', 'one', 'many']);
    expect([0, 1, 2, 5].map((n) => pluralForm('none | one | many', n))).toEqual(['none', 'one', 'many', 'many']);
    expect(pluralForm('just this', 4)).toBe('just this');
  });
});

describe('localeCandidates', () => {
  it('tries the region, then the language, then the default locale', () => {
    expect(localeCandidates('de-AT', 'en')).toEqual(['de_AT', 'de', 'en']);
    expect(localeCandidates('en-US', 'en')).toEqual(['en_US', 'en']);
    expect(localeCandidates('en', 'en')).toEqual(['en']);
  });
});

describe('i18nReady', () => {
  /** Serves the extension's _locales files from locales/*.yml; `de` can be cut down. */
  function serveLocales(files: Record<string, object>) {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      const locale = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1];
      fetched.push(locale ?? url);
      const body = locale ? files[locale] : undefined;
      if (!body) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(body));
    });
    return fetched;
  }

  afterEach(async () => {
    vi.unstubAllGlobals();
    // Back to a browser that answers: the stand-in is dropped.
    await i18nReady();
  });

  it('leaves a browser that answers alone, without reading any file', async () => {
    const fetched = serveLocales({ en: catalog('en') });
    await i18nReady();
    expect(t('sidebar.hide')).toBe('Hide Backstory sidebar');
    expect(fetched).toEqual([]);
  });

  it('reads the UI language’s messages when the browser answers none, the default locale filling gaps', async () => {
    const de = catalog('de');
    const { sidebar_hide: _dropped, ...cutDown } = de;
    const fetched = serveLocales({ en: catalog('en'), de: cutDown });
    const i18n = fakeBrowser.i18n as unknown as { getMessage: () => string; getUILanguage: () => string };
    vi.spyOn(i18n, 'getMessage').mockReturnValue('');
    vi.spyOn(i18n, 'getUILanguage').mockReturnValue('de-DE');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      default_locale: 'en',
    });

    expect(t('sidebar.show')).toBe('');
    await i18nReady();
    expect(fetched).toEqual(['en', 'de', 'de_DE']);
    expect(t('sidebar.show')).toBe(de.sidebar_show!.message);
    expect(t('common.pinName', ['Acme'])).toBe(de.common_pinName!.message.replace('$1', 'Acme'));
    expect(t('sites.recognised', 1)).toBe(de.sites_recognised!.message.split(' | ')[0]);
    expect(t('sites.missing', 3, ['3', 'Firma'])).toBe(
      de.sites_missing!.message.split(' | ')[1]!.replace('$1', '3').replace('$2', 'Firma'),
    );
    // A key the German file lacks comes from English, as the browser would do.
    expect(t('sidebar.hide')).toBe('Hide Backstory sidebar');
  });

  it('is dropped again once the browser answers', async () => {
    serveLocales({ en: catalog('en') });
    const i18n = fakeBrowser.i18n as unknown as { getMessage: () => string };
    const spy = vi.spyOn(i18n, 'getMessage').mockReturnValue('');
    await i18nReady();
    expect(t('sidebar.hide')).toBe('Hide Backstory sidebar');
    spy.mockRestore();
    await i18nReady();
    expect(t('common.pinName', ['Acme'])).toBe('Pin Acme');
  });
});
