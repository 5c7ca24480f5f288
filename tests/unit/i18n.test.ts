import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { explainMatch } from '@/i18n/i18n';
import { describeStats } from '@/entrypoints/options/site-text';

const en = catalog('en');
const de = catalog('de');
const placeholders = (m: string) => [...new Set(m.match(/\$[1-9]/g) ?? [])].sort();

describe('message catalogues', () => {
  it('German has every English message and no extra one', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en).map((k) => [k] as const))(
    '%s: same substitutions and plural forms in every language',
    (key) => {
      expect(placeholders(de[key]!.message), 'placeholders').toEqual(placeholders(en[key]!.message));
      expect(de[key]!.message.split(' | ').length, 'plural forms').toBe(en[key]!.message.split(' | ').length);
      expect(de[key]!.message.trim()).not.toBe('');
    },
  );

  it('every key the code asks for exists', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(f)) files.push(p);
      }
    };
    ['components', 'entrypoints', 'core', 'storage', 'adapters', 'sources'].forEach(walk);
    const keys = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => !(k.replaceAll('.', '_') in en));
    expect(missing).toEqual([]);
  });
});

describe('worded in the user language', () => {
  it('explains a match', () => {
    expect(explainMatch({ kind: 'matched', parts: [{ what: 'contactEmail', value: 'dana@acmedental.com' }] })).toBe(
      'matched by contact email dana@acmedental.com',
    );
    expect(
      explainMatch({
        kind: 'matched',
        parts: [{ what: 'domain', value: 'acme.com' }],
        conflict: { part: { what: 'name', value: 'Acme Ortho' }, names: ['Acme Orthodontics'] },
      }),
    ).toBe("matched by email domain acme.com, but the ticket's company name “Acme Ortho” points to Acme Orthodontics");
    expect(explainMatch({ kind: 'none', parts: [] })).toBe('the ticket shows no company or email to match');
    expect(explainMatch({ kind: 'ambiguous', count: 2, parts: [{ what: 'alias', value: 'ADG' }] })).toBe(
      '2 accounts match alias “ADG”',
    );
  });

  it('counts with plural forms', () => {
    expect(describeStats({ day: 'd', recognised: 1, missing: { company: 3 } }, 'd')).toBe(
      'ticket recognised once today; company not found 3 times',
    );
  });
});
