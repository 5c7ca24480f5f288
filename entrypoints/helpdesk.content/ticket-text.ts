/** The most characters of the ticket's text sent (core/messages.ts TICKET_TEXT_MAX, kept equal by a test). */
export const TICKET_TEXT_MAX = 100_000;

/** Elements whose innerText is taken at once; a larger part is taken child by child. */
const PART_ELEMENTS = 500;

/**
 * The ticket's visible text, for the background's last matching step (known names in the text
 * when the ticket's fields match nothing): the page's main region, else its body, as rendered
 * (innerText: hidden elements left out, a line break between blocks). Read only, capped.
 *
 * innerText of a whole 2 MB page takes 50-100 ms at once in Chromium, so a region is taken in
 * parts of at most PART_ELEMENTS elements (a larger one child by child, its own texts as they
 * are), pausing with `pause()` after each `sliceMs`, and no further than TICKET_TEXT_MAX
 * characters. The parts are joined by line breaks.
 */
export async function ticketText(
  doc: Document,
  pause: () => Promise<unknown> = () => Promise.resolve(),
  sliceMs = 8,
): Promise<string> {
  let text = '';
  let at = performance.now();
  const region = doc.querySelector('main, [role="main"]') ?? doc.body;
  // Nodes to look at, in page order: a child, once looked at, hands on to its next sibling.
  const todo: (Node | null)[] = [region];
  while (todo.length && text.length < TICKET_TEXT_MAX) {
    const node = todo.pop();
    if (!node) continue;
    if (node !== region) todo.push(node.nextSibling);
    const el = node as HTMLElement;
    if (node.nodeType === 3) text += node.nodeValue!.trim() + '\n';
    else if (node.nodeType === 1 && (el.checkVisibility() || getComputedStyle(el).display === 'contents')) {
      // A part too large to take at once, and an element without a box of its own (display:
      // contents), are taken child by child; a hidden element not at all.
      if (!el.getElementsByTagName('*').item(PART_ELEMENTS) && el.checkVisibility())
        text += (el.innerText ?? el.textContent) + '\n';
      else todo.push(el.firstChild);
    }
    if (performance.now() - at > sliceMs) {
      await pause();
      at = performance.now();
    }
  }
  return text.slice(0, TICKET_TEXT_MAX);
}
