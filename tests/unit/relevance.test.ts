import { describe, expect, it } from 'vitest';
import { rankForProblem, type RankItem } from '@/core/relevance/rank';
import { isWordKept } from '@/core/relevance/text';
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
    expect(CASES.filter((c) => ['zahnarzt', 'kanzlei', 'autohaus'].includes(c.account)).length).toBeGreaterThanOrEqual(
      20,
    );
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
    console.log(
      `relevance set: top-1 ${(top1Rate * 100).toFixed(1)}% (${top1}/${relevant.length}), ` +
        `no section when nothing is relevant ${(quietRate * 100).toFixed(1)}% (${quiet}/${none.length})` +
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
