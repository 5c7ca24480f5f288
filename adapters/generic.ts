import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading, HelpdeskAdapter, TicketExample } from './types';
import {
  boundedText,
  clean,
  CUSTOMER_TEXT_NAME,
  CUSTOMER_TEXT_TAGS,
  hiddenByStyle,
  isSkipped,
  labelKey,
  mailtoAddresses,
  parseContact,
  SKIPPING_ATTRIBUTES,
  valueOf,
} from './dom';
import { valueBesideLabel, withoutCount } from './label-shapes';

/**
 * The generic detector: any help desk whose URL names a ticket and whose page labels its fields
 * (or shows a customer card). Customer-written text is hostile (a subject or message can say
 * "Company: Evil Corp" or carry a fake mailto:), so message bodies, headings, subjects and hidden
 * elements are never read as fields, and when two readings of a field disagree the field is left
 * unread and the disagreement reported (`conflict`). One pass over the page, bounded.
 */

const TICKET_ID_RE = /^[A-Za-z0-9-]{1,32}$/;
/** An id-like segment with a digit: "/tickets/new" and "/tickets/open" are not tickets. */
const isTicketId = (s: string | null | undefined): s is string => !!s && TICKET_ID_RE.test(s) && /\d/.test(s);

/** The words help desks use for a ticket in their URLs (Zammad, GLPI, iTop, Znuny, Redmine, UVdesk, FreeScout…). */
const WORDS = ['ticket', 'conversation', 'case', 'incident', 'request', 'issue', 'sr', 'workorder', 'job'];
const WORD_SEGMENT = new RegExp(`^(?:${WORDS.join('|')})s?$`, 'i');
/** Between the word and the id: "#ticket/zoom/42", "/ticket/view/42". */
const VIEW_SEGMENT = /^(?:zoom|view|show|display|details?|edit)$/i;
/** Parameters that name a ticket themselves: ticket, ticketID, ticket_id, conversation, case-id… */
const ID_PARAMS = new Set(WORDS.flatMap((w) => [w, `${w}id`, `${w}_id`, `${w}-id`]));
/** Parameters whose value says what the page shows: Znuny's Action=AgentTicketZoom, iTop's class=UserRequest. */
const VIEW_PARAMS = new Set(['action', 'class', 'module', 'page', 'view', 'controller', 'type']);

/** Words in a path or name: "ticket.form.php" -> ticket, form, php; "AgentTicketZoom" -> agent, ticket, zoom. */
const words = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
const namesTicketWord = (s: string) => words(s).some((w) => WORD_SEGMENT.test(w));

/** The query's parameters, names lower-case, split on "&" and on ";" (Znuny/OTRS: "Action=AgentTicketZoom;TicketID=7"). */
const queryParams = (url: URL): [string, string][] =>
  [...new URLSearchParams(url.search.replace(/;/g, '&'))].map(([k, v]) => [k.toLowerCase(), v]);

export function ticketIdFromUrl(url: URL): string | undefined {
  // Path, and hash routes of single-page apps ("#/tickets/1042", Zammad's "#ticket/zoom/42").
  for (const path of [url.pathname, url.hash.replace(/^#!?/, '').split('?')[0] ?? '']) {
    const segs = path.split('/').filter(Boolean);
    for (let i = 0; i < segs.length - 1; i++) {
      if (!WORD_SEGMENT.test(segs[i]!)) continue;
      if (isTicketId(segs[i + 1])) return segs[i + 1];
      if (VIEW_SEGMENT.test(segs[i + 1]!) && isTicketId(segs[i + 2])) return segs[i + 2];
    }
  }
  const params = queryParams(url);
  for (const [name, value] of params) if (ID_PARAMS.has(name) && isTicketId(value)) return value;
  // A bare "?id=" only counts on a page that names a ticket: "/front/ticket.form.php?id=7",
  // "/Ticket/Display.html?id=7", iTop's "UI.php?operation=details&class=UserRequest&id=7".
  const id = params.find(([name]) => name === 'id')?.[1];
  if (!isTicketId(id)) return undefined;
  const named =
    namesTicketWord(url.pathname) || params.some(([name, value]) => VIEW_PARAMS.has(name) && namesTicketWord(value));
  return named ? id : undefined;
}

type FieldKind = 'company' | 'contact' | 'contactEmail' | 'ticketType';
const LABELS: Record<string, FieldKind> = {};
for (const l of ['company', 'organization', 'organisation', 'account', 'client', 'customer']) {
  LABELS[l] = 'company';
  LABELS[`${l} name`] = 'company';
}
for (const l of ['requester', 'requestor', 'contact', 'from', 'caller', 'reporter', 'end user']) {
  LABELS[l] = 'contact';
  LABELS[`${l} name`] = 'contact';
  LABELS[`${l} email`] = 'contactEmail';
  LABELS[`${l} e-mail`] = 'contactEmail';
}
// What kind of ticket it is, for campaign insights ("which ticket kinds dominate").
for (const l of ['type', 'ticket type', 'issue type', 'request type', 'incident type', 'category', 'problem type'])
  LABELS[l] = 'ticketType';
function kindOf(label: string): FieldKind | undefined {
  if (label.length > 40) return undefined;
  const key = labelKey(label);
  return Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
}

interface Field {
  kind: FieldKind;
  text: string;
  /** Where the value came from (for a mailto: link in a contact field, and the style check). */
  el?: Element;
  /** Where the label is (checked for being hidden too). */
  label?: Element;
}

/** How much one reading may do: nodes visited, and field candidates kept per kind. */
export interface ReadLimits {
  nodes: number;
  fieldsPerKind: number;
}
/** About 25 ms of Chromium on a 2018 laptop core; an 8 MB page is read in full. */
export const READ_LIMITS: ReadLimits = { nodes: 400_000, fieldsPerKind: 24 };

// Customer cards: a block named for the customer, requester, user or contact (class or id),
// holding their name, an email (mailto: or text) and the organisation beneath, without labels.
const CARD_NAME =
  /(?:^|[\s_-])(?:customer|requester|requestor|user|contact|client|caller|reporter)(?:$|[\s_-]|card|info|details|panel|profile)/i;
const NOT_CARD_NAME = /menu|nav|topbar|current|agent|owner|assignee|avatar/i;
const ORG_NAME = /org|company|account|client-name|customer-name/i;
const CARD_MAX_NODES = 200;
const AVATAR = /avatar|initials|icon|badge/i;
const UI_WORDS = /^(?:view|edit|open|more|all|tickets?|profile|e-?mail|phone|customer|requester|user|contact)\b/i;

function isCardName(el: Element): boolean {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
  return CARD_NAME.test(names) && !NOT_CARD_NAME.test(names);
}

interface Card {
  name?: string;
  email?: string;
  org?: string;
  el: Element;
}

/** A customer card's name, email and organisation, by structure: lines in order, the email marked. */
function readCard(el: Element): Card | undefined {
  const lines: { text: string; org: boolean; el: Element }[] = [];
  let email: string | undefined;
  let nodes = 0;
  let n: Node | null = el.firstChild;
  while (n) {
    if (++nodes > CARD_MAX_NODES) return undefined;
    let enter = false;
    if (n.nodeType === 3) {
      const text = clean(n.nodeValue);
      const parent = n.parentElement ?? el;
      if (text) lines.push({ text, org: ORG_NAME.test(parent.getAttribute('class') ?? ''), el: parent });
    } else if (n.nodeType === 1) {
      const e = n as Element;
      enter = !isSkipped(e) && e.localName !== 'button' && !AVATAR.test(e.getAttribute('class') ?? '');
      const href = e.getAttribute('href');
      if (enter && href && /^mailto:/i.test(href)) email ??= mailtoAddresses(href).find((a) => isEmail(a));
    }
    if (enter && n.firstChild) n = n.firstChild;
    else {
      while (n && n !== el && !n.nextSibling) n = n.parentNode;
      n = !n || n === el ? null : n.nextSibling;
    }
  }
  const emailAt = lines.findIndex((l) => isEmail(l.text) || (email && l.text.toLowerCase() === email.toLowerCase()));
  email ??= emailAt >= 0 ? lines[emailAt]!.text : undefined;
  if (!email || hiddenByStyle(el)) return undefined;
  const plain = (l: { text: string }) =>
    l.text.length <= 120 && /\p{L}/u.test(l.text) && !/[@:：]/.test(l.text) && !UI_WORDS.test(l.text);
  const rest = lines.filter((l, i) => i !== emailAt && plain(l) && !hiddenByStyle(l.el));
  const name = rest[0] && !rest[0].org ? rest[0].text : undefined;
  const org = rest.find((l) => l.org)?.text ?? (name ? rest[1]?.text : undefined);
  return { name, email: normalizeEmail(email), org, el };
}

/** Where the page shows its ticket number: "#1234" badges, "Ticket #48213" in the heading or title. */
const NUMBER_NAME = /ticket[-_]?(?:number|num|no|nr|id)\b|ticketnumber|ticket-ref/i;
/** A cheap first test of class and id names: could this be a customer card or a number badge? */
const CARD_OR_NUMBER = /customer|request|user|contact|client|caller|reporter|ticket/i;
const TICKET_WORD = '(?:ticket|case|incident|request|issue|conversation|sr|job|work ?order|task)';
const MARK = '(?:#|n[or]\\.?\\s|number\\s|n°)';
/** "#1042", "Ticket #1042", "[Ticket#31001]", "Case No. 77", "Ticket 1042 · Printer offline", "Incident INC-77". */
const HEADING_ID = new RegExp(
  `^[\\s\\[(]*(?:${TICKET_WORD}\\s*:?\\s*${MARK}?|${MARK})\\s*:?\\s*([A-Za-z0-9-]{1,32})\\b`,
  'i',
);

/** "Ticket #1042 · Printer offline" or "#1042" -> "1042": only at the start (a subject follows). */
export function ticketIdFromHeading(text: string): string | undefined {
  const id = HEADING_ID.exec(text)?.[1];
  return isTicketId(id) ? id : undefined;
}

const PLACEHOLDER = /^(?:-+|—|–|none|n\/a|not set|select.*|choose.*)$/i;
function companyName(text: string): string | undefined {
  const name = withoutCount(clean(text));
  return name && name.length <= 200 && !PLACEHOLDER.test(name) ? name : undefined;
}

/** Two readings of one field say the same thing: equal, or one holds the other ("Acme" / "Acme Dental Group"). */
const sameKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, '');
const agree = (a: string, b: string) => {
  const x = sameKey(a);
  const y = sameKey(b);
  return x === y || (!!x && !!y && (x.includes(y) || y.includes(x)));
};

/**
 * The one value the readings agree on: undefined when there is none (an empty field is a
 * reading of none), null when they disagree. The readings are of visible elements only.
 */
function decide(values: (string | undefined)[]): string | undefined | null {
  const read = values.filter((v): v is string => v !== undefined);
  const first = read[0];
  return read.some((v) => v !== first && !agree(v, first!)) ? null : first || undefined;
}

/**
 * `freeText: false` (the fallback under a specific adapter): "Label: value" lines in running
 * text are not read, only structured fields (dt/dd, th/td, label, aria) and the customer card:
 * on a product whose layout is known, a gap is never filled from a line a customer could type.
 */
export function readGeneric(
  doc: Document,
  url: URL,
  limits: ReadLimits = READ_LIMITS,
  { freeText = true }: { freeText?: boolean } = {},
): AdapterReading {
  const root = doc.body ?? doc.documentElement;
  const fields: Field[] = [];
  const perKind: Record<FieldKind, number> = { company: 0, contact: 0, contactEmail: 0, ticketType: 0 };
  const cards: Card[] = [];
  let badgeId: string | undefined;
  let headingId: string | undefined;
  let idFrom: Element | undefined;
  let tooLarge = false;

  const add = (label: string, el: Element | undefined, labelEl: Element | undefined, text?: string) => {
    const kind = kindOf(label);
    if (!kind || perKind[kind] >= limits.fieldsPerKind) return;
    const value = text ?? valueOf(el);
    if (/[:：]$/.test(value) || kindOf(value)) return;
    // The help desk's own empty company field (an input, a select, a "—") is a reading too: the
    // page says "no company", and a "Company: …" elsewhere disagrees with it.
    if (!value && !(kind === 'company' && el && text === undefined)) return;
    perKind[kind]++;
    fields.push({ kind, text: value, el, label: labelEl });
  };

  // The few elements whose attributes may skip them, found natively at once: the walk below
  // then asks most elements only their tag and their class and id names.
  const flagged = new Set(root ? root.querySelectorAll(SKIPPING_ATTRIBUTES) : []);
  let visited = 0;
  let cardTries = 0;
  let n: Node | null = root?.firstChild ?? null;
  while (n) {
    if (++visited > limits.nodes) {
      tooLarge = true;
      break;
    }
    let enter = false;
    const type = n.nodeType;
    if (type === 3) {
      if (freeText) readText(n as Text, add);
    } else if (type === 1) {
      const el = n as Element;
      const tag = el.localName;
      let names = '';
      let skipped = CUSTOMER_TEXT_TAGS.test(tag);
      if (!skipped && el.hasAttributes()) {
        names = `${el.id} ${el.getAttribute('class') ?? ''}`;
        skipped = flagged.has(el) ? isSkipped(el) : names.length > 1 && CUSTOMER_TEXT_NAME.test(names);
      }
      if (skipped) {
        if (!headingId && (tag === 'h1' || tag === 'h2' || tag === 'h3' || el.getAttribute('role') === 'heading'))
          if ((headingId = ticketIdFromHeading(boundedText(el, 300) ?? ''))) idFrom ??= el;
      } else {
        enter = true;
        readElement(el, tag, add, !!names);
        if (names.length > 1 && CARD_OR_NUMBER.test(names)) {
          // The outermost card only (a card's own parts are named after it too), a few tries at most.
          if (cardTries < 8 && isCardName(el) && !cards.some((c) => c.el.contains(el))) {
            cardTries++;
            const found = readCard(el);
            if (found) cards.push(found);
          }
          if (!badgeId && NUMBER_NAME.test(names) && (badgeId = ticketIdFromHeading(boundedText(el, 60, 8) ?? '')))
            idFrom = el;
        }
      }
    }
    if (enter && n.firstChild) n = n.firstChild;
    else {
      while (n && n !== root && !n.nextSibling) n = n.parentNode;
      n = !n || n === root ? null : n.nextSibling;
    }
  }

  // A page read only in part is not trusted for its fields: the rest could disagree.
  if (tooLarge) fields.length = cards.length = 0;
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
  // What this reading rests on, for the re-read scheduler: a change elsewhere cannot change it
  // unless it adds a field, which the slower full re-read finds (entrypoints/helpdesk.content/reread.ts).
  lastRegions = tooLarge
    ? undefined
    : [...fields.flatMap((f) => [f.el, f.label?.parentElement ?? f.label]), card?.el, idFrom].filter(
        (e): e is Element => !!e,
      );
  return reading;
}

let lastRegions: Element[] | undefined;
/** The elements the latest generic reading used (fields, their labels' holders, the card, the ticket number). */
export const regionsOfLastRead = (): Element[] | undefined => lastRegions;

type Add = (label: string, el: Element | undefined, labelEl: Element | undefined, text?: string) => void;

/** The labelled forms an element can hold: label/control, dt/dd, th/td, td/td, aria, a short label and its sibling. */
/** Where a short label may sit beside its value: "<span>Company</span><span>Acme</span>". */
const LABEL_TAGS = new Set([
  'span',
  'div',
  'b',
  'strong',
  'label',
  'p',
  'li',
  'small',
  'em',
  'i',
  'font',
  'dt',
  'th',
  'td',
]);

function readElement(el: Element, tag: string, add: Add, labelled: boolean): void {
  if (tag === 'label') {
    const forId = el.getAttribute('for');
    const control = forId
      ? el.ownerDocument.getElementById(forId)
      : [...el.children].find((c) => /^(?:input|select|textarea)$/.test(c.localName));
    if (control) return add(ownLabelText(el, control), control, el);
  }
  if (labelled) readAria(el, add);
  if (!LABEL_TAGS.has(tag)) return;
  const only = el.firstChild;
  const text = only && only === el.lastChild && only.nodeType === 3 ? (only.nodeValue ?? '') : undefined;
  if (tag === 'dt' || tag === 'th' || tag === 'td') {
    const next = el.nextElementSibling;
    if (next && next.localName === (tag === 'dt' ? 'dd' : 'td')) {
      const label = text ?? boundedText(el, 60, 8);
      if (label && label.length <= 60) add(label, next, el);
    }
  } else if (text !== undefined && tag !== 'a' && tag !== 'button') {
    // <span class="label">Company</span><span>Acme</span> (with a colon, readText takes it).
    if (text.length <= 40 && !/[:：]\s*$/.test(text) && kindOf(text)) {
      const next = valueBesideLabel(el);
      if (next && !isSkipped(next)) add(text, next, el);
    }
  }
}

function readAria(el: Element, add: Add): void {
  const aria = el.getAttribute('aria-label');
  if (aria) add(aria, el, el);
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const label = by
      .split(/\s+/)
      .slice(0, 3)
      .map((id) => {
        const l = id ? el.ownerDocument.getElementById(id) : null;
        return l ? (boundedText(l, 60, 8) ?? '') : '';
      })
      .join(' ');
    add(label, el, el);
  }
}

/** "Company: Acme" in a text node, or "Company:" followed by the value in the next node. */
function readText(text: Text, add: Add) {
  const value = text.nodeValue ?? '';
  if (!/[:：]/.test(value)) return;
  const lines = value.split('\n');
  const parent = text.parentElement ?? undefined;
  lines.forEach((line, i) => {
    const m = /^\s*([A-Za-z][A-Za-z -]{1,30}?)\s*[:：]\s*(.*)$/.exec(line);
    if (!m || !kindOf(m[1]!)) return;
    const rest = clean(m[2]);
    if (rest) return add(m[1]!, parent, parent, rest);
    if (i < lines.length - 1) return;
    // "<b>Company:</b> Acme" or "<span>Company:</span><span>Acme</span>": the value follows
    // the label's holder (the parent when the label is all it holds); stop at the first element
    // so a later field's label is never taken.
    const holder: Node = parent && parent.firstChild === text && parent.lastChild === text ? parent : text;
    for (let n = holder.nextSibling, k = 0; n && k < 8; n = n.nextSibling, k++) {
      if (n.nodeType === 3) {
        const t = clean(n.nodeValue);
        if (t) return add(m[1]!, parent, parent, t);
      } else if (n.nodeType === 1) {
        if (isSkipped(n as Element)) return;
        return add(m[1]!, n as Element, parent, valueOf(n as Element) || undefined);
      }
    }
  });
}

/** A label's own text, without its control's (a wrapped select's options). */
const ownLabelText = (label: Element, control: Element): string =>
  label.contains(control)
    ? [...label.childNodes].map((n) => (n.nodeType === 3 ? n.nodeValue : '')).join(' ')
    : (boundedText(label, 60, 8) ?? '');

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
