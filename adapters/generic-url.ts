/**
 * The generic reader's ticket number: from the URL (any help desk whose URL names a ticket,
 * conversation, case… with its id) and as the page shows it ("Ticket #48213" in a heading or a
 * number badge).
 */

const TICKET_ID_RE = /^[A-Za-z0-9-]{1,32}$/;
/** An id-like segment with a digit: "/tickets/new" and "/tickets/open" are not tickets. */
const isTicketId = (s: string | null | undefined): s is string => !!s && TICKET_ID_RE.test(s) && /\d/.test(s);

/** The words help desks use for a ticket in their URLs (Zammad, GLPI, iTop, Znuny, Redmine, UVdesk, FreeScout…). */
const WORDS = ['ticket', 'conversation', 'case', 'incident', 'request', 'issue', 'sr', 'workorder', 'job'];
const WORD_SEGMENT = new RegExp(`^(?:${WORDS.join('|')})s?$`, 'i');
/** Between the word and the id: "#ticket/zoom/42", "/ticket/view/42". */
const VIEW_SEGMENT = /^(?:zoom|view|show|display|details?|edit)$/i;
/** Parameters that name a ticket themselves: ticket, ticketID, ticket_id, conversation, case-id… */
const ID_PARAMS = new Set(WORDS.flatMap((w) => [w, `${w}id`, `${w}_id`, `${w}-id`]));
/** Parameters whose value says what the page shows: Znuny's Action=AgentTicketZoom, iTop's class=UserRequest. */
const VIEW_PARAMS = new Set(['action', 'class', 'module', 'page', 'view', 'controller', 'type']);

/** Words in a path or name: "ticket.form.php" -> ticket, form, php; "AgentTicketZoom" -> agent, ticket, zoom. */
const words = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
const namesTicketWord = (s: string) => words(s).some((w) => WORD_SEGMENT.test(w));

/** The query's parameters, names lower-case, split on "&" and on ";" (Znuny/OTRS: "Action=AgentTicketZoom;TicketID=7"). */
const queryParams = (url: URL): [string, string][] =>
  [...new URLSearchParams(url.search.replace(/;/g, '&'))].map(([k, v]) => [k.toLowerCase(), v]);

export function ticketIdFromUrl(url: URL): string | undefined {
  // Path, and hash routes of single-page apps ("#/tickets/1042", Zammad's "#ticket/zoom/42").
  for (const path of [url.pathname, url.hash.replace(/^#!?/, '').split('?')[0] ?? '']) {
    const segs = path.split('/').filter(Boolean);
    for (let i = 0; i < segs.length - 1; i++) {
      if (!WORD_SEGMENT.test(segs[i]!)) continue;
      if (isTicketId(segs[i + 1])) return segs[i + 1];
      if (VIEW_SEGMENT.test(segs[i + 1]!) && isTicketId(segs[i + 2])) return segs[i + 2];
    }
  }
  const params = queryParams(url);
  for (const [name, value] of params) if (ID_PARAMS.has(name) && isTicketId(value)) return value;
  // A bare "?id=" only counts on a page that names a ticket: "/front/ticket.form.php?id=7",
  // "/Ticket/Display.html?id=7", iTop's "UI.php?operation=details&class=UserRequest&id=12".
  const id = params.find(([name]) => name === 'id')?.[1];
  if (!isTicketId(id)) return undefined;
  const named =
    namesTicketWord(url.pathname) || params.some(([name, value]) => VIEW_PARAMS.has(name) && namesTicketWord(value));
  return named ? id : undefined;
}

/** Where the page shows its ticket number: "#1234" badges, "Ticket #48213" in the heading or title. */
export const NUMBER_NAME = /ticket[-_]?(?:number|num|no|nr|id)\b|ticketnumber|ticket-ref/i;
// In WORDS' order, so that the two lists compress as one in the content script.
const TICKET_WORDS = [
  'ticket',
  'conversation',
  'case',
  'incident',
  'request',
  'issue',
  'sr',
  'work ?order',
  'job',
  'task',
];
const TICKET_WORD = `(?:${TICKET_WORDS.join('|')})`;
const MARK = '(?:#|n[or]\\.?\\s|number\\s|n°)';
/**
 * How a text that may start a shown ticket number begins (HEADING_ID's start): any badge or
 * heading that gives a number holds a text node starting so, which the page walk looks for.
 */
export const NUMBER_START = new RegExp(`^[\\s\\[(]*(?:${TICKET_WORD}|${MARK})`, 'i');
/** "#1042", "Ticket #1042", "[Ticket#31001]", "Case No. 77", "Ticket 1042 · Printer offline", "Incident INC-77". */
const HEADING_ID = new RegExp(
  `^[\\s\\[(]*(?:${TICKET_WORD}\\s*:?\\s*${MARK}?|${MARK})\\s*:?\\s*([A-Za-z0-9-]{1,32})\\b`,
  'i',
);

/** "Ticket #1042 · Printer offline" or "#1042" -> "1042": only at the start (a subject follows). */
export function ticketIdFromHeading(text: string): string | undefined {
  const id = HEADING_ID.exec(text)?.[1];
  return isTicketId(id) ? id : undefined;
}
