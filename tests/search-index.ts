import {
  buildNameParts,
  buildNoteParts,
  ENGLISH_LABELS,
  openSearchIndex,
  type SearchData,
  type SearchIndex,
  type SearchLabels,
} from '@/core/search';

/**
 * A search index built from records in one step: the parts the background builds and saves
 * (background-caches/search-snapshot.ts), opened as the popup opens them.
 */
export function buildSearchIndex(data: SearchData, labels: SearchLabels = ENGLISH_LABELS): SearchIndex {
  return openSearchIndex({ names: buildNameParts(data), notes: buildNoteParts(data) }, labels);
}
