import type { HelpdeskAdapter, TicketExample } from '../types';
import { readFreshworks, readFreshworksApi, ticketPath } from '../freshworks';

const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  hosted: ['https://*.freshdesk.com/*'],
  selfHosted: true,
  isTicketUrl: (url) => ticketPath.test(url.pathname),
  read: readFreshworks,
  readApi: (_url, reading, getJson) => readFreshworksApi(reading, getJson, 'requester,company'),
};
export default freshdesk;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.freshdesk.com/a/tickets/1042', ticketId: '1042' },
  { url: 'https://northwind.freshdesk.com/a/tickets/7/conversations', ticketId: '7' },
];
export const nonExamples: string[] = [
  'https://northwind.freshdesk.com/a/tickets/filters/all_tickets',
  'https://northwind.freshdesk.com/a/tickets/new',
  'https://northwind.freshdesk.com/support/tickets/1042',
];
