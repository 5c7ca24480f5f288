// The background is the only writer of sales data: the options page hands parsed files over in
// importStages and asks; services/data-writes.ts commits, keeps the outcome for a lost answer,
// and removes a live source whole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageSchemas, parseMessage } from '@/core/messages';
import { parseImportFile } from '@/sources/csv-import';
import { openDb, type BackstoryDB } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import { sourcesItem, sourceStatusItem } from '@/storage/source-configs';
import { loadCredentials, openSecrets, saveCredentials } from '@/storage/secrets';
import { upsertRecords } from '@/storage/record-writes';
import { emptyRecordSet } from '@/core/model';
import { clearEverything, commitStagedImport, loadSample, removeLiveSource } from '@/services/data-writes';

const parse = (name: string, text?: string) =>
  parseImportFile({
    fileName: name,
    bytes: text ? new TextEncoder().encode(text) : new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))),
  });

let db: BackstoryDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const stage = async (parses: ReturnType<typeof parse>[]) => {
  const id = crypto.randomUUID();
  await db.importStages.put({ id, createdAt: new Date().toISOString(), payload: parses });
  return id;
};

describe('committing a handed-over import', () => {
  it('writes the staged files and keeps only the outcome', async () => {
    const id = await stage([parse('backstory-accounts.csv')]);
    const outcome = await commitStagedImport(db, id);
    expect(outcome.ok).toBe(true);
    const accounts = (await countsByKind(db)).account;
    expect(accounts).toBeGreaterThan(0);
    const row = await db.importStages.get(id);
    expect(row?.payload).toBeUndefined();
    expect(row?.outcome).toEqual(outcome);
  });

  it('answers a second asking (the first answer lost) from the outcome, without importing again', async () => {
    const id = await stage([parse('backstory-accounts.csv')]);
    const first = await commitStagedImport(db, id);
    const again = await commitStagedImport(db, id);
    expect(again).toEqual(first);
    if (!first.ok) throw new Error('expected a committed import');
    expect(Object.values(first.summary.added).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('writes nothing and returns every error when a file has problems', async () => {
    const bad = parse('deals.csv', 'id,accountId,name,valueOneTime\nd1,acct-missing,Deal,not-a-number\n');
    expect(bad.errorCount).toBeGreaterThan(0);
    const outcome = await commitStagedImport(db, await stage([bad]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.length).toBeGreaterThan(0);
    expect(outcome.count).toBe(bad.errorCount);
    expect(await countsByKind(db)).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
  });

  it('refuses a stage that does not exist', async () => {
    await expect(commitStagedImport(db, crypto.randomUUID())).rejects.toThrow('import-stage-missing');
  });
});

describe('the other writes', () => {
  it('loads the sample and clears everything', async () => {
    const summary = await loadSample(db);
    expect(summary.added.account).toBeGreaterThan(100);
    await clearEverything(db);
    expect(await countsByKind(db)).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
  }, 30_000);

  it('removes a live source with its records, settings, status and keys, and nothing else', async () => {
    const set = emptyRecordSet();
    set.accounts.push(
      {
        id: 'hubspot-1:1',
        source: 'hubspot-1',
        sourceId: '1',
        name: 'Acme',
        aliases: [],
        domains: [],
        externalIds: {},
      },
      { id: 'csv:2', source: 'csv', sourceId: '2', name: 'Other', aliases: [], domains: [], externalIds: {} },
    );
    await db.transaction('rw', [db.packs, db.lookups, db.recordCounts, db.pins, db.meta], () => upsertRecords(db, set));
    await sourcesItem.setValue([
      { id: 'hubspot-1', kind: 'hubspot', label: 'HubSpot', base: 'https://x', settings: {} },
    ]);
    await sourceStatusItem.setValue({ 'hubspot-1': { runs: [] } } as never);
    await saveCredentials(openSecrets(), 'hubspot-1', { token: 'secret' });
    await removeLiveSource(db, 'hubspot-1');
    expect((await countsByKind(db)).account).toBe(1);
    expect(await sourcesItem.getValue()).toEqual([]);
    expect(await sourceStatusItem.getValue()).toEqual({});
    expect(await loadCredentials(openSecrets(), 'hubspot-1')).toBeUndefined();
  });
});

describe('the write messages', () => {
  it.each([
    'data:import',
    'data:sample',
    'data:clear',
    'source:remove',
    'flags:handedOver',
    'insights:forget',
  ] as const)('%s is taken from extension pages only', (type) => {
    expect(messageSchemas[type].from).toEqual(['extension-page']);
  });
  it('takes a stage id only in the shape the page makes', () => {
    expect(parseMessage({ type: 'data:import', stageId: crypto.randomUUID() })).toBeTruthy();
    expect(parseMessage({ type: 'data:import', stageId: '../../etc' })).toBeUndefined();
  });
});

describe('marking mailed flags as sent', () => {
  it('is asked of the background with the flag ids only, not written by the options page', () => {
    expect(parseMessage({ type: 'flags:handedOver', ids: ['bsflag-1', 'bsflag-2'] })).toBeTruthy();
    expect(parseMessage({ type: 'flags:handedOver', ids: 'bsflag-1' })).toBeUndefined();
    expect(parseMessage({ type: 'flags:handedOver', ids: ['x'.repeat(101)] })).toBeUndefined();
  });
});
