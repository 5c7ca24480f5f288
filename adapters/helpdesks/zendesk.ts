import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { clean, first, splitContact, finish } from '../dom';
import { openedFromApi } from '../ticket-words';

/**
 * Zendesk Support's agent workspace (a single-page app). The ticket's system fields carry
 * data-test-id attributes; organization and requester also come from the same-origin API the
 * agent's page uses (GET /api/v2/tickets/{id}.json?include=users,organizations).
 */
const ticketPath = /^\/agent\/tickets\/(\d{1,12})(?:\/|$)/;

function read(doc: Document, url: URL): AdapterReading {
  const panel =
    first(doc, [
      '[data-test-id="ticket-system-field-panel"]',
      '[data-test-id="ticket-fields"]',
      '[data-garden-id="chrome.main"]',
    ]) ?? doc.body;
  const org = first(panel, [
    '[data-test-id="ticket-system-field-organization-select"] [data-garden-id="dropdowns.combobox.value"]',
    '[data-test-id="ticket-system-field-organization-select"]',
  ]);
  const requester = first(panel, [
    '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="dropdowns.combobox.value"]',
    '[data-test-id="ticket-system-field-requester-select"]',
  ]);
  const contact = splitContact(clean(requester?.textContent));
  return finish({
    ticketId: ticketPath.exec(url.pathname)?.[1],
    company: clean(org?.textContent).replace(/^-$/, '') || undefined,
    contactName: contact.name,
    contactEmail: contact.email,
  });
}

interface ZdUser {
  id: number;
  name?: string;
  email?: string;
}
interface ZdOrg {
  id: number;
  name?: string;
}

const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  hosted: ['https://*.zendesk.com/*'],
  selfHosted: false,
  isTicketUrl: (url) => ticketPath.test(url.pathname),
  read,
  async readApi(_url, reading, getJson) {
    if (!reading.ticketId) return {};
    const data = (await getJson(`/api/v2/tickets/${reading.ticketId}.json?include=users,organizations`)) as {
      ticket?: { requester_id?: number; organization_id?: number | null; created_at?: unknown };
      users?: ZdUser[];
      organizations?: ZdOrg[];
    } | null;
    const ticket = data?.ticket;
    if (!ticket) return {};
    const user = data.users?.find((u) => u.id === ticket.requester_id);
    const org = data.organizations?.find((o) => o.id === ticket.organization_id);
    return {
      company: typeof org?.name === 'string' ? org.name : undefined,
      contactName: typeof user?.name === 'string' ? user.name : undefined,
      contactEmail: typeof user?.email === 'string' ? user.email : undefined,
      // Tickets API: created_at, "When this record was created" (ISO 8601, UTC).
      openedAt: openedFromApi(ticket.created_at),
    };
  },
};
export default zendesk;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.zendesk.com/agent/tickets/1042', ticketId: '1042' },
  { url: 'https://northwind.zendesk.com/agent/tickets/7/events', ticketId: '7' },
];
export const nonExamples: string[] = [
  'https://northwind.zendesk.com/agent/filters/360001',
  'https://northwind.zendesk.com/agent/tickets/new/1',
  'https://northwind.zendesk.com/hc/en-us/requests/1042',
];
