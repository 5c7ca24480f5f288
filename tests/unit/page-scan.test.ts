import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeCompany } from '@/core/normalize';
import { PageScanBuilder, type PageHit, type PatternKind } from '@/core/page-scan';
import { scannerFromRecords } from '@/core/page-scan-make';
import { scannerFromPatterns, type PagePattern } from '../page-scanner';
import { addressKey, nameKey } from '@/core/page-scan-keys';

const P = (text: string, accountId: string, kind: PatternKind = 'name'): PagePattern => ({ text, accountId, kind });
/** Hits as "kind:accounts:what the page says", easy to read in a failure. */
const found = (hits: PageHit[], text: string) =>
  hits.map((h) => `${h.kind}:${h.accountIds.join('+')}:${text.slice(h.start, h.end)}`);
const scanOf = (patterns: PagePattern[], text: string) => found(scannerFromPatterns(patterns).scan(text).hits, text);

describe('page scan: what it finds', () => {
  it('finds overlapping names at the same place, shortest first', () => {
    const text = 'Ticket from Acme Dental Group about the printer.';
    expect(scanOf([P('Acme', 'a1'), P('Acme Dental Group', 'a2'), P('Dental Group', 'a3')], text)).toEqual([
      'name:a1:Acme',
      'name:a2:Acme Dental Group',
      'name:a3:Dental Group',
    ]);
  });

  it('matches whole words only', () => {
    // Alone, "acme" ends in a tail; beside "Acmeq" it is a node of its own: both walks are checked.
    for (const patterns of [[P('Acme', 'a1')], [P('Acme', 'a1'), P('Acmeqq', 'a2')]]) {
      for (const text of ['Acmeton Ltd', 'preacme', 'acme2 server', 'ACMEDental'])
        expect(scanOf(patterns, text)).toEqual([]);
      expect(scanOf(patterns, "(Acme) and Acme's printer, acme-dental.com")).toEqual([
        'name:a1:Acme',
        'name:a1:Acme',
        'name:a1:acme',
      ]);
    }
  });

  it('orders hits found by different readings of a joiner by where they end, then by kind', () => {
    const text = 'see bay.law.com today';
    expect(scanOf([P('Bay Law', 'a1'), P('bay.law.com', 'a2', 'domain'), P('Bay Law Com', 'a3')], text)).toEqual([
      'name:a1:bay.law',
      'name:a3:bay.law.com',
      'domain:a2:bay.law.com',
    ]);
  });

  it('ignores case and accents both ways, and ends after a trailing combining accent', () => {
    expect(scanOf([P('Müller Dental', 'a1')], 'MULLER  dental')).toEqual(['name:a1:MULLER  dental']);
    expect(scanOf([P('Muller Dental', 'a1')], 'müller DENTAL')).toEqual(['name:a1:müller DENTAL']);
    expect(scanOf([P('Strasse Bau', 'a1'), P('Orsted', 'a2')], 'Straße Bau; ØRSTED')).toEqual([
      'name:a1:Straße Bau',
      'name:a2:ØRSTED',
    ]);
    expect(scanOf([P('Cafe', 'a1')], 'Cafe\u0301 au lait')).toEqual(['name:a1:Cafe\u0301']);
  });

  it('reads any run of spaces and punctuation in a name as one separator', () => {
    const patterns = [P('Acme Dental Group', 'a1')];
    expect(scanOf(patterns, 'Acme  Dental,\n\tGroup')).toEqual(['name:a1:Acme  Dental,\n\tGroup']);
    expect(scanOf(patterns, 'acme-dental/group')).toEqual(['name:a1:acme-dental/group']);
    expect(scanOf(patterns, 'Acme DentalGroup')).toEqual([]);
  });

  it('keys names as normalizeCompany does: legal suffixes, "the", "&", apostrophes, initials', () => {
    expect(scanOf([P('Acme Dental, L.L.C.', 'a1')], 'Acme Dental called')).toEqual(['name:a1:Acme Dental']);
    expect(scanOf([P('The Riverside Clinic Pty Ltd', 'a1')], 'riverside clinic')).toEqual(['name:a1:riverside clinic']);
    expect(scanOf([P('Baker & Price LLP', 'a1')], 'Baker and Price, also Baker&Price')).toEqual([
      'name:a1:Baker and Price',
      'name:a1:Baker&Price',
    ]);
    expect(scanOf([P("O'Brien Accounting", 'a1')], 'OBrien accounting and O’Brien Accounting')).toEqual([
      'name:a1:OBrien accounting',
      'name:a1:O’Brien Accounting',
    ]);
    expect(scanOf([P('A.B.C. Plumbing', 'a1')], 'abc plumbing; A.B.C. Plumbing')).toEqual([
      'name:a1:abc plumbing',
      'name:a1:A.B.C. Plumbing',
    ]);
    for (const name of [
      'Acme Dental, LLC',
      'Baker & Price LLP',
      "O'Brien Accounting B.V.",
      'The Riverside Clinic',
      'Müller & Söhne GmbH',
    ]) {
      expect(nameKey(name)).toBe(normalizeCompany(name));
    }
  });

  it('finds domains and emails inside text, with their dots, and the domain inside the email', () => {
    const patterns = [
      P('acmedental.com', 'a1', 'domain'),
      P('Dana.Whitfield@AcmeDental.com', 'a1', 'email'),
      P('https://www.bay-law.co.uk/about', 'a2', 'domain'),
    ];
    const text = 'From: <dana.whitfield@acmedental.com>; see https://mail.ACMEDENTAL.com/x and www.bay-law.co.uk.';
    expect(scanOf(patterns, text)).toEqual([
      'email:a1:dana.whitfield@acmedental.com',
      'domain:a1:acmedental.com',
      'domain:a1:ACMEDENTAL.com',
      'domain:a2:bay-law.co.uk',
    ]);
    for (const text of ['acmedental com', 'acmedental.community', 'acmedental..com', 'bay law.co.uk'])
      expect(scanOf(patterns, text)).toEqual([]);
  });

  it('gives the accounts sharing a key one hit, and an account its strongest kind', () => {
    const s = scannerFromPatterns([
      P('Acme', 'a1'),
      P('ACME', 'a2'),
      P('Acme', 'a3', 'alias'),
      P('acme, inc.', 'a1', 'alias'),
    ]);
    expect(s.scan('acme').hits.map(({ accountIds, kind }) => ({ accountIds, kind }))).toEqual([
      { accountIds: ['a1', 'a2'], kind: 'name' },
      { accountIds: ['a3'], kind: 'alias' },
    ]);
    expect(s.scan('acme').hits[0]!.pattern).toBe('Acme');
  });

  it('builds from records: names, aliases, domains, contact emails; not free-mail domains or names too short', () => {
    const s = scannerFromRecords(
      [
        {
          id: 'a1',
          source: 's',
          sourceId: '1',
          name: 'Harbor Dental',
          aliases: ['HD', 'Harbor'],
          domains: ['harbordental.com', 'gmail.com'],
          externalIds: {},
        },
      ],
      [{ id: 'c1', source: 's', sourceId: 'c1', accountId: 'a1', name: 'Dana', email: 'dana@harbordental.com' }],
    );
    const text = 'HD at Harbor Dental (dana@harbordental.com, also bob@gmail.com)';
    expect(found(s.scan(text).hits, text)).toEqual([
      'alias:a1:Harbor',
      'name:a1:Harbor Dental',
      'email:a1:dana@harbordental.com',
      'domain:a1:harbordental.com',
    ]);
  });

  it('maps positions back to the original text through expansions and skipped characters', () => {
    const patterns = [P('Strasse Bau', 'a1'), P('Smith and Jones', 'a2')];
    const text = 'x\u00ad y ß Straße\u200b Bau — Smith & Jones!';
    const hits = scannerFromPatterns(patterns).scan(text).hits;
    expect(found(hits, text)).toEqual(['name:a1:Straße\u200b Bau', 'name:a2:Smith & Jones']);
    for (const h of hits) expect(nameKey(text.slice(h.start, h.end))).toBe(nameKey(h.pattern));
  });
});

describe('page scan: trie shapes', () => {
  it('finds names, tails and addresses that end the text', () => {
    const patterns = [
      P('Acme Dental', 'a1'),
      P('Acme', 'a2'),
      P('acme.com', 'a1', 'domain'),
      P('dana@acme.com', 'a1', 'email'),
    ];
    expect(scanOf(patterns, 'to Acme Dental')).toEqual(['name:a2:Acme', 'name:a1:Acme Dental']);
    expect(scanOf(patterns, 'Acme')).toEqual(['name:a2:Acme']);
    expect(scanOf(patterns, 'write dana@acme.com')).toEqual([
      'email:a1:dana@acme.com',
      'name:a2:acme',
      'domain:a1:acme.com',
    ]);
    expect(scanOf(patterns, 'Acme Denta')).toEqual(['name:a2:Acme']);
    expect(scanOf(patterns, 'Acme Dentals')).toEqual(['name:a2:Acme']);
  });

  it('finds every child of a node with many children, ASCII or not, and nothing else', () => {
    // 26 Latin, 2 digit and 40 Cyrillic / Greek second words under "acme": a node with many children.
    const seconds = [...'abcdefghijklmnopqrstuvwxyz']
      .map((c) => `${c}${c}x`)
      .concat(['00x', '99x'])
      .concat([...'абвгдежзклмнопрстуфх'].map((c) => c.repeat(3))) // not "й", which folds to "и"
      .concat([...'αβγδεζηθικλμνξοπρστυ'].map((c) => c.repeat(3))); // not "ς", whose upper case is "Σ"
    const patterns = seconds.map((w, k) => P(`Acme ${w}`, `a${k}`));
    const s = scannerFromPatterns(patterns);
    seconds.forEach((w, k) => {
      const text = `see ACME ${w.toUpperCase()} now`;
      expect(found(s.scan(text).hits, text)).toEqual([`name:a${k}:ACME ${w.toUpperCase()}`]);
    });
    for (const text of ['acme qqy', 'acme ж', 'acme бб', 'acme 11x', 'acme aax2', 'acme-aa'])
      expect(s.scan(text).hits).toEqual([]);
  });

  it('finds the children of a node with more than 255 of them, or more than 8190', () => {
    for (const size of [300, 9000]) {
      const letters = Array.from({ length: size }, (_, k) => String.fromCharCode(0x4e00 + k));
      const s = scannerFromPatterns(letters.map((c, k) => P(`acme ${c}${c}`, `a${k}`)));
      for (const k of [0, 1, 150, 254, 255, size - 1])
        expect(s.scan(`acme ${letters[k]}${letters[k]}`).hits.map((h) => h.accountIds)).toEqual([[`a${k}`]]);
      expect(s.scan(`acme ${letters[0]}${letters[1]}`).hits).toEqual([]);
    }
  });

  it('counts one hit per kind towards maxHits, and more hits than its first buffer holds', () => {
    const s = scannerFromPatterns([P('Acme', 'a1'), P('Acme', 'a2', 'alias')]);
    const capped = s.scan('acme acme acme', { maxHits: 3 });
    expect(capped.hits.map((h) => `${h.start}:${h.kind}`)).toEqual(['0:name', '0:alias', '5:name']);
    expect(capped.truncated).toBe(true);
    const many = s.scan('acme '.repeat(3000), { maxHits: 10_000 });
    expect(many.truncated).toBe(false);
    expect(many.hits).toHaveLength(6000);
    expect(many.hits[5999]).toMatchObject({ start: 5 * 2999, end: 5 * 2999 + 4, kind: 'alias', accountIds: ['a2'] });
    // The scanner's buffers are reused: a short page after a long one finds only its own.
    expect(found(s.scan('an ACME').hits, 'an ACME')).toEqual(['name:a1:ACME', 'alias:a2:ACME']);
  });

  it('keys addresses as normalizeDomain and normalizeEmail do, plain or not', () => {
    expect(
      ['acme.com', 'www.acme.com', 'acme.com.', 'https://www.Acme.com/x', 'dana@acme.com', ' ACME.com'].map((d) =>
        addressKey(d, 'domain'),
      ),
    ).toEqual(['acme.com', 'acme.com', 'acme.com', 'acme.com', 'acme.com', 'acme.com']);
    expect(
      ['dana@acme.com', ' Dana@Acme.com ', 'dana+x@acme.com', 'a@b@acme.com'].map((e) => addressKey(e, 'email')),
    ).toEqual(['dana@acme.com', 'dana@acme.com', 'dana+x@acme.com', 'a@b@acme.com']);
    expect(addressKey('gmail.com', 'domain')).toBeUndefined();
    expect(addressKey('www.gmail.com', 'domain')).toBeUndefined();
  });

  it('treats undefined limits as the defaults', () => {
    const s = scannerFromPatterns([P('Acme', 'a1')]);
    expect(s.scan('acme', { maxChars: undefined, maxHits: undefined, maxSteps: undefined })).toMatchObject({
      truncated: false,
      hits: { length: 1 },
    });
  });
});

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

// ---- A randomized cross-check against a brute-force reference ----

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
