/**
 * Counts the IndexedDB work a piece of code does, by wrapping the IDB prototypes while it runs
 * (page side only; the wrappers are removed afterwards, so timed passes run unwrapped).
 */
export interface IdbCounts {
  /** Transactions that made requests. Dexie opens one per query made outside an explicit
   * transaction; each is created, run and committed in the browser's IndexedDB backend. */
  transactions: number;
  /** Requests: get, getAll, getAllKeys, count, openCursor and the like. */
  requests: number;
  /** Cursor steps (continue, advance, continuePrimaryKey): each waits for the backend. */
  cursorSteps: number;
}

const REQUESTS = ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const;
const STEPS = ['continue', 'advance', 'continuePrimaryKey'] as const;

/** Run `run` over each item in turn; the average counts per item. */
export async function countIdb<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<IdbCounts> {
  const counts: IdbCounts = { transactions: 0, requests: 0, cursorSteps: 0 };
  const restore: (() => void)[] = [];
  // Dexie binds IDBDatabase.transaction when it opens, so transactions are counted through the
  // requests made in them.
  const seen = new WeakSet<IDBTransaction>();
  const transactionOf = (source: unknown) =>
    source instanceof IDBIndex
      ? source.objectStore.transaction
      : source instanceof IDBObjectStore
        ? source.transaction
        : undefined;
  const wrap = (proto: object, name: string, field: 'requests' | 'cursorSteps') => {
    const target = proto as Record<string, unknown>;
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      counts[field]++;
      const tx = transactionOf(this);
      if (tx && !seen.has(tx)) {
        seen.add(tx);
        counts.transactions++;
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restore.push(() => {
      target[name] = original;
    });
  };
  for (const name of REQUESTS) {
    wrap(IDBObjectStore.prototype, name, 'requests');
    wrap(IDBIndex.prototype, name, 'requests');
  }
  for (const name of STEPS) wrap(IDBCursor.prototype, name, 'cursorSteps');
  try {
    for (const item of items) await run(item);
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  const per = Math.max(1, items.length);
  return {
    transactions: counts.transactions / per,
    requests: counts.requests / per,
    cursorSteps: counts.cursorSteps / per,
  };
}
