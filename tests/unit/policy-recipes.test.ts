// Reading recipes ("show me where") deployed to the team by browser policy: read and checked
// like a recipe from a backup, applied locked, and taken back when the policy drops them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolicy } from '@/core/policy';
import { applyPolicy, policyContext } from '@/services/policy';
import { openDb, type BackstoryDB } from '@/storage/db';
import { recipesItem } from '@/storage/sites';
import { removeRecipe, saveRecipe } from '@/services/recipes';
import { exportBackup } from '@/sources/backup';

const read = (raw: unknown) => readPolicy(raw, policyContext);
const DESK = 'https://desk.msp.example';

describe('recipes in the managed policy', () => {
  it('reads each site address and its locators', () => {
    const { policy, problems } = read({
      readingRecipes: [
        { address: 'desk.msp.example/tickets', company: '#org', contactEmail: 'td[data-field="email"]' },
        { address: 'http://127.0.0.1:8080', contactEmail: '.mail', ticketId: 'h1 .no' },
      ],
    });
    expect(problems).toEqual([]);
    expect(policy.recipes).toEqual([
      { origin: DESK, company: '#org', contactEmail: 'td[data-field="email"]' },
      { origin: 'http://127.0.0.1:8080', contactEmail: '.mail', ticketId: 'h1 .no' },
    ]);
  });

  it.each([
    ['nope', 'notRecipeList', /must be a list of recipes/],
    [[{ company: '#org' }], 'notText', /recipe 1's "address" must be a text/],
    [[{ address: DESK, ticketId: '.no' }], 'noWho', /recipe 1 names neither "company" nor "contactEmail"/],
    [[{ address: DESK, company: 'x'.repeat(301) }], 'tooLong', /recipe 1's "company" is longer than 300 characters/],
    [[{ address: DESK, company: '.a\u0000' }], 'controlCharacter', /holds a control character/],
    [
      [{ address: DESK, company: '.a', savedAt: '2026-01-01T00:00:00Z' }],
      'unknownFields',
      /unknown field\(s\) "savedAt"/,
    ],
    [[{ address: 'ftp://desk.msp.example', company: '.a' }], 'notSiteAddress', /not a help-desk address/],
    [
      [
        { address: DESK, company: '.a' },
        { address: `${DESK}/x`, company: '.b' },
      ],
      'recipeTwice',
      /has two recipes/,
    ],
    [[42], 'recipeNotObject', /must be an object/],
  ])('leaves the whole list out, named, when one entry is malformed (%j)', (readingRecipes, code, said) => {
    const { policy, problems } = read({ readingRecipes, salesContact: 'sales@msp.example' });
    expect(policy.recipes).toBeUndefined();
    expect(policy.salesContact).toBe('sales@msp.example');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('readingRecipes');
    expect(problems[0]!.code).toBe(code);
    expect(problems[0]!.message).toMatch(said);
  });

  it('is in the policy schema the browser validates against, as a list of objects with the locators', () => {
    const schema = JSON.parse(readFileSync(resolve('public/schema.json'), 'utf8'));
    const entry = schema.properties.readingRecipes;
    expect(entry.type).toBe('array');
    expect(Object.keys(entry.items.properties).sort()).toEqual(['address', 'company', 'contactEmail', 'ticketId']);
  });

  describe('applied', () => {
    let db: BackstoryDB;
    beforeEach(async () => {
      db = openDb(`test-${Math.random()}`);
      await db.open();
    });
    afterEach(async () => {
      db.close();
      await db.delete();
    });
    const apply = (readingRecipes: unknown[], at: string) => applyPolicy(db, read({ readingRecipes }), new Date(at));

    it('locks the policy recipes, keeps the technician’s own for other sites, and takes them back when dropped', async () => {
      await recipesItem.setValue({
        'https://mine.example': { company: '.mine', savedAt: '2026-12-01T00:00:00.000Z' },
        [DESK]: { company: '.own-guess' },
      });
      await apply([{ address: DESK, company: '#org', contactEmail: '.mail' }], '2026-12-06T10:00:00Z');
      expect(await recipesItem.getValue()).toEqual({
        'https://mine.example': { company: '.mine', savedAt: '2026-12-01T00:00:00.000Z' },
        [DESK]: { company: '#org', contactEmail: '.mail', savedAt: '2026-12-06T10:00:00.000Z', managed: true },
      });
      // Locked: neither Options nor the picker changes it; backups leave it out.
      expect(await removeRecipe(DESK)).toBe(false);
      await expect(saveRecipe(`${DESK}/t/1`, { company: '.x' })).rejects.toThrow();
      expect(Object.keys((await exportBackup(db, await recipesItem.getValue())).recipes ?? {})).toEqual([
        'https://mine.example',
      ]);

      // The same policy again keeps the date it was first set; a changed one is dated anew.
      await apply([{ address: DESK, company: '#org', contactEmail: '.mail' }], '2026-12-07T10:00:00Z');
      expect((await recipesItem.getValue())[DESK]?.savedAt).toBe('2026-12-06T10:00:00.000Z');
      await apply([{ address: DESK, company: '#org2', contactEmail: '.mail' }], '2026-12-08T10:00:00Z');
      expect((await recipesItem.getValue())[DESK]).toMatchObject({
        company: '#org2',
        savedAt: '2026-12-08T10:00:00.000Z',
      });

      await apply([], '2026-12-09T10:00:00Z');
      expect(await recipesItem.getValue()).toEqual({
        'https://mine.example': { company: '.mine', savedAt: '2026-12-01T00:00:00.000Z' },
      });
    });
  });
});
