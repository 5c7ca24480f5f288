/**
 * "Relevant to this ticket": ranking one account's texts by a ticket's subject and first message,
 * as the background does for every story it tells (no cache: the account's texts are tokenized
 * each time). The account has 1,000 notes, drawn from the sample world's notes and the labelled
 * set's (tests/fixtures/relevance), with its promises and products sold; the tickets are the
 * labelled set's 65.
 */
import { forgetReadTexts, rankForProblem, type RankItem } from '../core/relevance/rank';
import { makeSampleData } from '../sources/sample-data';
import { ACCOUNTS } from '../tests/fixtures/relevance/accounts';
import { CASES } from '../tests/fixtures/relevance/cases';
import { latency, now, type Latency } from './stats';

export interface RelevanceBench {
  notes: number;
  /** The account's texts read before (the background keeps the words of texts it read). */
  latency: Latency;
  /** The account's texts read for the first time (a worker's first ticket of this customer). */
  cold: Latency;
  /** Runs in which something was found relevant. */
  found: number;
}

export function relevanceBench(noteCount = 1000, rounds = 5): RelevanceBench {
  const texts = [
    ...Object.values(ACCOUNTS).flatMap((a) => a.notes.map((n) => n.text)),
    ...makeSampleData().notes.map((n) => n.body),
  ];
  const items: RankItem[] = [
    ...Object.values(ACCOUNTS).flatMap((a) => a.promises.map((p) => ({ kind: 'promise' as const, ...p }))),
    ...Array.from({ length: noteCount }, (_, i) => ({
      kind: 'note' as const,
      id: `n${i}`,
      text: texts[i % texts.length]!,
    })),
  ];
  const productsSold = Object.values(ACCOUNTS).map((a) => a.sold);
  const samples: number[] = [];
  const cold: number[] = [];
  let found = 0;
  for (const c of CASES) {
    forgetReadTexts();
    const t0 = now();
    rankForProblem(items, { subject: c.subject, body: c.body }, { productsSold });
    cold.push(now() - t0);
  }
  for (let r = 0; r < rounds + 1; r++)
    for (const c of CASES) {
      const t0 = now();
      const got = rankForProblem(items, { subject: c.subject, body: c.body }, { productsSold });
      if (r > 0) samples.push(now() - t0); // the first round warms the JIT up
      if (r > 0 && got.length) found++;
    }
  return { notes: noteCount, latency: latency(samples), cold: latency(cold), found };
}
