// The options form builds itself from each registered source's description: its words must exist.
import { describe, expect, it } from 'vitest';
import { LIVE_SOURCES } from '@/sources/live-sources';
import { catalog } from './catalog';

describe('the registered live sources', () => {
  it.each(['en', 'de'])('have their description and every field named in %s', (lang) => {
    const messages = catalog(lang);
    const missing = LIVE_SOURCES.flatMap((s) => [
      `sources_about_${s.kind}`,
      ...s.fields.filter((f) => !f.fromSignIn).map((f) => `sources_field_${f.key}`),
    ]).filter((key) => !messages[key]?.message.trim());
    expect(missing).toEqual([]);
  });

  it('have distinct kinds', () => {
    const kinds = LIVE_SOURCES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(expect.arrayContaining(['pipedrive', 'salesforce']));
  });
});
