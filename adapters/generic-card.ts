import { isEmail, normalizeEmail } from '@/core/normalize';
import { clean, hiddenByStyle, isSkipped, mailtoAddresses } from './dom';

/**
 * Customer cards: a block named for the customer, requester, user or contact (class or id),
 * holding their name, an email (mailto: or text) and the organisation beneath, without labels.
 */
const CARD_NAME =
  /(?:^|[\s_-])(?:customer|requester|requestor|user|contact|client|caller|reporter)(?:$|[\s_-]|card|info|details|panel|profile)/i;
const NOT_CARD_NAME = /menu|nav|topbar|current|agent|owner|assignee|avatar/i;
const ORG_NAME = /org|company|account|client-name|customer-name/i;
const CARD_MAX_NODES = 200;
const AVATAR = /avatar|initials|icon|badge/i;
const UI_WORDS = /^(?:view|edit|open|more|all|tickets?|profile|e-?mail|phone|customer|requester|user|contact)\b/i;

export function isCardName(el: Element): boolean {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
  return CARD_NAME.test(names) && !NOT_CARD_NAME.test(names);
}

export interface Card {
  name?: string;
  email?: string;
  org?: string;
  el: Element;
}

/** A customer card's name, email and organisation, by structure: lines in order, the email marked. */
export function readCard(el: Element): Card | undefined {
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
