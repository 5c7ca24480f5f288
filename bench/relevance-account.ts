/**
 * The account the relevance bench ranks: 1,000 notes drawn from the sample world's notes and the
 * labelled set's (tests/fixtures/relevance), with the labelled accounts' promises and products
 * sold; the tickets are the labelled set's 65.
 */
import { readFileSync } from 'node:fs';
import type { RankItem } from '../core/relevance/rank';
import { makeSampleData } from '../sources/sample-data';
import { ACCOUNTS } from '../tests/fixtures/relevance/accounts';
import { CASES } from '../tests/fixtures/relevance/cases';

export interface BenchAccount {
  items: RankItem[];
  productsSold: string[];
  cases: typeof CASES;
}

export function benchAccount(noteCount = 1000): BenchAccount {
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
  return { items, productsSold: Object.values(ACCOUNTS).map((a) => a.sold), cases: CASES };
}

/** CPU time of this process so far, ms (this thread and V8's compiler and collector threads). */
export const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * CPU time of this thread alone so far, ms, where Linux tells it (/proc/thread-self/schedstat:
 * nanoseconds on a CPU), else NaN: what the ranking costs the worker's own thread, without V8's
 * compiler and collector threads beside it, nor the time other processes had the CPU.
 */
export const threadCpuNow = (): number => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
};
