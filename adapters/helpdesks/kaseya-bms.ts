import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { byLabel, clean, first, mailto, param, splitContact, validId, valueOf, finish } from '../dom';

/**
 * Kaseya BMS: the classic ASP.NET ticket page (TicketEdit.aspx?ID=) and the newer React service
 * desk (/react/servicedesk/tickets/.../{id}). Fields by their .psa-label-field labels and the
 * account's .itg-org element (outsideopen/userscripts).
 */
const reactPath = /^\/react\/servicedesk\/tickets(?:\/[\w-]+)*\/(\d{1,12})\/?$/i;

function isTicketUrl(url: URL): boolean {
  if (/\/MSP\/TicketEdit\.aspx$/i.test(url.pathname)) return /^\d{1,12}$/.test(param(url, 'ID') ?? '');
  return reactPath.test(url.pathname);
}

function read(doc: Document, url: URL): AdapterReading {
  const form = first(doc, ['#aspnetForm', '[data-testid="ticket-detail"]', 'main']) ?? doc.body;
  const company =
    clean(form.querySelector('.itg-org')?.textContent) ||
    valueOf(byLabel(form, ['Account', 'Client', 'Organization'], '.psa-label-field, label, dt, th, span'));
  const contactEl = byLabel(form, ['Contact', 'Primary Contact'], '.psa-label-field, label, dt, th, span');
  const contact = splitContact(valueOf(contactEl));
  const emailEl = byLabel(form, ['Contact Email', 'Email'], '.psa-label-field, label, dt, th, span');
  return finish({
    ticketId: validId(param(url, 'ID')) ?? reactPath.exec(url.pathname)?.[1],
    company: company || undefined,
    contactName: contact.name,
    contactEmail: contact.email ?? (valueOf(emailEl) || mailto(contactEl) || undefined),
  });
}

const kaseyaBms: HelpdeskAdapter = {
  id: 'kaseya-bms',
  name: 'Kaseya BMS',
  hosted: ['https://bms.kaseya.com/*', 'https://*.bms.kaseya.com/*'],
  selfHosted: false,
  isTicketUrl,
  read,
};
export default kaseyaBms;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://bms.kaseya.com/MSP/TicketEdit.aspx?ID=1042', ticketId: '1042' },
  { url: 'https://eu.bms.kaseya.com/MSP/TicketEdit.aspx?ID=7&return=list', ticketId: '7' },
  { url: 'https://bms.kaseya.com/react/servicedesk/tickets/detail/1042', ticketId: '1042' },
];
export const nonExamples: string[] = [
  'https://bms.kaseya.com/MSP/TicketEdit.aspx',
  'https://bms.kaseya.com/react/servicedesk/tickets',
  'https://bms.kaseya.com/MSP/TicketList.aspx',
];
