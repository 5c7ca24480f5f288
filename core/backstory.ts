import type { Account, Campaign, Contact, Deal, Note } from './model';
import { CONTACT_ROLES } from './model';

/** A note as the sidebar lists it: with the name of the deal it was written on. */
type BackstoryNote = Note & { dealName?: string };

type BackstoryContact = Pick<Contact, 'id' | 'name' | 'email' | 'role' | 'title' | 'leadSource'>;

/** Everything the sidebar shows about one account, and nothing more. */
export interface Backstory {
  account: Account;
  /** Campaign of the deal that won the account; the view falls back to account.leadSource. */
  originCampaign?: Campaign;
  /** Earliest Closed Won deal, else the earliest deal (check `isWonDeal(deal)`). */
  winningDeal?: Deal;
  /** Every other deal: open ones (no close date) first, then newest first. */
  otherDeals: Deal[];
  /** Promises made in any won deal, each once, the winning deal's first. */
  promises: string[];
  /** The ticket's contact when they are a known contact of this account. */
  contact?: BackstoryContact;
  /** Known contacts, decision makers first. */
  contacts: BackstoryContact[];
  /** Pinned first, then newest first. */
  notes: BackstoryNote[];
  /**
   * Data sources the story was put together from, the matched account's first. More than one when
   * the same customer is in several sources (a CSV import and HubSpot, say): every record keeps its
   * own `source`, so the view can say where each fact came from.
   */
  sources: string[];
  /** The merged accounts' ids, the matched account's first. */
  accountIds: string[];
  /** What the view says about each source's freshness (filled in by services/freshness.ts). */
  sourceInfo?: SourceInfo[];
  /**
   * At most three promises, notes or items sold that concern the ticket on screen, best first
   * (core/relevance/story.ts; absent when none does, or with no ticket).
   */
  relevant?: RelevantItem[];
}

/** A promise, note or item sold that concerns the ticket, with why. Plain text and offsets, never HTML. */
export interface RelevantItem {
  kind: 'promise' | 'note' | 'sold';
  /** The item's text, or the part of a long note around its first matching word. */
  text: string;
  /** The matching words in `text`, as [start, end) offsets to highlight. */
  spans: [number, number][];
  /** Its matching words as it writes them ("Dentrix", "scheduler"), names first. */
  terms: string[];
  /** The whole promise (a promise's clock reads it). */
  promise?: string;
  /** A note's id, author and date. */
  noteId?: string;
  author?: string;
  date?: string;
}

/** How fresh one source's data is, in words the view can translate. */
export interface SourceInfo {
  id: string;
  kind: 'sync' | 'sample' | 'import';
  /** The user's name for a synced source ("HubSpot"). */
  label?: string;
  /** Last successful sync or import. */
  at?: string;
  /** The last sync failed (its data is older than the schedule promises). */
  failing?: boolean;
}

/** CRMs spell it "Closed Won", "closed-won", "Won"... */
export function isWonStage(stage: string): boolean {
  const s = stage.toLowerCase().replace(/[^a-z]/g, '');
  return s === 'closedwon' || s === 'won';
}

/** Won by the source's word (a CRM's stage metadata), else by the stage's name. */
export function isWonDeal(deal: Pick<Deal, 'stage' | 'won'>): boolean {
  return deal.won ?? isWonStage(deal.stage);
}

/** Earliest close date first; deals without one (still open) last. */
function byCloseDate(a: Deal, b: Deal): number {
  if (a.closeDate !== b.closeDate) {
    if (!a.closeDate) return 1;
    if (!b.closeDate) return -1;
    return a.closeDate < b.closeDate ? -1 : 1;
  }
  return a.id.localeCompare(b.id);
}

export function pickWinningDeal(deals: Deal[]): Deal | undefined {
  const sorted = [...deals].sort(byCloseDate);
  return sorted.find(isWonDeal) ?? sorted[0];
}

/** Same promise typed twice ("1-hour response" / "1-hour response.") shows once. */
export function dedupePromises(lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of lists.flat()) {
    const text = p.trim();
    const key = text
      .toLowerCase()
      .replace(/[\s.;,!]+/g, ' ')
      .trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

function roleRank(role: string | undefined): number {
  const i = (CONTACT_ROLES as readonly string[]).indexOf((role ?? '').trim().toLowerCase());
  return i < 0 ? CONTACT_ROLES.length : i;
}

function sortContacts<T extends Pick<Contact, 'name' | 'role'>>(contacts: T[]): T[] {
  return [...contacts].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name));
}

function sortNotes<T extends Pick<Note, 'pinned' | 'date' | 'id'>>(notes: T[]): T[] {
  return [...notes].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) || (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1),
  );
}

export interface BackstoryParts {
  account: Account;
  /** The same customer's accounts in other sources, merged into this story. */
  twins?: Account[];
  deals: Deal[];
  contacts: Contact[];
  notes: Note[];
  campaigns: Campaign[];
  /** Lower-case email of the ticket's contact, if the page showed one. */
  contactEmail?: string;
}

/** Pure assembly from the account's records; services/backstory.ts only fetches them. */
export function assembleBackstory(parts: BackstoryParts): Backstory {
  const { account, deals, contacts, notes, campaigns, contactEmail, twins = [] } = parts;
  const winningDeal = pickWinningDeal(deals);
  const otherDeals = deals.filter((d) => d !== winningDeal).sort((a, b) => byCloseDate(b, a));
  const won = [...deals].sort(byCloseDate).filter(isWonDeal);
  if (winningDeal) won.sort((a, b) => Number(b === winningDeal) - Number(a === winningDeal));
  const view = (c: Contact): BackstoryContact => ({
    id: c.id,
    name: c.name,
    email: c.email,
    role: c.role,
    title: c.title,
    ...(c.leadSource ? { leadSource: c.leadSource } : {}),
  });
  const ticketContact = contactEmail ? contacts.find((c) => c.email && c.email === contactEmail) : undefined;
  const dealNames = new Map(deals.map((d) => [d.id, d.name]));
  return {
    account,
    originCampaign: winningDeal?.campaignId ? campaigns.find((c) => c.id === winningDeal.campaignId) : undefined,
    winningDeal,
    otherDeals,
    promises: dedupePromises(won.map((d) => d.promises)),
    contact: ticketContact && view(ticketContact),
    contacts: sortContacts(contacts).map(view),
    notes: sortNotes(notes).map((n) => {
      const dealName = n.dealId ? dealNames.get(n.dealId) : undefined;
      return dealName ? { ...n, dealName } : { ...n };
    }),
    sources: [...new Set([account, ...twins, ...deals, ...contacts, ...notes].map((r) => r.source))],
    accountIds: [account.id, ...twins.map((t) => t.id)],
  };
}
