/**
 * The help-desk adapter contract, refined-github style: one file per help desk in
 * adapters/helpdesks/, picked up by adapters/index.ts. An adapter only reads the page (and,
 * optionally, the help desk's own same-origin API); it never receives sales data.
 */

/** What an adapter could read from a ticket page. Unvalidated: detectTicket cleans it. */
export interface AdapterReading {
  ticketId?: string;
  company?: string;
  contactName?: string;
  contactEmail?: string;
  /** The ticket's type or category as the help desk labels it ("Incident", "Problem"). */
  ticketType?: string;
  /** Other emails on the page (requestors, CCs). */
  emails: string[];
  /** When the ticket was opened, as an ISO date-time the page states (for the promise clock). */
  openedAt?: string;
  /** Fields this adapter expected but could not read, e.g. "company": shows layout changes. */
  missing: string[];
  /** Fields two readings disagreed on ("company", "contactEmail"): none of them is trusted as high. */
  conflict?: string[];
  /** The page was larger than a reading may take: only part of it was read, its fields not used. */
  tooLarge?: boolean;
  /** The ticket's id in the URL, when the page shows another number (kept for links and matching). */
  urlTicketId?: string;
}

/** CUSTOMER TEXT: the ticket's subject and first message (see core/model.ts). */
export type { TicketWords } from '@/core/model';

/**
 * A ticket URL an adapter must recognise, with the id it holds. Each adapter file exports its
 * own as `examples` (and `nonExamples`: URLs on the product that are not a ticket). They live
 * beside the detector but outside the adapter object, so the content script bundle, which
 * imports only each file's default export, leaves them out.
 */
export interface TicketExample {
  url: string;
  ticketId?: string;
}

/** GET a same-origin path (must start with "/") as JSON, with the page's own session. */
export type GetJson = (path: string, headers?: Record<string, string>) => Promise<unknown>;

export interface HelpdeskAdapter {
  /** Lower-case id, stored with pins and site entries: never change it once released. */
  id: string;
  /** Product name shown to the technician. */
  name: string;
  /**
   * Match patterns of the vendor's hosted sites: the content script runs there and the manifest
   * asks for them up front (adapters/hosts.ts collects them from every adapter).
   */
  hosted: string[];
  /** Whether MSPs also run it on their own domains (added by the user in options). */
  selfHosted: boolean;
  /**
   * Whether this URL is one of the product's ticket views. Looks at path and query only: the
   * host is checked by `hosted` or by the user's site entry, so custom domains work too.
   */
  isTicketUrl(url: URL): boolean;
  /** Read the ticket from the page. Must not throw on an unexpected layout: report `missing`. */
  read(doc: Document, url: URL): AdapterReading;
  /**
   * Optional: fill what the page did not show from the help desk's own API, as the logged-in
   * page itself could call it (e.g. Zendesk /api/v2/tickets/{id}.json). Called only when
   * `read` left company or contact email missing; errors are caught by the caller.
   */
  readApi?(url: URL, reading: AdapterReading, getJson: GetJson): Promise<Partial<AdapterReading>>;
}
