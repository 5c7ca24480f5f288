import type { HelpdeskAdapter, TicketExample } from '../types';
import { readFreshworks, readFreshworksApi, ticketPath } from '../freshworks';

const freshservice: HelpdeskAdapter = {
  id: 'freshservice',
  name: 'Freshservice',
  hosted: ['https://*.freshservice.com/*'],
  selfHosted: true,
  isTicketUrl: (url) => ticketPath.test(url.pathname),
  read: readFreshworks,
  readApi: (_url, reading, getJson) => readFreshworksApi(reading, getJson, 'requester'),
};
export default freshservice;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.freshservice.com/a/tickets/1042', ticketId: '1042' },
];
export const nonExamples: string[] = [
  'https://northwind.freshservice.com/a/tickets/filters/all',
  'https://northwind.freshservice.com/a/tickets/new',
];
