// Site reading recipes ("show me where") travel in the backup: exported beside the records,
// checked in full when the file is read (one bad recipe refuses the whole file), and restored
// by the background's commit of the import, never over a recipe the organisation set.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type BackstoryDB } from '@/storage/db';
import { recipesItem } from '@/storage/sites';
import { countsByKind } from '@/storage/record-store';
import { exportBackup, parseJsonText, serializeBackup, validateBackup } from '@/sources/backup';
import { parseImportFile } from '@/sources/csv-import';
import { commitStagedImport } from '@/services/data-writes';
import { makeSampleData } from '@/sources/sample-data';

/** A backup file's text read as the importer reads it (sources/json-import.ts). */
const parseBackup = (text: string) => validateBackup(parseJsonText(text));

const DESK = 'https://desk.example.com';
const LOCAL = 'http://127.0.0.1:8080';
const TEAM = 'https://team.example.com';

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const asFile = (text: string, fileName = 'backstory-backup.json') =>
  parseImportFile({ fileName, bytes: new TextEncoder().encode(text) });
const stage = async (text: string) => {
  const id = crypto.randomUUID();
  await db.importStages.put({ id, createdAt: new Date().toISOString(), payload: [asFile(text)] });
  return id;
};

describe('recipes in the backup', () => {
  it('exports the technician’s own recipes, not the organisation’s, and none at all when there are none', async () => {
    expect(await exportBackup(db, await recipesItem.getValue())).not.toHaveProperty('recipes');
    await recipesItem.setValue({
      [DESK]: { company: '#org', contactEmail: 'a.mail', savedAt: '2026-12-06T10:00:00.000Z' },
      [TEAM]: { company: '.co', managed: true },
    });
    expect((await exportBackup(db, await recipesItem.getValue())).recipes).toEqual({
      [DESK]: { company: '#org', contactEmail: 'a.mail', savedAt: '2026-12-06T10:00:00.000Z' },
    });
  });

  it('restores them from an exported file into a fresh profile, with the records', async () => {
    const accounts = parseImportFile({
      fileName: 'backstory-accounts.csv',
      bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', 'backstory-accounts.csv'))),
    });
    await db.importStages.put({ id: 'accounts', createdAt: new Date().toISOString(), payload: [accounts] });
    expect((await commitStagedImport(db, 'accounts')).ok).toBe(true);
    await recipesItem.setValue({
      [DESK]: { company: '#org', contactEmail: 'a.mail', savedAt: '2026-12-06T10:00:00.000Z' },
      [LOCAL]: { contactEmail: 'td[data-field="email"]', ticketId: 'h1 .no' },
    });
    const text = serializeBackup(await exportBackup(db, await recipesItem.getValue()));
    const before = await countsByKind(db);

    // A fresh profile: no recipes, an empty database.
    fakeBrowser.reset();
    db.close();
    await db.delete();
    db = openDb(`test-${Math.random()}`);
    await db.open();
    const outcome = await commitStagedImport(db, await stage(text));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(await countsByKind(db)).toEqual(before);
    expect(before.account).toBeGreaterThan(0);
    expect(await recipesItem.getValue()).toEqual({
      [DESK]: { company: '#org', contactEmail: 'a.mail', savedAt: '2026-12-06T10:00:00.000Z' },
      [LOCAL]: { contactEmail: 'td[data-field="email"]', ticketId: 'h1 .no' },
    });
    expect(outcome.summary.warnings).toContainEqual({ code: 'recipesRestored', args: ['2'] });
  });

  it('replaces the site’s own recipe but never one the organisation set', async () => {
    await recipesItem.setValue({ [DESK]: { company: '.old' }, [TEAM]: { company: '.policy', managed: true } });
    const text = JSON.stringify({
      ...(await exportBackup(db, await recipesItem.getValue())),
      recipes: { [DESK]: { company: '.new' }, [TEAM]: { company: '.mine' } },
    });
    const outcome = await commitStagedImport(db, await stage(text));
    expect(outcome.ok && outcome.summary.warnings).toEqual([
      { code: 'recipesRestored', args: ['1'] },
      { code: 'recipeManaged', args: [TEAM] },
    ]);
    expect(await recipesItem.getValue()).toEqual({
      [DESK]: { company: '.new' },
      [TEAM]: { company: '.policy', managed: true },
    });
  });

  it.each([
    [
      { 'https://desk.example.com/tickets': { company: '.a' } },
      /recipes\["https:\/\/desk.example.com\/tickets"\]: is not a site origin/,
    ],
    [{ 'javascript:alert(1)': { company: '.a' } }, /is not a site origin/],
    [{ [DESK]: { ticketId: '.no' } }, /names neither "company" nor "contactEmail"/],
    [{ [DESK]: { company: 'div '.repeat(80) } }, /\.company: is longer than 300 characters/],
    [{ [DESK]: { company: '.a\n.b' } }, /\.company: holds a control character/],
    [{ [DESK]: { company: '.a', managed: true } }, /unknown field "managed"/],
    [{ [DESK]: { company: '.a', savedAt: 'last week' } }, /savedAt: is not a date and time/],
    [{ [DESK]: 'div.org' }, /expected object/],
  ])('refuses a backup with a bad recipe, naming it, and imports nothing of it (%j)', async (recipes, said) => {
    const good = await exportBackup(db, await recipesItem.getValue());
    const text = JSON.stringify({ ...good, records: makeSampleData(), recipes });
    expect(() => parseBackup(text)).toThrow(said);
    const outcome = await commitStagedImport(db, await stage(text));
    expect(outcome.ok).toBe(false);
    expect((await countsByKind(db)).account).toBe(0);
    expect(await recipesItem.getValue()).toEqual({});
  });

  it('refuses more recipes than a team has help desks', () => {
    const recipes = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [`https://desk${i}.example.com`, { company: '.a' }]),
    );
    expect(() =>
      parseBackup(
        JSON.stringify({
          format: 'backstory-backup',
          version: 1,
          exportedAt: '2026-12-06T10:00:00.000Z',
          records: { accounts: [], contacts: [], campaigns: [], deals: [], notes: [] },
          pins: [],
          recipes,
        }),
      ),
    ).toThrow(/more than 200 recipes/);
  });
});
