import { browser } from '#imports';
import type { TicketRef, TicketWords } from '@/core/model';
import { TICKET_TEXT_MAX } from '@/core/messages';
import { visibleText } from '@/adapters/visible-text';
import { FIRST_MESSAGE_MAX, MESSAGE, readTicketWords, SUBJECT, SUBJECT_MAX } from '@/adapters/ticket-words';
import { reportedUrl } from '@/core/ticket-url';
/** Elements whose innerText is taken at once; a larger part is taken child by child. */
const PART_ELEMENTS = 500;

/** scripting.executeScript, as the readings below use it (a test passes its own). */
export type Execute = (injection: {
  target: { tabId: number; frameIds: number[] };
  func: (...args: never[]) => unknown;
  args: unknown[];
}) => Promise<{ result?: unknown }[]>;

const executeScript: Execute = (injection) =>
  browser.scripting.executeScript(injection as Parameters<typeof browser.scripting.executeScript>[0]);

/**
 * Runs `func` (which answers `[href, value]`) in a frame of the tab, in the extension's
 * isolated world (as the content script runs), and gives its value only while that frame still
 * shows the ticket page that reported `ref` (an address too long for a report is reported by its
 * origin and path). Undefined: the frame moved on, or cannot be read.
 */
async function fromTicketPage<Args extends unknown[]>(
  execute: Execute,
  [tabId, frameId]: [number, number],
  ref: TicketRef,
  func: (...args: Args) => unknown,
  args: Args,
): Promise<unknown> {
  try {
    const [result] = await execute({ target: { tabId, frameIds: [frameId] }, func, args });
    const [href, value] = (result?.result as [unknown, unknown] | undefined) ?? [];
    return typeof href === 'string' && URL.canParse(href) && reportedUrl(new URL(href)) === ref.url ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ticket's visible text, for the last matching step (known names in the text when the
 * ticket's fields match nothing), read only then: the background runs `visibleText` in the
 * tab's top frame. Before, every report carried it, read whether or not it would be used, from
 * a content script that loads on every help-desk page. Undefined: no text.
 */
export async function readTicketText(
  tabId: number,
  ref: TicketRef,
  execute: Execute = executeScript,
): Promise<string | undefined> {
  const text = await fromTicketPage(execute, [tabId, 0], ref, visibleText, [TICKET_TEXT_MAX, PART_ELEMENTS]);
  return typeof text === 'string' ? text.slice(0, TICKET_TEXT_MAX) : undefined;
}

/**
 * The ticket's subject and first message (customer text, which only orders the matched
 * account's notes), read by the background from the frame that reported `ref` when it does:
 * capped, strings only. Before, every report carried them, read by a content script that loads
 * on every help-desk page. Undefined: none, or unreadable.
 */
export async function readTicketWordsFromTab(
  tabId: number,
  frameId: number,
  ref: TicketRef,
  execute: Execute = executeScript,
): Promise<TicketWords | undefined> {
  const words = await fromTicketPage(execute, [tabId, frameId], ref, readTicketWords, [
    SUBJECT,
    MESSAGE,
    SUBJECT_MAX,
    FIRST_MESSAGE_MAX,
  ]);
  if (typeof words !== 'object' || !words) return undefined;
  const text = (value: unknown, max: number) => (typeof value === 'string' && value ? value.slice(0, max) : undefined);
  const subject = text((words as TicketWords).subject, SUBJECT_MAX);
  const firstMessage = text((words as TicketWords).firstMessage, FIRST_MESSAGE_MAX);
  return { ...(subject ? { subject } : {}), ...(firstMessage ? { firstMessage } : {}) };
}
