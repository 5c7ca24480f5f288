import { boundedText, clean, isSkipped, labelKey, valueOf } from './dom';
import { valueBesideLabel, withoutCount } from './label-shapes';

/**
 * The generic reader's labelled fields: which labels it knows, the shapes a label and its value
 * take on a page (label/control, dt/dd, th/td, td/td, aria, a short label and its sibling,
 * "Label: value" text), and how readings of one field are reconciled.
 */

export type FieldKind = 'company' | 'contact' | 'contactEmail' | 'ticketType';
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

export function kindOf(label: string): FieldKind | undefined {
  if (label.length > 40) return undefined;
  const key = labelKey(label);
  return Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
}

/**
 * A text node that may hold a label: one of the labels' first words at the start of a line (every
 * label the shapes below read begins a text node's line, after white space). Made from LABELS,
 * so the two never drift apart; a cheap first test, the shapes then decide.
 */
export const LABEL_AT_LINE = new RegExp(
  `(?:^|\\n)\\s*(?:${[...new Set(Object.keys(LABELS).map((l) => l.split(' ')[0]!))].join('|')})`,
  'i',
);

export interface Field {
  kind: FieldKind;
  text: string;
  /** Where the value came from (for a mailto: link in a contact field, and the style check). */
  el?: Element;
  /** Where the label is (checked for being hidden too). */
  label?: Element;
  /** The node being read when the field was found: fields are put in page order by it. */
  src: Node;
}

export type Add = (label: string, el: Element | undefined, labelEl: Element | undefined, text?: string) => void;

/** Where a short label may sit beside its value: "<span>Company</span><span>Acme</span>". */
const LABEL_TAGS = /^(?:span|div|b|strong|label|p|li|small|em|i|font|dt|th|td)$/;

/** The labelled forms an element can hold: label/control, dt/dd, th/td, td/td, aria, a short label and its sibling. */
export function readElement(el: Element, add: Add): void {
  const tag = el.localName;
  if (tag === 'label') {
    const forId = el.getAttribute('for');
    const control = forId
      ? el.ownerDocument.getElementById(forId)
      : [...el.children].find((c) => /^(?:input|select|textarea)$/.test(c.localName));
    if (control) return add(ownLabelText(el, control), control, el);
  }
  if (el.hasAttributes()) readAria(el, add);
  if (!LABEL_TAGS.test(tag)) return;
  const only = el.firstChild;
  const text = only && only === el.lastChild && only.nodeType === 3 ? (only.nodeValue ?? '') : undefined;
  if (tag === 'dt' || tag === 'th' || tag === 'td') {
    const next = el.nextElementSibling;
    if (next && next.localName === (tag === 'dt' ? 'dd' : 'td')) {
      const label = text ?? boundedText(el, 60, 8);
      if (label && label.length <= 60) add(label, next, el);
    }
  } else if (text !== undefined) {
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
export function readText(text: Text, add: Add): void {
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

const PLACEHOLDER = /^(?:-+|—|–|none|n\/a|not set|select.*|choose.*)$/i;
export function companyName(text: string): string | undefined {
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
export function decide(values: (string | undefined)[]): string | undefined | null {
  const read = values.filter((v): v is string => v !== undefined);
  const first = read[0];
  return read.some((v) => v !== first && !agree(v, first!)) ? null : first || undefined;
}
