import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { byLabel, clean, splitContact, validId, valueOf, finish } from '../dom';

/**
 * Syncro (syncromsp.com) ticket page, a server-rendered Rails view: the customer sits in the
 * "Customer Info" widget as a link to /customers/{id} (gherbstman/SyncroTamperMonkey).
 */
const ticketPath = /^\/tickets\/(\d{1,12})\/?$/;

function widget(doc: Document, title: string): Element | undefined {
  for (const h of doc.querySelectorAll('.widget-header h3, .widget-header h4')) {
    if (clean(h.textContent).toLowerCase() === title.toLowerCase()) return h.closest('.widget') ?? undefined;
  }
  return undefined;
}

function read(doc: Document, url: URL): AdapterReading {
  const info = widget(doc, 'Customer Info');
  const customer = info?.querySelector('a[href^="/customers/"]');
  const contactEl = info ? byLabel(info, ['Assigned Contact', 'Contact']) : undefined;
  const contact = splitContact(valueOf(contactEl));
  const email = info?.querySelector('a[href^="mailto:" i]');
  return finish({
    ticketId:
      ticketPath.exec(url.pathname)?.[1] ?? /#\s*(\d+)/.exec(clean(doc.querySelector('.row h1')?.textContent))?.[1],
    company: clean(customer?.textContent) || undefined,
    contactName: contact.name,
    contactEmail: contact.email ?? (clean(email?.textContent) || undefined),
  });
}

const syncro: HelpdeskAdapter = {
  id: 'syncro',
  name: 'Syncro',
  hosted: ['https://*.syncromsp.com/*'],
  selfHosted: false,
  isTicketUrl: (url) => ticketPath.test(url.pathname) && !!validId(ticketPath.exec(url.pathname)?.[1]),
  read,
};
export default syncro;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.syncromsp.com/tickets/1042', ticketId: '1042' },
  { url: 'https://northwind.syncromsp.com/tickets/99/', ticketId: '99' },
];
export const nonExamples: string[] = [
  'https://northwind.syncromsp.com/tickets',
  'https://northwind.syncromsp.com/tickets/new',
  'https://northwind.syncromsp.com/customers/1042',
];
