/** The most characters of a ticket page's address in a ticket report (core/messages.ts). */
export const TICKET_URL_MAX = 2048;

/**
 * A ticket page's address as its report carries it: whole, else (an address longer than a
 * report holds, a long query string) its origin and path, which identify the ticket. Whoever
 * compares a tab's address with a report's compares this, so a long address still matches.
 */
export const reportedUrl = (url: URL): string =>
  url.href.length <= TICKET_URL_MAX ? url.href : (url.origin + url.pathname).slice(0, TICKET_URL_MAX);
