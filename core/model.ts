/**
 * Backstory's domain model: what sales and marketing know about a customer.
 *
 * Every record carries the data source it came from (`source`, e.g. "csv", "sample", "hubspot")
 * and that source's own id (`sourceId`). The primary key `id` is derived from both
 * (see `recordId`), so importing the same file or syncing the same CRM again updates records
 * instead of duplicating them. References between records (deal -> account) hold primary keys.
 */

export const RECORD_KINDS = ['account', 'contact', 'campaign', 'deal', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

interface SourcedRecord {
  /** `${source}:${sourceId}`: stable across re-imports of the same source. */
  id: string;
  source: string;
  sourceId: string;
}

export interface Account extends SourcedRecord {
  name: string;
  aliases: string[];
  /** Lower-case email/web domains, e.g. "acmedental.com". */
  domains: string[];
  /** Ids of this account in help desks and CRMs, e.g. { connectwise: "250", zendesk: "org-17" }. */
  externalIds: Record<string, string>;
  industry?: string;
  leadSource?: string;
  /** ISO date (YYYY-MM-DD) the account became a customer. */
  customerSince?: string;
  owner?: string;
}

export const CONTACT_ROLES = ['decision maker', 'champion', 'billing', 'technical', 'influencer', 'end user'] as const;

export interface Contact extends SourcedRecord {
  accountId?: string;
  name: string;
  /** Lower-case email address; may be empty when the source has none. */
  email: string;
  role?: string;
  title?: string;
  phone?: string;
  /**
   * Where the contact came from, as the CRM says ("Trade Show", "Paid Search / google"). Optional
   * and not indexed: contacts stored before it existed simply have none.
   */
  leadSource?: string;
}

export interface Campaign extends SourcedRecord {
  name: string;
  /** Channel or type: "postcard mailer", "webinar", "referral", "google ads", "trade show"... */
  channel: string;
  startDate?: string;
  endDate?: string;
  cost?: number;
  currency?: string;
  owner?: string;
}

export interface Deal extends SourcedRecord {
  accountId: string;
  campaignId?: string;
  leadSource?: string;
  name: string;
  valueOneTime?: number;
  /** Recurring revenue per month. */
  valueRecurring?: number;
  currency: string;
  /** The stage as the source names it ("Closed won", "Contract signed"). */
  stage: string;
  /** The source says the deal is won (true) or lost (false); absent: judged by the stage's name. */
  won?: boolean;
  closeDate?: string;
  salesRep?: string;
  /** What was sold, in the rep's words. */
  productsSold?: string;
  /** Promises made to the customer, one per entry ("1-hour response on the dental scheduler"). */
  promises: string[];
}

export interface Note extends SourcedRecord {
  accountId?: string;
  dealId?: string;
  author: string;
  /** ISO date or date-time. */
  date: string;
  /** Plain text; never rendered as HTML. */
  body: string;
  tags: string[];
  pinned: boolean;
}

export interface RecordsByKind {
  account: Account;
  contact: Contact;
  campaign: Campaign;
  deal: Deal;
  note: Note;
}

export type AnyRecord = RecordsByKind[RecordKind];

/** A batch of records of every kind, as an import or a sync produces it. */
export interface RecordSet {
  accounts: Account[];
  contacts: Contact[];
  campaigns: Campaign[];
  deals: Deal[];
  notes: Note[];
}

export function emptyRecordSet(): RecordSet {
  return { accounts: [], contacts: [], campaigns: [], deals: [], notes: [] };
}

export function recordId(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

/** What a help-desk page says about the ticket on screen. Only this crosses from a content script. */
export interface TicketRef {
  /** Adapter that read the page, e.g. "generic", "zendesk". */
  helpdesk: string;
  ticketId?: string;
  url: string;
  company?: string;
  contactName?: string;
  contactEmail?: string;
  /** The ticket's type or category as the help desk labels it, for campaign insights. */
  ticketType?: string;
  /** When the ticket was opened (ISO date-time), where the page states it: for the promise clock. */
  openedAt?: string;
  /** Other emails seen on the page (requestors, CCs), lower-case. */
  emails: string[];
  /** Fields the adapter expected but could not read: shown so a layout change is visible. */
  missing: string[];
  /** Fields two readings of the page (or the page and the help desk's API) disagreed on: never high confidence. */
  conflict?: string[];
  /** The page was too large to read in full: its fields were not used. */
  tooLarge?: boolean;
  /** The id in the ticket's URL when the page shows another ticket number (`ticketId`). */
  urlTicketId?: string;
  /** Read by the site's recipe, as the technician showed ("show me where", adapters/recipe.ts). */
  readBy?: 'recipe';
}

/**
 * CUSTOMER TEXT: the ticket's subject and first message (adapters/ticket-words.ts). Sent beside
 * the ticket reference, never in it; used only to order the matched account's own sales notes
 * (core/relevance), never to match an account; held in the background's memory only.
 */
export interface TicketWords {
  subject?: string;
  firstMessage?: string;
}
