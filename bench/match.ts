/**
 * Ticket matching: from what a page says (contact email, company) to the backstory, through the
 * packed layout's lookups (storage/record-store.ts) and through the match memory. `matchBench` runs it in Node over fake-indexeddb (it measures our code and Dexie,
 * not Chromium's IDB); bench/in-chromium runs the same `matchOn` in Chromium's real IndexedDB.
 */
import 'fake-indexeddb/auto'; // left out of the Chromium page's bundle (bench/in-chromium/bundle.ts)
import { openDb, type BackstoryDB } from '../storage/db';
import { loadRecordSet } from '../storage/record-writes';
import { loadTicketStory } from '../services/ticket-story';
import { buildMatchMemory, type MatchMemory } from '../background-caches/match-memory';
import type { TicketRef } from '../core/model';
import type { BenchData } from './data';
import { rng } from './data';
import { latency, now, type Latency } from './stats';

export interface MatchResultRow {
  loadMs: number;
  /** Through the lookups alone (storage/record-store.ts, no match memory): what a worker that has just started answers. */
  latency: Latency;
  matched: number;
  n: number;
  /** With the worker's match memory (background-caches/match-memory.ts), as every later ticket is answered;
   * its heap in MB where the run can measure it (Node with --expose-gc). */
  memory: { buildMs: number; latency: Latency; matched: number; heapMb?: number };
}

/** What `n` ticket pages say: two in three give a contact email, the third a company name. */
export function makeRefs(data: BenchData, n = 300): TicketRef[] {
  const r = rng(5);
  const refs: TicketRef[] = [];
  for (let i = 0; i < n; i++) {
    const a = data.accounts[Math.floor(r() * data.accounts.length)]!;
    const byEmail = i % 3 !== 2;
    refs.push({
      helpdesk: 'generic',
      ticketId: String(i),
      url: `https://help.example.com/tickets/${i}`,
      company: byEmail ? undefined : a.name,
      contactEmail: byEmail ? data.emailsByAccount.get(a.id)![0] : undefined,
      emails: [],
      missing: [],
    });
  }
  return refs;
}

/**
 * Load `data` into `db`, then time loadTicketStory for each ref (after 20 warm-up calls): through
 * the lookups, then with the match memory (its build timed apart, as the worker makes it off the
 * ticket's path).
 */
export async function matchOn(db: BackstoryDB, data: BenchData, n = 300): Promise<MatchResultRow> {
  const t0 = now();
  await loadRecordSet(db, data, 'bench');
  const loadMs = now() - t0;
  const refs = makeRefs(data, n);
  const pass = async (memory?: MatchMemory) => {
    for (const ref of refs.slice(0, 20)) await loadTicketStory(db, ref, undefined, memory); // warm-up
    const times: number[] = [];
    let matched = 0;
    for (const ref of refs) {
      const s = now();
      const story = await loadTicketStory(db, ref, undefined, memory);
      times.push(now() - s);
      if (story.match.status === 'matched') matched++;
    }
    return { latency: latency(times), matched };
  };
  const indexed = await pass();
  const heap = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc || typeof process === 'undefined') return undefined;
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const t1 = now();
  const memory = await buildMatchMemory(db);
  const buildMs = now() - t1;
  const after = heap();
  const heapMb = before !== undefined && after !== undefined ? (after - before) / 2 ** 20 : undefined;
  // The worker builds the memory a moment after one ticket, and the next comes seconds later:
  // by then the collector has dealt with the build's garbage (at 50k accounts, a few hundred MB
  // read and dropped), which it otherwise does in the middle of the timed tickets.
  await new Promise((resolve) => setTimeout(resolve, QUIET_AFTER_BUILD_MS));
  return { loadMs, ...indexed, n, memory: { buildMs, heapMb, ...(await pass(memory)) } };
}

/** The pause between building the memory and timing tickets with it. */
const QUIET_AFTER_BUILD_MS = 2000;

export async function matchBench(data: BenchData, n = 300): Promise<MatchResultRow> {
  const db = openDb(`bench-match-${data.accounts.length}-${Date.now()}`);
  try {
    return await matchOn(db, data, n);
  } finally {
    db.close();
  }
}
