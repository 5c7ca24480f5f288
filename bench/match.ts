/**
 * Ticket matching: from what a page says (contact email, company) to the backstory, through the
 * Dexie indexes (fake-indexeddb in Node: it measures our code and Dexie, not Chromium's IDB).
 */
import 'fake-indexeddb/auto';
import { openDb } from '../storage/db';
import { loadRecordSet } from '../storage/import';
import { loadTicketStory } from '../storage/ticket-story';
import type { TicketRef } from '../core/model';
import type { BenchData } from './data';
import { rng } from './data';
import { latency, now, type Latency } from './stats';

export interface MatchResultRow { loadMs: number; latency: Latency; matched: number; n: number }

export async function matchBench(data: BenchData, n = 300): Promise<MatchResultRow> {
  const db = openDb(`bench-match-${data.accounts.length}-${Date.now()}`);
  const t0 = now();
  await loadRecordSet(db, data, 'bench');
  const loadMs = now() - t0;
  const r = rng(5);
  const refs: TicketRef[] = [];
  for (let i = 0; i < n; i++) {
    const a = data.accounts[Math.floor(r() * data.accounts.length)]!;
    const byEmail = i % 3 !== 2;
    refs.push({
      helpdesk: 'generic', ticketId: String(i), url: `https://help.example.com/tickets/${i}`,
      company: byEmail ? undefined : a.name, contactEmail: byEmail ? data.emailsByAccount.get(a.id)![0] : undefined, emails: [], missing: [],
    });
  }
  for (const ref of refs.slice(0, 20)) await loadTicketStory(db, ref); // warm-up
  const times: number[] = [];
  let matched = 0;
  for (const ref of refs) {
    const s = now();
    const story = await loadTicketStory(db, ref);
    times.push(now() - s);
    if (story.match.status === 'matched') matched++;
  }
  db.close();
  return { loadMs, latency: latency(times), matched, n };
}
