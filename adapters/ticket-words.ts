import type { TicketWords } from './types';

/**
 * The ticket's subject and first message, for ranking the matched account's sales notes (core/
 * relevance), and when the ticket was opened, for the promise clock. Any help desk: the common
 * shapes of a ticket page, no product's markup.
 *
 * Subject and message are customer-written: the background reads them from the tab itself,
 * never in the ticket reference, never to choose the account, and keeps them in memory only
 * (services/sidebar-requests.ts).
 */

/** The most characters of each read (the message's opening says what the problem is). */
export const SUBJECT_MAX = 300;
export const FIRST_MESSAGE_MAX = 4000;

/** Where a ticket page shows its subject, and its messages (the first is the one read). */
export const SUBJECT =
  '.ticket-subject, [data-ticket-subject], [itemprop="headline"], #header h1, main h1, [role="main"] h1, h1';
export const MESSAGE =
  '.message-body, .ticket-description, .description-body, [data-message-body], .messagebody, .comment-body, .ticket-body';

/**
 * Subject and first message, read only, capped; either may be missing; with the page's address.
 * Runs in the page: the background runs it in the tab when the tab reports a ticket
 * (services/page-text.ts), so it uses nothing outside itself (the selectors and caps are its
 * arguments) and the content script, which loads on every help-desk page, does not carry it.
 */
export function readTicketWords(
  subjectSelector: string,
  messageSelector: string,
  subjectMax: number,
  messageMax: number,
  doc: Document = document,
): [href: string, words: TicketWords] {
  const clean = (s: string | null | undefined, max: number) =>
    (s ?? '').replace(/\s+/g, ' ').trim().slice(0, max) || undefined;
  const heading = doc.querySelector<HTMLElement>(subjectSelector);
  // "Ticket #1042 Dentrix down" and "#7: Printer" lose their number; a page without a heading has its title.
  const subject = clean(
    (heading?.textContent ?? doc.title)
      .replace(/^\s*(?:(?:ticket|incident|case|request|issue|vorgang)\s*#?|#)\s*[A-Z]{0,5}-?\d+\s*[:.\-–]?\s*/i, '')
      .replace(/\s+[·|–-]\s+[^·|–-]+$/, (tail) => (heading ? tail : '')),
    subjectMax,
  );
  const message = doc.querySelector<HTMLElement>(messageSelector);
  return [
    doc.location?.href ?? '',
    {
      ...(subject ? { subject } : {}),
      ...(message ? { firstMessage: clean(message.innerText ?? message.textContent, messageMax) } : {}),
    },
  ];
}

const OPENED_LABEL =
  /^\s*(?:created|opened|submitted|date opened|erstellt|eröffnet|angelegt|erfasst)\s*(?:on|am)?\s*:?\s*$/i;

/**
 * When the ticket was opened, as the page states it in a machine-readable form: a <time
 * datetime> labelled "Created"/"Opened" (else the first message's), or a row labelled "Created"
 * whose value is a full date and time (Request Tracker: "Mon Nov 23 18:46:01 2026", in the
 * browser's time zone, which RT shows the user's times in). An ISO string, or undefined.
 */
export function readOpenedAt(doc: Document): string | undefined {
  for (const time of doc.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
    if (customerWritten(time)) continue;
    const before = time.previousSibling?.textContent ?? '';
    if (/(?:created|opened|submitted|erstellt|eröffnet)\s*(?:on|am)?\s*:?\s*$/i.test(before)) return iso(time.dateTime);
  }
  for (const label of doc.querySelectorAll<HTMLElement>('.label, dt, th, label')) {
    if (!OPENED_LABEL.test(label.textContent ?? '') || customerWritten(label)) continue;
    const value = label.nextElementSibling;
    const time = value?.querySelector<HTMLTimeElement>('time[datetime]');
    const found = iso(time?.dateTime ?? value?.textContent ?? '');
    if (found) return found;
  }
  const first = doc.querySelector(MESSAGE)?.closest('article, .message, li, tr');
  return iso(first?.querySelector<HTMLTimeElement>('time[datetime]')?.dateTime ?? '');
}

/**
 * Whether an element is inside a message (customer text: an HTML mail can hold its own
 * "Created" row or <time>), which is never when the ticket was opened.
 */
const customerWritten = (el: Element): boolean => !!el.closest(`${MESSAGE}, blockquote, [contenteditable]`);

/**
 * When the ticket was opened as the help desk's API states it (its created field): an ISO
 * date-time with its zone ("2026-11-23T18:46:01Z", "+01:00"), or milliseconds since 1970. Never
 * a local time without a zone. An ISO string, or undefined.
 */
export function openedFromApi(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? new Date(value).toISOString() : undefined;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)
  )
    return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A full date and time (not a bare date, not "2 hours ago"), as ISO; else undefined. */
function iso(value: string): string | undefined {
  const v = value.trim();
  if (!/\d{4}/.test(v) || !/\d{1,2}:\d{2}/.test(v) || v.length > 64) return undefined;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
