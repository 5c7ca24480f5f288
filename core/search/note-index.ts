/**
 * The note text index, apart from the keystroke index: notes outnumber every other record and
 * their words are common, so they get their own dictionary and postings, newest note first.
 * Every query term matches a note word exactly or as a prefix (no typos: in free text a typo
 * finds too many unrelated words). The rarest term drives; its notes are marked in a bitmap and
 * walked newest first, each checked against the other terms through its sorted term list, until
 * enough notes are found: the work is bounded by the rarest term, never by the note count.
 */
import { buildLexicon, exactTerm, prefixRange, termLength, type Lexicon } from './lexicon';
import { packStrings, sortStrings, transpose, U32Chunks, type PackedStrings, type Rows } from './packed';
import { TermTable } from './term-table';
import { eachTermSpan } from './text';
import { firstAtLeast } from '../binary-search';

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
  // Each note's distinct words as term ids, note after note (pairStarts: where each begins),
  // looked up by their span of the text: a word already seen costs no string.
  const table = new TermTable();
  const pairs = new U32Chunks();
  const pairStarts = new Uint32Array(notes.length + 1);
  let lastNote = new Int32Array(1 << 12);
  let n = 0;
  const add = (id: number) => {
    if (id >= lastNote.length) {
      const next = new Int32Array(Math.max(lastNote.length * 2, id + 1));
      next.set(lastNote);
      lastNote = next;
    }
    if (lastNote[id] === n + 1) return;
    lastNote[id] = n + 1;
    pairs.push(id);
  };
  const addSpan = (text: string, start: number, end: number, upper: boolean) =>
    add(table.spanId(text, start, end, upper));
  const addTerm = (term: string) => add(table.id(term));
  for (; n < notes.length; n++) {
    pairStarts[n] = pairs.length;
    const body = notes[n]!.body;
    if (body) eachTermSpan(body, addSpan, addTerm);
  }
  pairStarts[notes.length] = pairs.length;
  const sorted = sortStrings(table.terms);
  const rank = new Uint32Array(table.size);
  for (let i = 0; i < sorted.length; i++) rank[table.id(sorted[i]!)] = i;
  // Postings by counting sort straight from the pairs: note numbers per term, ascending.
  const starts = new Uint32Array(sorted.length + 1);
  pairs.forEach((id) => starts[rank[id]! + 1]!++);
  for (let t = 0; t < sorted.length; t++) starts[t + 1]! += starts[t]!;
  const fill = rank; // reused: per table id, where its term's next posting goes
  for (let id = 0; id < fill.length; id++) fill[id] = starts[rank[id]!]!;
  const values = new Uint32Array(pairs.length);
  let note = 0;
  pairs.forEach((id, i) => {
    while (i >= pairStarts[note + 1]!) note++;
    values[fill[id]!++] = note;
  });
  const postings = { starts, values };
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
      const a = firstAtLeast(nt.values, l.lo, nt.starts[n]!, nt.starts[n + 1]!);
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
