import type { Account, TicketRef } from './model';
import { emailDomain, isEmail, isFreeMailDomain, normalizeCompany, normalizeEmail } from './normalize';

/**
 * Which account is this ticket about? Pure: every lookup goes through `MatchIndex`, so the rules
 * are tested without a database and the Dexie index (services/match-index.ts) stays dumb.
 */
export interface MatchIndex {
  accountIdsByContactEmail(email: string): Promise<string[]>;
  accountIdsByDomain(domain: string): Promise<string[]>;
  accountIdsByNameKey(key: string): Promise<string[]>;
  accountIdsByAliasKey(key: string): Promise<string[]>;
  /** The accounts that exist among `ids` (missing ones are left out). */
  getAccounts(ids: string[]): Promise<Pick<Account, 'id' | 'name'>[]>;
  /** The account a technician pinned for this pin key, if any. */
  getPin(key: string): Promise<string | undefined>;
}

export type MatchMethod = 'pin' | 'email' | 'domain' | 'name' | 'alias' | 'none';
type MatchConfidence = 'high' | 'medium' | 'low';

interface MatchCandidate {
  accountId: string;
  name: string;
}

/** One piece of evidence, for a reason worded in the user's language. */
export interface ReasonPart {
  what: 'contactEmail' | 'email' | 'domain' | 'name' | 'alias' | 'company';
  value: string;
}

/** The reason as data: the UI words it (`reason` is the English wording, for logs and tests). */
export type MatchExplanation =
  | { kind: 'pin'; label: string }
  | { kind: 'matched'; parts: ReasonPart[]; conflict?: { part: ReasonPart; names: string[] } }
  | { kind: 'ambiguous'; count: number; parts: ReasonPart[] }
  | { kind: 'none'; parts: ReasonPart[] };

export interface MatchResult {
  status: 'matched' | 'ambiguous' | 'none';
  explain: MatchExplanation;
  account?: string;
  /** The matched account, or the accounts to choose from when ambiguous; sorted by name. */
  candidates: MatchCandidate[];
  method: MatchMethod;
  confidence: MatchConfidence;
  /** Shown to the technician, e.g. `matched by email domain acmedental.com`. */
  reason: string;
  /** Set when the ticket's text, not its labelled fields, named the account(s): the sidebar words it. */
  text?: TextEvidence;
}

/** The kinds of mention the ticket's visible text can hold (core/match-text.ts). */
export type TextHitKind = 'email' | 'domain' | 'name' | 'alias';

/** What the ticket's visible text named: the strongest kind of mention and the pattern as known. */
export interface TextEvidence {
  kind: TextHitKind;
  value: string;
  mentions: number;
}

/**
 * What a technician's pin is remembered by: the help desk plus the ticket's company, or without
 * one the contact's email domain. A free-mail domain says nothing about the company, so there
 * the whole address is the key (pinning "@gmail.com" would capture every Gmail requester).
 */
export function pinKey(ref: TicketRef): string | undefined {
  const company = ref.company ? normalizeCompany(ref.company) : '';
  if (company) return `${ref.helpdesk}|${company}`;
  const email = ref.contactEmail && isEmail(ref.contactEmail) ? normalizeEmail(ref.contactEmail) : undefined;
  const domain = email && emailDomain(email);
  if (!email || !domain) return undefined;
  return isFreeMailDomain(domain) ? `${ref.helpdesk}|${email}` : `${ref.helpdesk}|@${domain}`;
}

/** One step's finding: the accounts it points at and how to say so. */
interface Evidence {
  method: Exclude<MatchMethod, 'pin' | 'none'>;
  ids: string[];
  /** e.g. `email domain acmedental.com`; reasons read "matched by " + this. */
  what: string;
  part: ReasonPart;
  confidence: MatchConfidence;
}

/**
 * Which account the ticket's fields name. When two readings of the page disagreed
 * (`ref.conflict`: say, a labelled field and the help desk's API), no answer is high confidence.
 */
export async function matchTicket(ref: TicketRef, index: MatchIndex): Promise<MatchResult> {
  const result = await matchFields(ref, index);
  if (!ref.conflict?.length || result.confidence !== 'high') return result;
  return {
    ...result,
    confidence: 'low',
    reason: `${result.reason} (the page's readings of ${ref.conflict.join(', ')} disagree)`,
  };
}

async function matchFields(ref: TicketRef, index: MatchIndex): Promise<MatchResult> {
  const look = remembered(index);
  const names = new Map<string, string>();
  const checked = new Set<string>();
  // Index hits can point at deleted accounts (a contact left behind): keep only real ones. Each
  // id is asked about once (those read together up front are not asked again).
  const existing = async (ids: string[]): Promise<string[]> => {
    const unique = [...new Set(ids)];
    const ask = unique.filter((id) => !checked.has(id));
    if (ask.length) {
      for (const a of await index.getAccounts(ask)) names.set(a.id, a.name);
      for (const id of ask) checked.add(id);
    }
    return unique.filter((id) => names.has(id));
  };
  const candidates = (ids: string[]): MatchCandidate[] =>
    ids
      .map((id) => ({ accountId: id, name: names.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId));

  const key = pinKey(ref);
  const company = ref.company?.trim() ?? '';
  const companyKey = company ? normalizeCompany(company) : '';
  // What is asked of almost every ticket is asked at once, not in turn: the pin, the first email's
  // contacts and the company name (the email step's conflict check wants it too), then whether
  // the accounts they point at exist, in one read. The steps below find these answers remembered.
  const firstEmail = ticketEmails(ref)[0];
  const upFront = await Promise.all([
    key ? look.getPin(key).then((id) => (id ? [id] : [])) : [],
    firstEmail ? look.accountIdsByContactEmail(firstEmail) : [],
    companyKey ? look.accountIdsByNameKey(companyKey) : [],
  ]);
  if (upFront.some((ids) => ids.length)) await existing(upFront.flat());

  const pinned = key ? await pinnedAccount(key, look, existing) : undefined;
  if (key && pinned) {
    // The company as the page spells it, else what the key holds ("@acmedental.com").
    const label =
      ref.company && normalizeCompany(ref.company) ? ref.company.trim() : key.slice(ref.helpdesk.length + 1);
    return {
      status: 'matched',
      account: pinned,
      candidates: candidates([pinned]),
      method: 'pin',
      confidence: 'high',
      reason: `pinned by you for "${label}"`,
      explain: { kind: 'pin', label },
    };
  }

  // Each further step is looked up only when needed (a clean email hit asks no more of the database).
  const byName = once(() => byCompanyKey('name', company, companyKey, look, existing));
  const byAlias = once(() => byCompanyKey('alias', company, companyKey, look, existing));
  const steps = [once(() => byEmail(ref, look, existing)), once(() => byDomain(ref, look, existing)), byName, byAlias];

  // The first step with hits decides; when it is ambiguous, a later step may narrow it only
  // by agreeing with some of its candidates (a disagreeing step is ignored, never trusted).
  let next = 0;
  let first: Evidence | undefined;
  while (!first && next < steps.length) first = await steps[next++]!();
  if (!first) return none(ref);
  let ids = first.ids;
  const used = [first];
  while (ids.length > 1 && next < steps.length) {
    const step = await steps[next++]!();
    if (!step) continue;
    const agree = ids.filter((id) => step.ids.includes(id));
    if (agree.length > 0 && agree.length < ids.length) {
      ids = agree;
      used.push(step);
    }
  }
  const what = used.map((e) => e.what).join(' and ');

  if (ids.length > 1) {
    return {
      status: 'ambiguous',
      candidates: candidates(ids),
      method: first.method,
      confidence: 'low',
      reason: `${ids.length} accounts match ${what}`,
      explain: { kind: 'ambiguous', count: ids.length, parts: used.map((e) => e.part) },
    };
  }

  const account = ids[0]!;
  const decided = used[used.length - 1]!;
  // A tie broken by a second step is less sure than a single clean hit.
  let confidence: MatchConfidence = used.length > 1 ? 'medium' : decided.confidence;
  let reason = `matched by ${what}`;
  const explain: MatchExplanation = { kind: 'matched', parts: used.map((e) => e.part) };
  // The contact (or domain) says one account, the ticket's company field another: say so.
  const byCompany =
    decided.method === 'email' || decided.method === 'domain' ? ((await byName()) ?? (await byAlias())) : undefined;
  if (byCompany && !byCompany.ids.includes(account)) {
    const others = byCompany.ids.map((id) => names.get(id) ?? id).join(', ');
    reason += `, but the ticket's ${byCompany.what} points to ${others}`;
    explain.conflict = { part: byCompany.part, names: byCompany.ids.map((id) => names.get(id) ?? id) };
    confidence = 'low';
  }
  return {
    status: 'matched',
    account,
    candidates: candidates([account]),
    method: decided.method,
    confidence,
    reason,
    explain,
  };
}

type Existing = (ids: string[]) => Promise<string[]>;

async function pinnedAccount(key: string, index: MatchIndex, existing: Existing): Promise<string | undefined> {
  const id = await index.getPin(key);
  // A pin to an account that was since deleted is ignored, not an error.
  return id ? (await existing([id]))[0] : undefined;
}

/** The ticket's emails, contact first, validated and lower-case. */
function ticketEmails(ref: TicketRef): string[] {
  const all = [ref.contactEmail ?? '', ...ref.emails].filter((e) => isEmail(e)).map(normalizeEmail);
  return [...new Set(all)];
}

async function byEmail(ref: TicketRef, index: MatchIndex, existing: Existing): Promise<Evidence | undefined> {
  const contact = ref.contactEmail ? normalizeEmail(ref.contactEmail) : undefined;
  for (const email of ticketEmails(ref)) {
    const ids = await existing(await index.accountIdsByContactEmail(email));
    if (ids.length === 0) continue;
    // A CC or another address on the page is weaker evidence than the ticket's contact.
    return email === contact
      ? {
          method: 'email',
          ids,
          what: `contact email ${email}`,
          part: { what: 'contactEmail', value: email },
          confidence: 'high',
        }
      : {
          method: 'email',
          ids,
          what: `email ${email} on the ticket`,
          part: { what: 'email', value: email },
          confidence: 'medium',
        };
  }
  return undefined;
}

async function byDomain(ref: TicketRef, index: MatchIndex, existing: Existing): Promise<Evidence | undefined> {
  const domains = [...new Set(ticketEmails(ref).map((e) => emailDomain(e)!))].filter((d) => !isFreeMailDomain(d));
  const contactDomain = emailDomain(ref.contactEmail ?? '');
  for (const domain of domains) {
    const ids = await existing(await index.accountIdsByDomain(domain));
    if (ids.length === 0) continue;
    return {
      method: 'domain',
      ids,
      what: `email domain ${domain}`,
      part: { what: 'domain', value: domain },
      confidence: domain === contactDomain ? 'high' : 'medium',
    };
  }
  return undefined;
}

/** The ticket's company by account name or by alias (an ambiguous name can be narrowed by an alias). */
async function byCompanyKey(
  method: 'name' | 'alias',
  company: string,
  key: string,
  index: MatchIndex,
  existing: Existing,
): Promise<Evidence | undefined> {
  if (!key) return undefined;
  const ids = await existing(
    await (method === 'name' ? index.accountIdsByNameKey(key) : index.accountIdsByAliasKey(key)),
  );
  if (!ids.length) return undefined;
  const what = method === 'name' ? `company name "${company}"` : `alias "${company}"`;
  return { method, ids, what, part: { what: method, value: company }, confidence: 'medium' };
}

/** The index with each lookup's answer remembered per key (asked up front, used by a step later). */
function remembered(index: MatchIndex): MatchIndex {
  const answers = new Map<string, Promise<unknown>>();
  const ask =
    <T>(what: string, run: (key: string) => Promise<T>) =>
    (key: string): Promise<T> => {
      const k = `${what}\u0000${key}`;
      let answer = answers.get(k) as Promise<T> | undefined;
      if (!answer) answers.set(k, (answer = run(key)));
      return answer;
    };
  return {
    accountIdsByContactEmail: ask('email', (k) => index.accountIdsByContactEmail(k)),
    accountIdsByDomain: ask('domain', (k) => index.accountIdsByDomain(k)),
    accountIdsByNameKey: ask('name', (k) => index.accountIdsByNameKey(k)),
    accountIdsByAliasKey: ask('alias', (k) => index.accountIdsByAliasKey(k)),
    getAccounts: (ids) => index.getAccounts(ids),
    getPin: ask('pin', (k) => index.getPin(k)),
  };
}

/** A lookup run at most once, and only if asked for. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= run());
}

function none(ref: TicketRef): MatchResult {
  const company = ref.company?.trim();
  const parts: ReasonPart[] = [
    ...(company ? [{ what: 'company' as const, value: company }] : []),
    ...ticketEmails(ref)
      .slice(0, 3)
      .map((e) => ({ what: 'email' as const, value: e })),
  ];
  const said = parts.map((p) => (p.what === 'company' ? `company "${p.value}"` : p.value));
  const reason = said.length
    ? `no account matches ${said.join(', ')}`
    : 'the ticket shows no company or email to match';
  return {
    status: 'none',
    candidates: [],
    method: 'none',
    confidence: 'low',
    reason,
    explain: { kind: 'none', parts },
  };
}
