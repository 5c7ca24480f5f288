/**
 * The popup's quick search over accounts, campaigns, deals and notes: Backstory's own index.
 *
 * Two indexes built from the records (core/search/): the keystroke index of names (accounts,
 * contacts, campaigns, deals) and the note index. Both are flat typed arrays and strings, so
 * they can be saved and loaded whole (storage/search-snapshot.ts) instead of rebuilt on every
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
import { ENGLISH_LABELS, type SearchLabels } from './search/hits';

export type { SearchData } from './search/documents';
export { processTerm, tokenizeDocument, tokenizeQuery } from './search/text';
export { snippet } from './search/snippet';
export { ENGLISH_LABELS, type SearchLabels } from './search/hits';

export type SearchKind = 'account' | 'campaign' | 'deal' | 'note';

/** What a hit matched on, for the subtitle and for tests. */
export type MatchedOn =
  'name' | 'alias' | 'domain' | 'email' | 'contact' | 'channel' | 'products' | 'sales rep' | 'note text';

/** exact: the query is the whole name/alias/domain/email, or every term is a whole word. */
export type MatchQuality = 'exact' | 'prefix' | 'fuzzy' | 'partial';

export interface SearchHit {
  /** Record id (for a contact hit: its account's id). */
  id: string;
  kind: SearchKind;
  title: string;
  /** Plain text, never HTML. For notes: a snippet around the hit, at most ~120 characters. */
  subtitle: string;
  /** The account to open: the account itself, a deal's or a note's account. */
  accountId?: string;
  /** Set when an account was found through one of its contacts. */
  contactId?: string;
  /** Relevance within a quality tier (results are ordered by tier first). */
  score: number;
  matchedOn: MatchedOn;
  quality: MatchQuality;
}

export interface SearchResults {
  accounts: SearchHit[];
  campaigns: SearchHit[];
  deals: SearchHit[];
  notes: SearchHit[];
  /** The best hits over all groups, best first. */
  top: SearchHit[];
}

export interface SearchOptions {
  /** Hits per group (default 5). */
  limitPerGroup?: number;
  /** Length of `top` (default 8). */
  limitTop?: number;
  /**
   * 'names' answers from the keystroke index only, 'notes' from the note index only; the popup
   * asks for names first and notes a moment later, so notes never delay the names.
   */
  scope?: 'all' | 'names' | 'notes';
}

/** The two indexes as flat data: what is saved and loaded. */
export interface SearchParts {
  names: NameIndexData;
  /** Absent while the note index is still loading (or when notes were left out). */
  notes?: NoteIndexData;
}

export interface SearchIndex {
  /** Number of documents indexed (contacts and notes included). */
  readonly size: number;
  readonly parts: SearchParts;
  search(query: string, opts?: SearchOptions): SearchResults;
}

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 12;

export function emptyResults(): SearchResults {
  return { accounts: [], campaigns: [], deals: [], notes: [], top: [] };
}

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

export function buildSearchIndex(data: SearchData, labels: SearchLabels = ENGLISH_LABELS): SearchIndex {
  return openSearchIndex({ names: buildNameParts(data), notes: buildNoteParts(data) }, labels);
}
