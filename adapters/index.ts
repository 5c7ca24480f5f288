import type { TicketRef } from '@/core/model';
import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading, GetJson, HelpdeskAdapter } from './types';
import { generic, genericSteps } from './generic';
import { walkAll } from './generic-scan';
import { reportedUrl } from '@/core/ticket-url';
import { matchesAny } from './url-match';
import { readOpenedAt } from './ticket-words';
import type { ReadingRecipe } from '@/core/recipe';
import { readByRecipe } from './recipe';
import { clean } from './dom';

import { SPECIFIC_ADAPTERS, adapterById } from './registry';
export { SPECIFIC_ADAPTERS };
const GENERIC_ADAPTER = generic;
export const ADAPTERS: readonly HelpdeskAdapter[] = [...SPECIFIC_ADAPTERS, GENERIC_ADAPTER];

/**
 * Which adapter reads this page: the product the user chose for this site, else a product whose
 * hosted domain this is, else a self-hosted product recognised by its distinctive ticket path
 * (Request Tracker's /Ticket/Display.html, ConnectWise's /v4_6_release/), else none.
 */
export function adapterFor(url: URL, siteAdapterId?: string): HelpdeskAdapter | undefined {
  if (siteAdapterId && siteAdapterId !== 'detect' && siteAdapterId !== 'generic') {
    const chosen = adapterById(siteAdapterId);
    return chosen?.isTicketUrl(url) ? chosen : undefined;
  }
  const href = url.href;
  return (
    SPECIFIC_ADAPTERS.find((a) => matchesAny(href, hostedPatterns(a)) && a.isTicketUrl(url)) ??
    SPECIFIC_ADAPTERS.find((a) => a.selfHosted && a.isTicketUrl(url))
  );
}

/** Test builds also serve vendors' pages over http (through the fixture proxy). */
const hostedPatterns = (a: HelpdeskAdapter) =>
  import.meta.env?.WXT_TEST_HOSTS === '1' ? a.hosted.map((p) => p.replace(/^https:/, '*:')) : a.hosted;

/**
 * A page named after a ticket but with no id in its URL (e.g. /ticket-view.php): a ticket only
 * when its heading names one ("Ticket #1042"); a "/tickets" list never is.
 */
function namesTicket(url: URL): boolean {
  const page = url.pathname.split('/').filter(Boolean).pop() ?? '';
  return /ticket/i.test(page) && !/^tickets?$/i.test(page);
}

/**
 * Whether this URL can be a ticket page at all, whichever product the user picked for the site:
 * the content script's only work on any other page (no DOM reads, observers or messages).
 * detectTicket never finds a ticket where this says no. On a site the user added (`addedSite`),
 * any page may be one: a page whose heading or title shows a ticket number counts there.
 */
export function mayBeTicketUrl(url: URL, addedSite = false): boolean {
  return addedSite || generic.isTicketUrl(url) || namesTicket(url) || SPECIFIC_ADAPTERS.some((a) => a.isTicketUrl(url));
}

/**
 * Whether detectTicket will find a ticket on this URL whatever the page shows (so the sidebar
 * can start loading before the page is parsed). Not for pages named after a ticket without an
 * id, which only their heading decides.
 */
export function isCertainTicketUrl(url: URL, siteAdapterId?: string): boolean {
  if (siteAdapterId === 'generic') return generic.isTicketUrl(url);
  if (adapterFor(url, siteAdapterId)) return true;
  return (!siteAdapterId || siteAdapterId === 'detect') && generic.isTicketUrl(url);
}

/**
 * The ticket on this page, or null when it is not a ticket page. A specific adapter's gaps are
 * filled from the generic reading, but stay listed in `missing` so a layout change shows.
 * `siteAdapterId` is the product the user picked for this site in options ("detect": any).
 */
export function detectTicket(
  doc: Document,
  url: URL,
  siteAdapterId?: string,
  recipe?: ReadingRecipe,
): TicketRef | null {
  return walkAll(detectSteps(doc, url, siteAdapterId, recipe));
}

/**
 * detectTicket as a generator that pauses between the generic reader's parts, for the content
 * script to read a page in slices (readInSlices), never blocking a large page for long.
 */
export function* detectSteps(
  doc: Document,
  url: URL,
  siteAdapterId?: string,
  recipe?: ReadingRecipe,
): Generator<void, TicketRef | null> {
  const adapter = siteAdapterId === 'generic' ? undefined : adapterFor(url, siteAdapterId);
  if (!adapter && siteAdapterId && siteAdapterId !== 'detect' && siteAdapterId !== 'generic') return null;
  // On a site the user added, a page with an unusual URL is a ticket when it shows a number.
  const addedSite = siteAdapterId === 'detect' || siteAdapterId === 'generic';
  const maybeTicket = !adapter && !generic.isTicketUrl(url) && (namesTicket(url) || addedSite);
  if (!adapter && !generic.isTicketUrl(url) && !maybeTicket) return null;
  // The site's recipe (the technician showed where) first; the rules fill only what it lacks.
  const byRecipe = recipe && readByRecipe(doc, recipe);
  const showed = !!byRecipe && (!!byRecipe.company || !!byRecipe.contactEmail);
  const rules = yield* safeRead(adapter ?? generic, doc, url);
  if (adapter) mergeFallback(rules, yield* safeRead(generic, doc, url, false), !adapter.readApi);
  // Who the customer is comes from the recipe alone; the rules add the rest (no conflict: the recipe stands).
  const reading: AdapterReading = showed
    ? {
        ...rules,
        ...byRecipe,
        ticketId: byRecipe.ticketId ?? rules.ticketId,
        contactName: undefined,
        conflict: undefined,
      }
    : rules;
  if (maybeTicket && !reading.ticketId) return null;
  reading.openedAt ??= safely(() => readOpenedAt(doc));
  const ref = toTicketRef((adapter ?? generic).id, url, reading);
  return showed ? { ...ref, readBy: 'recipe' } : ref;
}

const sameValue = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Record that two readings of `field` disagree (the sidebar says so, and claims no high confidence). */
function disagree(reading: AdapterReading, field: string): void {
  reading.conflict = [...new Set([...(reading.conflict ?? []), field])];
}

/**
 * Fill an adapter's gaps from a weaker reading (the generic one); what was missing stays
 * listed. Where both read a field and disagree, the adapter's stands and the conflict is noted.
 * (An API's answer is applied with applyApi, which beats the page instead.)
 */
export function mergeFallback(reading: AdapterReading, fallback: Partial<AdapterReading>, fillCustomer = true): void {
  for (const field of ['company', 'contactEmail'] as const) {
    const mine = reading[field];
    const theirs = fallback[field];
    if (mine && theirs && !sameValue(mine, theirs)) disagree(reading, field);
  }
  for (const field of fallback.conflict ?? []) if (!reading[field as keyof AdapterReading]) disagree(reading, field);
  reading.ticketId ??= fallback.ticketId;
  // Who the customer is comes from the generic reading only when the adapter read neither
  // company nor contact (its layout changed) and has no API to ask: a single gap stays a gap
  // (the API fills it, or the sidebar says it is missing), rather than be filled from whatever
  // else on the page looks like a field.
  if (fillCustomer && !reading.company && !reading.contactEmail) {
    reading.company = fallback.company;
    reading.contactName ??= fallback.contactName;
    reading.contactEmail = fallback.contactEmail;
    reading.emails = [...reading.emails, ...(fallback.emails ?? [])];
  }
  reading.ticketType ??= fallback.ticketType;
  if (fallback.tooLarge) reading.tooLarge = true;
}

/**
 * The help desk's own API beats anything read from the page: its company and contact replace
 * the page's, and where the page said otherwise the conflict is noted.
 */
function applyApi(reading: AdapterReading, api: Partial<AdapterReading>): void {
  for (const field of ['company', 'contactEmail'] as const) {
    const fromApi = api[field];
    if (!fromApi) continue;
    const onPage = reading[field];
    if (onPage && !sameValue(onPage, fromApi)) disagree(reading, field);
    reading[field] = fromApi;
  }
  if (api.contactName) reading.contactName = api.contactName;
  // When the ticket was opened: the help desk's own created field beats what the page was read for.
  if (api.openedAt) reading.openedAt = api.openedAt;
}

/**
 * Company and contact from the help desk's own API when the adapter did not read them from its
 * own fields (adapters with `readApi` only), or when readings disagreed: the API's answer beats
 * the page's (a gap filled by the generic reading included). Returns the same ref when nothing
 * changes; an API that fails or times out leaves the ref as it was, with "api" listed as
 * missing. Fields the API supplied leave `missing`.
 */
export async function enrichFromApi(ref: TicketRef, url: URL, getJson: GetJson): Promise<TicketRef> {
  const adapter = adapterById(ref.helpdesk);
  const unread = ref.missing.includes('company') || ref.missing.includes('contactEmail');
  if (!adapter?.readApi || (ref.company && ref.contactEmail && !unread && !ref.conflict?.length)) return ref;
  // The page's reading, as a copy the adapter's API may fill in (toTicketRef keeps only the fields of a ticket).
  const reading: AdapterReading = {
    ...ref,
    emails: [...ref.emails],
    missing: [...ref.missing],
    ...(ref.conflict ? { conflict: [...ref.conflict] } : {}),
  };
  let extra: Partial<AdapterReading>;
  try {
    extra = await adapter.readApi(url, reading, getJson);
  } catch {
    return { ...ref, missing: [...new Set([...ref.missing, 'api'])] };
  }
  applyApi(reading, extra);
  // What the API supplied was read after all: it is no longer missing.
  reading.missing = reading.missing.filter((f) => !(f in extra && extra[f as keyof AdapterReading]));
  const better = { ...toTicketRef(ref.helpdesk, url, reading), ...(ref.readBy ? { readBy: ref.readBy } : {}) };
  return JSON.stringify(better) === JSON.stringify(ref) ? ref : better;
}

const safely = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/** A broken adapter must not break the page or the content script. */
function* safeRead(
  adapter: HelpdeskAdapter,
  doc: Document,
  url: URL,
  freeText = true,
): Generator<void, AdapterReading> {
  try {
    return adapter === generic ? yield* genericSteps(doc, url, undefined, { freeText }) : adapter.read(doc, url);
  } catch {
    return { emails: [], missing: ['page'] };
  }
}

const TICKET_ID_RE = /^[A-Za-z0-9-]{1,32}$/;
const text = (s: string | undefined, max: number) => {
  const t = s && clean(s);
  return t && t.length <= max ? t : undefined;
};

/** Validate every field once, here, whatever adapter read it (limits match core/messages.ts). */
function toTicketRef(helpdesk: string, url: URL, r: AdapterReading): TicketRef {
  const email = (e: string | undefined) => (e && isEmail(e) && e.length <= 254 ? normalizeEmail(e) : undefined);
  const contactEmail = email(r.contactEmail);
  const emails = [...new Set(r.emails.map(email).filter((e): e is string => !!e && e !== contactEmail))];
  const ticketId = r.ticketId?.trim();
  const urlTicketId = r.urlTicketId?.trim();
  return {
    helpdesk,
    ticketId: ticketId && TICKET_ID_RE.test(ticketId) ? ticketId : undefined,
    // Long query strings are not needed to identify a ticket; keep the URL within the limit.
    url: reportedUrl(url),
    company: text(r.company, 200),
    contactName: text(r.contactName, 200),
    contactEmail,
    ...(text(r.ticketType, 60) ? { ticketType: text(r.ticketType, 60) } : {}),
    ...(r.openedAt && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(r.openedAt) ? { openedAt: r.openedAt } : {}),
    emails: emails.slice(0, 50),
    missing: [...new Set(r.missing)].filter((m) => m.length <= 40).slice(0, 20),
    ...(r.conflict?.length ? { conflict: [...new Set(r.conflict)].filter((c) => c.length <= 40).slice(0, 10) } : {}),
    ...(r.tooLarge ? { tooLarge: true } : {}),
    ...(urlTicketId && urlTicketId !== ticketId && TICKET_ID_RE.test(urlTicketId) ? { urlTicketId } : {}),
  };
}
