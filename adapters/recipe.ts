import type { ReadingRecipe, RecipeField } from '@/core/recipe';
import { LOCATOR_MAX } from '@/core/recipe';
import { hiddenByStyle, insideSkipped, parseContact, valueOf } from './dom';
import type { AdapterReading } from './types';

/**
 * "Show me where": a locator (CSS selector) for an element the technician clicked, and the
 * reading of a page by a site's recipe. A locator prefers what survives a page's next render:
 * an id, then data-/name/aria attributes, then class names, and only then positions; each is
 * checked to find exactly one element. Names that look generated (long hex or digit runs,
 * framework hashes) are never used: they change with every build or page.
 */

/** An id or class name a framework or build generated ("ember1234", "css-1x2y3z", "a8f3c0d1e2"). */
export function looksGenerated(name: string): boolean {
  return (
    name.length > 40 ||
    /\d{4,}/.test(name) ||
    /[0-9a-f]{8,}/i.test(name.replace(/[^0-9a-z]/gi, '')) ||
    /^(?:css|sc|jsx|emotion|svelte|ng|v|data-v)-[a-z0-9]{4,}$/i.test(name) ||
    /^[a-z]{1,3}[0-9][a-z0-9]{3,}$/i.test(name) ||
    /(?:^|[-_])[a-z0-9]*\d[a-z0-9]*[A-Z][a-z0-9]*$/.test(name) ||
    /__[a-z0-9]{5,}$/i.test(name)
  );
}

const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-field', 'data-name', 'name', 'itemprop', 'aria-label'];

const cssEscape = (s: string): string =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
const attrValue = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** What this element alone can be found by (most stable first), without its ancestors. */
function ownSelectors(el: Element): string[] {
  const tag = el.localName;
  const out: string[] = [];
  if (el.id && !looksGenerated(el.id)) out.push(`#${cssEscape(el.id)}`);
  for (const name of STABLE_ATTRIBUTES) {
    const v = el.getAttribute(name);
    if (v && v.length <= 60 && !looksGenerated(v)) out.push(`${tag}[${name}=${attrValue(v)}]`);
  }
  for (const a of el.attributes) {
    if (!a.name.startsWith('data-') || STABLE_ATTRIBUTES.includes(a.name) || looksGenerated(a.name)) continue;
    if (a.value && a.value.length <= 60 && !looksGenerated(a.value))
      out.push(`${tag}[${a.name}=${attrValue(a.value)}]`);
  }
  const classes = [...el.classList].filter((c) => !looksGenerated(c)).slice(0, 4);
  for (const c of classes) out.push(`${tag}.${cssEscape(c)}`);
  if (classes.length > 1) out.push(`${tag}${classes.map((c) => `.${cssEscape(c)}`).join('')}`);
  return out;
}

const unique = (doc: ParentNode, selector: string, el: Element): boolean => {
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
};

export type LocatorResult = { ok: true; locator: string } | { ok: false; error: 'customerText' | 'noUnique' };

/**
 * A locator that finds exactly `el` in `doc`: its own stable names, else one of them under a
 * uniquely named ancestor (up to 5 levels), else, as the last resort, its position
 * (:nth-of-type) under such an ancestor. Refuses customer-written text (a message body, a
 * subject) and says so when nothing finds the element alone.
 */
export function buildLocator(doc: Document, el: Element): LocatorResult {
  if (insideSkipped(el)) return { ok: false, error: 'customerText' };
  const own = ownSelectors(el);
  for (const s of own) if (unique(doc, s, el)) return { ok: true, locator: s };
  let anchor: Element | null = el.parentElement;
  for (let depth = 0; anchor && anchor !== doc.body && depth < 5; depth++, anchor = anchor.parentElement) {
    for (const a of ownSelectors(anchor)) {
      if (!unique(doc, a, anchor)) continue;
      for (const s of own) if (unique(doc, `${a} ${s}`, el)) return fits(`${a} ${s}`);
      const path = positionPath(anchor, el);
      if (path && unique(doc, `${a} > ${path}`, el)) return fits(`${a} > ${path}`);
    }
  }
  return { ok: false, error: 'noUnique' };
}

const fits = (locator: string): LocatorResult =>
  locator.length <= LOCATOR_MAX ? { ok: true, locator } : { ok: false, error: 'noUnique' };

/** "div:nth-of-type(2) > span:nth-of-type(1)" from `anchor` down to `el`. */
function positionPath(anchor: Element, el: Element): string | undefined {
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== anchor; e = e.parentElement) {
    const parent = e.parentElement;
    if (!parent) return undefined;
    const same = [...parent.children].filter((c) => c.localName === e!.localName);
    steps.unshift(`${e.localName}:nth-of-type(${same.indexOf(e) + 1})`);
  }
  return steps.join(' > ');
}

/** The one element a locator finds (undefined: none, several, or an invalid selector). */
export function locate(doc: ParentNode, locator: string | undefined): Element | undefined {
  if (!locator) return undefined;
  try {
    const found = doc.querySelectorAll(locator);
    return found.length === 1 ? found[0] : undefined;
  } catch {
    return undefined;
  }
}

/** What a located element shows for a field . */
export function readField(el: Element | undefined, field: RecipeField): string | undefined {
  if (!el || insideSkipped(el) || hiddenByStyle(el)) return undefined;
  const text = valueOf(el);
  // The address it shows, or its mailto: link's (parseContact checks and lower-cases it).
  if (field === 'contactEmail') return parseContact(text, el).email;
  // A ticket number: the first word with a digit in it ("#1042" and "Ticket 1042" give 1042).
  if (field === 'ticketId') return /[A-Za-z0-9-]*\d[A-Za-z0-9-]*/.exec(text)?.[0]?.slice(0, 32);
  return text || undefined;
}

/**
 * The page read by a recipe: one querySelectorAll per locator (linear, bounded). Fields the
 * recipe names but the page does not show (exactly once) are listed as missing.
 */
export function readByRecipe(doc: Document, recipe: ReadingRecipe): AdapterReading {
  const reading: AdapterReading = { emails: [], missing: [] };
  for (const field of ['company', 'contactEmail', 'ticketId'] as const) {
    const locator = recipe[field];
    if (!locator) continue;
    const value = readField(locate(doc, locator), field);
    if (value) reading[field] = value;
    else reading.missing.push(field);
  }
  return reading;
}
