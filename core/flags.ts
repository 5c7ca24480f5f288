/**
 * "Flag for sales": what a technician noticed on a ticket that sales should hear about. A flag
 * keeps the ticket it came from and the account; its id doubles as the idempotency key, so a
 * delivery retried after a failure (or after the browser stopped the worker mid-request) finds
 * the copy it already wrote instead of writing a second one.
 */
import type { TicketRef } from './model';
import type { ErrorDetail } from './sync-errors';

export const FLAG_KINDS = [
  'new-project',
  'more-seats',
  'hardware-refresh',
  'upsell',
  'churn-risk',
  'referral',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * pending: waiting to be delivered to the account's source (retried with backoff);
 * delivered: written there; outbox: no source that takes writes, exported or mailed by hand.
 */
type FlagStatus = 'pending' | 'delivered' | 'outbox';

export interface Flag {
  /** "flag-<uuid>": also the idempotency key written into the delivered note. */
  id: string;
  createdAt: string;
  kind: FlagKind;
  note: string;
  value?: number;
  /** The currency of the customer's deals, which the value is in ("EUR"); unknown: none. */
  currency?: string;
  urgency: Urgency;
  ticket: Pick<TicketRef, 'helpdesk' | 'ticketId' | 'url'>;
  accountId: string;
  accountName: string;
  /** The source the account came from, where delivery goes ("hubspot-lq3x"). */
  source: string;
  salesRep?: string;
  status: FlagStatus;
  attempts: number;
  lastError?: string;
  /** lastError as a code and its arguments (core/sync-errors.ts), worded by the sidebar and the options page. */
  lastErrorDetail?: ErrorDetail;
  /** No delivery attempt before this time (backoff). */
  nextAttemptAt?: string;
  deliveredAt?: string;
  /** The id of what delivery wrote (a HubSpot note id). */
  remoteId?: string;
  /** The technician who raised it (from the organisation's policy, else typed once in options). */
  by?: { name: string; email: string };
}

/** "Sam Tech <sam@msp.example>", on one line; "" when nobody is known. */
export function flaggedBy(flag: Pick<Flag, 'by'>): string {
  if (!flag.by) return '';
  const name = oneLine(flag.by.name);
  const email = oneLine(flag.by.email).replace(/[<>]/g, '');
  return name && email ? `${name} <${email}>` : name || email;
}

export const KIND_WORDS: Record<FlagKind, string> = {
  'new-project': 'New project',
  'more-seats': 'More seats',
  'hardware-refresh': 'Hardware refresh',
  upsell: 'Upsell of a service',
  'churn-risk': 'Churn risk',
  referral: 'Referral',
};

/**
 * An estimated value as a technician types it, in either language's habit: "$9,000", "9.000 €",
 * "9 000", "1.200,50", "12.5k", "2 Mio". Empty is no value (undefined); anything else that is not
 * one amount is NaN, so the form can say so instead of guessing: "lots", "3-5k" (two numbers).
 */
export function parseAmount(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const numbers = [...text.matchAll(/\d(?:[\d.,'\s]*\d)?/g)];
  const [found] = numbers;
  if (numbers.length !== 1 || !found) return NaN;
  const digits = found[0].replace(/['\s]/g, '');
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  let plain = digits;
  if (last >= 0) {
    const separator = digits[last]!;
    const both = digits.includes('.') && digits.includes(',');
    const once = digits.indexOf(separator) === last;
    // One separator before exactly three digits is a thousands separator in both "9,000" and
    // "9.000" (these are amounts of money, rarely to three decimals); so is a repeated one.
    const grouping = !both && (!once || (digits.length - last - 1 === 3 && !/^0[.,]/.test(digits)));
    plain = grouping
      ? digits.replace(/[.,]/g, '')
      : `${digits.slice(0, last).replace(/[.,]/g, '')}.${digits.slice(last + 1)}`;
  }
  const after = text.slice((found.index ?? 0) + found[0].length);
  const scale = /^\s*(k|tsd\.?|thousand|tausend)(?![a-z])/i.test(after)
    ? 1e3
    : /^\s*(m|mio\.?|mn|million|millionen)(?![a-z])/i.test(after)
      ? 1e6
      : 1;
  const value = Number(plain) * scale;
  return Number.isFinite(value) ? value : NaN;
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4 ... capped at an hour. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/**
 * Text from a data source or a help-desk page on one line: an account name with a line break in
 * it must not be able to add an "Account:" or "Subject:" line of its own.
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The flag as plain text, for a CRM note, an email or the clipboard. Ends with its key. */
export function flagText(flag: Flag): string {
  const lines = [
    `Flag for sales: ${KIND_WORDS[flag.kind]} (${flag.urgency} urgency)`,
    `Account: ${oneLine(flag.accountName)}`,
    ...(flag.value !== undefined
      ? [`Estimated value: ${flag.value}${flag.currency ? ` ${oneLine(flag.currency)}` : ''}`]
      : []),
    `Ticket: ${oneLine(flag.ticket.helpdesk)} #${oneLine(flag.ticket.ticketId ?? '?')} ${oneLine(flag.ticket.url)}`,
    // Who to ask: every delivery (CRM note, opportunity, email, clipboard) carries it from here.
    ...(flag.by ? [`Flagged by: ${flaggedBy(flag)}`] : []),
    '',
    flag.note,
    '',
    `(Backstory ${flag.id})`,
  ];
  return lines.join('\n');
}

export interface FlagEmail {
  /** The sales reps who won these customers, by name (the data has no addresses), or "sales". */
  to: string;
  subject: string;
  body: string;
}

/**
 * Outbox flags as one email to sales (to `salesContact` when one is set). Sales reads it, like the CRM notes, in English. The note is
 * the technician's own text and goes into the body as written; everything that ends up in the
 * To and Subject lines is put on one line first.
 */
export function flagEmail(flags: Flag[], salesContact = ''): FlagEmail {
  const unique = (values: string[]) => [...new Set(values)];
  // The organisation's sales contact (policy or options) when there is one, else the reps by name.
  const reps = oneLine(salesContact)
    ? [oneLine(salesContact)]
    : unique(flags.map((f) => oneLine(f.salesRep ?? '')).filter(Boolean));
  const accounts = unique(flags.map((f) => oneLine(f.accountName)));
  const [first] = flags;
  const subject =
    flags.length === 1 && first
      ? `Flag for sales: ${KIND_WORDS[first.kind]} at ${accounts[0]} (${first.urgency} urgency)`
      : `${flags.length} flags for sales: ${accounts.join(', ')}`;
  return { to: reps.length ? reps.join(', ') : 'sales', subject, body: flags.map(flagText).join('\n\n---\n\n') };
}

/** The email as one text for the clipboard: "To:" and "Subject:" lines, a blank line, the body. */
export function flagEmailText(email: FlagEmail): string {
  return `To: ${email.to}\nSubject: ${email.subject}\n\n${email.body}\n`;
}

export const FLAG_CSV_COLUMNS = [
  'id',
  'createdAt',
  'status',
  'kind',
  'urgency',
  'value',
  'currency',
  'account',
  'salesRep',
  'helpdesk',
  'ticketId',
  'ticketUrl',
  'note',
  'lastError',
  'flaggedBy',
  'flaggedByEmail',
] as const;

/** One row per flag, for the outbox's CSV export. */
export function flagRow(f: Flag): string[] {
  return [
    f.id,
    f.createdAt,
    f.status,
    f.kind,
    f.urgency,
    f.value === undefined ? '' : String(f.value),
    f.currency ?? '',
    f.accountName,
    f.salesRep ?? '',
    f.ticket.helpdesk,
    f.ticket.ticketId ?? '',
    f.ticket.url,
    f.note,
    f.lastError ?? '',
    f.by?.name ?? '',
    f.by?.email ?? '',
  ];
}
