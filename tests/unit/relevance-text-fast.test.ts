// The relevance reader's fast paths for Latin-1 text and its stemmers without regular
// expressions: each gives what the general path (Unicode classes, the normalizer, the regular
// expressions they replaced) gives, unit by unit.
import { describe, expect, it } from 'vitest';
import { editDistance, forEachWord, forgetWords, tokenize } from '@/core/relevance/text';
import { fold, stemDe, stemEn } from '@/core/relevance/language';
import { buildTextsIndex, isTextsIndex, nameTestOf } from '@/core/relevance/texts-index';
import { ACCOUNTS } from '../fixtures/relevance/accounts';
import { CASES } from '../fixtures/relevance/cases';

const units = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => String.fromCharCode(from + i)).filter((c) => !/\p{Cs}/u.test(c));

const foldRef = (w: string) =>
  w
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

// The stemmers as they were written with regular expressions.
function stemEnRef(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  const undouble = (x: string) => (/([b-df-hj-np-tv-z])\1$/.test(x) && !/(?:ll|ss|zz)$/.test(x) ? x.slice(0, -1) : x);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
function stemDeRef(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  if (/(?:t|en)$/.test(s) && s.length >= 7)
    s = s.replace(/^(ab|an|auf|aus|ein|mit|nach|um|vor|zu|zuruck|weg)?ge(?=[a-z]{4})/, '$1');
  for (;;) {
    if (s.length > 5 && /(?:em|er|nd)$/.test(s)) s = s.slice(0, -2);
    else if (s.length > 3 && /[tesn]$/.test(s)) s = s.slice(0, -1);
    else break;
  }
  return s;
}

describe('Latin-1 without the Unicode tables', () => {
  it('folds every letter below 0x250 as the normalizer does, alone and inside words', () => {
    for (const c of units(0x80, 0x250)) {
      expect(fold(c)).toBe(foldRef(c));
      expect(fold(`Ab${c}x${c.toUpperCase()}`)).toBe(foldRef(`Ab${c}x${c.toUpperCase()}`));
    }
    for (const w of ['Straße', 'Ärger', 'ÉCOLE', 'naïve', 'Façade', 'Øresund', 'Æsir', 'Ωmega', 'İstanbul', 'ﬁle'])
      expect(fold(w)).toBe(foldRef(w));
  });

  it('finds the words /[\\p{L}\\p{N}]+/gu finds around every unit of Latin-1 and of the punctuation block', () => {
    for (const c of [...units(0x80, 0x100), ...units(0x2000, 0x2070), ...units(0x20a0, 0x20d0)]) {
      const text = `ab${c}cd ${c} x${c}`;
      const found: string[] = [];
      forEachWord(text, (start, end) => found.push(text.slice(start, end)));
      expect(found, `U+${c.charCodeAt(0).toString(16)}`).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
    }
  });

  it('tells words written like names as the Unicode classes do, for every pair of Latin-1 word units', () => {
    const word = units(0x30, 0x100).filter((c) => /[\p{L}\p{N}]/u.test(c));
    for (const x of word)
      for (const y of word) {
        const raw = `${x}${y}k`;
        const want = /\d/.test(raw) && /\p{L}/u.test(raw) ? true : /\p{Ll}\p{Lu}/u.test(raw);
        const [t] = tokenize(raw, 'en', 'en', false);
        if (t) expect(t.shaped, raw).toBe(want);
      }
    forgetWords();
  });
});

describe('the stemmers without regular expressions', () => {
  it('stem every word of the labelled set, and made-up endings, as the regular expressions did', () => {
    const words = new Set<string>();
    const texts = [
      ...Object.values(ACCOUNTS).flatMap((a) => [
        a.sold,
        ...a.notes.map((n) => n.text),
        ...a.promises.map((p) => p.text),
      ]),
      ...CASES.flatMap((c) => [c.subject, c.body]),
    ];
    for (const t of texts) forEachWord(t, (s, e) => words.add(fold(t.slice(s, e))));
    for (const base of [
      'stop',
      'kill',
      'buzz',
      'class',
      'bus',
      'anal',
      'gedruck',
      'ausgefall',
      'x1',
      'hopp',
      'fizz',
      'dry',
      // ge- alone and after each separable prefix (stemDe's own loop, once an expression).
      'abgeschalt',
      'angeschlos',
      'aufgebau',
      'eingericht',
      'mitgeteil',
      'nachgefrag',
      'umgestell',
      'vorgeseh',
      'zugestell',
      'zuruckgegeb',
      'weggeworf',
      'gemach',
      'gegess',
      'ausgeüb',
      'geab',
      'zugeab',
    ])
      for (const end of [
        '',
        's',
        'es',
        'ies',
        'sses',
        'ing',
        'ping',
        'ed',
        'ped',
        'er',
        'ly',
        'e',
        'en',
        't',
        'em',
        'nd',
        'n',
      ])
        words.add(base + end);
    expect(words.size).toBeGreaterThan(500);
    for (const w of words) {
      expect(stemEn(w), w).toBe(stemEnRef(w));
      expect(stemDe(w), w).toBe(stemDeRef(w));
    }
  });
});

describe('editDistance with its rows kept between calls', () => {
  const ref = (a: string, b: string, max: number): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return Math.min(d[a.length]![b.length]!, max + 1);
  };

  it('gives the capped Damerau-Levenshtein distance, long words after short and back', () => {
    const words = [
      'dentrix',
      'dentirx',
      'dnetrix',
      'quickbooks',
      'quikbooks',
      'a',
      'ab',
      'ba',
      'veeam',
      'veem',
      'microsoft365',
      'micrsoft356',
      '',
    ];
    for (const a of words)
      for (const b of words)
        for (const max of [1, 2]) expect(Math.min(editDistance(a, b, max), max + 1), `${a}/${b}`).toBe(ref(a, b, max));
  });
});

describe("the index's own products sold", () => {
  it('are saved with it, so a ticket is told its names without reading what was sold again', () => {
    const index = structuredClone(
      buildTextsIndex(['Dentrix scheduler outage'], ['Dentrix support, Veeam backup (18 seats)']),
    );
    expect(index.sold).toEqual(['backup', 'dentrix', 'veeam']);
    const isName = nameTestOf(index);
    expect(isName({ folded: 'backup', shaped: false })).toBe(true);
    expect(isName({ folded: 'seats', shaped: false })).toBe(false);
    expect(isName({ folded: 'm365', shaped: true })).toBe(true);
    expect(isTextsIndex(index)).toBe(true);
    expect(isTextsIndex({ ...index, sold: undefined })).toBe(false);
    expect(isTextsIndex({ ...index, sold: [1] })).toBe(false);
  });
});
