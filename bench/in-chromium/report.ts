/** How the Chromium runs of matching and import are printed (bench/in-chromium/entry.ts measures them). */
import { loadavg } from 'node:os';
import { ms, table } from '../stats';
import type { ChromiumImport, ChromiumMatch } from './entry';

/** The machine's load average (1, 5, 15 minutes), printed beside browser figures. */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}

/** The Chromium import beside what the same number of puts costs without our code and without indexes. */
export function importChromiumTable(i: ChromiumImport): string {
  const perSecond = (t: number) => Math.round(i.rows / (t / 1000)).toLocaleString('en');
  const vsFloor = (t: number) => `${(t / i.floorPutMs).toFixed(1)}x`;
  const line = (label: string, t: number, floor = true) => [label, ms(t), perSecond(t), floor ? vsFloor(t) : ''];
  return (
    table(
      ['import in Chromium', 'ms', 'rows/s', 'vs floor'],
      [
        line('parse + commit (the target)', i.parseMs + i.commitMs),
        line(
          `the same as XLSX (${(i.xlsx.bytes / 1e6).toFixed(1)} MB): parse + commit`,
          i.xlsx.parseMs + i.xlsx.commitMs,
          false,
        ),
        line('  XLSX parse (read-excel-file + importer)', i.xlsx.parseMs, false),
        line('  XLSX commit', i.xlsx.commitMs, false),
        line('  parse (parseImportFile)', i.parseMs, false),
        line('  commit (commitImport: one rw transaction, Dexie)', i.commitMs),
        line('commit the same file again (every row an update)', i.recommitMs),
        line('before packs: one record per account, 4 indexes, no Dexie', i.rawPutMs),
        line('floor: as many puts of { id } records, store without indexes', i.floorPutMs),
        line('probe: the same accounts packed 500 to a record, one put each', i.packed.putMs),
        line('probe: read all back, packed (one getAll)', i.packed.readAllMs, false),
        line('probe: read all back, one record each (one getAll)', i.packed.readAllPerRecordMs, false),
        line('probe: packed, with multi-entry indexes of the lookup keys', i.packed.indexedPutMs),
      ],
    ) +
    `\nprobe: one packed record of 500 accounts read by key: p50 ${ms(i.packed.readOne.p50)} ms, p95 ${ms(i.packed.readOne.p95)} ms` +
    `; found by a domain through the packs' index: p50 ${ms(i.packed.readByDomain.p50)} ms, p95 ${ms(i.packed.readByDomain.p95)} ms`
  );
}

/** Where one loadTicketStory's time goes in Chromium: each of its queries alone, with its IndexedDB work. */
export function matchBreakdownTable(m: ChromiumMatch): string {
  const b = m.breakdown;
  const lat = (label: string, l: { p50: number; p95: number }) => [label, ms(l.p50), ms(l.p95), '', '', ''];
  const per = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return table(
    ['Chromium: where a loadTicketStory goes', 'p50 ms', 'p95 ms', 'transactions', 'requests', 'cursor steps'],
    [
      [
        'loadTicketStory, ref by contact email',
        '',
        '',
        per(b.perStory.byEmail.transactions),
        per(b.perStory.byEmail.requests),
        per(b.perStory.byEmail.cursorSteps),
      ],
      [
        'loadTicketStory, ref by company name',
        '',
        '',
        per(b.perStory.byCompany.transactions),
        per(b.perStory.byCompany.requests),
        per(b.perStory.byCompany.cursorSteps),
      ],
      lat('matchTicket alone', b.matchTicket),
      lat('loadBackstory alone', b.loadBackstory),
      ...b.queries.map((q) => [
        `  ${q.query}`,
        ms(q.latency.p50),
        ms(q.latency.p95),
        per(q.idb.transactions),
        per(q.idb.requests),
        per(q.idb.cursorSteps),
      ]),
      lat('one account by id (one transaction)', b.dexieGet),
      lat('its pack row read on IndexedDB, no Dexie', b.rawGet),
      lat('ten gets in turn, a transaction each', b.tenGetsOwnTransactions),
      lat('ten gets in turn, one transaction', b.tenGetsOneTransaction),
    ],
  );
}
