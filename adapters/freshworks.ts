import type { AdapterReading, GetJson } from './types';
import { byLabel, first, mailto, splitContact, valueOf, finish } from './dom';
import { openedFromApi } from './ticket-words';

/**
 * Shared by Freshdesk and Freshservice (both Freshworks, both /a/tickets/{id} single-page
 * apps): the requester widget and labelled properties on the page, then the v2 API.
 */
export const ticketPath = /^\/a\/tickets\/(\d{1,12})(?:\/|$)/;

export function readFreshworks(doc: Document, url: URL): AdapterReading {
  const side =
    first(doc, ['[data-test-id="requester-info"]', '.ticket-sidebar', '.requester-info', 'aside']) ?? doc.body;
  const nameEl =
    first(side, ['[data-test-id="requester-info-name"]', '.requester-name']) ?? byLabel(side, ['Requester', 'Contact']);
  const emailEl =
    first(side, ['[data-test-id="requester-info-email"]', '.requester-email']) ?? byLabel(side, ['Email']);
  const companyEl =
    first(side, ['[data-test-id="requester-info-company"]', '.requester-company']) ??
    byLabel(side, ['Company', 'Department']);
  const contact = splitContact(valueOf(nameEl));
  return finish({
    ticketId: ticketPath.exec(url.pathname)?.[1],
    company: valueOf(companyEl) || undefined,
    contactName: contact.name,
    contactEmail: valueOf(emailEl) || contact.email || mailto(side),
  });
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** GET /api/v2/tickets/{id}?include=... → requester and company (Freshdesk) or department. */
export async function readFreshworksApi(
  reading: AdapterReading,
  getJson: GetJson,
  include: string,
): Promise<Partial<AdapterReading>> {
  if (!reading.ticketId) return {};
  const t = (await getJson(`/api/v2/tickets/${reading.ticketId}?include=${include}`)) as Record<string, unknown> | null;
  const ticket = (t && typeof t === 'object' && 'ticket' in t ? t.ticket : t) as Record<string, unknown> | null;
  if (!ticket || typeof ticket !== 'object') return {};
  const requester = (ticket.requester ?? {}) as Record<string, unknown>;
  const company = (ticket.company ?? ticket.department ?? {}) as Record<string, unknown>;
  return {
    company: str(company.name),
    contactName: str(requester.name) ?? str([requester.first_name, requester.last_name].filter(Boolean).join(' ')),
    contactEmail: str(requester.email) ?? str(requester.primary_email),
    // API v2 ticket: created_at, "Ticket creation timestamp" (ISO 8601, UTC), in both products.
    openedAt: openedFromApi(ticket.created_at),
  };
}
