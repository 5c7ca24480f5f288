import type { AdapterReading } from './types';
import { parseContact } from './generic';

/**
 * Small, defensive DOM readers shared by the help-desk adapters. Every reader is scoped to an
 * element the adapter chose (the product's own field panel), so text in a customer-written
 * message body elsewhere on the page is never taken for a field.
 */

export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** What a field shows: an input's or select's value, else its text. */
export function valueOf(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA') return clean((el as HTMLInputElement).value || el.getAttribute('value'));
  if (tag === 'SELECT') {
    const sel = el as HTMLSelectElement;
    const chosen =
      sel.options?.[sel.selectedIndex] ?? el.querySelector('option[selected]') ?? el.querySelector('option');
    return clean(chosen?.textContent);
  }
  return clean(el.textContent);
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

const labelKey = (s: string) =>
  clean(s)
    .replace(/[\s:：*]+$/, '')
    .toLowerCase();

/**
 * The value beside a visible label ("Company", "Account*", "Contact:") inside `root`: a label's
 * control, a dt's dd, a th's td, or the label's next sibling element (or its parent's).
 */
export function byLabel(
  root: ParentNode | null | undefined,
  labels: string[],
  labelSelector = 'label, dt, th, span, div, td, b, strong',
): Element | undefined {
  if (!root) return undefined;
  const wanted = new Set(labels.map(labelKey));
  for (const el of root.querySelectorAll(labelSelector)) {
    if (el.children.length > 2 || (el.textContent ?? '').length > 60) continue;
    if (!wanted.has(labelKey(el.textContent ?? ''))) continue;
    const tag = el.tagName.toUpperCase();
    const forId = tag === 'LABEL' ? el.getAttribute('for') : null;
    const control = forId ? (el.ownerDocument.getElementById(forId) ?? undefined) : undefined;
    const value = control ?? el.nextElementSibling ?? el.parentElement?.nextElementSibling ?? undefined;
    if (value && valueOf(value)) return value;
  }
  return undefined;
}

/** "Dana Lee <dana@x.com>", "Dana Lee (dana@x.com)", a bare address or a bare name. */
export const splitContact = (text: string): { name?: string; email?: string } => parseContact(text);

/** The address of the first mailto: link inside `root`. */
export function mailto(root: ParentNode | null | undefined): string | undefined {
  const href = root?.querySelector?.('a[href^="mailto:" i]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return decodeURIComponent(href.slice(7).split('?')[0] ?? '') || undefined;
  } catch {
    return undefined;
  }
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
