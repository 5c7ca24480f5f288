/**
 * The help-desk adapter contract, refined-github style: one file per help desk, registered in
 * adapters/index.ts. An adapter only reads the page; it never receives sales data.
 */

/** What an adapter could read from a ticket page. Unvalidated: detectTicket cleans it. */
export interface AdapterReading {
  ticketId?: string;
  company?: string;
  contactName?: string;
  contactEmail?: string;
  /** Other emails on the page (requestors, CCs). */
  emails: string[];
  /** Fields this adapter expected but could not read, e.g. "company": shows layout changes. */
  missing: string[];
}

export interface HelpdeskAdapter {
  /** Lower-case id, stored with pins: never change it once released. */
  id: string;
  /** Product name shown to the technician. */
  name: string;
  /** Ticket URLs this adapter must recognise (tests check each one), with the id they hold. */
  examples: { url: string; ticketId?: string }[];
  /** URLs that look close but are not a ticket (lists, new-ticket forms). */
  nonExamples?: string[];
  isTicketUrl(url: URL): boolean;
  read(doc: Document, url: URL): AdapterReading;
}
