/**
 * How a relevant item is shown: its text (a long note as the part around its best word), its
 * matching words highlighted, and why it is relevant (its three words that add most).
 */
import type { Token } from './text';
import type { RankedItem, RankItem } from './items';

/** A longer note is shown as an excerpt of about this many characters. */
const EXCERPT = 240;

/** `hitStems`: each matching stem with what it added to the item's score. */
export function shown(item: RankItem, tokens: Token[], hitStems: Map<string, number>, score: number): RankedItem {
  // The three words that add most, highlighted wherever the text has them.
  const top = [...hitStems].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const rank = new Map(top.map(([stem], i) => [stem, i]));
  const hits = tokens.filter((t) => rank.has(t.stem));
  const text = item.text;
  let from = 0;
  let to = text.length;
  if (text.length > EXCERPT && hits.length) {
    // From the start of the sentence holding the best word, if that is not too far back.
    const first = hits.find((t) => rank.get(t.stem) === 0)!.start;
    const sentence = Math.max(text.lastIndexOf('. ', first), text.lastIndexOf('\n', first));
    from = sentence >= 0 && first - sentence < EXCERPT / 2 ? sentence + 1 : Math.max(0, first - 40);
    // White space as /\s/ says it (trim drops the same characters), without compiling an expression.
    while (from < first && text[from]!.trim() === '') from++;
    to = Math.min(text.length, from + EXCERPT);
    const space = text.lastIndexOf(' ', to);
    if (to < text.length && space > first) to = space;
  }
  const lead = from > 0 ? '… ' : '';
  const excerpt = lead + text.slice(from, to) + (to < text.length ? ' …' : '');
  const spans = hits
    .filter((t) => t.start >= from && t.end <= to)
    .map((t): [number, number] => [t.start - from + lead.length, t.end - from + lead.length]);
  const terms = top.map(([stem]) => {
    const t = hits.find((h) => h.stem === stem)!;
    return text.slice(t.start, t.end);
  });
  return { kind: item.kind, id: item.id, text: excerpt, spans, terms, score };
}
