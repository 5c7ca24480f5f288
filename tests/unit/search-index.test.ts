// Backstory's own search index (core/search/): the typo table, the AND walk across fields, and
// a randomized check against a brute-force reading of the same rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, Contact } from '@/core/model';
import { buildSearchIndex } from '../search-index';
import { buildLexicon, typoTerms, termAt } from '@/core/search/lexicon';
import { sortedUnique } from '@/core/search/packed';
import { termsOf } from '@/core/search/text';

const account = (id: string, name: string, extra: Partial<Account> = {}): Account => ({
  id,
  source: 't',
  sourceId: id,
  name,
  aliases: [],
  domains: [],
  externalIds: {},
  ...extra,
});
const contact = (id: string, name: string, email: string, accountId: string): Contact => ({
  id,
  source: 't',
  sourceId: id,
  name,
  email,
  accountId,
});
const data = (accounts: Account[], contacts: Contact[] = []) => ({
  accounts,
  contacts,
  campaigns: [],
  deals: [],
  notes: [],
});

describe('the typo table', () => {
  const lex = buildLexicon(
    sortedUnique(['dental', 'orthodontic', 'acme', 'acne', 'denali', 'rental', 'veterinary']),
    true,
  );
  const found = (q: string) => [...typoTerms(lex, q)].map((id) => termAt(lex, id)).sort();

  it('finds every word one edit away: a letter left out, added, changed or swapped', () => {
    expect(found('dntal')).toContain('dental');
    expect(found('dentall')).toContain('dental');
    expect(found('dentxl')).toContain('dental');
    expect(found('detnal')).toContain('dental');
    expect(found('orthodnotic')).toContain('orthodontic');
  });

  it('finds nothing for short words or words too far away', () => {
    expect(found('acm')).toEqual([]); // under four letters: no typos
    expect(found('dxxtal')).toEqual([]); // two edits in a six-letter word
    expect(found('zebra')).toEqual([]);
    // The word itself is an exact match, not a typo; "denali" is two edits away.
    expect(found('dental')).toEqual(['rental']);
  });
});

describe('the AND walk', () => {
  const index = buildSearchIndex(
    data(
      [account('a1', 'Acme Dental Group'), account('a2', 'Acme Logistics'), account('a3', 'Dana Point Dental')],
      [
        contact('c1', 'Dana Whitfield', 'dana@acme.example', 'a1'),
        contact('c2', 'Sam Ortiz', 'sam@acmelog.example', 'a2'),
      ],
    ),
  );

  it('finds a company and one of its people in one query, naming the person', () => {
    const r = index.search('acme dana');
    expect(r.accounts.map((h) => h.id)).toEqual(['a1']);
    // Dana's email holds both words ("dana@acme.example"): it carried the match.
    expect(r.accounts[0]).toMatchObject({ contactId: 'c1', matchedOn: 'email' });
    expect(r.accounts[0]!.subtitle).toContain('Dana Whitfield');
  });

  it('puts a name match above a match through a contact', () => {
    expect(index.search('dana').accounts.map((h) => h.id)).toEqual(['a3', 'a1']);
  });

  it('keeps broad one-letter queries bounded and every hit a real match', () => {
    const many = buildSearchIndex(
      data(Array.from({ length: 3000 }, (_, i) => account(`b${i}`, `Bay ${i} Bridge${i % 7 ? '' : ' Works'}`))),
    );
    const r = many.search('b', { limitPerGroup: 5 });
    expect(r.accounts).toHaveLength(5);
    for (const h of r.accounts) expect(termsOf(h.title).some((t) => t.startsWith('b'))).toBe(true);
    // Shorter names first among equal matches.
    expect(r.accounts[0]!.title.split(' ')).toHaveLength(3);
  });
});

describe('randomized against a brute-force reading', () => {
  const WORDS = ['ace', 'acre', 'bay', 'bay', 'bel', 'cab', 'cod', 'dab', 'den', 'ell', 'fen', 'fez'];
  const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

  it('finds exactly the accounts whose words begin with every query word (short words: no typos)', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'ac', 'ba', 'b', 'c', 'de', 'e', 'f', 'fe', 'cod'), {
          minLength: 1,
          maxLength: 3,
        }),
        (names, query) => {
          const accounts = names.map((n, i) => account(`x${i}`, n));
          const index = buildSearchIndex(data(accounts));
          const got = index.search(query.join(' '), { limitPerGroup: 1000 }).accounts;
          const want = accounts.filter((a) => query.every((q) => termsOf(a.name).some((t) => t.startsWith(q))));
          if (want.length) expect(got.map((h) => h.id).sort()).toEqual(want.map((a) => a.id).sort());
          // No account has every word: the OR fallback answers, with partial matches only.
          else expect(got.every((h) => h.quality === 'partial')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('term scanning', () => {
  it('reads plain and punctuated ASCII text exactly as the general tokenizer does', async () => {
    const { eachTerm, processAll, tokenizeDocument } = await import('@/core/search/text');
    const piece = fc.constantFrom(
      'Acme',
      'o',
      "O'Brien",
      'dana.whitfield@acme-dental.co.uk',
      'AT&T',
      '&',
      'Inc.',
      '(18 seats)',
      'x--y',
      "rock'n'roll",
      '-',
      'P.C.',
      'a_b',
      '#1',
      'Müller',
      'ß',
      '\t',
      ' ',
      '  ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.constantFrom(' ', '', '\n'), { maxLength: 12 }),
        (pieces, gaps) => {
          const text = pieces.map((p, i) => p + (gaps[i] ?? ' ')).join('');
          const got: string[] = [];
          eachTerm(text, (t) => got.push(t));
          expect(got).toEqual(processAll(tokenizeDocument(text)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same terms as spans of the text, in the same order', async () => {
    const { eachTerm, eachTermSpan } = await import('@/core/search/text');
    const piece = fc.constantFrom(
      'Acme',
      'ACME',
      'o',
      "O'Brien",
      'Dana.Whitfield@Acme-Dental.co.uk',
      'AT&T',
      'Inc.',
      'x--y',
      "Rock'N'Roll",
      'P.C.',
      'a_b',
      'Müller',
      'ß',
      '\t',
      ' ',
      'don\u2019t',
      'A-1',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        const want: string[] = [];
        eachTerm(text, (t) => want.push(t));
        const got: string[] = [];
        eachTermSpan(
          text,
          (t, start, end, upper) => {
            const term = t.slice(start, end);
            expect(/[A-Z]/.test(term)).toBe(upper);
            got.push(term.toLowerCase());
          },
          (t) => got.push(t),
        );
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

/** Pieces of names and addresses that the key rules treat each in their own way. */
const KEY_PIECES = [
  'Acme',
  "O'Brien",
  'dana.whitfield@acme-dental.co.uk',
  'AT&T',
  '&',
  'Inc.',
  'P.C.',
  'a_b',
  '`x`',
  ' ',
  '--',
  'Baker',
  'and',
];

describe('whole-value keys', () => {
  it('are the same through the ASCII path as through the general one', async () => {
    const { keyOf, processAll, tokenizeQuery } = await import('@/core/search/text');
    const piece = fc.constantFrom(...KEY_PIECES);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const value = pieces.join(' ');
        expect(keyOf(value)).toBe(processAll(tokenizeQuery(value)).join(' '));
      }),
      { numRuns: 300 },
    );
  });

  it('hash as the key they make, without making it', async () => {
    const { keyHash, keyOf } = await import('@/core/search/text');
    const { fnv1a } = await import('@/core/hash');
    // And more: letters with marks, a tab, a lone apostrophe.
    const piece = fc.constantFrom(...KEY_PIECES, 'Müller', 'Zoë', '\t', "'");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.constantFrom(' ', '', '-'), (pieces, gap) => {
        const value = pieces.join(gap);
        const key = keyOf(value);
        expect(keyHash(value)).toBe(key ? fnv1a(key) : -1);
      }),
      { numRuns: 400 },
    );
  });
});

describe('domain stems', () => {
  // The earlier reading, by regular expression and split: the scan must agree with it.
  const stemBySplit = (domain: string): string => {
    const labels = domain
      .replace(/^www\./, '')
      .split('.')
      .filter(Boolean);
    if (labels.length < 2) return labels[0] ?? '';
    const last = labels[labels.length - 1]!;
    const second = labels[labels.length - 2]!;
    const drop = labels.length > 2 && last.length === 2 && /^(co|com|org|net|ac|gov|edu|ltd|plc)$/.test(second) ? 2 : 1;
    return labels[labels.length - 1 - drop] ?? '';
  };

  it('are the registrable label, for odd domains too', async () => {
    const { domainStem } = await import('@/core/search/text');
    expect(domainStem('mail.acme-dental.co.uk')).toBe('acme-dental');
    expect(domainStem('www.acme.com')).toBe('acme');
    expect(domainStem('acme')).toBe('acme');
    expect(domainStem('')).toBe('');
    const label = fc.constantFrom('www', 'acme', 'co', 'uk', 'com', 'de', '', 'mail', 'a-b', 'org');
    fc.assert(
      fc.property(fc.array(label, { maxLength: 6 }), (labels) => {
        const domain = labels.join('.');
        expect(domainStem(domain)).toBe(stemBySplit(domain));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the build dictionary', () => {
  // Words are looked up by their span of the text (names) and the table grows past its first
  // size: lookups must behave as with one string per word.
  const words = Array.from({ length: 9000 }, (_, i) => `w${i.toString(36)}x`);
  const index = buildSearchIndex(
    data(
      [
        account('a1', 'Müller Zahnärzte GmbH', { aliases: ['MZG'] }),
        account('a2', "O'Brien & Sons", { domains: ['obrien-sons.co.uk'] }),
        account('a3', 'ACME Dental Group', { domains: ['www.acme-dental.com'] }),
        ...words.map((w, i) => account(`b${i}`, `Filler ${w} ${words[(i * 7) % words.length]!.toUpperCase()}`)),
      ],
      [contact('c1', 'Dana Whitfield', 'Dana.Whitfield@Acme-Dental.co.uk', 'a3')],
    ),
  );
  const ids = (q: string) => index.search(q, { limitPerGroup: 5 }).accounts.map((h) => h.id);

  it('finds accented, capitalised and punctuated words, whole and begun', () => {
    expect(ids('muller')).toContain('a1');
    expect(ids('Müller')).toContain('a1');
    expect(ids('zahn')).toContain('a1');
    expect(ids('obrien')).toContain('a2');
    expect(ids("o'brien")).toContain('a2');
    expect(ids('brien')).toContain('a2');
    expect(ids('acmedental')).toContain('a3');
    expect(ids('acme')).toEqual(['a3']);
  });

  it('finds typos and every word of a multi-word query', () => {
    expect(ids('dentl')).toContain('a3');
    expect(ids('whitfeild')).toContain('a3');
    expect(ids('acme dent')).toEqual(['a3']);
    expect(ids('dana acme')).toEqual(['a3']);
    expect(ids('sons obrien')).toEqual(['a2']);
  });

  it('knows whole values and every word, past the first table size', () => {
    expect(index.search('dana.whitfield@acme-dental.co.uk').accounts[0]).toMatchObject({ id: 'a3', quality: 'exact' });
    expect(index.search('MZG').accounts[0]).toMatchObject({ id: 'a1', quality: 'exact' });
    for (const i of [0, 4095, 4096, 8191, 8999]) {
      expect(ids(words[i]!)).toContain(`b${i}`);
      // The same word in capitals in another account's name is the same term.
      expect(ids(words[(i * 7) % words.length]!)).toContain(`b${i}`);
    }
  });

  it('indexes note words past the first table size, each once per note', () => {
    const notes = words.slice(0, 6000).map((w, i) => ({
      id: `n${i}`,
      source: 't',
      sourceId: `n${i}`,
      accountId: 'a1',
      date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      body: `${w} ${w.toUpperCase()} Follow-up ${w}`,
    }));
    const withNotes = buildSearchIndex({ ...data([account('a1', 'Acme')]), notes } as never);
    for (const i of [0, 4095, 4096, 5999])
      expect(withNotes.search(words[i]!).notes.map((h) => h.id)).toEqual([`n${i}`]);
    expect(withNotes.search('followup').notes).toHaveLength(5);
  });
});

describe('sorting the dictionary', () => {
  it('orders as the native sort does, accents, empty strings and all', async () => {
    const { sortStrings } = await import('@/core/search/packed');
    const word = fc
      .array(
        fc.constantFrom('a', 'b', 'z', '0', '9', '', '\u0000', 'é', 'ß', '\u007f', '\u0080', '中', '\uffff', 'A'),
        { maxLength: 4 },
      )
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        expect(sortStrings(words)).toEqual(words.slice().sort());
      }),
      { numRuns: 400 },
    );
  });
});
