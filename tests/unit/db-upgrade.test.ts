// Every released database version, stored as it was (tests/fixtures/db/backstory-v*.json), opens
// in the current code with every record intact.
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/storage/db';

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

describe('released database versions', () => {
  it('has a fixture of every version before the current one', () => {
    const current = openDb('versions-' + Math.random()).verno;
    const stored = fixtures.map(([, f]) => f.version).sort();
    expect(stored).toEqual(Array.from({ length: current - 1 }, (_, i) => i + 1));
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
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows));
      expect(await db.table(table).count(), table).toBe(rows.length);
    }
    // The indexes of the old version still answer.
    const account = fixture.tables.accounts![0] as { id: string; domains: string[] };
    expect(await db.accounts.where('domains').equals(account.domains[0]!).primaryKeys()).toContain(account.id);
    db.close();
  });
});
