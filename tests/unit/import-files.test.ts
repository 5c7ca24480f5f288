// The import files held where they were parsed (the options page's import worker): the page gets
// a summary without records, the plan and the stage are made where the records are, and a staged
// import commits whole through the background's commitStagedImport.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HeldFiles } from '@/entrypoints/options/import-files';
import { openDb, type BackstoryDB } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { commitStagedImport } from '@/services/data-writes';

const fixture = (path: string) => new Uint8Array(readFileSync(resolve('tests/fixtures/csv', path)));

let db: BackstoryDB;
let held: HeldFiles;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`test-${Math.random()}`);
  await db.open();
  held = new HeldFiles(() => db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('held import files', () => {
  it("gives the page a summary of what the review shows, never the file's records", async () => {
    const rows = ['id,name,domains,description'];
    for (let i = 0; i < 50; i++) rows.push(`a${i},Account ${i},a${i}.example,Sold a firewall ${i}`);
    const { summary } = await held.parse({ fileName: 'accounts.csv' }, new TextEncoder().encode(rows.join('\n')));
    expect(summary.rowCount).toBe(50);
    expect(summary.preview).toHaveLength(5);
    expect(summary.rows).toHaveLength(5);
    expect(summary.textNoteCount).toBe(50);
    expect(summary).not.toHaveProperty('records');
    expect(summary).not.toHaveProperty('textNotes');
    // What crosses to the page stays small whatever the file's size.
    expect(JSON.stringify(summary).length).toBeLessThan(4000);
  });

  it('plans and stages the held files, and the staged import commits whole', async () => {
    const set = ['Account', 'Opportunity', 'Campaign', 'User'].map((n) => `salesforce-data-export/${n}.csv`);
    const keys: number[] = [];
    for (const path of set) keys.push((await held.parse({ fileName: path.split('/')[1]! }, fixture(path))).key);
    const plan = await held.plan(keys);
    expect(plan.errorCount).toBe(0);
    const stageId = crypto.randomUUID();
    await held.stage(stageId, keys);
    // Staged is not imported: no record is visible before the commit.
    expect(await countsByKind(db)).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
    const outcome = await commitStagedImport(db, stageId);
    expect(outcome.ok).toBe(true);
    const counts = await countsByKind(db);
    expect(counts.account).toBeGreaterThan(0);
    expect(counts.deal).toBeGreaterThan(0);
  });

  it('forgets files no longer under review', async () => {
    const { key } = await held.parse({ fileName: 'accounts.csv' }, fixture('backstory-accounts.csv'));
    held.forget([key]);
    await expect(held.stage(crypto.randomUUID(), [key])).rejects.toThrow('import-file-gone');
  });
});
