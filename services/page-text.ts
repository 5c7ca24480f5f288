import { browser } from '#imports';
import type { TicketRef, TicketWords } from '@/core/model';
import { TICKET_TEXT_MAX } from '@/core/messages';
import { visibleText } from '@/adapters/visible-text';
import { FIRST_MESSAGE_MAX, MESSAGE, readTicketWords, SUBJECT, SUBJECT_MAX } from '@/adapters/ticket-words';
import { reportedUrl } from '@/core/ticket-url';
/** Elements whose innerText is taken at once; a larger part is taken child by child. */
const PART_ELEMENTS = 500;

/**
 * Whether the page at `href` is the ticket page that reported `ref` (an address too long for a
 * report is reported by its origin and path).
 */
const showsTicket = (href: unknown, ref: TicketRef): boolean =>
  typeof href === 'string' && URL.canParse(href) && reportedUrl(new URL(href)) === ref.url;

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
    return showsTicket(href, ref) && typeof text === 'string' ? text.slice(0, TICKET_TEXT_MAX) : undefined;
  } catch {
    return undefined;
  }
}

/** scripting.executeScript, as the readings below use it (a test passes its own). */
type Execute = (injection: {
  target: { tabId: number; frameIds: number[] };
  func: typeof readTicketWords;
  args: [string, string, number, number];
}) => Promise<{ result?: unknown }[]>;

/**
 * The ticket's subject and first message (customer text, which only orders the matched
 * account's notes), read by the background from the frame that reported `ref` when it does:
 * `readTicketWords` runs there in the extension's isolated world and is taken only while the
 * frame still shows that ticket page, capped, strings only. Before, every report carried them,
 * read by a content script that loads on every help-desk page. Undefined: none, or unreadable.
 */
export async function readTicketWordsFromTab(
  tabId: number,
  frameId: number,
  ref: TicketRef,
  execute: Execute = (injection) => browser.scripting.executeScript(injection),
): Promise<TicketWords | undefined> {
  try {
    const [result] = await execute({
      target: { tabId, frameIds: [frameId] },
      func: readTicketWords,
      args: [SUBJECT, MESSAGE, SUBJECT_MAX, FIRST_MESSAGE_MAX],
    });
    const [href, words] = (result?.result as [unknown, Record<string, unknown> | undefined] | undefined) ?? [];
    if (!showsTicket(href, ref) || typeof words !== 'object' || !words) return undefined;
    const text = (value: unknown, max: number) =>
      typeof value === 'string' && value ? value.slice(0, max) : undefined;
    const subject = text(words.subject, SUBJECT_MAX);
    const firstMessage = text(words.firstMessage, FIRST_MESSAGE_MAX);
    return { ...(subject ? { subject } : {}), ...(firstMessage ? { firstMessage } : {}) };
  } catch {
    return undefined;
  }
}
