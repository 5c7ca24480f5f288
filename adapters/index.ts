import type { TicketRef } from '@/core/model';
import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading, HelpdeskAdapter } from './types';
import { generic } from './generic';

/**
 * Every help-desk adapter, in one place. Specific adapters go in SPECIFIC_ADAPTERS (first match
 * wins, so put narrow URL patterns before broad ones); the generic detector is the fallback.
 */
export const SPECIFIC_ADAPTERS: readonly HelpdeskAdapter[] = [];
export const GENERIC_ADAPTER = generic;
export const ADAPTERS: readonly HelpdeskAdapter[] = [...SPECIFIC_ADAPTERS, GENERIC_ADAPTER];

/**
 * The ticket on this page, or null when it is not a ticket page. A specific adapter's gaps are
 * filled from the generic reading, but stay listed in `missing` so a layout change shows.
 */
export function detectTicket(doc: Document, url: URL): TicketRef | null {
  const adapter = SPECIFIC_ADAPTERS.find((a) => a.isTicketUrl(url));
  // A page named after a ticket but with no id in its URL (e.g. /ticket-view.php) is a ticket
  // only when its heading names one ("Ticket #1042"); a "/tickets" list never is.
  const page = url.pathname.split('/').filter(Boolean).pop() ?? '';
  const maybeTicket = !adapter && !generic.isTicketUrl(url) && /ticket/i.test(page) && !/^tickets?$/i.test(page);
  if (!adapter && !generic.isTicketUrl(url) && !maybeTicket) return null;
  const reading = safeRead(adapter ?? generic, doc, url);
  if (maybeTicket && !reading.ticketId) return null;
  if (adapter) {
    const fallback = safeRead(generic, doc, url);
    reading.ticketId ??= fallback.ticketId;
    reading.company ??= fallback.company;
    reading.contactName ??= fallback.contactName;
    reading.contactEmail ??= fallback.contactEmail;
    reading.emails = [...reading.emails, ...fallback.emails];
  }
  return toTicketRef((adapter ?? generic).id, url, reading);
}

/** A broken adapter must not break the page or the content script. */
function safeRead(adapter: HelpdeskAdapter, doc: Document, url: URL): AdapterReading {
  try {
    return adapter.read(doc, url);
  } catch {
    return { emails: [], missing: ['page'] };
  }
}

const TICKET_ID_RE = /^[A-Za-z0-9-]{1,32}$/;
const text = (s: string | undefined, max: number) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t && t.length <= max ? t : undefined;
};

/** Validate every field once, here, whatever adapter read it (limits match core/messages.ts). */
export function toTicketRef(helpdesk: string, url: URL, r: AdapterReading): TicketRef {
  const email = (e: string | undefined) => (e && isEmail(e) && e.length <= 254 ? normalizeEmail(e) : undefined);
  const contactEmail = email(r.contactEmail);
  const emails = [...new Set(r.emails.map(email).filter((e): e is string => !!e && e !== contactEmail))];
  const ticketId = r.ticketId?.trim();
  return {
    helpdesk,
    ticketId: ticketId && TICKET_ID_RE.test(ticketId) ? ticketId : undefined,
    // Long query strings are not needed to identify a ticket; keep the URL within the limit.
    url: url.href.length <= 2048 ? url.href : (url.origin + url.pathname).slice(0, 2048),
    company: text(r.company, 200),
    contactName: text(r.contactName, 200),
    contactEmail,
    emails: emails.slice(0, 50),
    missing: [...new Set(r.missing)].filter((m) => m.length <= 40).slice(0, 20),
  };
}
