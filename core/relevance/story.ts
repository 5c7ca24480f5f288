import type { Backstory, RelevantItem } from '../backstory';
import { isWonStage } from '../backstory';
import { rankForProblem, type RankItem, type TicketProblem } from './rank';
import type { TextsIndex } from './texts-index';

/** What a story's relevance ranking reads: its texts, what was sold, and the names to leave out of the ticket's words. */
export interface StoryTexts {
  items: RankItem[];
  productsSold: string[];
  ignore: string[];
}

export function storyTexts(story: Backstory): StoryTexts {
  const won = [story.winningDeal, ...story.otherDeals].filter((d) => d && isWonStage(d.stage) && d.productsSold);
  const sold = won.map((d) => ({ id: `sold:${d!.id}`, text: d!.productsSold! }));
  return {
    items: [
      ...story.promises.map((text, i) => ({ kind: 'promise' as const, id: `promise:${i}`, text })),
      ...sold.map((s) => ({ kind: 'sold' as const, ...s })),
      ...story.notes.map((n) => ({ kind: 'note' as const, id: n.id, text: n.body })),
    ],
    productsSold: sold.map((s) => s.text),
    ignore: [story.account.name, ...story.account.aliases, ...story.contacts.map((c) => c.name)],
  };
}

/**
 * The story's promises, items sold and notes that concern the ticket, best first (at most 3).
 * The ticket's words only order this account's own texts; the story itself is already chosen.
 * `saved`: the index of these very texts, saved before (services/relevance-index.ts).
 */
export function relevantToTicket(story: Backstory, problem: TicketProblem, saved?: TextsIndex): RelevantItem[] {
  const { items, productsSold, ignore } = storyTexts(story);
  const notes = new Map(story.notes.map((n) => [n.id, n]));
  return rankForProblem(items, problem, { productsSold, ignore, saved }).map((r) => {
    const base: RelevantItem = { kind: r.kind, text: r.text, spans: r.spans, terms: r.terms };
    if (r.kind === 'promise') return { ...base, promise: story.promises[Number(r.id.slice('promise:'.length))] };
    const note = r.kind === 'note' ? notes.get(r.id) : undefined;
    return note ? { ...base, noteId: note.id, author: note.author, date: note.date } : base;
  });
}
