// The options form builds itself from each registered source's description: its words must exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE_SOURCES } from '@/sources/live-sources';
import * as registered from '@/sources/live-source-registry';
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

  it('are one line each in the registry, exported under their kind (README: adding a CRM or PSA)', () => {
    const lines = readFileSync('sources/live-source-registry.ts', 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !/^\s*(\/\*\*|\*|\/\/)/.test(l));
    const line = /^export \{ (\w+) as (\w+) \} from '\.\/[\w-]+';$/;
    expect(lines.filter((l) => !line.test(l))).toEqual([]);
    expect(lines).toHaveLength(LIVE_SOURCES.length);
    for (const [name, source] of Object.entries(registered)) expect(source.kind, name).toBe(name);
    expect(new Set(LIVE_SOURCES)).toEqual(new Set(Object.values(registered)));
  });

  it('are listed by product name, whatever order the registry has', () => {
    const names = LIVE_SOURCES.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
