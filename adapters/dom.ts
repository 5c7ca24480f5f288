import { isEmail, normalizeEmail } from '@/core/normalize';
import type { AdapterReading } from './types';

/**
 * Small, defensive DOM readers shared by every adapter, the generic one included (one field-value
 * reader, one notion of customer-written text). Every reader is bounded: a value is read from at
 * most a few dozen nodes, so a page built to be huge or deeply nested cannot make it quadratic.
 */

export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** How much of one element a field value may hold: a field is short, anything longer is not one. */
const VALUE_MAX_CHARS = 400;
const VALUE_MAX_NODES = 64;

// Where customer-written text lives. Only "<something>-body" names that hold messages count:
// a bare "body" would also blind the reader to every Bootstrap "card-body" panel. Subjects and
// titles are customer-written too ("Company: Acme" typed as a ticket subject). A "description"
// or "wiki" block holds a ticket's text as its author wrote it (Redmine, Trac).
const CUSTOMER_TEXT_NAME =
  /message|comment|conversation|thread|reply|email-content|article|subject|headline|(?:ticket|issue|case|page|conversation)[-_]?title|(?:ticket|mail|post|event|note|description|desc)[-_]?body|(?:^|[\s_-])(?:description|wiki)(?:$|[\s_-])/i;
const CUSTOMER_TEXT_TAGS = /^(?:blockquote|article|script|style|noscript|template|iframe|title|h[1-6])$/;

/**
 * Whether nothing inside `el` is ever a field: a message body, an editor, a heading or subject
 * (customer-written), or an element hidden by its attributes. Cheap: tag and attributes only
 * (hidden by a style sheet is checked later, for the few elements that give a field).
 */
export function isSkipped(el: Element): boolean {
  // localName and hasAttributes(): no string or object made per element (this runs on every one).
  if (CUSTOMER_TEXT_TAGS.test(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  const cls = el.getAttribute('class');
  return (
    el.hasAttribute('contenteditable') ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.getAttribute('role') === 'heading' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '') ||
    (!!el.id && CUSTOMER_TEXT_NAME.test(el.id)) ||
    (!!cls && CUSTOMER_TEXT_NAME.test(cls))
  );
}

/** Whether `el` or an ancestor (up to `root`) is skipped: customer text or hidden. O(depth). */
export function insideSkipped(el: Element, root?: ParentNode | null): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

type VisibilityOptions = { checkOpacity?: boolean; checkVisibilityCSS?: boolean; visibilityProperty?: boolean };

/**
 * Whether the page's style sheets hide `el` (a class with display:none, visibility:hidden,
 * opacity:0 on it or an ancestor). Asked only of the elements a field was read from.
 * checkVisibility: Chrome 105+, Firefox 106+ (MDN); its options are ignored where unknown.
 */
export function hiddenByStyle(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o: VisibilityOptions) => boolean }).checkVisibility;
  return (
    el.isConnected &&
    !!check &&
    !check.call(el, { checkOpacity: true, checkVisibilityCSS: true, visibilityProperty: true })
  );
}

/**
 * The text of `el` without its skipped parts, or undefined when it is longer than a field
 * (more than `maxNodes` nodes or `maxChars` characters): bounded, whatever the page.
 */
export function boundedText(el: Node, maxChars = VALUE_MAX_CHARS, maxNodes = VALUE_MAX_NODES): string | undefined {
  let out = '';
  let nodes = 0;
  let n: Node | null = el.firstChild;
  while (n) {
    if (++nodes > maxNodes) return undefined;
    let enter = false;
    if (n.nodeType === 3) {
      out += ' ' + (n.nodeValue ?? '');
      if (out.length > maxChars * 2) return undefined;
    } else if (n.nodeType === 1) {
      if ((n as Element).localName === 'br') out += '\n';
      else enter = !isSkipped(n as Element);
    }
    if (enter && n.firstChild) n = n.firstChild;
    else {
      while (n && n !== el && !n.nextSibling) n = n.parentNode;
      n = !n || n === el ? null : n.nextSibling;
    }
  }
  const text = clean(out);
  return text.length > maxChars ? undefined : text;
}

/** What a field shows: an input's or select's value, else its (bounded) text. */
export function valueOf(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA') return clean((el as HTMLInputElement).value || el.getAttribute('value'));
  if (tag === 'SELECT') {
    // selectedIndex is the live choice; the attribute and first option cover parsed documents.
    const sel = el as HTMLSelectElement;
    const chosen =
      sel.options?.[sel.selectedIndex] ?? el.querySelector('option[selected]') ?? el.querySelector('option');
    return clean(chosen?.textContent);
  }
  return boundedText(el) ?? '';
}

/** The first element matching any selector, in the order given (most stable first). */
export function first(root: ParentNode | null | undefined, selectors: string[]): Element | undefined {
  if (!root) return undefined;
  for (const s of selectors) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      // An invalid selector must not break the adapter.
    }
  }
  return undefined;
}

/** "Company:", "Company *" and "company" are one label. */
export const labelKey = (s: string): string =>
  clean(s)
    .replace(/[\s:：*]+$/, '')
    .toLowerCase();

/**
 * The value beside a visible label ("Company", "Account*", "Contact:") inside `root`: a label's
 * control, a dt's dd, a th's td, or the label's next sibling element (or its parent's). Labels
 * and values inside customer text (message bodies, headings) or hidden are not read.
 */
export function byLabel(
  root: ParentNode | null | undefined,
  labels: string[],
  labelSelector = 'label, dt, th, span, div, td, b, strong',
): Element | undefined {
  if (!root) return undefined;
  const wanted = new Set(labels.map(labelKey));
  for (const el of root.querySelectorAll(labelSelector)) {
    if (el.children.length > 2) continue;
    const text = boundedText(el, 60, 8);
    if (!text || !wanted.has(labelKey(text))) continue;
    const tag = el.tagName.toUpperCase();
    const forId = tag === 'LABEL' ? el.getAttribute('for') : null;
    const control = forId ? (el.ownerDocument.getElementById(forId) ?? undefined) : undefined;
    const value = control ?? el.nextElementSibling ?? el.parentElement?.nextElementSibling ?? undefined;
    if (!value || !valueOf(value)) continue;
    if (insideSkipped(el, root) || insideSkipped(value, root) || hiddenByStyle(el) || hiddenByStyle(value)) continue;
    return value;
  }
  return undefined;
}

/** The addresses of a mailto: href (several when comma-separated). */
export function mailtoAddresses(href: string): string[] {
  let addr = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    addr = decodeURIComponent(addr);
  } catch {
    return [];
  }
  return addr.split(',').map((a) => a.trim());
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

/** "Dana Lee <dana@x.com>", "Dana Lee (dana@x.com)", a bare address or a bare name. */
export const splitContact = (text: string): { name?: string; email?: string } => parseContact(text);

/** The address of the first mailto: link inside `root` (not in customer text). */
export function mailto(root: ParentNode | null | undefined): string | undefined {
  for (const a of root?.querySelectorAll?.('a[href^="mailto:" i]') ?? []) {
    if (insideSkipped(a, root)) continue;
    return mailtoAddresses(a.getAttribute('href') ?? '')[0] || undefined;
  }
  return undefined;
}

type Expected = 'ticketId' | 'company' | 'contactEmail';

/**
 * An adapter's reading, with `missing` listing the expected fields it could not read (empty
 * strings count as unread), so a layout change shows up in the sidebar and in options.
 */
export function finish(
  r: Omit<AdapterReading, 'emails' | 'missing'> & { emails?: string[] },
  expected: Expected[] = ['ticketId', 'company', 'contactEmail'],
): AdapterReading {
  const reading: AdapterReading = {
    ticketId: r.ticketId || undefined,
    company: r.company || undefined,
    contactName: r.contactName || undefined,
    contactEmail: r.contactEmail || undefined,
    emails: r.emails ?? [],
    missing: [],
  };
  reading.missing = expected.filter((k) => !reading[k]);
  return reading;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
export const validId = (s: string | null | undefined): string | undefined => (s && ID.test(s) ? s : undefined);

/** A query parameter, case-insensitively by name. */
export function param(url: URL, ...names: string[]): string | undefined {
  const lower = names.map((n) => n.toLowerCase());
  for (const [k, v] of url.searchParams) if (lower.includes(k.toLowerCase())) return v;
  return undefined;
}
