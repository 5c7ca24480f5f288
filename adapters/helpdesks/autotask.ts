import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { clean, mailto, param, splitContact, validId, finish } from '../dom';

/**
 * Datto Autotask's ticket detail page. Element ids change on every load, so fields are read
 * from the read-only field blocks by their visible label ("Account", "Contact"), as the
 * Autotask-Queue-Monitor docs describe (.ReadOnlyData / .ReadOnlyLabelContainer / .Value).
 */
function isTicketUrl(url: URL): boolean {
  if (/\/Mvc\/ServiceDesk\/TicketDetail\.mvc$/i.test(url.pathname)) return !!validId(param(url, 'ticketId'));
  if (
    /\/Autotask\/AutotaskExtend\/ExecuteCommand\.aspx$/i.test(url.pathname) ||
    /ExecuteCommand\.aspx$/i.test(url.pathname)
  ) {
    return /^OpenTicketDetail$/i.test(param(url, 'Code') ?? '') && !!validId(param(url, 'TicketID'));
  }
  return false;
}

/** The value block of the read-only field whose label is one of `labels`. */
function field(doc: Document, labels: string[]): Element | undefined {
  const wanted = labels.map((l) => l.toLowerCase());
  for (const block of doc.querySelectorAll('.ReadOnlyData')) {
    const label = clean(
      block.querySelector('.ReadOnlyLabelContainer .PrimaryText, .ReadOnlyLabelContainer')?.textContent,
    ).replace(/[\s*:]+$/, '');
    if (wanted.includes(label.toLowerCase()))
      return block.querySelector('.ReadOnlyValueContainer .Value, .ReadOnlyValueContainer') ?? undefined;
  }
  return undefined;
}

function read(doc: Document, url: URL): AdapterReading {
  const accountEl = field(doc, ['Account', 'Organization']);
  const contactEl = field(doc, ['Contact']);
  const company = clean(accountEl?.querySelector('.Text2, .Text')?.textContent ?? accountEl?.textContent);
  const contact = splitContact(clean(contactEl?.querySelector('.Text2, .Text')?.textContent ?? contactEl?.textContent));
  const emailEl = field(doc, ['Email', 'Contact Email']);
  return finish({
    ticketId: validId(param(url, 'ticketId', 'TicketID')),
    company: company || undefined,
    contactName: contact.name,
    contactEmail: contact.email ?? (mailto(contactEl) || clean(emailEl?.textContent) || undefined),
  });
}

const autotask: HelpdeskAdapter = {
  id: 'autotask',
  name: 'Datto Autotask',
  hosted: ['https://*.autotask.net/*'],
  selfHosted: false,
  isTicketUrl,
  read,
};
export default autotask;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=1042', ticketId: '1042' },
  { url: 'https://ww14.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=88&workspace=True', ticketId: '88' },
  {
    url: 'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=1042',
    ticketId: '1042',
  },
];
export const nonExamples: string[] = [
  'https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc',
  'https://ww5.autotask.net/Mvc/Framework/Navigation.mvc/Landing',
  'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenAccount&AccountID=5',
];
