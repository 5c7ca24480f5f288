import { describe, expect, it } from 'vitest';
import { forgetReadTexts, keptIndexes, rankForProblem, type RankItem } from '@/core/relevance/rank';
import { forEachWord, forgetWords, isWordKept, tokenize } from '@/core/relevance/text';
import { ACCOUNTS } from '../fixtures/relevance/accounts';
import { CASES } from '../fixtures/relevance/cases';

function itemsOf(key: string): RankItem[] {
  const a = ACCOUNTS[key]!;
  return [
    ...a.promises.map((p) => ({ kind: 'promise' as const, id: p.id, text: p.text })),
    { kind: 'sold' as const, id: 'sold', text: a.sold },
    ...a.notes.map((n) => ({ kind: 'note' as const, id: n.id, text: n.text })),
  ];
}

const GERMAN = ['zahnarzt', 'kanzlei', 'autohaus'];
const languageOf = (c: (typeof CASES)[number]) => (GERMAN.includes(c.account) ? 'de' : 'en');

const rank = (c: (typeof CASES)[number]) =>
  rankForProblem(
    itemsOf(c.account),
    { subject: c.subject, body: c.body },
    { productsSold: [ACCOUNTS[c.account]!.sold] },
  );

describe('the labelled relevance set', () => {
  it('has at least 60 cases in English and German, with cases where nothing is relevant', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter((c) => c.first === null).length).toBeGreaterThanOrEqual(10);
    expect(CASES.filter((c) => languageOf(c) === 'de').length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((c) => languageOf(c) === 'de' && c.first === null).length).toBeGreaterThanOrEqual(5);
    for (const c of CASES) if (c.first) expect(itemsOf(c.account).map((i) => i.id)).toContain(c.first);
  });

  it('puts the right item first (top-1 >= 90%) and shows nothing when nothing is relevant (>= 90%)', () => {
    const relevant = CASES.filter((c) => c.first !== null);
    const none = CASES.filter((c) => c.first === null);
    const misses: string[] = [];
    let top1 = 0;
    for (const c of relevant) {
      const got = rank(c);
      if (got[0]?.id === c.first) top1++;
      else
        misses.push(
          `${c.account} "${c.subject}": want ${c.first}, got ${got.map((g) => g.id).join(', ') || 'nothing'}`,
        );
    }
    let quiet = 0;
    for (const c of none) {
      const got = rank(c);
      if (!got.length) quiet++;
      else
        misses.push(
          `${c.account} "${c.subject}": want nothing, got ${got.map((g) => `${g.id} (${g.terms.join(', ')})`).join('; ')}`,
        );
    }
    const top1Rate = top1 / relevant.length;
    const quietRate = quiet / none.length;
    // The same two figures per language, so that one language's misses cannot hide in the other's.
    const perLanguage = (['en', 'de'] as const).map((lang) => {
      const mine = CASES.filter((c) => languageOf(c) === lang);
      const rel = mine.filter((c) => c.first !== null);
      const nul = mine.filter((c) => c.first === null);
      const t = rel.filter((c) => rank(c)[0]?.id === c.first).length;
      const q = nul.filter((c) => !rank(c).length).length;
      return `${lang}: top-1 ${t}/${rel.length}, no section ${q}/${nul.length}`;
    });
    console.log(
      `relevance set: top-1 ${(top1Rate * 100).toFixed(1)}% (${top1}/${relevant.length}), ` +
        `no section when nothing is relevant ${(quietRate * 100).toFixed(1)}% (${quiet}/${none.length}); ` +
        perLanguage.join('; ') +
        (misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(top1Rate).toBeGreaterThanOrEqual(0.9);
    expect(quietRate).toBeGreaterThanOrEqual(0.9);
  });
});

describe('rankForProblem', () => {
  const items: RankItem[] = [
    { kind: 'promise', id: 'p', text: '1-hour response on Dentrix issues' },
    {
      kind: 'note',
      id: 'long',
      text:
        'Onboarding went well. '.repeat(20) +
        'The Dentrix server sits in the back room and its scheduler service hangs after Windows updates. ' +
        'More onboarding remarks follow here. '.repeat(10),
    },
    { kind: 'note', id: 'dana', text: 'Dana Whitfield prefers a call to an email, and hates long emails.' },
  ];

  it('finds a product name typed a letter off, and shows the note’s own spelling', () => {
    const got = rankForProblem(items, { subject: 'Dentirx scheduler hangs' });
    expect(got.map((g) => g.id)).toContain('p');
    const p = got.find((g) => g.id === 'p')!;
    expect(p.terms).toEqual(['Dentrix']);
    expect(p.spans.map(([a, b]) => p.text.slice(a, b))).toEqual(['Dentrix']);
  });

  it('shows a long note as an excerpt around its best word, with the highlights inside it', () => {
    const got = rankForProblem(items, { subject: 'Dentrix scheduler hangs', body: 'The scheduler service hangs.' });
    const long = got.find((g) => g.id === 'long')!;
    expect(long.text.length).toBeLessThan(300);
    expect(long.text.startsWith('… The Dentrix server')).toBe(true);
    for (const [a, b] of long.spans) expect(long.text.slice(a, b)).toMatch(/^(Dentrix|scheduler|hangs)$/);
  });

  it("leaves the account's own and its contacts' names out of the ticket's words", () => {
    const problem = { subject: 'Email from Dana Whitfield', body: 'Dana Whitfield, DDS. Acme Dental Group.' };
    expect(rankForProblem(items, problem).map((g) => g.id)).toContain('dana');
    expect(rankForProblem(items, problem, { ignore: ['Dana Whitfield', 'Acme Dental Group'] })).toEqual([]);
  });

  it('answers nothing without ticket words or without texts', () => {
    expect(rankForProblem(items, {})).toEqual([]);
    expect(rankForProblem([], { subject: 'Dentrix down' })).toEqual([]);
  });
});

describe('the ticket words are not kept', () => {
  it('keeps the words of the notes it read, never the ticket’s', () => {
    rankForProblem([{ kind: 'note', id: 'n', text: 'Zyxwvutqa server notes' }], {
      subject: 'Qqxyzzyplugh server down',
      body: 'Ffroobnitz broke the Zyxwvutqa server.',
    });
    expect(isWordKept('Zyxwvutqa')).toBe(true);
    expect(isWordKept('Qqxyzzyplugh')).toBe(false);
    expect(isWordKept('Ffroobnitz')).toBe(false);
  });
});

describe('reading an account once', () => {
  const notes = (texts: string[]): RankItem[] => texts.map((text, i) => ({ kind: 'note', id: `n${i}`, text }));
  const filler = Array.from({ length: 30 }, (_, i) => `Quarterly review ${i}: printers and badges discussed.`);

  it('ranks from the index of texts read before, and reads a changed note anew (same id)', () => {
    forgetReadTexts();
    const before = notes([...filler, 'The Veeam backup job fails on Sundays.']);
    expect(rankForProblem(before, { subject: 'Veeam backup failed' }).map((g) => g.id)).toEqual(['n30']);
    expect(keptIndexes()).toBe(1);
    // The same texts in new objects (a new story of the same account): the index is reused.
    expect(
      rankForProblem(notes([...filler, 'The Veeam backup job fails on Sundays.']), { subject: 'Veeam' }),
    ).toHaveLength(1);
    expect(keptIndexes()).toBe(1);
    // The note edited in the CRM: same id, new words.
    const after = notes([...filler, 'Moved the backups to Datto; nothing else to note.']);
    expect(rankForProblem(after, { subject: 'Veeam backup failed' })).toEqual([]);
    expect(rankForProblem(after, { subject: 'Datto backup failed' }).map((g) => g.id)).toEqual(['n30']);
  });

  it('keeps at most 8 accounts read', () => {
    forgetReadTexts();
    for (let a = 0; a < 12; a++)
      rankForProblem(notes([...filler, `Account ${a} runs Dentrix.`]), { subject: 'Dentrix' });
    expect(keptIndexes()).toBe(8);
  });

  it('finds a name the notes wrote with the wrong first letter (looked up by its second letter)', () => {
    const got = rankForProblem(notes([...filler, 'Wuickbooks crashes when the payroll module opens.']), {
      subject: 'QuickBooks crashed',
    });
    expect(got.map((g) => g.id)).toEqual(['n30']);
    expect(got[0]!.terms[0]).toBe('Wuickbooks');
  });
});

describe('compound parts, looked up among the sorted stems', () => {
  const filler = Array.from({ length: 30 }, (_, i) => `Quartalsgespräch ${i}: Ausweise und Schlüssel besprochen.`);
  const items: RankItem[] = [
    ...filler,
    'Der Netzwerkdrucker im Flur braucht Toner von Kyocera.',
    'Der Drucker im Plotterraum (HP DesignJet) braucht neue Treiber.',
  ].map((text, i) => ({ kind: 'note', id: `n${i}`, text }));

  it('finds a compound by the part it ends with, and a part by the compound it begins', () => {
    forgetReadTexts();
    const byEnding = rankForProblem(items, { subject: 'Kyocera Drucker streikt' });
    expect(byEnding.map((g) => [g.id, g.terms])).toEqual([['n30', ['Kyocera', 'Netzwerkdrucker']]]);
    const byStart = rankForProblem(items, { subject: 'DesignJet Druckertreiber fehlt' });
    expect(byStart.map((g) => [g.id, g.terms])).toEqual([['n31', ['DesignJet', 'Drucker']]]);
  });
});

describe('forEachWord', () => {
  it('finds the runs of letters and digits /[\\p{L}\\p{N}]+/gu finds, in any script', () => {
    const texts = [
      'Störung seit 7:30 — Druckertreiber/Straße, naïve café',
      'M365 + QuickBooks® v2024; 中文字 日本語, ٣٤ Ⅳ ²',
      'e\u0301 combining, 𝒜𝒷𝒸 astral letters, 😀 emoji, lone \ud800 and \udc00 halves',
      '',
      '   ',
      'end',
    ];
    for (const text of texts) {
      const want = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
      const got: number[][] = [];
      forEachWord(text, (start, end) => got.push([start, end]));
      expect(got).toEqual(want);
    }
  });
});

describe('the word memory', () => {
  it('tells words written like names, ASCII or not', () => {
    forgetWords();
    const text = 'QuickBooks M365 Dentrix iPhone Störung fooBär 2024 x86 ÄrztePRO';
    expect(tokenize(text).map((t) => [t.folded, t.shaped])).toEqual([
      ['quickbooks', true],
      ['m365', true],
      ['dentrix', false],
      ['iphone', true],
      ['storung', false],
      ['foobar', true],
      ['2024', false],
      ['x86', true],
      ['arztepro', true],
    ]);
  });

  it('keeps every word read as its table grows, and each by its own letters', () => {
    forgetWords();
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    tokenize(many.join(' '));
    expect(many.every(isWordKept)).toBe(true);
    expect(isWordKept('w0y')).toBe(false);
    tokenize('Störung 𝒜𝒷𝒸 naïve');
    expect(['Störung', '𝒜𝒷𝒸', 'naïve'].every(isWordKept)).toBe(true);
    expect(tokenize('Wax wax WAX').map((t) => t.folded)).toEqual(['wax', 'wax', 'wax']);
  });
});
