/** The search's public types and limits, shared by core/search.ts and the modules it runs on. */
import type { NameIndexData } from './name-index';
import type { NoteIndexData } from './note-index';

type SearchKind = 'account' | 'campaign' | 'deal' | 'note';

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
