/**
 * The note text index, apart from the keystroke index: notes outnumber every other record and
 * their words are common, so they get their own dictionary and postings, newest note first.
 * Every query term matches a note word exactly or as a prefix (no typos: in free text a typo
 * finds too many unrelated words). The rarest term drives; its notes are marked in a bitmap and
 * walked newest first, each checked against the other terms through its sorted term list, until
 * enough notes are found: the work is bounded by the rarest term, never by the note count.
 */
import { buildLexicon, exactTerm, prefixRange, termLength, type Lexicon } from './lexicon';
import { packStrings, rowsFromPairs, sortedUnique, transpose, U32List, type PackedStrings, type Rows } from './packed';
import { termsOf } from './text';

export interface NoteDocInput {
  id: string;
  accountId: string;
  /** What the note is about: its account's name, or its deal's. */
  about: string;
  author: string;
  date: string;
  body: string;
}

export interface NoteIndexData {
  lexicon: Lexicon;
  /** Per term: note numbers, ascending (newest first). */
  postings: Rows;
  /** Per note: its term ids, sorted. */
  noteTerms: Rows;
  ids: PackedStrings;
  accountIds: PackedStrings;
  about: PackedStrings;
  authors: PackedStrings;
  dates: PackedStrings;
  bodies: PackedStrings;
}

export function buildNoteIndex(input: readonly NoteDocInput[]): NoteIndexData {
  // Newest first: the walk stops early, and what it finds first is what a technician wants.
  const notes = [...input].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const tmpIds = new Map<string, number>();
  const tmpTerms: string[] = [];
  const pairNote = new U32List(notes.length * 32);
  const pairTerm = new U32List(notes.length * 32);
  const seen = new Set<number>();
  notes.forEach((note, n) => {
    seen.clear();
    for (const term of termsOf(note.body)) {
      let id = tmpIds.get(term);
      if (id === undefined) {
        id = tmpTerms.length;
        tmpIds.set(term, id);
        tmpTerms.push(term);
      }
      if (seen.has(id)) continue;
      seen.add(id);
      pairNote.push(n);
      pairTerm.push(id);
    }
  });
  const sorted = sortedUnique(tmpTerms);
  const rank = new Uint32Array(tmpTerms.length);
  sorted.forEach((t, i) => (rank[tmpIds.get(t)!] = i));
  const terms = pairTerm.data.subarray(0, pairTerm.length).map((t) => rank[t]!);
  const postings = rowsFromPairs(sorted.length, terms, pairNote.data, terms.length);
  return {
    lexicon: buildLexicon(sorted, false),
    postings,
    noteTerms: transpose(postings, notes.length, 0),
    ids: packStrings(notes.map((n) => n.id)),
    accountIds: packStrings(notes.map((n) => n.accountId)),
    about: packStrings(notes.map((n) => n.about)),
    authors: packStrings(notes.map((n) => n.author)),
    dates: packStrings(notes.map((n) => n.date)),
    bodies: packStrings(notes.map((n) => n.body)),
  };
}

export interface NoteMatch {
  note: number;
  /** 5: every term matched; notes always rank below names (tiers 0-4). */
  tier: number;
  exact: boolean;
  score: number;
}

/** At most this many matching notes are collected (newest first), then ranked. */
const COLLECT = 64;

interface Lookup {
  exact: number;
  lo: number;
  hi: number;
  qLength: number;
  count: number;
}

/** Notes holding every query term (exactly or as a prefix), best first. */
export function searchNotes(index: NoteIndexData, terms: string[], limit: number): NoteMatch[] {
  const noteCount = index.ids.ends.length;
  if (!terms.length || !noteCount || limit <= 0) return [];
  const { starts, values } = index.postings;
  const lookups: Lookup[] = terms.map((q) => {
    const [lo, hi] = prefixRange(index.lexicon.terms, q);
    return { exact: exactTerm(index.lexicon, q), lo, hi, qLength: q.length, count: starts[hi]! - starts[lo]! };
  });
  const driver = lookups.reduce((a, b) => (b.count < a.count ? b : a));
  if (!driver.count) return [];
  const marked = new Uint8Array(noteCount);
  let first = noteCount;
  for (let t = driver.lo; t < driver.hi; t++) {
    for (let k = starts[t]!; k < starts[t + 1]!; k++) {
      const n = values[k]!;
      marked[n] = 1;
      if (n < first) first = n;
    }
  }
  const found: NoteMatch[] = [];
  const nt = index.noteTerms;
  for (let n = first; n < noteCount && found.length < COLLECT; n++) {
    if (!marked[n]) continue;
    let score = 0;
    let exact = true;
    let ok = true;
    for (const l of lookups) {
      // The note's terms are sorted: the first at or after l.lo decides.
      let a = nt.starts[n]!;
      let b = nt.starts[n + 1]!;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (nt.values[mid]! < l.lo) a = mid + 1;
        else b = mid;
      }
      const term = a < nt.starts[n + 1]! ? nt.values[a]! : -1;
      if (term < 0 || term >= l.hi) {
        ok = false;
        break;
      }
      if (term !== l.exact) exact = false;
      score += term === l.exact ? 1 : (l.qLength + 2) / (termLength(index.lexicon, term) + 2);
    }
    if (ok) found.push({ note: n, tier: 5, exact, score: score / lookups.length });
  }
  // Stable: equal scores stay newest first.
  return found.sort((a, b) => b.score - a.score).slice(0, limit);
}
