import { storage } from '#imports';
import type { RetryStore, RetryState } from '@/sources/http';

/** Tries older than this are a past episode, not the one being resumed. */
const STALE_MS = 10 * 60_000;
/** A source runs one request at a time; a few keys cover its last failing ones. */
const KEEP = 8;

type Kept = Record<string, RetryState & { at: number }>;

/**
 * A data source's failed tries in storage.session, so a sync resumed by a new service worker
 * goes on with the same count and waits out the same Retry-After (sources/http.ts). Session
 * storage is memory, cleared when the browser closes, and closed to content scripts; it holds
 * request addresses and bodies (record ids, cursors), never keys, which travel in headers.
 */
export function retryStore(sourceId: string, now = Date.now): RetryStore {
  const item = storage.defineItem<Kept>(`session:httpRetries:${sourceId}`, { fallback: {} });
  const fresh = (kept: Kept) => Object.fromEntries(Object.entries(kept).filter(([, s]) => now() - s.at < STALE_MS));
  // Read once per sync, then written through: only this worker syncs this source, and a sync
  // asks for every request it makes, so it should not read session storage each time.
  let cache: Kept | undefined;
  const load = async () => (cache ??= await item.getValue());
  return {
    async get(key) {
      const state = fresh(await load())[key];
      return state && { attempts: state.attempts, notBefore: state.notBefore };
    },
    async set(key, state) {
      const kept = fresh(await load());
      kept[key] = { ...state, at: now() };
      cache = Object.fromEntries(
        Object.entries(kept)
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, KEEP),
      );
      await item.setValue(cache);
    },
    async clear(key) {
      const kept = await load();
      if (!(key in kept)) return;
      cache = { ...kept };
      delete cache[key];
      await item.setValue(cache);
    },
  };
}

/** Forget a source's tries (the source was removed). */
export async function forgetRetries(sourceId: string): Promise<void> {
  await storage.removeItem(`session:httpRetries:${sourceId}`);
}
