// The relevance index saved beside the records: a worker that has just started ranks an
// account's notes from it instead of reading them again, and never from one of other data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backstory } from '@/core/backstory';
import { forgetReadTexts } from '@/core/relevance/kept';
import { relevantToTicket } from '@/core/relevance/story';
import { buildTextsIndex, indexBuilds, isTextsIndex } from '@/core/relevance/texts-index';
import { rankForProblem, type RankItem } from '@/core/relevance/rank';
import { openDb, type BackstoryDB } from '@/storage/db';
import { dataStamp, touchData } from '@/storage/data-stamp';
import { relevantForStory, SAVE_FROM } from '@/services/relevance-index';

const problem = { subject: 'Veeam backup failed', body: 'The nightly Veeam job reports an error since Sunday.' };

function storyOf(accountId: string, noteTexts: string[]): Backstory {
  return {
    account: {
      id: accountId,
      source: 'csv',
      sourceId: accountId,
      name: 'Acme',
      aliases: [],
      domains: [],
      externalIds: {},
    },
    otherDeals: [],
    promises: ['On-site within 4 hours for network outages'],
    contacts: [],
    notes: noteTexts.map((body, i) => ({
      id: `${accountId}-n${i}`,
      source: 'csv',
      sourceId: `n${i}`,
      accountId,
      body,
      date: '2026-01-01',
      author: 'Sam',
      tags: [],
      pinned: false,
    })),
    sources: ['csv'],
    accountIds: [accountId],
  };
}

const filler = Array.from(
  { length: SAVE_FROM + 10 },
  (_, i) => `Quarterly review ${i}: printers and badges discussed.`,
);
const texts = [...filler, 'The Veeam backup job fails on Sundays when the NAS is busy.'];

let db: BackstoryDB;
const write = () => db.transaction('rw', db.meta, () => touchData(db));
const savedParts = async () =>
  (await db.searchIndex.toCollection().primaryKeys()).filter((k) => k.startsWith('relevance:'));

beforeEach(async () => {
  db = openDb(`relevance-index-${Math.random()}`);
  await db.open();
  await write();
  forgetReadTexts();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the saved relevance index', () => {
  it('lets a worker that has just started rank without reading the notes again, with the same answer', async () => {
    const story = storyOf('a1', texts);
    const stamp = await dataStamp(db);
    const first = await relevantForStory(db, story, problem, stamp);
    expect(first[0]?.noteId).toBe(`a1-n${filler.length}`);
    await expect.poll(savedParts).toHaveLength(1);
    // A new worker: nothing kept in memory.
    forgetReadTexts();
    const builds = indexBuilds();
    const again = await relevantForStory(db, storyOf('a1', texts), problem, await dataStamp(db));
    expect(indexBuilds()).toBe(builds);
    expect(again).toEqual(first);
  });

  it('is not used once the records changed, and the next save lets it go', async () => {
    await relevantForStory(db, storyOf('a1', texts), problem, await dataStamp(db));
    await expect.poll(savedParts).toHaveLength(1);
    const before = await savedParts();
    await write();
    forgetReadTexts();
    const builds = indexBuilds();
    await relevantForStory(db, storyOf('a1', texts), problem, await dataStamp(db));
    expect(indexBuilds()).toBe(builds + 1);
    await expect.poll(savedParts).not.toEqual(before);
    expect(await savedParts()).toHaveLength(1);
  });

  it('is not used, nor saved, when the records changed while the story was read', async () => {
    const stamp = await dataStamp(db);
    await relevantForStory(db, storyOf('a1', texts), problem, stamp);
    await expect.poll(savedParts).toHaveLength(1);
    forgetReadTexts();
    await write();
    const builds = indexBuilds();
    // The story was read under the old stamp, which no longer holds.
    await relevantForStory(db, storyOf('a1', texts), problem, stamp);
    expect(indexBuilds()).toBe(builds + 1);
    expect((await savedParts())[0]).toContain(stamp);
  });

  it('is not used for other texts under the same stamp (a flagged note hidden from the story)', async () => {
    const stamp = await dataStamp(db);
    await relevantForStory(db, storyOf('a1', texts), problem, stamp);
    await expect.poll(savedParts).toHaveLength(1);
    forgetReadTexts();
    const builds = indexBuilds();
    const fewer = storyOf('a1', texts);
    fewer.notes = fewer.notes.slice(1);
    const got = await relevantForStory(db, fewer, problem, stamp);
    expect(indexBuilds()).toBe(builds + 1);
    expect(got[0]?.noteId).toBe(`a1-n${filler.length}`);
  });

  it('is ignored when what was saved is not an index', async () => {
    const stamp = await dataStamp(db);
    await relevantForStory(db, storyOf('a1', texts), problem, stamp);
    await expect.poll(savedParts).toHaveLength(1);
    const [part] = await savedParts();
    const row = (await db.searchIndex.get(part!))!;
    await db.searchIndex.put({ ...row, data: { ...row.data, postDoc: [1, 2, 3] } } as never);
    forgetReadTexts();
    const builds = indexBuilds();
    const got = await relevantForStory(db, storyOf('a1', texts), problem, stamp);
    expect(indexBuilds()).toBe(builds + 1);
    expect(got[0]?.noteId).toBe(`a1-n${filler.length}`);
  });

  it('is not saved for an account with few notes', async () => {
    const got = await relevantForStory(db, storyOf('a2', texts.slice(-5)), problem, await dataStamp(db));
    expect(got[0]?.noteId).toBe('a2-n4');
    expect(await savedParts()).toEqual([]);
    expect(relevantToTicket(storyOf('a2', texts.slice(-5)), problem)).toEqual(got);
  });
});

describe('the texts index as data', () => {
  const items: RankItem[] = texts.map((text, i) => ({ kind: 'note', id: `n${i}`, text }));
  const tickets = [
    problem,
    { subject: 'Druckertreiber fehlt', body: 'Der Netzwerkdrucker druckt nicht.' },
    { subject: 'Veem backups', body: '' },
  ];

  it('ranks the same after a structured-clone copy (as IndexedDB stores it) as when read from the texts', () => {
    const all = [
      ...items,
      { kind: 'note' as const, id: 'de', text: 'Der Drucker im Empfang braucht den neuen Treiber.' },
    ];
    const built = buildTextsIndex(
      all.map((i) => i.text),
      [],
    );
    const copy = structuredClone(built);
    expect(isTextsIndex(copy)).toBe(true);
    for (const t of tickets) {
      forgetReadTexts();
      const fromTexts = rankForProblem(all, t);
      forgetReadTexts();
      const builds = indexBuilds();
      expect(rankForProblem(all, t, { saved: copy })).toEqual(fromTexts);
      expect(indexBuilds()).toBe(builds);
    }
  });

  it('tells a damaged index from a whole one', () => {
    const built = buildTextsIndex(['Veeam backup at 11pm', 'Dentrix scheduler'], []);
    expect(isTextsIndex(built)).toBe(true);
    expect(isTextsIndex({ ...built, format: built.format + 1 })).toBe(false);
    expect(isTextsIndex({ ...built, stems: built.stems.slice(1) })).toBe(false);
    expect(isTextsIndex({ ...built, postDoc: Array.from(built.postDoc) })).toBe(false);
    expect(isTextsIndex(null)).toBe(false);
  });

  it('is not taken when saved in the layout before each posting held its share of the score (format 2)', () => {
    const built = buildTextsIndex(['Veeam backup at 11pm', 'Dentrix scheduler'], []);
    const { postPart: _share, ...rest } = built;
    const before = {
      ...rest,
      format: 2,
      lengths: new Float64Array([4, 2]),
      avgLen: 3,
      postTf: new Float64Array(built.postDoc.length).fill(1),
    };
    expect(isTextsIndex(before)).toBe(false);
  });
});
