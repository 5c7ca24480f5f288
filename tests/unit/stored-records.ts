// Tests seed and inspect sales records through this small table-like view of storage/record-store.ts
// (the records are packed, so there are no tables of them to read). `where` is a plain filter:
// a test's few records need no lookup.
import type { RecordKind } from '@/core/model';
import type { BackstoryDB } from '@/storage/db';
import {
  allRecords,
  countRecords,
  deleteRecords,
  putRecords,
  recordById,
  recordsByIds,
  type Stored,
} from '@/storage/record-store';

const has = (value: unknown, key: unknown) => (Array.isArray(value) ? value.includes(key) : value === key);

function view<K extends RecordKind>(db: BackstoryDB, kind: K) {
  const where = (field: string) => ({
    equals(key: unknown) {
      const matching = async () =>
        (await allRecords(db, kind)).filter((r) => has((r as unknown as Record<string, unknown>)[field], key));
      return {
        toArray: matching,
        count: async () => (await matching()).length,
        first: async () => (await matching())[0],
        primaryKeys: async () => (await matching()).map((r) => r.id),
      };
    },
  });
  return {
    get: (id: string) => recordById(db, kind, id),
    bulkGet: (ids: string[]) => recordsByIds(db, kind, ids),
    toArray: () => allRecords(db, kind),
    count: () => countRecords(db, kind),
    put: (record: Stored<K>) => putRecords(db, kind, [record]),
    bulkPut: (records: Stored<K>[]) => putRecords(db, kind, records),
    delete: (id: string) => deleteRecords(db, kind, [id]),
    clear: async () =>
      deleteRecords(
        db,
        kind,
        (await allRecords(db, kind)).map((r) => r.id),
      ),
    where,
  };
}

/** stored(db).accounts and the rest, as the tables they were before the packed layout. */
export function salesRows(db: BackstoryDB) {
  return {
    accounts: view(db, 'account'),
    contacts: view(db, 'contact'),
    campaigns: view(db, 'campaign'),
    deals: view(db, 'deal'),
    notes: view(db, 'note'),
  };
}
