/**
 * How sales records are laid out in IndexedDB (storage/records.ts reads and writes them): packed
 * many to a row, because Chromium's IndexedDB costs about 0.1 ms per put on this machine whatever
 * the record, so 100k rows one per record could never import in the 5 s the import needs
 * (bench/README.md, "A packed layout for the import").
 *
 * - `packs`: a kind's records in BUCKETS rows, a record's row chosen by a hash of its id, each
 *   row's records sorted by id.
 * - `lookups`: what IndexedDB indexes answered before (an account by domain, a contact by email,
 *   an account's notes...): per lookup, BUCKETS rows of key -> ids (sorted), a key's row chosen
 *   by a hash of the key. A cold ticket reads a handful of rows, not the whole data.
 * - `recordCounts`: per kind, how many records each source holds.
 *
 * Only string keys are listed, each once per record, as a (multi-entry) IndexedDB index did.
 */
import type { RecordKind } from '@/core/model';

export const BUCKETS = 512;

/** FNV-1a of the string, folded to a bucket. */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export interface PackRow {
  kind: RecordKind;
  bucket: number;
  /** Sorted by id. */
  records: { id: string }[];
}

export interface LookupRow {
  lookup: LookupName;
  bucket: number;
  /** Key -> ids of the records that have it, sorted. */
  ids: Map<string, string[]>;
}

export interface CountRow {
  kind: RecordKind;
  bySource: Map<string, number>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : []);
const one = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);
type Keys = (record: Record<string, unknown>) => string[];

/** Each kind's lookups: the name a reader asks by, and the keys a record is listed under. */
export const LOOKUPS = {
  account: { 'account.nameKey': (r) => one(r.nameKey), 'account.aliasKeys': (r) => strings(r.aliasKeys), 'account.domains': (r) => strings(r.domains) },
  contact: { 'contact.accountId': (r) => one(r.accountId), 'contact.email': (r) => one(r.email) },
  campaign: {},
  deal: { 'deal.accountId': (r) => one(r.accountId), 'deal.campaignId': (r) => one(r.campaignId) },
  note: { 'note.accountId': (r) => one(r.accountId), 'note.dealId': (r) => one(r.dealId) },
} satisfies Record<RecordKind, Record<string, Keys>>;

type LookupsOf<K extends RecordKind> = keyof (typeof LOOKUPS)[K];
export type LookupName = { [K in RecordKind]: LookupsOf<K> }[RecordKind] & string;

/** IndexedDB orders string keys by UTF-16 code units, as `<` does (localeCompare would not). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byId = (a: { id: string }, b: { id: string }): number => compareKeys(a.id, b.id);

/** Index of the record with this id in a pack's sorted records, or -1. */
export function findInPack(records: { id: string }[], id: string): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < records.length && records[lo]!.id === id ? lo : -1;
}

/** One record's change: what was stored before (if anything) and what is stored now (if anything). */
export interface Change {
  id: string;
  source?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Per lookup row (by `${lookup}|${bucket}`): the ids to add and remove under each key. */
export function lookupEdits(kind: RecordKind, changes: Change[]): Map<string, { lookup: LookupName; bucket: number; edits: Map<string, { add: string[]; remove: string[] }> }> {
  const rows = new Map<string, { lookup: LookupName; bucket: number; edits: Map<string, { add: string[]; remove: string[] }> }>();
  for (const [lookup, keysOf] of Object.entries(LOOKUPS[kind]) as [LookupName, Keys][]) {
    for (const c of changes) {
      const before = c.before ? keysOf(c.before) : [];
      const after = c.after ? keysOf(c.after) : [];
      if (before.length === after.length && before.every((k, i) => k === after[i])) continue;
      const edit = (key: string, add: boolean) => {
        const bucket = bucketOf(key);
        const rowKey = `${lookup}|${bucket}`;
        let row = rows.get(rowKey);
        if (!row) rows.set(rowKey, (row = { lookup, bucket, edits: new Map() }));
        let e = row.edits.get(key);
        if (!e) row.edits.set(key, (e = { add: [], remove: [] }));
        (add ? e.add : e.remove).push(c.id);
      };
      for (const k of before) if (!after.includes(k)) edit(k, false);
      for (const k of after) if (!before.includes(k)) edit(k, true);
    }
  }
  return rows;
}

/** Apply one row's edits to its key -> ids map (in place): ids stay sorted and unique. */
export function applyEdits(ids: Map<string, string[]>, edits: Map<string, { add: string[]; remove: string[] }>): void {
  for (const [key, { add, remove }] of edits) {
    let list = ids.get(key) ?? [];
    if (remove.length) {
      const gone = new Set(remove);
      list = list.filter((id) => !gone.has(id));
    }
    if (add.length) {
      list = list.concat(add);
      list.sort(compareKeys);
      // An id both removed and added back, or added twice, is listed once.
      list = list.filter((id, i) => i === 0 || id !== list[i - 1]);
    }
    if (list.length) ids.set(key, list);
    else ids.delete(key);
  }
}
