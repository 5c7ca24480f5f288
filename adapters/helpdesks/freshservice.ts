import type { HelpdeskAdapter } from '../types';
import { readFreshworks, readFreshworksApi, ticketPath } from '../freshworks';

const freshservice: HelpdeskAdapter = {
  id: 'freshservice',
  name: 'Freshservice',
  hosted: ['https://*.freshservice.com/*'],
  selfHosted: true,
  examples: [{ url: 'https://northwind.freshservice.com/a/tickets/1042', ticketId: '1042' }],
  nonExamples: ['https://northwind.freshservice.com/a/tickets/filters/all', 'https://northwind.freshservice.com/a/tickets/new'],
  isTicketUrl: (url) => ticketPath.test(url.pathname),
  read: readFreshworks,
  readApi: (_url, reading, getJson) => readFreshworksApi(reading, getJson, 'requester'),
};
export default freshservice;
