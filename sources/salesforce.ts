/**
 * Salesforce (REST API) as a data source. Sign-in: OAuth 2.0 authorization code with PKCE against
 * the org's My Domain login host (or login.salesforce.com, test.salesforce.com for sandboxes),
 * with the consumer key of a Connected App or External Client App the MSP creates (scopes
 * `api refresh_token`); no client secret. Only the refresh token (encrypted, like every key) and
 * the instance address are kept: each pass gets a fresh access token with the refresh token, and
 * again once when Salesforce answers INVALID_SESSION_ID; when the refresh token is refused the
 * user is told to sign in again. The sign-in and the session are sources/salesforce-auth.ts.
 *
 * Reads are SOQL queries (/services/data/vXX.X/query), paged by nextRecordsUrl; incremental
 * passes add `WHERE SystemModstamp > <since>`; records deleted upstream leave on the daily full
 * pass. Each answer's Sforce-Limit-Info (api-usage=used/limit) is kept: the status shows the org's
 * daily API use, and the sync slows down when less than 10% remains. Flags become a Task on the
 * account (Subject "Backstory flag: <kind>", assigned to the account's owner), found again by the
 * flag id in its Description before anything is written.
 * Every vendor fact used here is listed, with where it comes from, in tests/mock-apis/salesforce-contract.ts.
 */
import { flagText, KIND_WORDS, type Flag } from '@/core/flags';
import { note } from '@/core/source-notes';
import { BadResponseError, SourceError, HttpError, PermissionError, type HttpOptions } from './http';
import { checkEach, eachPage, failedCheck, nextPosition, PageRecords, quickHttp, readAll } from './api-client';
import {
  API_VERSION,
  loginHostOf,
  salesforceSignIn,
  SF_LOGIN,
  SfSession,
  type ApiUsage,
  type SfOptions,
} from './salesforce-auth';
import { testHttp } from './test-http';
import {
  originOf,
  type ConnectionCheck,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type SourceRead,
  type Values,
} from './live-source';
import {
  mapAccount,
  mapCampaign,
  mapClassicNote,
  mapContact,
  mapContentNote,
  mapOpportunity,
  type SfRecord,
} from './salesforce-map';

/** SOQL's datetime literal: 2026-12-01T09:55:00Z (no quotes, no milliseconds). */
const soqlTime = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const changed = (since: string | undefined, and = '') =>
  since ? ` WHERE SystemModstamp > ${soqlTime(since)}${and ? ` AND ${and}` : ''}` : and ? ` WHERE ${and}` : '';
/** A record id in a SOQL string literal (ids are 15 or 18 letters and digits). */
const idLiteral = (id: string) => {
  if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) throw new SourceError('salesforceNoId', [id]);
  return `'${id}'`;
};

/** The order a read goes through Salesforce; a read position's step indexes it. */
const STEPS = ['Account', 'Contact', 'Campaign', 'Opportunity', 'Note', 'ContentNote'] as const;

function soql(step: (typeof STEPS)[number], since: string | undefined, multiCurrency: boolean): string {
  const currency = multiCurrency ? ', CurrencyIsoCode' : '';
  switch (step) {
    case 'Account':
      return `SELECT Id, Name, Website, AccountSource, Owner.Name, Description FROM Account${changed(since)}`;
    case 'Contact':
      return `SELECT Id, Name, Email, Title, AccountId, (SELECT Role, IsPrimary FROM OpportunityContactRoles) FROM Contact${changed(since)}`;
    case 'Campaign':
      return `SELECT Id, Name, Type, StartDate, EndDate, ActualCost${currency} FROM Campaign${changed(since)}`;
    case 'Opportunity':
      return `SELECT Id, Name, AccountId, Amount${currency}, CloseDate, StageName, IsWon, IsClosed, LeadSource, CampaignId, Campaign.Name, Owner.Name, Description FROM Opportunity${changed(since)}`;
    case 'Note':
      return `SELECT Id, Title, Body, ParentId, CreatedDate, CreatedBy.Name FROM Note${changed(since)}`;
    case 'ContentNote':
      return `SELECT Id, Title, CreatedDate, CreatedBy.Name FROM ContentNote${changed(since)}`;
  }
}

/** The org's currency, and whether records carry their own (multi-currency orgs). */
async function orgCurrency(s: SfSession): Promise<{ currency: string; multi: boolean }> {
  const org = await s.query('SELECT Id, DefaultCurrencyIsoCode FROM Organization');
  const currency =
    typeof org.records[0]?.DefaultCurrencyIsoCode === 'string' ? org.records[0].DefaultCurrencyIsoCode : 'USD';
  const describe = (await s.request(`/services/data/${API_VERSION}/sobjects/Opportunity/describe`)) as {
    fields?: { name?: unknown }[];
  } | null;
  return { currency, multi: !!describe?.fields?.some((f) => f.name === 'CurrencyIsoCode') };
}

/** Every page of a SOQL query's records. */
const queryAll = (s: SfSession, soql: string) =>
  eachPage(async (next: string | undefined) => {
    const page = await s.query(next ?? soql);
    return { items: page.records, ...(page.next ? { next: page.next } : {}) };
  });

/** The records a page of ContentNotes is linked to, and each note's text. */
async function contentNotes(s: SfSession, notes: SfRecord[]) {
  if (!notes.length) return [];
  const links = new Map<string, string[]>();
  const ids = notes.map((n) => idLiteral(n.Id)).join(', ');
  const soql = `SELECT Id, ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId IN (${ids})`;
  for await (const list of queryAll(s, soql))
    for (const l of list as (SfRecord & { ContentDocumentId?: unknown; LinkedEntityId?: unknown })[])
      if (typeof l.ContentDocumentId === 'string' && typeof l.LinkedEntityId === 'string')
        links.set(l.ContentDocumentId, [...(links.get(l.ContentDocumentId) ?? []), l.LinkedEntityId]);
  const out = [];
  for (const note of notes) {
    const linked = links.get(note.Id) ?? [];
    if (!linked.some((id) => id.startsWith('001') || id.startsWith('006'))) {
      out.push({ note, html: '', linked });
      continue;
    }
    // The note's text: the Content blob (HTML).
    const res = await s.request(
      `/services/data/${API_VERSION}/sobjects/ContentNote/${note.Id}/Content`,
      { headers: { Accept: '*/*' } },
      { text: true },
    );
    out.push({ note, html: typeof res === 'string' ? res : '', linked });
  }
  return out;
}

/**
 * Salesforce page by page from a position; with `since`, only records whose SystemModstamp is
 * later. The last page says how much of the org's daily API limit is used.
 */
async function* salesforcePages(
  opts: SfOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const s = new SfSession(opts);
  const { currency, multi } = await orgCurrency(s);
  for (let step = from.step; step < STEPS.length; step++) {
    const type = STEPS[step]!;
    let position = step === from.step ? from.after : undefined;
    do {
      const page = await s.query(position ?? soql(type, since, multi));
      const out = new PageRecords();
      const { records, keep } = out;
      if (type === 'ContentNote') {
        for (const { note, html, linked } of await contentNotes(s, page.records)) {
          const mapped = linked.map((id) => mapContentNote(note, html, id)).filter(Boolean);
          if (mapped.length) records.notes.push(...(mapped as NonNullable<(typeof mapped)[number]>[]));
          else out.skipped++;
        }
      } else
        for (const r of page.records) {
          if (type === 'Account') keep(records.accounts, mapAccount(r));
          else if (type === 'Contact') keep(records.contacts, mapContact(r));
          else if (type === 'Campaign') keep(records.campaigns, mapCampaign(r, currency));
          else if (type === 'Opportunity') keep(records.deals, mapOpportunity(r, currency));
          else keep(records.notes, mapClassicNote(r));
        }
      position = page.next;
      const next = nextPosition(step, STEPS.length, position);
      if (!next && s.usage) out.warnings.push(usageNote(s.usage));
      yield out.page(next);
    } while (position);
  }
}

const usageNote = (u: ApiUsage) => note('salesforceUsage', u.used, u.limit);

/** A full read (all pages of salesforcePages together). */
export const readSalesforce = (opts: SfOptions): Promise<SourceRead> => readAll(salesforcePages(opts));

/** "Test connection": the sign-in, then one small query per kind read; a refused object is named. */
export async function testSalesforce(opts: SfOptions): Promise<ConnectionCheck[]> {
  const s = new SfSession(quickHttp(opts));
  const checks: ConnectionCheck[] = [];
  try {
    await s.request(`/services/data/${API_VERSION}/limits`);
    checks.push({ what: 'signIn', ok: true, ...(s.usage ? { note: usageNote(s.usage) } : {}) });
  } catch (e) {
    return [failedCheck('signIn', e)];
  }
  const query = (object: string) => () => s.query(`SELECT Id FROM ${object} LIMIT 1`);
  await checkEach(
    checks,
    [
      [{ object: 'Account' }, query('Account')],
      [{ object: 'Contact' }, query('Contact')],
      [{ object: 'Opportunity' }, query('Opportunity')],
      [{ object: 'Campaign' }, query('Campaign'), true],
      [{ object: 'Note' }, query('Note'), true],
      [{ object: 'ContentNote' }, query('ContentNote'), true],
    ],
    // An object the org does not have (400) is named like a refused one, and the rest still tried.
    { goOn: (e) => e instanceof PermissionError || (e instanceof HttpError && e.status === 400) },
  );
  return checks;
}

/**
 * A flag becomes a Task on the account, assigned to the account's owner. Idempotent: the account's
 * Backstory tasks are read first (a task's Description cannot be filtered in SOQL) and one whose
 * Description holds the flag id is the copy a lost answer left.
 */
export async function deliverSalesforceFlag(
  opts: SfOptions,
  flag: Flag,
  accountId: string,
): Promise<{ remoteId: string; created: boolean }> {
  const s = new SfSession(opts);
  const what = idLiteral(accountId);
  for await (const list of queryAll(
    s,
    `SELECT Id, Description FROM Task WHERE WhatId = ${what} AND Subject LIKE 'Backstory flag:%'`,
  )) {
    const found = list.find((t) => typeof t.Description === 'string' && t.Description.includes(flag.id));
    if (found) return { remoteId: found.Id, created: false };
  }
  const account = await s.query(`SELECT Id, OwnerId FROM Account WHERE Id = ${what}`);
  const owner = account.records[0]?.OwnerId;
  const body = {
    Subject: `Backstory flag: ${KIND_WORDS[flag.kind]}`,
    Description: flagText(flag),
    WhatId: accountId,
    ...(typeof owner === 'string' ? { OwnerId: owner } : {}),
    ActivityDate: flag.createdAt.slice(0, 10),
    Priority: flag.urgency === 'high' ? 'High' : 'Normal',
  };
  // The write itself is not retried here: a retry goes through the search above first.
  const created = (await s.request(
    `/services/data/${API_VERSION}/sobjects/Task`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    { retries: 0 },
  )) as { id?: unknown; success?: unknown } | null;
  if (typeof created?.id !== 'string') throw new BadResponseError({ code: 'noCreatedId', args: ['Salesforce'] });
  return { remoteId: created.id, created: true };
}

function options(settings: Values, secrets: Values, http: HttpOptions): SfOptions {
  const loginHost = loginHostOf(settings.loginHost);
  return {
    ...http,
    loginHost,
    consumerKey: (settings.consumerKey ?? '').trim(),
    refreshToken: (secrets.refreshToken ?? '').trim(),
    instanceUrl: settings.instanceUrl ? originOf(settings.instanceUrl) : loginHost,
  };
}

export const salesforceSource: LiveSource = {
  kind: 'salesforce',
  name: 'Salesforce',
  fields: [
    { key: 'loginHost', secret: false, type: 'url', default: SF_LOGIN },
    { key: 'consumerKey', secret: false, type: 'text' },
    { key: 'refreshToken', secret: true, type: 'password', fromSignIn: true },
  ],
  signIn: salesforceSignIn,
  origin: (settings) => (settings.instanceUrl ? originOf(settings.instanceUrl) : loginHostOf(settings.loginHost)),
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    salesforcePages(options(settings, secrets, { ...http, ...testHttp(settings) }), from, since),
  test: (settings, secrets, http = {}) => testSalesforce(options(settings, secrets, http)),
  deliverFlag: (settings, secrets, flag, accountId, http = {}) =>
    deliverSalesforceFlag(options(settings, secrets, http), flag, accountId),
};
