import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading, HelpdeskAdapter, TicketExample } from './types';

/**
 * The generic detector: any help desk whose URL names a ticket and whose page labels its
 * fields. The ticket conversation is written by customers and is hostile (a message can say
 * "Company: Evil Corp" or carry a fake mailto:), so everything inside something that looks like
 * a message body is skipped, and the first labelled field in document order outside wins.
 */

const TICKET_ID_RE = /^[A-Za-z0-9-]{1,32}$/;
/** An id-like segment with a digit: "/tickets/new" and "/tickets/open" are not tickets. */
const isTicketId = (s: string | null | undefined): s is string => !!s && TICKET_ID_RE.test(s) && /\d/.test(s);

const ID_PARAMS = new Set(['ticket', 'ticketid', 'ticket_id', 'ticket-id']);

export function ticketIdFromUrl(url: URL): string | undefined {
  // Path, and hash routes of single-page apps ("#/tickets/1042").
  for (const path of [url.pathname, url.hash.replace(/^#!?/, '').split('?')[0] ?? '']) {
    const segs = path.split('/').filter(Boolean);
    for (let i = 0; i < segs.length - 1; i++) {
      if (/^tickets?$/i.test(segs[i]!) && isTicketId(segs[i + 1])) return segs[i + 1];
    }
  }
  for (const [name, value] of url.searchParams) {
    if (ID_PARAMS.has(name.toLowerCase()) && isTicketId(value)) return value;
  }
  // A bare "?id=" only counts on a page that names a ticket: "/Ticket/Display.html?id=7".
  const id = url.searchParams.get('id');
  return /ticket/i.test(url.pathname) && isTicketId(id) ? id : undefined;
}

// Where customer-written text lives. Only "<something>-body" names that hold messages count:
// a bare "body" would also blind the detector to every Bootstrap "card-body" panel.
const HOSTILE_NAME =
  /message|comment|conversation|thread|reply|email-content|article|(?:ticket|mail|post|event|note|description|desc)[-_]?body/i;
const SKIPPED_TAGS = new Set(['BLOCKQUOTE', 'ARTICLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME']);

/** Elements whose whole subtree is never read: message bodies, editors, hidden things. */
function isSkipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute('contenteditable') ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none/i.test(el.getAttribute('style') ?? '') ||
    HOSTILE_NAME.test(el.id) ||
    HOSTILE_NAME.test(el.getAttribute('class') ?? '')
  );
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT
/** Every readable node under `root` in document order; skipped subtrees are not entered. */
function readableNodes(doc: Document, root: Node): Node[] {
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (n: Node) => (n.nodeType === 1 && isSkipped(n as Element) ? 2 : 1), // REJECT : ACCEPT
  });
  const out: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

type FieldKind = 'company' | 'contact' | 'contactEmail' | 'ticketType';
const LABELS: Record<string, FieldKind> = {};
for (const l of ['company', 'organization', 'organisation', 'account', 'client', 'customer']) {
  LABELS[l] = 'company';
  LABELS[`${l} name`] = 'company';
}
for (const l of ['requester', 'requestor', 'contact', 'from']) {
  LABELS[l] = 'contact';
  LABELS[`${l} name`] = 'contact';
  LABELS[`${l} email`] = 'contactEmail';
  LABELS[`${l} e-mail`] = 'contactEmail';
}
// What kind of ticket it is, for campaign insights ("which ticket kinds dominate").
for (const l of ['type', 'ticket type', 'issue type', 'request type', 'incident type', 'category', 'problem type'])
  LABELS[l] = 'ticketType';
/** "Company:", "Company *" and "company" are one label. */
function kindOf(label: string): FieldKind | undefined {
  const key = clean(label)
    .replace(/[\s:：*]+$/, '')
    .toLowerCase();
  return Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
}

interface Field {
  kind: FieldKind;
  text: string;
  /** Where the value came from, to look for a mailto: link in a contact field. */
  el?: Element;
}

export function readGeneric(doc: Document, url: URL): AdapterReading {
  const root = doc.body ?? doc.documentElement;
  const nodes = root ? readableNodes(doc, root) : [];
  const readable = new Set(nodes);
  /** Text of an element, without its skipped parts (a message quoted inside a cell). */
  const textOf = (el: Element): string => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'INPUT' || tag === 'TEXTAREA') return clean((el as HTMLInputElement).value ?? el.getAttribute('value'));
    if (tag === 'SELECT') {
      // selectedIndex is the live choice; the attribute and first option cover parsed documents.
      const sel = el as HTMLSelectElement;
      const options = [...el.querySelectorAll('option')];
      const chosen = sel.options?.[sel.selectedIndex] ?? options.find((o) => o.hasAttribute('selected')) ?? options[0];
      return clean(chosen?.textContent);
    }
    return clean(
      readableNodes(doc, el)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.nodeValue)
        .join(' '),
    );
  };

  const fields: Field[] = [];
  const emails: string[] = [];
  let headingId: string | undefined;
  const add = (label: string, el: Element | undefined, text?: string) => {
    const kind = kindOf(label);
    if (!kind || (el && !readable.has(el))) return;
    const value = text ?? (el ? textOf(el) : '');
    if (value && !/[:：]$/.test(value)) fields.push({ kind, text: value, el });
  };

  for (const node of nodes) {
    if (node.nodeType === 3) {
      readText(node as Text, add, textOf);
      for (const m of (node.nodeValue ?? '').matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g))
        emails.push(m[0]);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'LABEL') {
      const forId = el.getAttribute('for');
      const control = forId ? doc.getElementById(forId) : el.querySelector('input, select, textarea');
      if (control) add(ownLabelText(el, control), control);
    } else if (tag === 'DT' || tag === 'TH') {
      const next = el.nextElementSibling;
      if (next && next.tagName.toUpperCase() === (tag === 'DT' ? 'DD' : 'TD')) add(textOf(el), next);
    } else if (tag === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (/^mailto:/i.test(href)) emails.push(...mailtoAddresses(href));
    } else if (!headingId && (/^H[1-3]$/.test(tag) || el.getAttribute('role') === 'heading')) {
      headingId = ticketIdFromHeading(textOf(el));
    }
    const aria = el.getAttribute('aria-label');
    if (aria) add(aria, el);
  }

  const company = fields.map((f) => (f.kind === 'company' ? companyName(f.text) : undefined)).find(Boolean);
  const contact = fields.find((f) => f.kind === 'contact');
  const parsed = contact ? parseContact(contact.text, contact.el) : {};
  const labelledEmail = fields.find((f) => f.kind === 'contactEmail' && isEmail(f.text))?.text;
  const contactEmail = parsed.email ?? (labelledEmail ? normalizeEmail(labelledEmail) : undefined);
  const ticketId = ticketIdFromUrl(url) ?? headingId;
  const ticketType = fields.find((f) => f.kind === 'ticketType')?.text;
  const reading: AdapterReading = {
    ticketId,
    ...(ticketType ? { ticketType } : {}),
    company,
    contactName: parsed.name,
    contactEmail,
    emails: [...new Set(emails.filter((e) => isEmail(e)).map(normalizeEmail))].filter((e) => e !== contactEmail),
    missing: [],
  };
  for (const key of ['ticketId', 'company', 'contactEmail'] as const) if (!reading[key]) reading.missing.push(key);
  return reading;
}

/** "Company: Acme" in a text node, or "Company:" followed by the value in the next node. */
function readText(
  text: Text,
  add: (label: string, el: Element | undefined, text?: string) => void,
  textOf: (el: Element) => string,
) {
  const lines = (text.nodeValue ?? '').split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*([A-Za-z][A-Za-z -]{1,30}?)\s*[:：]\s*(.*)$/.exec(line);
    if (!m) return;
    const rest = clean(m[2]);
    if (rest) return add(m[1]!, undefined, rest);
    if (i < lines.length - 1) return;
    // "<b>Company:</b> Acme" or "<span>Company:</span><span>Acme</span>": the value follows
    // the label's holder; stop at the first element so a later field's label is never taken.
    const parent = text.parentElement;
    const holder: Node = parent && clean(parent.textContent) === clean(line) ? parent : text;
    for (let n = holder.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = clean(n.nodeValue);
        if (t) return add(m[1]!, undefined, t);
      } else if (n.nodeType === 1) {
        return add(m[1]!, n as Element, textOf(n as Element) || undefined);
      }
    }
  });
}

/** A wrapping label's text without its control's text (a select's options). */
function ownLabelText(label: Element, control: Element): string {
  if (!label.contains(control)) return label.textContent ?? '';
  return [...label.childNodes]
    .filter((n) => !n.contains(control))
    .map((n) => n.textContent)
    .join(' ');
}

function mailtoAddresses(href: string): string[] {
  let addr = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    addr = decodeURIComponent(addr);
  } catch {
    return [];
  }
  return addr.split(',').map((a) => a.trim());
}

/** "Ticket #1042 · Printer offline" or "#1042" -> "1042". */
export function ticketIdFromHeading(text: string): string | undefined {
  const m =
    /#\s?([A-Za-z0-9-]{1,32})\b/.exec(text) ??
    /\bticket\s+(?:no\.?\s*|number\s*|id\s*)?([A-Za-z0-9-]{1,32})\b/i.exec(text);
  return m && isTicketId(m[1]) ? m[1] : undefined;
}

const PLACEHOLDER = /^(?:-+|—|–|none|n\/a|not set|select.*|choose.*)$/i;

function companyName(text: string): string | undefined {
  const name = clean(text);
  return name && name.length <= 200 && !PLACEHOLDER.test(name) ? name : undefined;
}

/** "Dana Lee <dana@acmedental.com>", "Dana Lee (dana@…)", a bare address, or a bare name. */
export function parseContact(text: string, el?: Element): { name?: string; email?: string } {
  const link = el?.querySelector?.('a[href]');
  const linked =
    link && /^mailto:/i.test(link.getAttribute('href') ?? '')
      ? mailtoAddresses(link.getAttribute('href')!)[0]
      : undefined;
  // "Dana Lee <dana@…>" or, when name and address sit on separate lines, "Dana Lee dana@…".
  const m =
    /^(.*?)\s*[<(\[]\s*([^\s<>()[\]]+@[^\s<>()[\]]+)\s*[>)\]]$/.exec(clean(text)) ??
    /^(.+?)\s+([^\s<>()[\]]+@[^\s<>()[\]]+)$/.exec(clean(text));
  let name = m ? m[1]! : clean(text);
  let email = m ? m[2]! : undefined;
  if (!m && isEmail(name)) [email, name] = [name, ''];
  email = email && isEmail(email) ? email : linked && isEmail(linked) ? linked : undefined;
  name = name.replace(/^["'“]+|["'”]+$/g, '').trim();
  return {
    name: name && name.length <= 200 && !isEmail(name) ? name : undefined,
    email: email ? normalizeEmail(email) : undefined,
  };
}

export const generic: HelpdeskAdapter = {
  id: 'generic',
  name: 'Any help desk',
  hosted: [],
  selfHosted: true,
  isTicketUrl: (url) => ticketIdFromUrl(url) !== undefined,
  read: readGeneric,
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
];
