// The page scan (core/page-scan.ts) on hostile input: odd text, odd patterns, its limits.
import { describe, expect, it } from 'vitest';
import { PageScanBuilder } from '@/core/page-scan';
import { scannerFromPatterns } from '../page-scanner';
import { addressKey } from '@/core/page-scan-keys';
import { found, P } from './page-scan-hits';

describe('page scan: hostile input', () => {
  const s = scannerFromPatterns([P('Acme', 'a1'), P('a a a a a a a a', 'a2'), P('acme.com', 'a1', 'domain')]);

  it('scans nothing from empty or non-text input', () => {
    for (const text of ['', undefined, null, 42, {}, ['acme']])
      expect(s.scan(text)).toEqual({ hits: [], truncated: false });
  });

  it('survives a single 100 KB word, lone surrogates and control characters', () => {
    expect(s.scan('a'.repeat(100_000)).hits).toEqual([]);
    expect(s.scan('\ud800acme\udfff \u0000acme\u0007').hits.map((h) => h.kind)).toEqual(['name', 'name']);
    expect(s.scan('.'.repeat(50_000) + '@'.repeat(50_000)).hits).toEqual([]);
  });

  it("walks the trie only from words that start some pattern, or that an apostrophe or an initial's dot may join on", () => {
    const scanner = scannerFromPatterns([
      P('Acme Dental', 'a1'),
      P("O'Brien Law", 'a2'),
      P('A.B. Plumbing', 'a3'),
      P('acme.com', 'a1', 'domain'),
    ]);
    // Ordinary words ("acmeton", "dent", "brien" start no key): not one trie step, so a one-step limit is never reached.
    const ordinary = 'the acmeton dent brien plumbing '.repeat(200);
    expect(scanner.scan(ordinary, { maxSteps: 1 })).toEqual({ hits: [], truncated: false });
    // "o" and "a" start no key either, but an apostrophe or an initial's dot after them may vanish.
    expect(scanner.scan("O'Brien law", { maxSteps: 1 }).truncated).toBe(true);
    expect(
      found(
        scanner.scan("ask O'Brien Law, A.B. Plumbing or acme dental at mail.acme.com").hits,
        "ask O'Brien Law, A.B. Plumbing or acme dental at mail.acme.com",
      ),
    ).toEqual(["name:a2:O'Brien Law", 'name:a3:A.B. Plumbing', 'name:a1:acme dental', 'domain:a1:acme.com']);
  });

  it('gives every hit of one pattern the same frozen list of accounts', () => {
    const scanner = scannerFromPatterns([
      P('Acme Dental', 'a1'),
      P('Acme Dental', 'a2'),
      P('acme.com', 'a1', 'domain'),
    ]);
    const hits = scanner.scan('Acme Dental wrote; acme dental again, from acme.com').hits;
    expect(hits.map((h) => h.accountIds)).toEqual([['a1', 'a2'], ['a1', 'a2'], ['a1']]);
    expect(hits[0]!.accountIds).toBe(hits[1]!.accountIds);
    expect(Object.isFrozen(hits[0]!.accountIds)).toBe(true);
    // A later scan hands out the same list, unchanged.
    expect(scanner.scan('acme dental').hits[0]!.accountIds).toBe(hits[0]!.accountIds);
  });

  it('stops at its limits and says so', () => {
    const many = 'acme '.repeat(20_000);
    const capped = s.scan(many, { maxHits: 100 });
    expect(capped.hits).toHaveLength(100);
    expect(capped.truncated).toBe(true);
    const short = s.scan(many, { maxChars: 50 });
    expect(short.hits).toHaveLength(10);
    expect(short.truncated).toBe(true);
    const stepped = s.scan('a '.repeat(50_000), { maxSteps: 1000 });
    expect(stepped.truncated).toBe(true);
    expect(s.scan(many).truncated).toBe(true); // 20,000 hits: over the default 5,000
    expect(s.scan('acme '.repeat(100))).toMatchObject({ truncated: false, hits: { length: 100 } });
  });

  it('drops patterns that fold to nothing usable and never throws on odd ones', () => {
    const b = new PageScanBuilder();
    expect(['!!!', 'AB', '1042', '  ', 'Co.'].map((t) => b.add(t, 'a1', 'name'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(b.add(undefined, 'a1', 'name')).toBe(false);
    expect(b.add('Acme', 42, 'name')).toBe(false);
    expect(b.add('not a domain', 'a1', 'domain')).toBe(false);
    expect(b.add('nobody', 'a1', 'email')).toBe(false);
    expect(b.add('x'.repeat(5000), 'a1', 'name')).toBe(false);
    expect(b.add('Acme', 'a1', 'name')).toBe(true);
    expect(b.size).toBe(1);
    expect(addressKey('Dana@AcmeDental.COM', 'email')).toBe('dana@acmedental.com');
  });
});
