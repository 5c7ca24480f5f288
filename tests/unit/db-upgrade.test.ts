// Every released database version, stored as it was (tests/fixtures/db/backstory-v*.json), opens
// in the current code with every record intact.
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/storage/db';
import { accountIdsByKey, allRecords, countRecords, recordsOfAccount } from '@/storage/record-store';

interface DbFixture {
  about: string;
  version: number;
  schema: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = 'tests/fixtures/db';
const fixtures = readdirSync(dir)
  .filter((f) => /^backstory-v\d+\.json$/.test(f))
  .map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as DbFixture] as const);

/** Versions never released alone: 5 moved the sales records into packs, and 6, released with it, dropped their old tables. */
const RELEASED_WITH_THE_NEXT = [5];
/** The tables of sales records before version 5: read back through storage/record-store.ts. */
const SALES = {
  accounts: 'account',
  contacts: 'contact',
  campaigns: 'campaign',
  deals: 'deal',
  notes: 'note',
} as const;
const isSales = (table: string): table is keyof typeof SALES => table in SALES;

describe('released database versions', () => {
  it('has a fixture of every version before the current one', () => {
    const current = openDb('versions-' + Math.random()).verno;
    const stored = fixtures.map(([, f]) => f.version).sort();
    expect(stored).toEqual(
      Array.from({ length: current - 1 }, (_, i) => i + 1).filter((v) => !RELEASED_WITH_THE_NEXT.includes(v)),
    );
  });

  it.each(fixtures)('%s opens in the current code with every record intact', async (_file, fixture) => {
    const name = `upgrade-${fixture.version}-${Math.random()}`;
    const old = new Dexie(name);
    old.version(fixture.version).stores(fixture.schema);
    await old.open();
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThan(fixture.version);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = isSales(table) ? await allRecords(db, SALES[table]) : await db.table(table).toArray();
      expect(stored, table).toEqual(expect.arrayContaining(rows));
      expect(stored, table).toHaveLength(rows.length);
      if (isSales(table)) expect(await countRecords(db, SALES[table]), table).toBe(rows.length);
    }
    // The old version's lookups still answer, from the packed layout's (packed fixtures hold
    // their accounts in packs rows).
    const packed = (kind: string) =>
      (fixture.tables.packs ?? []).flatMap((row) =>
        row.kind === kind ? (row.records as Record<string, unknown>[]) : [],
      );
    const accounts = fixture.tables.accounts ?? packed('account');
    const contacts = fixture.tables.contacts ?? packed('contact');
    expect(accounts.length).toBeGreaterThan(0);
    const account = accounts[0] as { id: string; domains: string[]; nameKey: string };
    expect(await accountIdsByKey(db, 'domains', account.domains[0]!)).toContain(account.id);
    expect(await accountIdsByKey(db, 'nameKey', account.nameKey)).toContain(account.id);
    const contact = contacts[0] as { id: string; accountId: string };
    expect((await recordsOfAccount(db, 'contact', contact.accountId)).map((c) => c.id)).toContain(contact.id);
    db.close();
  });
});
