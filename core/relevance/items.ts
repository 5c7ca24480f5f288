/** What the relevance ranking is given and gives back. */

export type RelevantKind = 'promise' | 'note' | 'sold';

export interface RankItem {
  kind: RelevantKind;
  id: string;
  text: string;
}

/** The ticket's own words: its subject and its first message. */
export interface TicketProblem {
  subject?: string;
  body?: string;
}

export interface RankedItem {
  kind: RelevantKind;
  id: string;
  /** The item's text, or for a long note the part around its first matching word. */
  text: string;
  /** The matching words in `text`, as [start, end) offsets. */
  spans: [number, number][];
  /** Why it is relevant: its matching words as it writes them, names first (at most 3). */
  terms: string[];
  score: number;
}
