// @vitest-environment node
// The writer builds the relevance index of an account with many notes when its notes are
// written (an import or restore, a sync), before any ticket asks: a worker's first ticket for
// that customer then loads it instead of reading the notes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetReadTexts } from '@/core/relevance/kept';
import { indexBuilds } from '@/core/relevance/texts-index';
import { parseImportFile } from '@/sources/csv-import';
import { getDb, openDb, type BackstoryDB } from '@/storage/db';
import { dataStamp } from '@/storage/data-stamp';
import { openSecrets, saveCredentials } from '@/storage/secrets';
import { sourcesItem } from '@/storage/source-configs';
import { loadBackstory } from '@/services/backstory';
import { commitStagedImport } from '@/services/data-writes';
import { relevantForStory, SAVE_FROM } from '@/services/relevance-index';
import { syncSource } from '@/entrypoints/background/source-sync';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

const savedFor = async (db: BackstoryDB, accountId: string) => {
  const stamp = await dataStamp(db);
  const keys = (await db.searchIndex.toCollection().primaryKeys()) as string[];
  return keys.includes(`relevance:${stamp}:${accountId}`);
};

/** The ticket's story told as the sidebar tells it, in a worker that has just started. */
async function firstTicket(db: BackstoryDB, accountId: string, problem: { subject: string; body: string }) {
  forgetReadTexts();
  const stamp = await dataStamp(db);
  const story = (await loadBackstory(db, accountId))!;
  const builds = indexBuilds();
  const relevant = await relevantForStory(db, story, problem, stamp);
  return { relevant, readNotes: indexBuilds() - builds, story };
}

describe('an import', () => {
  let db: BackstoryDB;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDb(`relevance-ahead-${Math.random()}`);
    await db.open();
  });

  it('leaves the index of an account with many notes saved before any ticket, and its first ticket loads it', async () => {
    const rows = Array.from({ length: SAVE_FROM + 5 }, (_, i) =>
      i === 7
        ? `n-${i},acc-1,Dana,2024-01-0${(i % 9) + 1},"Promised 1-hour response on Dentrix scheduler outages."`
        : `n-${i},acc-1,Dana,2024-01-0${(i % 9) + 1},"Quarterly review ${i}: printers and badges discussed."`,
    );
    const parse = (fileName: string, text: string) =>
      parseImportFile({ fileName, bytes: new TextEncoder().encode(text) });
    const id = crypto.randomUUID();
    await db.importStages.put({
      id,
      createdAt: new Date().toISOString(),
      payload: [
        parse('backstory-accounts.csv', readFileSync(resolve('tests/fixtures/csv/backstory-accounts.csv'), 'utf8')),
        parse('backstory-notes.csv', ['id,accountId,author,date,body', ...rows].join('\n')),
      ],
    });
    expect((await commitStagedImport(db, id)).ok).toBe(true);
    const account = (await db.transaction('r', db.packs, db.lookups, db.recordCounts, () =>
      loadBackstory(db, 'csv:acc-1'),
    ))!;
    expect(account.notes.length).toBe(SAVE_FROM + 5);
    await expect.poll(() => savedFor(db, 'csv:acc-1'), { timeout: 10_000 }).toBe(true);
    // An account with few notes is left to its tickets.
    expect(await savedFor(db, 'csv:acc-2')).toBe(false);
    const first = await firstTicket(db, 'csv:acc-1', { subject: 'Dentrix scheduler down', body: 'Since 7am.' });
    expect(first.readNotes).toBe(0);
    expect(first.relevant[0]?.noteId).toBe('csv:n-7');
    db.close();
    await db.delete();
  });
});

describe('a sync', () => {
  let mock: MockHubSpot;
  beforeAll(async () => {
    mock = await startMockHubSpot();
  });
  afterAll(async () => mock.close());

  it('leaves the index fresh after it changed a note: the first ticket finds the new words without reading the notes', async () => {
    fakeBrowser.reset();
    const data = sampleHubSpotData();
    data.notes = Array.from({ length: SAVE_FROM + 5 }, (_, i) => ({
      id: String(4000 + i),
      properties: {
        hs_note_body: `<p>Site visit ${i}: the warehouse scanners and the label printer were checked.</p>`,
        hs_timestamp: '2026-10-01T15:00:00Z',
        hubspot_owner_id: '77',
      },
      associations: { companies: ['5001'] },
    }));
    mock.data = data;
    mock.setToken('pat-na1-mock-token');
    await sourcesItem.setValue([{ id: 'hubspot-r', kind: 'hubspot', label: 'HubSpot', base: mock.url }]);
    await saveCredentials(openSecrets(), 'hubspot-r', { token: mock.token });
    const db = getDb();
    const account = 'hubspot-r:5001';
    expect((await syncSource('hubspot-r')).runs[0]).toMatchObject({ ok: true });
    await expect.poll(() => savedFor(db, account), { timeout: 10_000 }).toBe(true);

    // The next sync changes one note: the index saved for the records as they are now has its words.
    const stampBefore = await dataStamp(db);
    const changed = data.notes[12]!;
    changed.properties.hs_note_body = '<p>Promised same-day on-site help when the Veeam backup fails.</p>';
    changed.modified = new Date().toISOString();
    expect((await syncSource('hubspot-r', Date.now())).runs[0]).toMatchObject({ ok: true });
    expect(await dataStamp(db)).not.toBe(stampBefore);
    await expect.poll(() => savedFor(db, account), { timeout: 10_000 }).toBe(true);
    const first = await firstTicket(db, account, { subject: 'Veeam backup failed', body: 'The job failed overnight.' });
    expect(first.readNotes).toBe(0);
    expect(first.relevant[0]?.noteId).toBe('hubspot-r:4012');
  });
});
