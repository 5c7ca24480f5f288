/**
 * What is wrong with the organisation's policy (core/policy.ts) is a code, with where it is, worded
 * by the options page in the user's language (i18n/policy-text.ts, locales policyText.*). A
 * problem stored before problems had codes still shows, as its English message.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPolicy, type PolicyRead } from '@/core/policy';
import { POLICY_CODES, type PolicyProblem } from '@/core/policy-problems';
import { policyRecipeSchema } from '@/core/recipe-schema';
import { applyPolicy, policyContext } from '@/services/policy';
import { openDb } from '@/storage/db';
import { policyAppliedItem } from '@/storage/policy-store';
import { policyProblemText } from '@/i18n/policy-text';
import { PolicyBanner } from '@/entrypoints/options/policy-ui';
import { useLanguage } from './catalog';

afterEach(() => {
  useLanguage('en');
  vi.restoreAllMocks();
});

const read = (raw: unknown) => readPolicy(raw, policyContext);

/** Malformed policies, one field each, that between them give nearly every code. */
const BAD: Record<string, unknown>[] = [
  { colour: 'blue' },
  { helpdeskSites: 'x' },
  { helpdeskSites: [42] },
  { helpdeskSites: [{ address: 'https://a.example', port: 1 }] },
  { helpdeskSites: [{ address: 7 }] },
  { helpdeskSites: [{ address: 'https://ok.example' }, { address: 'ftp://bad.example' }] },
  { helpdeskSites: [{ address: 'https://a.example', product: 'zendesk9' }] },
  { helpdeskSites: [{ address: 'https://a.example' }, { address: 'a.example/x' }] },
  { dataSources: {} },
  { dataSources: ['x'] },
  { dataSources: [{ id: 'a b', kind: 'feed' }] },
  {
    dataSources: [
      { id: 'a', kind: 'feed', settings: { feedUrl: 'https://f.example/a.json' } },
      { id: 'a', kind: 'feed', settings: { feedUrl: 'https://f.example/b.json' } },
    ],
  },
  { dataSources: [{ id: 'a', kind: 'feed', settings: 'x' }] },
  { dataSources: [{ id: 'a', kind: 'feed', settings: { feedUrl: 5 } }] },
  { dataSources: [{ id: 'crm', kind: 'dynamics' }] },
  { dataSources: [{ id: 'cw', kind: 'connectwise', settings: { secret: 'hunter2' } }] },
  { dataSources: [{ id: 'cw', kind: 'connectwise', settings: { companyId: 'msp' } }] },
  { dataSources: [{ id: 'feed', kind: 'feed', settings: { feedUrl: 'http://files.example/feed.json' } }] },
  { syncIntervalMinutes: 2 },
  { display: 'dark' },
  { display: { theme: 'pink' } },
  { display: { hideDealValues: 'yes' } },
  { display: { show: [] } },
  { display: { show: { deals: true } } },
  { display: { show: { notes: 1 } } },
  { display: { font: 'big' } },
  { ticketCounting: 'yes' },
  { salesContact: '' },
  { technician: 'Sam' },
  { technician: { name: '', email: 'sam@msp.example' } },
  { technician: { name: 'Sam', email: 'not-an-email' } },
  { readingRecipes: 'x' },
  { readingRecipes: Array.from({ length: 201 }, () => ({})) },
  { readingRecipes: [42] },
  { readingRecipes: [{ company: '#org' }] },
  { readingRecipes: [{ address: 'https://d.example', company: '' }] },
  { readingRecipes: [{ address: 'https://d.example', company: 'x'.repeat(301) }] },
  { readingRecipes: [{ address: 'https://d.example', company: '.a\u0000' }] },
  { readingRecipes: [{ address: 'https://d.example', ticketId: '.no' }] },
  { readingRecipes: [{ address: 'https://d.example', company: '.a', savedAt: 'x' }] },
  { readingRecipes: [{ address: 'ftp://d.example', company: '.a' }] },
  {
    readingRecipes: [
      { address: 'https://d.example', company: '.a' },
      { address: 'https://d.example/x', company: '.b' },
    ],
  },
];
const problems = (): PolicyProblem[] => BAD.flatMap((raw) => read(raw).problems);

function banner(read: PolicyRead): string {
  const root = document.createElement('div');
  render(<PolicyBanner read={read} />, root);
  const text = root.querySelector('[data-testid="policy-problems"]')?.textContent ?? '';
  render(null, root);
  return text;
}

describe("the organisation's policy problems, worded by the options page", () => {
  it('shows them in German', () => {
    useLanguage('de');
    const text = banner(
      read({
        helpdeskSites: [{ address: 'https://ok.msp.example' }, { address: 'ftp://bad.example' }],
        dataSources: [{ id: 'crm', kind: 'dynamics', settings: {} }],
        syncIntervalMinutes: 2,
        display: { theme: 'pink' },
        technician: { name: 'Sam', email: 'not-an-email' },
        readingRecipes: [{ address: 'https://d.example', ticketId: '.no' }],
        colour: 'blue',
      }),
    );
    expect(text).toContain('Aus der Richtlinie Ihrer Organisation ausgelassen');
    expect(text).toContain('"colour": ist keine Einstellung von Backstory');
    expect(text).toContain('helpdeskSites: "address" von Site 2 ist keine Helpdesk-Adresse (scheme)');
    expect(text).toContain('dataSources: Datenquelle 1 ("crm"): die Art "dynamics" ist unbekannt');
    expect(text).toContain('syncIntervalMinutes: muss eine ganze Zahl von Minuten zwischen 5 und 1440 sein');
    expect(text).toContain('display: "theme" muss "auto", "light" oder "dark" sein');
    expect(text).toContain('technician: "email" ist keine E-Mail-Adresse');
    expect(text).toContain('readingRecipes: Rezept 1 nennt weder "company" noch "contactEmail"');
    for (const english of ['is not', 'must be', 'data source', 'recipe 1', 'names neither'])
      expect(text).not.toContain(english);
  });

  it('shows them in English as the policy reader words them', () => {
    const all = problems();
    expect(all.filter((p) => !p.code)).toEqual([]);
    const codes = new Set(all.map((p) => p.code));
    // Every code but those the policy's recipe schema cannot give today (zod fallbacks) is met.
    expect(POLICY_CODES.filter((c) => !codes.has(c))).toEqual(['mustBeType', 'badFormat', 'invalid']);
    for (const p of all) expect(policyProblemText(p), p.code).toBe(p.message);
    expect(banner(read({ syncIntervalMinutes: 2 }))).toContain(
      'syncIntervalMinutes: must be a whole number of minutes from 5 to 1440',
    );
    expect(JSON.stringify(all)).not.toContain('hunter2');
    // Where it is, also when the words do not say it.
    expect(all.find((p) => p.code === 'siteTwice')).toMatchObject({ entry: { list: 'site', n: 2 } });
    expect(all.find((p) => p.code === 'idTwice')).toMatchObject({ entry: { list: 'source', n: 2 } });
    expect(all.find((p) => p.code === 'settingNotText')).toMatchObject({ entry: { list: 'source', n: 1 } });
  });

  it("words a data source's own error from its code", () => {
    const [p] = read(BAD.find((raw) => JSON.stringify(raw).includes('http://files'))).problems;
    expect(p).toMatchObject({ code: 'sourceError', error: { code: 'feedNotHttps' } });
    expect(policyProblemText(p!)).toBe(
      'data source 1 ("feed"): “http://files.example/feed.json” is not an https address: a feed holds sales data and travels encrypted',
    );
    useLanguage('de');
    expect(policyProblemText(p!)).toBe(
      'Datenquelle 1 ("feed"): „http://files.example/feed.json“ ist keine https-Adresse: Ein Feed enthält Vertriebsdaten und wird verschlüsselt übertragen',
    );
  });

  it('still shows a problem stored before problems had codes, or with a code it does not know', () => {
    const old: PolicyProblem = { field: 'syncIntervalMinutes', message: 'must be a whole number of minutes' };
    const newer = { field: 'display', code: 'fromTheFuture', message: 'is from a later version' } as never;
    useLanguage('de');
    expect(policyProblemText(old)).toBe(old.message);
    expect(policyProblemText(newer)).toBe('is from a later version');
    const text = banner({ policy: {}, problems: [old, newer] });
    expect(text).toContain('syncIntervalMinutes: must be a whole number of minutes');
    expect(text).toContain('display: is from a later version');
  });

  it('are stored with their codes when applied, and worded from the stored copy', async () => {
    const db = openDb(`policy-text-${Math.random()}`);
    await db.open();
    try {
      await applyPolicy(db, read({ display: { theme: 'pink' } }), new Date('2026-12-06T10:00:00Z'));
      const stored = (await policyAppliedItem.getValue())!.problems;
      expect(stored).toEqual([
        { field: 'display', code: 'badTheme', key: 'theme', message: '"theme" must be "auto", "light" or "dark"' },
      ]);
      useLanguage('de');
      expect(policyProblemText(stored[0]!)).toBe('"theme" muss "auto", "light" oder "dark" sein');
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('maps schema issues without a code of their own to a coded "not valid", named', () => {
    const fake = (issue: object) =>
      vi.spyOn(policyRecipeSchema, 'safeParse').mockReturnValue({
        success: false,
        error: { issues: [{ message: 'zod words', ...issue }] },
      } as never);
    fake({ code: 'custom', path: ['company'] });
    const [p] = read({ readingRecipes: [{}] }).problems;
    expect(p).toMatchObject({ code: 'invalid', entry: { list: 'recipe', n: 1 }, key: 'company' });
    expect(policyProblemText(p!)).toBe(`recipe 1's "company" is not valid`);
    fake({ code: 'invalid_union', path: [] });
    expect(read({ readingRecipes: [{}] }).problems[0]).toMatchObject({
      code: 'invalid',
      message: 'recipe 1 is not valid',
    });
    fake({ code: 'invalid_format', format: 'regex', path: ['ticketId'] });
    const [f] = read({ readingRecipes: [{}] }).problems;
    expect(f).toMatchObject({ code: 'badFormat', args: ['regex'] });
    useLanguage('de');
    expect(policyProblemText(f!)).toBe('"ticketId" von Rezept 1 hat nicht die erwartete Form (regex)');
    expect(JSON.stringify(read({ readingRecipes: [{}] }).problems)).not.toContain('zod words');
  });

  it('every code is worded in English and German, differently, with where it is and its arguments', () => {
    for (const code of POLICY_CODES) {
      const p: PolicyProblem = {
        field: 'dataSources',
        code,
        args: ['ARG2', 'ARG3'],
        entry: { list: 'source', n: 4 },
        key: 'KEY',
        message: 'not shown',
        ...(code === 'sourceError' ? { error: { code: 'sourceNotHttps', args: ['http://x.example'] } } : {}),
      };
      const english = policyProblemText(p);
      useLanguage('de');
      const german = policyProblemText(p);
      useLanguage('en');
      expect(english, code).not.toMatch(/\$\d|policyText|not shown/);
      expect(german, code).not.toMatch(/\$\d|policyText|not shown/);
      expect(german, code).not.toBe(english);
      if (english.includes('data source 4')) expect(german, code).toContain('Datenquelle 4');
      for (const arg of ['ARG2', 'ARG3', '"KEY"']) if (english.includes(arg)) expect(german, code).toContain(arg);
    }
  });
});
