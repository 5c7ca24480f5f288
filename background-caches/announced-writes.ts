import Dexie from 'dexie';

/** Committed writes this context has been told of, by `<database>/<table>`. */
const counts = new Map<string, number>();
/** Announcements that may stand for a write to any table. */
let everything = 0;

/**
 * Dexie announces every committed write, as the parts it changed (`idb://<db>/<table>/<index>`),
 * in the context that made it and, through a BroadcastChannel, in every other context of the
 * extension's origin (the worker, the only writer of sales data, commits imports and syncs; the
 * options page's import worker stages the files it parsed). A write is announced a moment
 * after it commits. Only writes made through Dexie are announced: none of Backstory's is made on
 * IndexedDB directly. The channel is the extension origin's own (a web page or a content script,
 * being of another origin, cannot post on it), and an announcement only ever makes a reader
 * check the stamps again: one too many costs a read, never a wrong answer.
 */
Dexie.on('storagemutated', (parts) => {
  const touched = new Set<string>();
  for (const part of Object.keys(parts)) {
    // Anything else ({ all }: a page back from the back/forward cache) may have missed any write.
    if (!part.startsWith('idb://')) {
      everything++;
      continue;
    }
    const path = part.slice('idb://'.length);
    // The index name comes last; database and table names are what precedes it.
    touched.add(path.slice(0, path.lastIndexOf('/')));
  }
  for (const table of touched) counts.set(table, (counts.get(table) ?? 0) + 1);
});

/**
 * How many writes to any of `tables` of database `name` this context has been told of: a count
 * that moved on since an earlier call means one of those tables was written in between.
 */
export function announcedWrites(name: string, tables: Iterable<string>): number {
  let sum = everything;
  for (const table of tables) sum += counts.get(`${name}/${table}`) ?? 0;
  return sum;
}

/**
 * Calls `fn` after writes to any of `tables` of database `name` are announced (see above),
 * once for writes announced within `settleMs` of each other (an import commits many).
 * Returns a function that stops it.
 */
export function onAnnouncedWrites(name: string, tables: string[], fn: () => void, settleMs = 50): () => void {
  const watched = new Set(tables.map((t) => `${name}/${t}`));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    const hit = Object.keys(parts).some((part) => {
      if (!part.startsWith('idb://')) return true;
      const path = part.slice('idb://'.length);
      return watched.has(path.slice(0, path.lastIndexOf('/')));
    });
    if (!hit) return;
    clearTimeout(timer);
    timer = setTimeout(fn, settleMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
