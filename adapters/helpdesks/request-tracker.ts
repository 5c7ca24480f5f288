import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { clean, param, splitContact, finish } from '../dom';

/**
 * Request Tracker 4/5 (Best Practical), always self-hosted. Structure from a real RT 5.0.3
 * ticket page (tests/fixtures/helpdesks/request-tracker-ticket.html): the ticket's own info
 * panels, never the history (where customers write).
 */
const isDisplay = (url: URL) =>
  /\/Ticket\/Display\.html$/i.test(url.pathname) && /^\d{1,12}$/.test(param(url, 'id') ?? '');

/** Matching elements outside the ticket history, where customers' messages are shown. */
function outsideHistory(doc: Document, selector: string): Element[] {
  return [...doc.querySelectorAll(selector)].filter(
    (el) => !el.closest('.history-container, .history, .messagebody, .transaction'),
  );
}

function read(doc: Document, url: URL): AdapterReading {
  const ticketId = param(url, 'id') ?? /^#(\d+):/.exec(clean(doc.querySelector('#header h1')?.textContent))?.[1];
  const [requestor] = outsideHistory(
    doc,
    '.ticket-info-people .requestors .value .user a, .ticket-info-people .requestors .value a[href*="/User/Summary.html"]',
  );
  const { name, email } = splitContact(requestor?.textContent ?? '');
  // The requestor's Organization (shown with $MoreAboutRequestorExtraInfo); collapsed panels
  // still hold it in textContent.
  const [org] = outsideHistory(
    doc,
    '.ticket-info-requestor .more-about-requestor-extra-field.Organization .value .current-value, .more-about-requestor-extra-field.Organization .current-value',
  );
  const others = outsideHistory(doc, '.ticket-info-people .value .user a')
    .map((a) => splitContact(a.textContent ?? '').email)
    .filter((e): e is string => !!e);
  return finish({
    ticketId,
    company: clean(org?.textContent) || undefined,
    contactName: name,
    contactEmail: email,
    emails: others,
  });
}

const requestTracker: HelpdeskAdapter = {
  id: 'request-tracker',
  name: 'Request Tracker',
  hosted: [],
  selfHosted: true,
  isTicketUrl: isDisplay,
  read,
};
export default requestTracker;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://rt.example.com/Ticket/Display.html?id=1042', ticketId: '1042' },
  { url: 'https://help.example.org/rt/Ticket/Display.html?id=7&results=abc', ticketId: '7' },
];
export const nonExamples: string[] = [
  'https://rt.example.com/Ticket/Display.html',
  'https://rt.example.com/Ticket/Display.html?id=new',
  'https://rt.example.com/Search/Results.html?Query=x',
  'https://rt.example.com/Ticket/Create.html?Queue=1',
];
