/**
 * Runs in the page (so it uses nothing outside itself): the page's main region, else its body,
 * as rendered (innerText: hidden elements left out), and the page's address. innerText of a
 * whole 2 MB page takes 50-100 ms at once in Chromium, so the region is taken in parts of at
 * most `part` elements (a larger one child by child, its own texts as they are), giving the
 * page the main thread every 8 ms (`pause`), and no further than `max` characters. The parts are joined
 * by line breaks. The background runs it in the tab (services/page-text.ts).
 */
export async function visibleText(
  max: number,
  part: number,
  pause: () => Promise<unknown> = () => new Promise((r) => setTimeout(r)),
): Promise<[href: string, text: string]> {
  let text = '';
  let at = performance.now();
  const region = document.querySelector('main, [role="main"]') ?? document.body;
  // Nodes to look at, in page order: a child, once looked at, hands on to its next sibling.
  const todo: (Node | null)[] = [region];
  while (todo.length && text.length < max) {
    const node = todo.pop();
    if (!node) continue;
    if (node !== region) todo.push(node.nextSibling);
    const el = node as HTMLElement;
    if (node.nodeType === 3) text += node.nodeValue!.trim() + '\n';
    else if (node.nodeType === 1 && (el.checkVisibility() || getComputedStyle(el).display === 'contents')) {
      // A part too large to take at once (item(), not [i]: the indexed getter counts the whole
      // list), and an element without a box of its own (display: contents), are taken child by
      // child; a hidden element not at all.
      if (!el.getElementsByTagName('*').item(part) && el.checkVisibility())
        text += (el.innerText ?? el.textContent) + '\n';
      else todo.push(el.firstChild);
    }
    if (performance.now() - at > 8) {
      await pause();
      at = performance.now();
    }
  }
  return [location.href, text.slice(0, max)];
}
