// The page scan (core/page-scan.ts): a randomized cross-check against a brute-force reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeCompany } from '@/core/normalize';
import type { PatternKind } from '@/core/page-scan';
import { scannerFromPatterns, type PagePattern } from '../page-scanner';

const WORDS = [
  'acme',
  'Acme',
  'ACME',
  'dental',
  'Dental',
  'group',
  'müller',
  'Muller',
  'café',
  'cafe',
  'bay',
  'law',
  'a',
  'b',
  's',
  'o',
  'brien',
  'obrien',
  'and',
  'com',
  'acmeton',
  'dana',
  'x1',
];
const TEXT_WORDS = [...WORDS, 'acme2', 'acmedental', 'baylaw', 'OBrien'];
const GAPS = [' ', '  ', ', ', '\n', '.', '-', '@', "'", '’', '/', ' - ', '.\n', '_', ' & ', '&'];
const JOINERS = new Set(['.', '@', '-', '_', '+', "'"]);
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Every (start, end, kind, accounts) the scan should report, by trying every word span and every reading of its joiners. */
function reference(patterns: PagePattern[], text: string): string[] {
  const keys = new Map<string, Map<string, number>>(); // key -> account -> strongest kind
  const KINDS: PatternKind[] = ['name', 'alias', 'domain', 'email'];
  for (const p of patterns) {
    let key: string | undefined;
    if (p.kind === 'name' || p.kind === 'alias') {
      key = normalizeCompany(p.text);
      if (key.replace(/ /g, '').length < 3 || !/[a-z]/.test(key)) key = undefined;
    } else key = p.text.toLowerCase();
    if (!key) continue;
    const m = keys.get(key) ?? new Map<string, number>();
    m.set(p.accountId, Math.min(m.get(p.accountId) ?? 9, KINDS.indexOf(p.kind)));
    keys.set(key, m);
  }
  // "&" reads as the word "and", always with separators around it.
  const words = [...text.matchAll(/[\p{L}\p{N}]+|&/gu)].map((m) => ({
    w: m[0] === '&' ? 'and' : fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out = new Set<string>();
  for (let a = 0; a < words.length; a++) {
    let variants = [words[a]!.w];
    for (let b = a; b < words.length && b < a + 8; b++) {
      if (b > a) {
        const gap = text.slice(words[b - 1]!.end, words[b]!.start).replace('’', "'");
        const amp = text[words[b - 1]!.start] === '&' || text[words[b]!.start] === '&';
        const initials = gap === '.' && words[b - 1]!.w.length === 1 && words[b]!.w.length === 1;
        const ways =
          JOINERS.has(gap) && !amp ? (gap === "'" ? ["'", ''] : initials ? ['.', ' ', ''] : [gap, ' ']) : [' '];
        variants = variants.flatMap((v) => ways.map((w) => v + w + words[b]!.w));
      }
      for (const v of new Set(variants)) {
        const accounts = keys.get(v);
        if (!accounts) continue;
        for (let k = 0; k < KINDS.length; k++) {
          const ids = [...accounts]
            .filter(([, kind]) => kind === k)
            .map(([id]) => id)
            .sort();
          if (ids.length) out.add(`${words[a]!.start}-${words[b]!.end} ${KINDS[k]} ${ids.join('+')}`);
        }
      }
    }
  }
  return [...out].sort();
}

describe('page scan: randomized cross-check', () => {
  const word = fc.constantFrom(...WORDS);
  // Names joined by what names contain; not "x.y" with single letters, where normalizeCompany's
  // initials rule ("A.B." but not "A.B") is subtler than the scan's (documented in page-scan-fold.ts).
  const name = fc
    .array(fc.tuple(word, fc.constantFrom(' ', ' ', "'", '-', '.', ' & ', ', ')), { minLength: 1, maxLength: 3 })
    .map((parts) =>
      parts
        .map(([w, j]) => w + j)
        .join('')
        .replace(/[^\p{L}\p{N}]+$/u, ''),
    )
    .filter((t) => !/(^|[^a-z0-9])[a-z0-9]\.[a-z0-9]([^a-z0-9]|$)/.test(fold(t)));
  const domain = fc
    .tuple(word, fc.constantFrom('', '.', '-'), word, fc.constantFrom('com', 'co.uk', 'law'))
    .map(([a, j, b, t]) => fold(`${a}${j}${b}.${t}`));
  const pattern = fc.oneof(
    fc.record({
      text: name,
      accountId: fc.constantFrom('a1', 'a2', 'a3'),
      kind: fc.constantFrom<PatternKind>('name', 'alias'),
    }),
    fc.record({ text: domain, accountId: fc.constantFrom('a1', 'a2'), kind: fc.constant<PatternKind>('domain') }),
    fc.record({
      text: fc.tuple(word, domain).map(([u, d]) => `${fold(u)}@${d}`),
      accountId: fc.constantFrom('a1', 'a2'),
      kind: fc.constant<PatternKind>('email'),
    }),
  );
  // Pages of words, and of the patterns themselves in any case, run together with any gaps.
  const page = (patterns: PagePattern[]) =>
    fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...TEXT_WORDS),
            fc
              .tuple(fc.constantFrom(...patterns.map((p) => p.text)), fc.boolean())
              .map(([t, up]) => (up ? t.toUpperCase() : t)),
          ),
          fc.constantFrom(...GAPS),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
  const patternsAndPage = fc
    .array(pattern, { minLength: 1, maxLength: 12 })
    .chain((patterns) => fc.tuple(fc.constant(patterns), page(patterns)));

  /**
   * With few patterns most keys end in the trie's tails; decoys ("o" + "qqq" beside "obrien")
   * make every node on a key's path branch, so the node-by-node walk is checked as well.
   * The page never contains a "q", so decoys are never found.
   */
  const decoys = (patterns: PagePattern[]) =>
    patterns.flatMap((p) => {
      const key = p.kind === 'name' || p.kind === 'alias' ? normalizeCompany(p.text) : p.text.toLowerCase();
      return [...key].map((_, k) => ({
        ...p,
        accountId: 'decoy',
        text: `${key.slice(0, k + 1)}qqq${p.kind === 'email' && !key.slice(0, k + 1).includes('@') ? '@q.q' : p.kind === 'name' || p.kind === 'alias' ? '' : '.q'}`,
      }));
    });

  it('finds exactly what a brute-force scan over every word span finds', () => {
    fc.assert(
      fc.property(patternsAndPage, fc.boolean(), ([given, text], branchy) => {
        const patterns = branchy ? [...given, ...decoys(given)] : given;
        const hits = scannerFromPatterns(patterns).scan(text).hits;
        const got = hits.map((h) => `${h.start}-${h.end} ${h.kind} ${[...h.accountIds].sort().join('+')}`).sort();
        expect(got).toEqual(reference(patterns, text));
        // Ordered by start, then end.
        for (let i = 1; i < hits.length; i++)
          expect(
            hits[i]!.start > hits[i - 1]!.start ||
              (hits[i]!.start === hits[i - 1]!.start && hits[i]!.end >= hits[i - 1]!.end),
          ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
