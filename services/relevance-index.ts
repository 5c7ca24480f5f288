/**
 * The relevance index of an account's texts (core/relevance/texts-index.ts) saved beside the
 * records, so a worker that has just started (an MV3 worker stops after about 30 s idle) loads
 * it with the story instead of reading 1,000 notes again before the sidebar can show them.
 *
 * It is saved in the searchIndex table (a cache of indexes derived from the records, cleared
 * with them) under `relevance:<data stamp>:<account id>`, so a write to the records (which
 * changes the stamp: storage/data-stamp.ts) leaves every saved one unused, and the next save
 * deletes them. An index is used only when the stamp read before the story was told is still
 * the stamp now, and it was built from the same texts (ids in order, products sold): flags that
 * hide a note change the texts, not the stamp. Only the notes' own words are saved, never the
 * ticket's. Accounts with few texts are read in well under a millisecond: not saved.
 *
 * The writer builds them ahead (refreshRelevanceIndexes): after each write of the records (an
 * import, a restore, a sync, the sample, a source removed) it saves the indexes of the
 * BUILT_AHEAD accounts with most notes under the new stamp, in the background, so their first
 * ticket loads one instead of reading the notes. Tickets save the others as they come.
 */
import type { Backstory, RelevantItem } from '@/core/backstory';
import { findKept } from '@/core/relevance/kept';
import type { TicketProblem } from '@/core/relevance/items';
import { relevantToTicket, storyTexts, type StoryTexts } from '@/core/relevance/story';
import { buildTextsIndex, isTextsIndex, TEXTS_INDEX_FORMAT, type TextsIndex } from '@/core/relevance/texts-index';
import type { BackstoryDB, RelevanceIndexRow } from '../storage/db';
import { dataStamp } from '../storage/data-stamp';
import { noteCountsByAccount, salesTables } from '../storage/record-store';
import { loadBackstory } from './backstory';
import { flagsOn, notesShown } from './flags';

/** Accounts with at least this many texts have their index saved. */
export const SAVE_FROM = 50;
/** At most this many accounts' indexes are saved (for the current data stamp). */
const SAVED_ACCOUNTS = 64;
/** The writer builds the indexes of at most this many accounts ahead (those with most notes). */
const BUILT_AHEAD = 32;
/** The meta row naming the accounts built ahead for a stamp: tickets' saves never push them out. */
const AHEAD_KEY = 'relevanceAhead';

const PREFIX = 'relevance:';
const partOf = (stamp: string, accountId: string): RelevanceIndexRow['part'] => `${PREFIX}${stamp}:${accountId}`;
const fingerprintOf = (t: StoryTexts): string =>
  JSON.stringify([t.items.map((i) => `${i.kind}:${i.id}`), t.productsSold]);

/**
 * The story's items that concern the ticket, from the index kept in this worker, or saved, or
 * read now (and then saved). `stamp`: the data stamp read before the story was read.
 */
export async function relevantForStory(
  db: BackstoryDB,
  story: Backstory,
  problem: TicketProblem,
  stamp: string,
): Promise<RelevantItem[]> {
  const texts = storyTexts(story);
  const plain = texts.items.map((i) => i.text);
  if (!stamp || texts.items.length < SAVE_FROM || findKept(plain, texts.productsSold))
    return relevantToTicket(story, problem);
  const part = partOf(stamp, story.account.id);
  const fingerprint = fingerprintOf(texts);
  const saved = await readSaved(db, part, stamp, fingerprint).catch(() => undefined);
  const relevant = relevantToTicket(story, problem, saved);
  const built = saved ? undefined : findKept(plain, texts.productsSold);
  if (built) void save(db, { part, stamp, format: TEXTS_INDEX_FORMAT, builtAt: '', fingerprint, data: built });
  return relevant;
}

/** The saved index, if the data are still as they were when the story was read, and it is of these texts. */
async function readSaved(
  db: BackstoryDB,
  part: RelevanceIndexRow['part'],
  stamp: string,
  fingerprint: string,
): Promise<TextsIndex | undefined> {
  return db.transaction('r', db.meta, db.searchIndex, async () => {
    const [row, now] = await Promise.all([db.searchIndex.get(part), dataStamp(db)]);
    if (now !== stamp || !row || !('fingerprint' in row)) return undefined;
    return row.stamp === stamp && row.fingerprint === fingerprint && isTextsIndex(row.data) ? row.data : undefined;
  });
}

/** Saved only while the data are as they were when the story was read; older stamps' indexes go. */
async function save(db: BackstoryDB, row: RelevanceIndexRow): Promise<void> {
  await db
    .transaction('rw', db.meta, db.searchIndex, async () => {
      if ((await dataStamp(db)) !== row.stamp) return;
      const keys = await db.searchIndex.where('part').between(PREFIX, `${PREFIX}\uffff`).primaryKeys();
      const current = `${PREFIX}${row.stamp}:`;
      const stale = keys.filter((k) => !k.startsWith(current));
      const mine = keys.length - stale.length;
      // Past SAVED_ACCOUNTS, the current ones go too, but those built ahead (the next tickets
      // save what they need again).
      const ahead = mine >= SAVED_ACCOUNTS ? await aheadOf(db, row.stamp) : [];
      const kept = new Set<string>(ahead.map((id) => partOf(row.stamp, id)));
      await db.searchIndex.bulkDelete(mine >= SAVED_ACCOUNTS ? keys.filter((k) => !kept.has(k)) : stale);
      await db.searchIndex.put({ ...row, builtAt: new Date().toISOString() });
    })
    .catch(() => undefined);
}

/** The accounts built ahead for this stamp. */
async function aheadOf(db: BackstoryDB, stamp: string): Promise<string[]> {
  try {
    const saved = JSON.parse((await db.meta.get(AHEAD_KEY))?.value ?? 'null') as { stamp?: unknown; ids?: unknown };
    return saved?.stamp === stamp && Array.isArray(saved.ids) ? saved.ids.filter((i) => typeof i === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The writer's part, after each write of the records: the indexes of the BUILT_AHEAD accounts
 * with most notes (SAVE_FROM texts or more), built and saved under the current stamp unless a
 * ticket saved one already. Stops when the records change meanwhile (the write that changed
 * them refreshes them again). Resolves to how many were built; never throws.
 */
export async function refreshRelevanceIndexes(db: BackstoryDB): Promise<number> {
  let built = 0;
  try {
    const { stamp, counts } = await db.transaction('r', [...salesTables(db), db.meta], async () => ({
      stamp: await dataStamp(db),
      counts: await noteCountsByAccount(db),
    }));
    if (!stamp) return 0;
    // Promises and items sold count as texts too: an account a little short of SAVE_FROM notes is looked at.
    const ids = [...counts]
      .filter(([, n]) => n >= SAVE_FROM / 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, BUILT_AHEAD)
      .map(([id]) => id);
    const written = await db.transaction('rw', db.meta, async () => {
      if ((await dataStamp(db)) !== stamp) return false;
      await db.meta.put({ key: AHEAD_KEY, value: JSON.stringify({ stamp, ids }) });
      return true;
    });
    if (!written) return 0;
    for (const id of ids) {
      if ((await dataStamp(db)) !== stamp) break;
      const story = await loadBackstory(db, id);
      if (!story) continue;
      // The story as the sidebar tells it (storyTexts of the notes it shows), so its ticket finds this index.
      const notes = notesShown(story.notes, await flagsOn(db, story.accountIds));
      const texts = storyTexts({ ...story, notes });
      if (texts.items.length < SAVE_FROM) continue;
      const part = partOf(stamp, story.account.id);
      const fingerprint = fingerprintOf(texts);
      if (await readSaved(db, part, stamp, fingerprint)) continue;
      const data = buildTextsIndex(
        texts.items.map((i) => i.text),
        texts.productsSold,
      );
      await save(db, { part, stamp, format: TEXTS_INDEX_FORMAT, builtAt: '', fingerprint, data });
      built++;
    }
  } catch {
    // A cache: a ticket reads its notes and saves the index itself.
  }
  return built;
}
