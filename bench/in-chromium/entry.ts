/**
 * The page side of the Chromium run (bundled by bundle.ts, driven by chromium.ts): the same
 * matching and import code as bench/match.ts and bench/import.ts, over Chromium's own IndexedDB.
 * It exposes `window.backstoryBench`; every call makes its data in the page and deletes its
 * database afterwards.
 */
import Dexie from 'dexie';
import { openDb } from '../../storage/db';
import { loadTicketStory } from '../../services/ticket-story';
import { makeData } from '../data';
import { makeRefs, matchOn, type MatchResultRow } from '../match';
import { importCsv, importInto, importXlsx, type ImportRow } from '../import';
import { timeEach, type Latency } from '../stats';
import { breakdown, type MatchBreakdown } from './match-breakdown';
import { floorPut, packedProbe, rawPut, type PackedProbe } from './import-probes';

export interface PageEnv {
  userAgent: string;
  /** True when the page's IndexedDB (and Dexie's) is the browser's own, not a stand-in. */
  nativeIndexedDb: boolean;
  /** Cross-origin isolated pages get 5 µs timers instead of 100 µs. */
  crossOriginIsolated: boolean;
}

export interface ChromiumMatch extends MatchResultRow {
  breakdown: MatchBreakdown;
  /** The timed pass again, after the breakdown's ~20 passes over the same refs: `latency` is
   * taken right after the bulk load (as in Node), when Chromium's backend may still be settling. */
  latencyAgain: Latency;
}

export interface ChromiumImport extends ImportRow {
  /** What the commit cost before the packed layout: the same accounts (with their derived keys)
   * put straight into IndexedDB, no Dexie, one per record, in one transaction, into a store with
   * the four indexes the accounts table had. */
  rawPutMs: number;
  /** The bare floor under both: as many puts of `{ id }` records (no other field), into a store
   * without indexes, in one transaction, in the same profile (on disk): what Chromium's
   * IndexedDB costs per put on this machine, whatever the code above it does. */
  floorPutMs: number;
  /** `commitMs` of the same file committed again into the same database: every row an update. */
  recommitMs: number;
  /** The same accounts as an XLSX workbook: its size, parse (read-excel-file + the importer) and commit. */
  xlsx: ImportRow & { bytes: number };
  /** A probe of the packed layout the import needs (not the product's code yet): the same
   * accounts, with their derived keys, put 500 to a record into a store without indexes. */
  packed: PackedProbe;
}

export interface PageBench {
  env(): PageEnv;
  match(size: number, n: number): Promise<ChromiumMatch>;
  import(rows: number): Promise<ChromiumImport>;
}

declare global {
  interface Window {
    backstoryBench: PageBench;
  }
}

/** Dexie's errors lose their name and message on the way out of page.evaluate: keep them. */
const plainErrors =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await run(...args);
    } catch (e) {
      const { name, message, inner } = e as {
        name?: string;
        message?: string;
        inner?: { name?: string; message?: string };
      };
      throw new Error(`${name}: ${message}${inner ? ` (${inner.name}: ${inner.message})` : ''}`);
    }
  };

window.backstoryBench = {
  env: () => ({
    userAgent: navigator.userAgent,
    nativeIndexedDb: String(indexedDB.open).includes('[native code]') && Dexie.dependencies.indexedDB === indexedDB,
    crossOriginIsolated,
  }),
  match: plainErrors(async (size: number, n: number) => {
    const data = makeData(size);
    const db = openDb(`bench-match-${size}-${Date.now()}`);
    try {
      const row = await matchOn(db, data, n);
      const refs = makeRefs(data, n);
      const parts = await breakdown(db, refs);
      return { ...row, breakdown: parts, latencyAgain: await timeEach(refs, (ref) => loadTicketStory(db, ref)) };
    } finally {
      await db.delete();
    }
  }),
  import: plainErrors(async (rows: number) => {
    const bytes = importCsv(makeData(1000), rows);
    const db = openDb(`bench-import-${Date.now()}`);
    let row: ImportRow;
    let again: ImportRow;
    try {
      row = await importInto(db, bytes, rows);
      again = await importInto(db, bytes, rows);
    } finally {
      await db.delete();
    }
    const xlsxBytes = importXlsx(makeData(1000), rows);
    const xdb = openDb(`bench-import-xlsx-${Date.now()}`);
    let xlsx: ImportRow;
    try {
      xlsx = await importInto(xdb, xlsxBytes, rows, 'accounts.xlsx');
    } finally {
      await xdb.delete();
    }
    const raw = await rawPut(bytes);
    const floorPutMs = await floorPut(rows);
    return {
      ...row,
      xlsx: { ...xlsx, bytes: xlsxBytes.length },
      rawPutMs: raw.putMs,
      floorPutMs,
      recommitMs: again.commitMs,
      packed: await packedProbe(bytes, raw.readAllMs),
    };
  }),
};
