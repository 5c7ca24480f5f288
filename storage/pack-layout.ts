/**
 * How sales records are laid out in IndexedDB (storage/record-store.ts reads and writes them): packed
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
import { firstAtLeast, firstWhereNot } from '@/core/binary-search';
import { fnv1a } from '@/core/hash';

export const BUCKETS = 512;

/** FNV-1a of the string, folded to a bucket. */
export function bucketOf(key: string): number {
  return fnv1a(key) % BUCKETS;
}

export interface PackRow {
  kind: RecordKind;
  bucket: number;
  /** Sorted by id. */
  records: { id: string }[];
}

/**
 * One row of a lookup: its keys, sorted, and the ids of the records under each (sorted), flat.
 * Flat because IndexedDB clones two lists of strings much faster than a map of small lists
 * (an import of 100k accounts writes some 300k keys).
 */
export interface LookupRow {
  lookup: LookupName;
  bucket: number;
  keys: string[];
  /** Where key i's ids end in `ids` (they start where key i-1's end). */
  ends: Uint32Array;
  ids: string[];
}

/** The ids listed under a key in a row (by id), or none. */
export function idsIn(row: LookupRow | undefined, key: string): string[] {
  if (!row) return [];
  const { keys } = row;
  const lo = firstAtLeast(keys, key);
  if (lo >= keys.length || keys[lo] !== key) return [];
  return row.ids.slice(lo ? row.ends[lo - 1]! : 0, row.ends[lo]!);
}

/** A row's content as a map of key -> ids, to edit. */
function decode(row: LookupRow | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!row) return map;
  row.keys.forEach((key, i) => map.set(key, row.ids.slice(i ? row.ends[i - 1]! : 0, row.ends[i]!)));
  return map;
}

/** The row for a map of key -> ids. */
function encode(lookup: LookupName, bucket: number, map: Map<string, string[]>): LookupRow {
  const keys = [...map.keys()].sort();
  const ends = new Uint32Array(keys.length);
  const ids: string[] = [];
  keys.forEach((key, i) => {
    for (const id of map.get(key)!) ids.push(id);
    ends[i] = ids.length;
  });
  return { lookup, bucket, keys, ends, ids };
}

export interface CountRow {
  kind: RecordKind;
  bySource: Map<string, number>;
}

/** The strings of a list, each once (lists of keys are short: includes beats a Set). */
const strings = (v: unknown): string[] => {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const x of v) if (typeof x === 'string' && !out.includes(x)) out.push(x);
  return out;
};
const one = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);
type Keys = (record: Record<string, unknown>) => string[];

/** Each kind's lookups: the name a reader asks by, and the keys a record is listed under. */
const LOOKUPS = {
  account: {
    'account.nameKey': (r) => one(r.nameKey),
    'account.aliasKeys': (r) => strings(r.aliasKeys),
    'account.domains': (r) => strings(r.domains),
  },
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
  const lo = firstWhereNot(0, records.length, (i) => records[i]!.id < id);
  return lo < records.length && records[lo]!.id === id ? lo : -1;
}

/** One record's change: what was stored before (if anything) and what is stored now (if anything). */
export interface Change {
  id: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The ids to add under one key of a lookup row, and to remove from it. */
export interface KeyEdit {
  add: string[];
  remove: string[];
}

/** One lookup row's edits: by key. */
export interface RowEdits {
  lookup: LookupName;
  bucket: number;
  edits: Map<string, KeyEdit>;
}

/** The lookup rows the changes touch, with what each must add and remove under which key. */
export function lookupEdits(kind: RecordKind, changes: Change[]): RowEdits[] {
  const out: RowEdits[] = [];
  for (const [lookup, keysOf] of Object.entries(LOOKUPS[kind]) as [LookupName, Keys][]) {
    const rows: (Map<string, KeyEdit> | undefined)[] = new Array(BUCKETS);
    const edit = (key: string, id: string, add: boolean) => {
      const row = (rows[bucketOf(key)] ??= new Map());
      let e = row.get(key);
      if (!e) row.set(key, (e = { add: [], remove: [] }));
      (add ? e.add : e.remove).push(id);
    };
    for (const c of changes) {
      const before = c.before ? keysOf(c.before) : [];
      const after = c.after ? keysOf(c.after) : [];
      if (!before.length) {
        for (const k of after) edit(k, c.id, true);
      } else {
        for (const k of before) if (!after.includes(k)) edit(k, c.id, false);
        for (const k of after) if (!before.includes(k)) edit(k, c.id, true);
      }
    }
    rows.forEach((edits, bucket) => edits && out.push({ lookup, bucket, edits }));
  }
  return out;
}

/** The row with its edits applied (a new row where none was): ids stay sorted and unique. */
export function applyEdits(
  lookup: LookupName,
  bucket: number,
  row: LookupRow | undefined,
  edits: Map<string, KeyEdit>,
): LookupRow {
  const ids = decode(row);
  for (const [key, { add, remove }] of edits) {
    const stored = ids.get(key);
    // The common case of an import: a key new to the row, for one record.
    if (!stored && !remove.length && add.length === 1) {
      ids.set(key, add);
      continue;
    }
    let list = stored ?? [];
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
  return encode(lookup, bucket, ids);
}
