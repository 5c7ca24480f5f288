/**
 * "Relevant to this ticket": ranking one account's texts by a ticket's subject and first message,
 * as the background does for every story it tells. The account has 1,000 notes, drawn from the
 * sample world's notes and the labelled set's (tests/fixtures/relevance), with its promises and
 * products sold; the tickets are the labelled set's 65. Two cases, as a technician meets them:
 * the account's texts read before in this worker (its index kept: the next tickets of a customer),
 * and read by a worker that has just started (nothing kept: an MV3 worker stops after about 30 s
 * idle, so this is the common first ticket after a pause; a worker that has read other accounts
 * lies between the two).
 */
import { forgetReadTexts, rankForProblem, type RankItem } from '../core/relevance/rank';
import { makeSampleData } from '../sources/sample-data';
import { ACCOUNTS } from '../tests/fixtures/relevance/accounts';
import { CASES } from '../tests/fixtures/relevance/cases';
import { collect, latency, now, type Latency } from './stats';

export interface RelevanceBench {
  notes: number;
  /** The account's texts read before (its index kept). */
  latency: Latency;
  /** The account's texts read by a worker that has just started: nothing kept. */
  cold: Latency;
  /** CPU time of one ranking, mean, ms (process.cpuUsage: this thread and the collector's): kept, fresh worker. */
  cpuMs: { warm: number; cold: number };
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
  const rank = (c: (typeof CASES)[number]) =>
    rankForProblem(items, { subject: c.subject, body: c.body }, { productsSold });
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const cold: number[] = [];
  let coldCpu = 0;
  // The earlier parts' garbage collected first; the first round warms the JIT up.
  collect();
  for (let r = 0; r < 2; r++)
    for (const c of CASES) {
      forgetReadTexts();
      const c0 = cpu();
      const t0 = now();
      rank(c);
      const t = now() - t0;
      if (r > 0) {
        cold.push(t);
        coldCpu += cpu() - c0;
      }
    }
  const samples: number[] = [];
  let found = 0;
  let warmCpu = 0;
  for (let r = 0; r < rounds + 1; r++)
    for (const c of CASES) {
      const c0 = cpu();
      const t0 = now();
      const got = rank(c);
      if (r > 0) {
        samples.push(now() - t0); // the first round warms the JIT up
        warmCpu += cpu() - c0;
        if (got.length) found++;
      }
    }
  return {
    notes: noteCount,
    latency: latency(samples),
    cold: latency(cold),
    cpuMs: { warm: warmCpu / samples.length, cold: coldCpu / cold.length },
    found,
  };
}
