/**
 * Two shapes of labelled field met on real self-hosted help desks (tests/fixtures/real/), kept
 * apart from the generic reader's walk so that it stays small.
 */

/**
 * The value beside a short label: its next element, or, where the label is wrapped with only its
 * colon (Redmine's custom fields: `<div class="label"><span>Company</span>:</div><div class="value">`),
 * the wrapper's next element.
 */
export function valueBesideLabel(label: Element): Element | null {
  const next = label.nextElementSibling;
  if (next || label.previousElementSibling) return next;
  const wrapper = label.parentElement;
  const rest = wrapper && wrapper.childElementCount === 1 ? wrapper.textContent!.replace(label.textContent!, '') : '';
  return /^\s*[:：]\s*$/.test(rest) ? wrapper!.nextElementSibling : null;
}

/** A company without the count of its tickets beside it (osTicket: "Acme Dental Group (1)"). */
export const withoutCount = (name: string): string => name.replace(/\s*\(\s*\d+\s*\)$/, '');
