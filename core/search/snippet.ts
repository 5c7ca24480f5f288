/** Note snippets for result lines: plain text around the first matching word. */
import { processTerm, WORD } from './text';

export const SNIPPET_CHARS = 120;

/**
 * About SNIPPET_CHARS of plain text around the first word that matched, cut at word boundaries,
 * with "…" where text was left out.
 */
export function snippet(body: string, matchedTerms: string[], queryTerms: string[] = [], max = SNIPPET_CHARS): string {
  const text = body.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (text.length <= max) return text;
  const wanted = new Set(matchedTerms);
  let hit = -1;
  let hitEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const processed = processTerm(m[0]);
    const words = processed ? (Array.isArray(processed) ? processed : [processed]) : [];
    if (words.some((w) => wanted.has(w) || queryTerms.some((q) => w.startsWith(q)))) {
      hit = m.index;
      hitEnd = m.index + m[0].length;
      break;
    }
  }
  const room = max - 2; // for the ellipses
  let start = hit < 0 ? 0 : Math.max(0, Math.min(hit - Math.floor((room - (hitEnd - hit)) / 3), text.length - room));
  let end = Math.min(text.length, start + room);
  // Move the cuts to word boundaries, without losing the hit.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && (hit < 0 || space < hit)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= hitEnd) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
