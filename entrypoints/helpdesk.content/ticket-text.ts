/** The most characters of the ticket's text sent (core/messages.ts TICKET_TEXT_MAX, kept equal by a test). */
export const TICKET_TEXT_MAX = 100_000;

/**
 * The ticket's visible text, for the background's last matching step (known names in the text
 * when the ticket's fields match nothing): the page's main region, else its body, as rendered
 * (innerText: hidden elements left out, a line break between blocks). Read only, capped.
 */
export function ticketText(doc: Document): string {
  const region = doc.querySelector<HTMLElement>('main, [role="main"]') ?? doc.body;
  const text = region?.innerText ?? '';
  return text.length > TICKET_TEXT_MAX ? text.slice(0, TICKET_TEXT_MAX) : text;
}
