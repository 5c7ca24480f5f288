/**
 * "Relevant to this ticket": ranking one account's texts by a ticket's subject and first message,
 * as the background does for every story it tells (the account: bench/relevance-account.ts,
 * 1,000 notes). Measured three ways, as a technician meets them: the account's texts read before
 * in this worker (its index kept: the next tickets of a customer); in this process with nothing
 * kept (the index read from the texts again, with the code already compiled); and in a process
 * of its own per ranking (bench/relevance-fresh.ts), as in an MV3 worker that has just started
 * (it stops after about 30 s idle, so this is the common first ticket after a pause): nothing
 * read and nothing compiled, the index read from the texts, or loaded as saved
 * (services/relevance-index.ts), with untuned MiniSearch in the same fresh process as the baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { forgetReadTexts, rankForProblem } from '../core/relevance/rank';
import { buildTextsIndex } from '../core/relevance/texts-index';
import { benchAccount, cpuNow } from './relevance-account';
import { collect, latency, now, type Latency } from './stats';

export interface FreshRow {
  mode: 'saved' | 'texts' | 'minisearch';
  latency: Latency;
  /** CPU time of the ranking, mean, ms (the child's process.cpuUsage: its thread, V8's compiler and collector threads). */
  cpuMs: number;
}

export interface RelevanceBench {
  notes: number;
  /** The account's texts read before (its index kept). */
  latency: Latency;
  /** In this process with nothing kept: the index read from the texts again (code compiled). */
  cold: Latency;
  /** CPU time of one ranking, mean, ms (process.cpuUsage: this thread and the collector's): kept, nothing kept. */
  cpuMs: { warm: number; cold: number };
  /** Runs in which something was found relevant. */
  found: number;
  /** A process of its own per ranking: the saved index, the texts, MiniSearch; or why not run. */
  fresh: FreshRow[] | string;
}

export function relevanceBench(rounds = 5, freshSamples = 15): RelevanceBench {
  const { items, productsSold, cases } = benchAccount();
  const rank = (c: (typeof cases)[number]) =>
    rankForProblem(items, { subject: c.subject, body: c.body }, { productsSold });
  const cold: number[] = [];
  let coldCpu = 0;
  // The earlier parts' garbage collected first; the first round warms the JIT up.
  collect();
  for (let r = 0; r < 2; r++)
    for (const c of cases) {
      forgetReadTexts();
      const c0 = cpuNow();
      const t0 = now();
      rank(c);
      const t = now() - t0;
      if (r > 0) {
        cold.push(t);
        coldCpu += cpuNow() - c0;
      }
    }
  const samples: number[] = [];
  let found = 0;
  let warmCpu = 0;
  for (let r = 0; r < rounds + 1; r++)
    for (const c of cases) {
      const c0 = cpuNow();
      const t0 = now();
      const got = rank(c);
      if (r > 0) {
        samples.push(now() - t0); // the first round warms the JIT up
        warmCpu += cpuNow() - c0;
        if (got.length) found++;
      }
    }
  return {
    notes: items.filter((i) => i.kind === 'note').length,
    latency: latency(samples),
    cold: latency(cold),
    cpuMs: { warm: warmCpu / samples.length, cold: coldCpu / cold.length },
    found,
    fresh: freshSamples > 0 ? freshProcesses(freshSamples) : 'not asked for',
  };
}

/** `samples` rankings per mode, each in a new process (modes interleaved, so load spreads evenly). */
export function freshProcesses(samples: number): FreshRow[] | string {
  const { items, productsSold } = benchAccount();
  const dir = mkdtempSync(join(tmpdir(), 'backstory-relevance-'));
  try {
    const file = join(dir, 'index.bin');
    writeFileSync(
      file,
      serialize(
        buildTextsIndex(
          items.map((i) => i.text),
          productsSold,
        ),
      ),
    );
    const modes = ['saved', 'texts', 'minisearch'] as const;
    const runs = new Map<string, { wall: number[]; cpu: number[] }>(modes.map((m) => [m, { wall: [], cpu: [] }]));
    for (let s = 0; s < samples; s++)
      for (const mode of modes) {
        const child = spawnSync(
          process.execPath,
          ['--expose-gc', '--import', 'tsx', 'bench/relevance-fresh.ts', mode, String(s * 7), file],
          { encoding: 'utf8' },
        );
        const line = child.stdout?.trim().split('\n').pop();
        if (child.status !== 0 || !line) return `failed: ${child.stderr?.trim().split('\n').pop() ?? child.status}`;
        const got = JSON.parse(line) as { wallMs: number; cpuMs: number };
        runs.get(mode)!.wall.push(got.wallMs);
        runs.get(mode)!.cpu.push(got.cpuMs);
      }
    return modes.map((mode) => {
      const r = runs.get(mode)!;
      return { mode, latency: latency(r.wall), cpuMs: r.cpu.reduce((a, b) => a + b, 0) / r.cpu.length };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(freshProcesses(3), null, 1));
