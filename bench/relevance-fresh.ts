/**
 * One ranking in a process of its own, as in an MV3 worker that has just started: nothing read,
 * nothing compiled yet (the module is loaded, as the worker's script is, before its first
 * ticket). Run by bench/relevance.ts as a child process:
 *
 *   node --expose-gc --import tsx bench/relevance-fresh.ts <mode> <case> [saved index file]
 *
 * modes: `texts` reads the account's texts into an index (a worker with no saved index: the first
 * ticket after the notes changed); `saved` loads the index saved before (V8's serializer, which
 * Chromium's IndexedDB uses for the values it stores; the file read itself is not timed, as the
 * story's own read is not); `minisearch` is the baseline: untuned MiniSearch (BM25) built over the
 * same texts and searched with the ticket's words. Prints one line of JSON: wall, CPU (the process's) and
 * this thread's CPU ms.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import MiniSearch from 'minisearch';
import { rankForProblem } from '../core/relevance/rank';
import type { TextsIndex } from '../core/relevance/texts-index';
import { benchAccount, cpuNow, threadCpuNow } from './relevance-account';
import { collect, now } from './stats';

const [mode, caseArg, file] = process.argv.slice(2);
const { items, productsSold, cases } = benchAccount();
const c = cases[Number(caseArg) % cases.length]!;
const problem = { subject: c.subject, body: c.body };
const bytes = mode === 'saved' ? readFileSync(file!) : undefined;
collect();
// Node loads `performance` on its first use (its own modules, 2-3 ms of CPU here): before the
// timed step, as a browser worker has it built in.
now();
const thread0 = threadCpuNow();
const cpu0 = cpuNow();
const t0 = now();
let found: number;
if (mode === 'minisearch') {
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['id'] });
  mini.addAll(items.map((i) => ({ id: i.id, text: i.text })));
  found = Math.min(3, mini.search(`${problem.subject} ${problem.body}`).length);
} else {
  const saved = bytes ? (deserialize(bytes) as TextsIndex) : undefined;
  found = rankForProblem(items, problem, { productsSold, saved }).length;
}
const wallMs = now() - t0;
const cpuMs = cpuNow() - cpu0;
const threadMs = threadCpuNow() - thread0;
console.log(JSON.stringify({ mode, wallMs, cpuMs, threadMs, found }));
