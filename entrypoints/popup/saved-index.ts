/**
 * The popup's search index, opened the moment the page's script runs (before the first render)
 * from the index saved in IndexedDB, read without Dexie. Dexie and the rest of the popup
 * (later.ts) load after the first result can show; they rebuild the index when it is stale.
 */
import type { SearchIndex, SearchLabels } from '@/core/search';
import { openSavedSearchFirst } from '@/background-caches/search-snapshot';
import { t } from '@/i18n/i18n';

type Later = typeof import('./later');
type How = 'saved' | 'rebuilt';

const SEARCH_LABELS: SearchLabels = {
  contact: (who) => t('popup.label.contact', [who]),
  alias: (name) => t('popup.label.alias', [name]),
  sold: (what) => t('popup.label.sold', [what]),
  rep: (who) => t('popup.label.rep', [who]),
};

let loading: Promise<Later> | undefined;
/** The rest of the popup, loaded once. */
export const later = (): Promise<Later> => (loading ??= import('./later'));

let latest: [SearchIndex, How] | undefined;
const listeners = new Set<(index: SearchIndex, how: How) => void>();

/** Starts opening the index: the saved one at once, a rebuilt one if the data changed since. */
export function openIndex(): void {
  void openSavedSearchFirst(
    SEARCH_LABELS,
    (index, how) => {
      latest = [index, how];
      for (const fn of listeners) fn(index, how);
    },
    async () => (await later()).db,
  );
}

/** Each better index as it is ready, starting with the best one so far. */
export function onIndex(fn: (index: SearchIndex, how: How) => void): () => void {
  if (latest) fn(...latest);
  listeners.add(fn);
  return () => listeners.delete(fn);
}
