import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { byLabel, first, mailto, param, splitContact, validId, valueOf, finish } from '../dom';

/**
 * HaloPSA and HaloITSM (one product, cloud tenants and custom domains). A single-page app whose
 * markup changes between releases, so the page is read by its visible labels and the ticket's
 * client and user come from Halo's own API, which the logged-in agent's page calls itself
 * (GET /api/tickets/{id}, as hardinxcore/HaloHelper does).
 */
const isTicketUrl = (url: URL) =>
  /^\/(?:ticket|tickets)\/?$/i.test(url.pathname) && !!validId(param(url, 'id')) && /^\d+$/.test(param(url, 'id')!);

function read(doc: Document, url: URL): AdapterReading {
  const panel =
    first(doc, ['[data-testid="ticket-details"]', '.ticket-details', '.ticketdetails', 'aside', 'main']) ?? doc.body;
  const company = valueOf(byLabel(panel, ['Client', 'Customer', 'Organisation', 'Organization']));
  const userEl = byLabel(panel, ['User', 'End User', 'Reported By']);
  const user = splitContact(valueOf(userEl));
  const email = valueOf(byLabel(panel, ['Email', 'Email Address'])) || user.email || mailto(userEl);
  return finish({
    ticketId: param(url, 'id'),
    company: company || undefined,
    contactName: user.name,
    contactEmail: email || undefined,
  });
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const halopsa: HelpdeskAdapter = {
  id: 'halopsa',
  name: 'HaloPSA / HaloITSM',
  hosted: ['https://*.halopsa.com/*', 'https://*.haloitsm.com/*'],
  selfHosted: true,
  isTicketUrl,
  read,
  async readApi(url, reading, getJson) {
    const id = reading.ticketId ?? param(url, 'id');
    if (!id) return {};
    const t = (await getJson(`/api/tickets/${encodeURIComponent(id)}`)) as Record<string, unknown> | null;
    if (!t || typeof t !== 'object') return {};
    return {
      company: str(t.client_name),
      contactName: str(t.user_name),
      contactEmail:
        str(t.emailfrom) ??
        str(t.user_emailaddress) ??
        str((t.user as Record<string, unknown> | undefined)?.emailaddress),
    };
  },
};
export default halopsa;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.halopsa.com/ticket?id=1042', ticketId: '1042' },
  { url: 'https://northwind.halopsa.com/tickets?id=77&showmenu=false', ticketId: '77' },
  { url: 'https://acme.haloitsm.com/ticket?id=5', ticketId: '5' },
];
export const nonExamples: string[] = [
  'https://northwind.halopsa.com/tickets',
  'https://northwind.halopsa.com/tickets?area=1',
  'https://northwind.halopsa.com/customers?id=5',
];
