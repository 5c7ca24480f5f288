import { browser } from '#imports';
import type { TicketRef } from '@/core/model';
import { TICKET_TEXT_MAX } from '@/core/messages';
import { visibleText } from '@/adapters/visible-text';
import { reportedUrl } from '@/core/ticket-url';
/** Elements whose innerText is taken at once; a larger part is taken child by child. */
const PART_ELEMENTS = 500;

/**
 * The ticket's visible text, for the last matching step (known names in the text when the
 * ticket's fields match nothing), read only then: the background runs `visibleText` in the
 * tab's top frame, in the extension's isolated world (as the content script runs), and takes
 * it only while the tab still shows the ticket page that reported `ref`. Before, every report
 * carried it, read whether or not it would be used, from a content script that loads on every
 * help-desk page. Undefined: no text (the tab moved on, or cannot be read).
 */
export async function readTicketText(
  tabId: number,
  ref: TicketRef,
  execute: (injection: {
    target: { tabId: number; frameIds: number[] };
    func: typeof visibleText;
    args: [number, number];
  }) => Promise<{ result?: unknown }[]> = (injection) => browser.scripting.executeScript(injection),
): Promise<string | undefined> {
  try {
    const [result] = await execute({
      target: { tabId, frameIds: [0] },
      func: visibleText,
      args: [TICKET_TEXT_MAX, PART_ELEMENTS],
    });
    const [href, text] = (result?.result as [string, string] | undefined) ?? [];
    // The tab still shows the ticket page that reported `ref` (an address too long for a report
    // is reported by its origin and path).
    const shown = typeof href === 'string' && URL.canParse(href) && reportedUrl(new URL(href)) === ref.url;
    return shown && typeof text === 'string' ? text.slice(0, TICKET_TEXT_MAX) : undefined;
  } catch {
    return undefined;
  }
}
