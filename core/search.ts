/**
 * The popup's quick search over accounts, campaigns, deals and notes: Backstory's own index.
 *
 * Two indexes built from the records (core/search/): the keystroke index of names (accounts,
 * contacts, campaigns, deals) and the note index. Both are flat typed arrays and strings, so
 * they can be saved and loaded whole (background-caches/search-snapshot.ts) instead of rebuilt on every
 * popup opening. Libraries were measured against this (bench/search.ts): none was fast enough
 * with typo tolerance at 50,000 accounts.
 *
 * Results are ordered in quality tiers first, so a whole-name or prefix match on a name never
 * sinks below a typo match or a note that happens to mention the word:
 *
 *   the whole name/alias/domain/email  >  exact/prefix with a name, alias, domain, contact or
 *   email  >  exact/prefix on channel, products, rep  >  typo matches  >  some words only  >
 *   notes.
 *
 * Queries are user input: anything is accepted, nothing throws, only the first
 * MAX_QUERY_CHARS characters and MAX_QUERY_TERMS distinct terms are used.
 */
import type { SearchData } from './search/documents';
import { indexNames, noteDocuments } from './search/documents';
import type { NameIndexData } from './search/name-index';
import { buildNoteIndex, type NoteIndexData } from './search/note-index';
import { searchAll } from './search/run';
import { emptyResults, type SearchIndex, type SearchParts } from './search/types';
import { ENGLISH_LABELS, type SearchLabels } from './search/hits';

export type { SearchData } from './search/documents';
export { processTerm } from './search/text';
export { snippet } from './search/snippet';
export { ENGLISH_LABELS, type SearchLabels } from './search/hits';

export * from './search/types';

export function buildNameParts(data: SearchData): NameIndexData {
  return indexNames(data);
}

export function buildNoteParts(data: SearchData): NoteIndexData {
  return buildNoteIndex(noteDocuments(data));
}

/** An index over saved or freshly built parts. */
export function openSearchIndex(parts: SearchParts, labels: SearchLabels = ENGLISH_LABELS): SearchIndex {
  const size = parts.names.kinds.length + (parts.notes?.ids.ends.length ?? 0);
  const scratch = { stamp: new Uint32Array(parts.names.kinds.length), generation: 0 };
  return {
    size,
    parts,
    search(query, opts) {
      try {
        return searchAll(parts, scratch, query, opts, labels);
      } catch {
        // Defensive: a query must never break the popup.
        return emptyResults();
      }
    },
  };
}
