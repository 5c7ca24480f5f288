/**
 * Page scan: the generic detector over ticket pages of 20, 50 and 100 KB, and, as the baseline
 * for a future "find every known account name, alias, domain and email in the page text" step,
 * a naive scan with one big RegExp over all those patterns.
 */
import { Window } from 'happy-dom';
import { readGeneric } from '../adapters/generic';
import type { BenchData } from './data';
import { heapMb, latency, now, type Latency } from './stats';

export interface ScanRow { name: string; sizeKb: number; latency: Latency; buildMs?: number; memoryMb?: number; found?: number }

function ticketPage(data: BenchData, kb: number): string {
  const a = data.accounts[7]!;
  const parts = [`<h1>Ticket #1042 Printer offline</h1><dl><dt>Company</dt><dd>${a.name}</dd><dt>Requester</dt><dd>${data.emailsByAccount.get(a.id)![0]}</dd></dl>`];
  let i = 0;
  while (parts.join('').length < kb * 1024) {
    const n = data.notes[i++ % data.notes.length]!;
    parts.push(`<div class="message-body"><p>${n.body}</p><p>Regards, ${data.accounts[i % data.accounts.length]!.name}</p></div>`);
  }
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function pageScanBench(data: BenchData, sizesKb = [20, 50, 100], runs = 30): ScanRow[] {
  const rows: ScanRow[] = [];
  const window = new Window();
  const url = new URL('https://help.example.com/tickets/1042');
  for (const kb of sizesKb) {
    const html = ticketPage(data, kb);
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    readGeneric(doc, url);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = now();
      readGeneric(doc, url);
      times.push(now() - s);
    }
    rows.push({ name: 'generic detector (DOM walk)', sizeKb: kb, latency: latency(times) });
  }
  // The naive baseline: every name, alias, domain and email as one alternation.
  const patterns = new Set<string>();
  for (const a of data.accounts) {
    patterns.add(a.name.toLowerCase());
    a.aliases.forEach((x) => patterns.add(x.toLowerCase()));
    a.domains.forEach((x) => patterns.add(x.toLowerCase()));
  }
  for (const emails of data.emailsByAccount.values()) emails.forEach((e) => patterns.add(e));
  const before = heapMb();
  const t0 = now();
  const sorted = [...patterns].sort((x, y) => y.length - x.length);
  const re = new RegExp(sorted.map(escape).join('|'), 'g');
  const buildMs = now() - t0;
  const memoryMb = Math.max(0, heapMb() - before);
  for (const kb of sizesKb) {
    const text = new window.DOMParser().parseFromString(ticketPage(data, kb), 'text/html').body.textContent!.toLowerCase();
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < Math.min(runs, 10); i++) {
      const s = now();
      found = text.match(re)?.length ?? 0;
      times.push(now() - s);
    }
    rows.push({ name: `naive one-RegExp scan (${patterns.size.toLocaleString()} patterns)`, sizeKb: kb, latency: latency(times), buildMs, memoryMb, found });
  }
  return rows;
}
