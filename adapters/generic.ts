import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading, HelpdeskAdapter, TicketExample } from './types';
import { boundedText, clean, hiddenByStyle, parseContact, valueOf } from './dom';
import { ticketIdFromHeading, ticketIdFromUrl } from './generic-url';
import { companyName, decide, kindOf, readElement, readText, type Field, type FieldKind } from './generic-fields';
import { isCardName, readCard, type Card } from './generic-card';
import { candidateTexts, isHeading, numberNamed, skipMemo, walkAll, type Hit } from './generic-scan';

export { ticketIdFromHeading, ticketIdFromUrl };

/**
 * The generic detector: any help desk whose URL names a ticket and whose page labels its fields
 * (or shows a customer card). Customer-written text is hostile (a subject or message can say
 * "Company: Evil Corp" or carry a fake mailto:), so message bodies, headings, subjects and hidden
 * elements are never read as fields, and when two readings of a field disagree the field is left
 * unread and the disagreement reported (`conflict`).
 *
 * Candidates first: the few nodes that may hold a label, an address or the ticket number are
 * found cheaply (generic-scan.ts: one test of each text node's text, a few native queries), and
 * only they are read: their shapes, whether they sit in customer text, their computed style.
 */

/** How much one reading may do: text nodes looked at, candidates read, field readings kept per kind. */
export interface ReadLimits {
  nodes: number;
  fieldsPerKind: number;
  /** Text nodes and elements read closely; a page with more is "too large to read". */
  candidates?: number;
}
/** An 8 MB page (about 200,000 text nodes) is read in full. */
const READ_LIMITS: ReadLimits = { nodes: 400_000, fieldsPerKind: 24, candidates: 5_000 };
/** Texts that start as a ticket number ("#1042") looked around for a badge or heading per reading. */
const NUMBER_TRIES = 200;
/** Customer cards tried per reading (a page may name many blocks "user" or "contact"). */
const CARD_TRIES = 8;

/** Page order: whether `a` comes before `b`. */
const before = (a: Node, b: Node) => a !== b && !!(a.compareDocumentPosition(b) & 4); /* FOLLOWING */

/**
 * `freeText: false` (the fallback under a specific adapter): "Label: value" lines in running
 * text are not read, only structured fields (dt/dd, th/td, label, aria) and the customer card:
 * on a product whose layout is known, a gap is never filled from a line a customer could type.
 */
export function readGeneric(
  doc: Document,
  url: URL,
  limits: ReadLimits = READ_LIMITS,
  options: { freeText?: boolean } = {},
): AdapterReading {
  return walkAll(genericSteps(doc, url, limits, options));
}

/** Hits, labelled elements or mailto: links read between two looks at the clock (readInSlices). */
const STEP_ITEMS = 16;

/**
 * readGeneric as a generator, pausing between its parts (the text pass every few hundred text
 * nodes, then every STEP_ITEMS candidates, each attribute query, the style checks), so that the
 * content script reads a large or hostile page in slices (readInSlices) and the page is never
 * blocked for long. Whatever the page removed while the reading paused is not read: a field,
 * card or shown number whose node left the page is dropped; a page whose body was replaced is
 * read again, at once.
 */
export function* genericSteps(
  doc: Document,
  url: URL,
  limits: ReadLimits = READ_LIMITS,
  { freeText = true }: { freeText?: boolean } = {},
): Generator<void, AdapterReading> {
  const root = doc.body ?? doc.documentElement;
  const fields: Field[] = [];
  const perKind: Record<FieldKind, number> = { company: 0, contact: 0, contactEmail: 0, ticketType: 0 };
  const cards: Card[] = [];
  let badgeId: string | undefined;
  let headingId: string | undefined;
  /** Where each number shown was read. */
  let badgeFrom: Element | undefined;
  let headingFrom: Element | undefined;
  let tooLarge = false;
  /** Where each label stands, with room for a value beside it (for the re-read scheduler). */
  const labelAreas: Element[] = [];

  let src: Node = doc;
  const add = (label: string, el: Element | undefined, labelEl: Element | undefined, text?: string) => {
    const kind = kindOf(label);
    if (!kind || perKind[kind] >= limits.fieldsPerKind) return;
    const value = text ?? valueOf(el);
    if (/[:：]$/.test(value) || kindOf(value)) return;
    // The help desk's own empty company field (an input, a select, a "—") is a reading too: the
    // page says "no company", and a "Company: …" elsewhere disagrees with it.
    if (!value && !(kind === 'company' && el && text === undefined)) return;
    perKind[kind]++;
    fields.push({ kind, text: value, el, label: labelEl, src });
  };

  if (root) {
    const skipped = skipMemo(root);
    const read = new Set<Element>();
    /** The label shapes `el` can hold, once per element, none inside customer text. */
    const readOnce = (el: Element) => {
      if (read.has(el)) return;
      read.add(el);
      src = el;
      readElement(el, add);
    };
    const tried = new Set<Element>();
    let cardTries = 0;
    /** The customer cards around an address: the outermost named one first, a few tries in all. */
    const cardsAround = (holder: Element) => {
      const named: Element[] = [];
      for (let e: Element | null = holder; e && e !== root && !tried.has(e); e = e.parentElement) {
        tried.add(e);
        if (isCardName(e)) named.push(e);
      }
      for (let i = named.length - 1; i >= 0 && cardTries < CARD_TRIES; i--) {
        const el = named[i]!;
        if (cards.some((c) => c.el.contains(el))) continue;
        cardTries++;
        const found = readCard(el);
        if (found) return void cards.push(found);
      }
    };
    /**
     * Where a text that starts as a shown ticket number does ("#1042", "Ticket #1042") sits: a
     * badge named for the number or a heading (h1-h3, role=heading) holding it, up to 3 levels
     * up (badges and headings are small). Headings are customer text, never fields: the first one
     * outside other customer text may show the number; a badge (never inside customer text)
     * beats any heading. A list of "#1234" links costs a few steps a link.
     */
    const numberAround = (text: Text) => {
      for (let e = text.parentElement, k = 0; e && e !== root && k < 3; e = e.parentElement, k++) {
        if (isHeading(e)) {
          if (!headingId && !skipped(e.parentElement) && (headingId = ticketIdFromHeading(boundedText(e, 300) ?? '')))
            headingFrom = e;
        } else if (e.hasAttributes() && numberNamed(e) && !skipped(e)) {
          if ((badgeId = ticketIdFromHeading(boundedText(e, 60, 8) ?? ''))) return void (badgeFrom = e);
        }
      }
    };
    let budget = limits.candidates ?? 5_000;
    let found: number;
    /** Whether some label text has an id above it (see the queries below). */
    let labelWithId = false;
    // Labels and addresses in text, in page order: a label's holders up to 8 levels above it
    // (a label is read from at most 8 nodes), then its own "Label: value" lines.
    const candidate = (...[text, value, label, email, number]: Hit) => {
      if (number && !badgeId) numberAround(text);
      if (!label && !email) return;
      for (
        let e = text.parentElement, k = 0;
        label && !labelWithId && e && e !== root && k < 8;
        e = e.parentElement, k++
      )
        labelWithId = e.hasAttribute('id');
      const parent = text.parentElement;
      if (!parent || skipped(parent)) return;
      if (label) {
        const holders: Element[] = [];
        for (let e: Element | null = parent; e && e !== root && holders.length < 8; e = e.parentElement)
          holders.push(e);
        for (let i = holders.length - 1; i >= 0; i--) readOnce(holders[i]!);
        // A value may come beside the label later (its sibling, or its wrapper's): two levels up.
        if (holders.length) labelAreas.push(holders[Math.min(2, holders.length - 1)]!);
        src = text;
        if (freeText) readText(text, add);
      }
      if (email && cardTries < CARD_TRIES && isEmail(clean(value))) cardsAround(parent);
    };
    let hits: Hit[];
    [tooLarge, hits, found] = yield* candidateTexts(root, limits.nodes, budget, NUMBER_TRIES);
    let items = 0;
    for (const hit of hits) {
      if (++items % STEP_ITEMS === 0) yield;
      // A node the page removed while the reading paused is not read.
      if (hit[0].isConnected) candidate(...hit);
    }
    budget -= found;
    // Elements labelled by attributes, then mailto: links (customer cards): two native queries,
    // each in page order. Each selector costs Chromium a look at every element (about 1 ms on a
    // 2 MB page, more in a list of selectors than alone), so where the ticket number shows is
    // found from its text instead (numberAround), and `aria-labelledby` is asked for only where
    // some label text has an id to be named by: its label is read from its first 8 nodes (hidden
    // or not) and starts with a label's first word, so without an element with an id up to 8
    // levels above such a text no `aria-labelledby` can name a label.
    yield;
    const labelled = tooLarge
      ? []
      : root.querySelectorAll(labelWithId ? '[aria-label],[aria-labelledby]' : '[aria-label]');
    for (const el of labelled) {
      if (++items % STEP_ITEMS === 0) yield;
      if (--budget < 0) {
        tooLarge = true;
        break;
      }
      if (el.isConnected && !skipped(el)) readOnce(el);
    }
    yield;
    for (const el of tooLarge ? [] : root.querySelectorAll('a[href^="mailto:" i]')) {
      if (cardTries >= CARD_TRIES) break;
      if (++items % STEP_ITEMS === 0) yield;
      if (el.isConnected && !skipped(el)) cardsAround(el);
    }
  }
  yield;
  // The page replaced its body while the reading paused: read the new one, at once.
  if (root !== (doc.body ?? doc.documentElement)) return readGeneric(doc, url, limits, { freeText });
  // What the page removed while the reading paused is not read.
  const kept = fields.filter((f) => f.src.isConnected && (!f.el || f.el.isConnected));
  fields.length = 0;
  fields.push(...kept);
  if (!badgeFrom?.isConnected) badgeId = undefined;
  if (!headingFrom?.isConnected) headingId = undefined;
  const idFrom = badgeId ? badgeFrom : headingId ? headingFrom : undefined;
  for (let i = cards.length - 1; i >= 0; i--) if (!cards[i]!.el.isConnected) cards.splice(i, 1);

  // A page read only in part is not trusted for its fields: the rest could disagree.
  if (tooLarge) fields.length = cards.length = 0;
  // In page order, as one walk over the page would have found them.
  fields.sort((a, b) => (a.src === b.src ? 0 : before(a.src, b.src) ? -1 : 1));
  cards.sort((a, b) => (before(a.el, b.el) ? -1 : 1));
  const conflict: string[] = [];
  const visible = (f: Field) => !(f.el && hiddenByStyle(f.el)) && !(f.label && hiddenByStyle(f.label));
  const of = (kind: FieldKind) => fields.filter((f) => f.kind === kind && visible(f));
  const card = cards.find((c) => !hiddenByStyle(c.el));

  const company = decide([...of('company').map((f) => companyName(f.text) ?? ''), ...(card?.org ? [card.org] : [])]);
  if (company === null) conflict.push('company');

  const contacts = of('contact').map((f) => parseContact(f.text, f.el));
  const email = decide([
    ...contacts.map((c) => c.email),
    ...of('contactEmail').map((f) => (isEmail(f.text) ? normalizeEmail(f.text) : undefined)),
    card?.email,
  ]);
  if (email === null) conflict.push('contactEmail');
  const contactEmail = email ?? undefined;

  const urlId = ticketIdFromUrl(url);
  // The document title only where the URL names no ticket: a single-page app changes its title
  // after its view, so while it loads the title still names the previous ticket.
  const shownId = badgeId ?? headingId ?? (urlId ? undefined : ticketIdFromHeading(clean(doc.title)));
  const reading: AdapterReading = {
    ticketId: shownId ?? urlId,
    urlTicketId: urlId,
    ticketType: of('ticketType')[0]?.text,
    company: company ?? undefined,
    contactName:
      email === null
        ? undefined
        : (contacts.find((c) => c.name)?.name ?? (card?.email === email ? card?.name : undefined)),
    contactEmail,
    // Other addresses only from the contact fields themselves (several requesters), never from
    // free text or stray mailto: links, which a customer's message can carry.
    emails: email === null ? [] : [...new Set(contacts.map((c) => c.email!).filter((e) => e && e !== contactEmail))],
    missing: [],
    conflict,
    tooLarge,
  };
  for (const key of ['ticketId', 'company', 'contactEmail'] as const) if (!reading[key]) reading.missing.push(key);
  // What this reading rests on, for the re-read scheduler: the fields, their labels' holders, the
  // card, the ticket number, and every label's surroundings (where a value may yet appear). A
  // change elsewhere cannot change the reading unless it adds something to read, which the
  // scheduler looks for in the changed parts only (entrypoints/helpdesk.content/reread.ts).
  lastRegions = tooLarge
    ? undefined
    : [
        ...new Set(
          [...fields.flatMap((f) => [f.el, f.label?.parentElement ?? f.label]), card?.el, idFrom, ...labelAreas].filter(
            (e): e is Element => !!e,
          ),
        ),
      ];
  return reading;
}

/**
 * Walks `steps` (a reading that pauses between its parts: genericSteps, detectSteps) in slices
 * of about `sliceMs`, calling `pause()` between them, so that a large page is never blocked for
 * long: a page's first reading, when each text node's string is made for the first time, takes
 * about 45 ms on a 2 MB page. A slice can overrun by one part, and some parts cannot be cut
 * (Chromium growing its table of strings takes 5 ms at 45,000 texts), so slices are short.
 * Returns what the reading returned and the CPU time it spent (ms, pauses left out).
 */
export async function readInSlices<T>(
  steps: Generator<void, T>,
  pause: () => Promise<unknown> = yieldToPage,
  sliceMs = 3,
): Promise<[value: T, cost: number]> {
  let cost = 0;
  let at = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return [step.value, cost + performance.now() - at];
    const spent = performance.now() - at;
    if (spent < sliceMs) continue;
    cost += spent;
    await pause();
    at = performance.now();
  }
}

/**
 * Gives the page the main thread for a moment: scheduler.yield() where the browser has it (it
 * lets input and rendering go first, then resumes at once), else a timer (which a browser may
 * hold back 4 ms once timers have followed each other five times).
 */
export function yieldToPage(): Promise<unknown> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((r) => setTimeout(r));
}

let lastRegions: Element[] | undefined;
/** The elements the latest generic reading used (fields, their labels' holders, the card, the ticket number). */
export const regionsOfLastRead = (): Element[] | undefined => lastRegions;

export { parseContact };

export const generic: HelpdeskAdapter = {
  id: 'generic',
  name: 'Any help desk',
  hosted: [],
  selfHosted: true,
  isTicketUrl: (url) => ticketIdFromUrl(url) !== undefined,
  read: (doc, url) => readGeneric(doc, url),
};

/** Test data (tests/unit/generic-adapter.test.ts): not part of the adapter, so not bundled. */
export const examples: TicketExample[] = [
  { url: 'https://help.example.com/ticket/123', ticketId: '123' },
  { url: 'https://help.example.com/tickets/1042', ticketId: '1042' },
  { url: 'https://help.example.com/agent/tickets/1042/edit', ticketId: '1042' },
  { url: 'https://help.example.com/support?ticket=123', ticketId: '123' },
  { url: 'https://help.example.com/view.php?ticketId=HD-77', ticketId: 'HD-77' },
  { url: 'https://help.example.com/ticket.php?id=55', ticketId: '55' },
  { url: 'http://127.0.0.1:5173/spa/ticket/1042', ticketId: '1042' },
  { url: 'https://help.example.com/app/#/tickets/1042', ticketId: '1042' },
  // Zammad, GLPI, iTop, Znuny/OTRS, Redmine, UVdesk, FreeScout, osTicket, and the other words.
  { url: 'https://zammad.example.com/#ticket/zoom/42', ticketId: '42' },
  { url: 'https://glpi.example.com/front/ticket.form.php?id=7', ticketId: '7' },
  { url: 'https://itop.example.com/pages/UI.php?operation=details&class=UserRequest&id=12', ticketId: '12' },
  { url: 'https://znuny.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=31', ticketId: '31' },
  { url: 'https://znuny.example.com/otrs/index.pl?Action=AgentTicketZoom&TicketID=31', ticketId: '31' },
  { url: 'https://redmine.example.com/issues/4211', ticketId: '4211' },
  { url: 'https://uvdesk.example.com/en/member/ticket/view/88', ticketId: '88' },
  { url: 'https://freescout.example.com/conversation/512?folder_id=3', ticketId: '512' },
  { url: 'https://help.example.com/scp/tickets.php?id=9', ticketId: '9' },
  { url: 'https://help.example.com/cases/CS-1001', ticketId: 'CS-1001' },
  { url: 'https://help.example.com/incidents/77', ticketId: '77' },
  { url: 'https://help.example.com/requests/5', ticketId: '5' },
  { url: 'https://help.example.com/sr/5001', ticketId: '5001' },
  { url: 'https://help.example.com/workorders/WO-12', ticketId: 'WO-12' },
  { url: 'https://help.example.com/jobs/300', ticketId: '300' },
  { url: 'https://help.example.com/inbox?conversation=9911', ticketId: '9911' },
  { url: 'https://help.example.com/view?ticket_id=15', ticketId: '15' },
  { url: 'https://help.example.com/detail?case_id=15', ticketId: '15' },
];
export const nonExamples: string[] = [
  'https://help.example.com/',
  'https://help.example.com/tickets',
  'https://help.example.com/tickets/',
  'https://help.example.com/tickets?page=2',
  'https://help.example.com/tickets/new',
  'https://help.example.com/Ticket/Display.html',
  'https://help.example.com/users?id=12',
  'https://help.example.com/search?q=ticket+123',
  'https://help.example.com/showcase?id=5',
  'https://help.example.com/requests',
  'https://help.example.com/jobs/open',
  'https://help.example.com/pages/UI.php?operation=details&class=Person&id=12',
  'https://help.example.com/#ticket/view/my_tickets',
];
