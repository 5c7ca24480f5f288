/**
 * HaloPSA's sales side (its CRM module) as a data source: clients with their CRM notes, users
 * (the clients' contacts), and opportunities with their actions. What each request relies on, and
 * where that comes from, is in tests/mock-apis/halopsa-contract.ts; the mock refuses what breaks it.
 *
 * Sign-in: an API application's client ID and secret, client-credentials grant, form-encoded POST
 * to {instance}/auth/token (with ?tenant= on hosted instances), scope "all" or narrower read
 * scopes; every API request then sends `Authorization: Bearer <access_token>` to {instance}/api.
 * A token that expires mid-sync is fetched again once.
 *
 * Paging: `pageinate=true&page_size=100&page_no=N` (100 is the documented maximum for
 * opportunities); lists answer { record_count, clients | users | tickets: [...] }.
 *
 * Incremental passes: opportunities take `lastupdatefromdate`, so a pass reads only those changed
 * since (and their actions). Clients and users have no such filter in Halo's API description, so
 * every pass reads them all (a page of 100 a request). CRM notes are listed per client only
 * (`/CRMNote?client_id=`, no paging): a full pass asks every client for its notes, one request
 * each; notes written since wait for the daily full pass (run-sync.ts).
 */
import { flagText, KIND_WORDS, type Flag } from '@/core/flags';
import { note } from '@/core/source-notes';
import {
  AuthError,
  SourceError,
  BadResponseError,
  PermissionError,
  RateLimiter,
  requestJson,
  type HttpOptions,
} from './http';
import {
  bearer,
  checkEach,
  failedCheck,
  nextPosition,
  PageRecords,
  quickHttp,
  refusalAs,
  unlessForbidden,
  withTokenRenewedOnce,
} from './api-client';
import { testHttp } from './test-http';
import {
  originOf,
  type ConnectionCheck,
  type LiveSource,
  type ReadPosition,
  type SourcePage,
  type Values,
} from './live-source';
import {
  isHaloObject,
  mapAction,
  mapClient,
  mapCrmNote,
  mapOpportunity,
  mapUser,
  type HaloObject,
} from './halopsa-map';

const PAGE_SIZE = 100;

export interface HaloOptions extends HttpOptions {
  /** The instance's address: https://acme.halopsa.com or an on-premises server. */
  instance: string;
  /** Hosted instances: the tenant name (Configuration › Integrations › Halo API). */
  tenant?: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** A client custom field holding how the client heard of the MSP (its name or label). */
  sourceField?: string;
}

/** An access token, fetched again once when the API says it expired. */
class Session {
  private token: Promise<string> | undefined;
  constructor(readonly o: HaloOptions) {}

  private async fetchToken(): Promise<string> {
    const url = new URL('/auth/token', this.o.instance);
    if (this.o.tenant) url.searchParams.set('tenant', this.o.tenant);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.o.clientId,
      client_secret: this.o.clientSecret,
      scope: this.o.scope || 'all',
    });
    const answer = await refusalAs(
      requestJson(
        url.href,
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() },
        this.o,
      ),
      // OAuth's refusal is a 400 or 401 with { error: "invalid_client" | "invalid_scope" | ... }.
      [400, 401],
      (e) =>
        new AuthError(
          { code: this.o.tenant ? 'haloSignInRefusedTenant' : 'haloSignInRefused', args: [String(e.status)] },
          e.status,
          e.url,
        ),
    );
    const token = (answer as { access_token?: unknown } | null)?.access_token;
    if (typeof token !== 'string' || !token) throw new BadResponseError({ code: 'haloNoToken', args: [url.host] });
    return token;
  }

  /** Sign in now (the connection test's first step). */
  async signIn(): Promise<void> {
    this.token = undefined;
    await this.signedIn();
  }

  /** The access token, fetched when there is none (a failed fetch is not kept). */
  private signedIn(): Promise<string> {
    this.token ??= this.fetchToken().catch((e: unknown) => {
      this.token = undefined;
      throw e;
    });
    return this.token;
  }

  /** GET or POST under /api, as JSON. */
  async request(
    path: string,
    params: Record<string, string | number | boolean> = {},
    post?: unknown,
  ): Promise<unknown> {
    const url = new URL(`/api${path}`, this.o.instance);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
    // An expired token: one new one, then the request again.
    return withTokenRenewedOnce(
      () => this.signedIn(),
      () => (this.token = undefined),
      (token) => {
        const init: RequestInit = {
          method: post === undefined ? 'GET' : 'POST',
          headers: {
            ...bearer(token),
            Accept: 'application/json',
            ...(post === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(post === undefined ? {} : { body: JSON.stringify(post) }),
        };
        return requestJson(url.href, init, post === undefined ? this.o : { ...this.o, retries: 0 });
      },
    );
  }
}

/** The records of a list answer: { record_count, <key>: [...] }, or a bare list. */
function listOf(answer: unknown, key: string, where: string): { items: HaloObject[]; total?: number } {
  const list = Array.isArray(answer) ? answer : (answer as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new BadResponseError({ code: 'badAnswer', args: [`HaloPSA ${where}`] });
  const total = (answer as { record_count?: unknown } | null)?.record_count;
  return { items: list.filter(isHaloObject), ...(typeof total === 'number' ? { total } : {}) };
}

const paged = (page: number, size = PAGE_SIZE) => ({ pageinate: true, page_size: size, page_no: page });

/** Agent names by id, for notes' authors (one request; empty when the application may not read agents). */
async function agentNames(s: Session): Promise<Map<number, string>> {
  const answer = await unlessForbidden(s.request('/Agent'), undefined);
  if (answer === undefined) return new Map();
  const { items } = listOf(answer, 'agents', '/Agent');
  return new Map(items.filter((a) => typeof a.name === 'string').map((a) => [a.id, a.name as string]));
}

/** The order of a read; a read position's step indexes it. */
const STEPS = ['/Client', '/Users', '/Opportunities'] as const;
const KEYS: Record<(typeof STEPS)[number], string> = {
  '/Client': 'clients',
  '/Users': 'users',
  '/Opportunities': 'tickets',
};

/** HaloPSA page by page from a position; with `since`, only opportunities changed since then. */
export async function* haloPages(
  opts: HaloOptions,
  from: ReadPosition = { step: 0 },
  since?: string,
): AsyncGenerator<SourcePage> {
  const s = new Session({ ...opts, limiter: opts.limiter ?? new RateLimiter(20, 5_000) });
  const agents = await agentNames(s);
  let crmNotes = !since;
  for (let step = from.step; step < STEPS.length; step++) {
    const path = STEPS[step]!;
    for (let page = step === from.step && from.after ? Number(from.after) : 1; ; page++) {
      const out = new PageRecords();
      const { records, keep, warnings } = out;
      const params: Record<string, string | number | boolean> = { ...paged(page) };
      if (path === '/Opportunities' && since) params.lastupdatefromdate = since;
      const { items, total } = listOf(await s.request(path, params), KEYS[path], path);
      if (path === '/Client') {
        for (const c of items) {
          const account = mapClient(c, opts.sourceField);
          keep(records.accounts, account);
          if (!account || !crmNotes) continue;
          try {
            const notes = listOf(await s.request('/CRMNote', { client_id: c.id }), 'notes', '/CRMNote');
            notes.items.forEach((n) => keep(records.notes, mapCrmNote(n, agents)));
          } catch (e) {
            if (!(e instanceof PermissionError)) throw e;
            crmNotes = false;
            warnings.push(note('haloNotesLeftOut', '/CRMNote'));
          }
        }
      } else if (path === '/Users') items.forEach((u) => keep(records.contacts, mapUser(u)));
      else {
        for (const o of items) {
          const deal = mapOpportunity(o);
          keep(records.deals, deal);
          if (!deal) continue;
          const actions = listOf(
            await s.request('/Actions', { ticket_id: o.id, excludesys: true }),
            'actions',
            '/Actions',
          );
          actions.items.forEach((a) => keep(records.notes, mapAction(a, o.id, agents)));
        }
      }
      const more = total !== undefined ? page * PAGE_SIZE < total : items.length >= PAGE_SIZE;
      yield out.page(nextPosition(step, STEPS.length, more ? String(page + 1) : undefined));
      if (!more) break;
    }
  }
}

/** Sign-in, then one small request per kind read; a missing permission is named. */
export async function testHalo(opts: HaloOptions): Promise<ConnectionCheck[]> {
  const s = new Session(quickHttp(opts));
  try {
    await s.signIn();
  } catch (e) {
    return [failedCheck('signIn', e)];
  }
  const checks: ConnectionCheck[] = [{ what: 'signIn', ok: true }];
  const list = (path: string, key: string) => async () =>
    listOf(await s.request(path, path === '/CRMNote' ? { count: 1 } : paged(1, 1)), key, path);
  await checkEach(checks, [
    ['clients', list('/Client', 'clients')],
    ['contacts', list('/Users', 'users')],
    ['opportunities', list('/Opportunities', 'tickets')],
    ['crmNotes', list('/CRMNote', 'notes'), true],
  ]);
  return checks;
}

/**
 * A flag becomes an opportunity on the client, assigned to the client's account manager, with the
 * flag's text as its details; or, when the source says so, a CRM note on the client. Idempotent:
 * what holds the flag id is looked for first.
 */
export async function deliverHaloFlag(
  opts: HaloOptions & { flagsAs?: string },
  flag: Flag,
  clientSourceId: string,
): Promise<{ remoteId: string; created: boolean }> {
  const clientId = Number(clientSourceId.replace(/^client-/, ''));
  if (!Number.isInteger(clientId) || clientId <= 0) throw new SourceError('haloNoClient', [clientSourceId]);
  const as = (opts.flagsAs || 'opportunity').trim().toLowerCase();
  if (as !== 'opportunity' && as !== 'note') throw new SourceError('haloFlagsAs', [opts.flagsAs ?? '']);
  const s = new Session(opts);
  const text = flagText(flag);
  const subject = `${KIND_WORDS[flag.kind]}: ${flag.note}`.replace(/\s+/g, ' ').slice(0, 100);
  if (as === 'note') {
    const { items } = listOf(await s.request('/CRMNote', { client_id: clientId }), 'notes', '/CRMNote');
    const found = items.find((n) => typeof n.note === 'string' && n.note.includes(flag.id));
    if (found) return { remoteId: String(found.id), created: false };
    const created = await s.request('/CRMNote', {}, [{ client_id: clientId, note: text, detail: subject }]);
    return { remoteId: createdId(created), created: true };
  }
  const search = listOf(
    await s.request('/Opportunities', { client_id: clientId, search_details: flag.id, ...paged(1, 1) }),
    'tickets',
    '/Opportunities',
  );
  if (search.items[0]) return { remoteId: String(search.items[0].id), created: false };
  const client = await s.request(`/Client/${clientId}`);
  const manager = (client as { accountmanagertech?: unknown } | null)?.accountmanagertech;
  const created = await s.request('/Opportunities', {}, [
    {
      summary: subject,
      details: text,
      client_id: clientId,
      ...(Number.isInteger(manager) && (manager as number) > 0 ? { agent_id: manager } : {}),
    },
  ]);
  return { remoteId: createdId(created), created: true };
}

/** Halo answers a POST of one record with that record (or a list of it). */
function createdId(answer: unknown): string {
  const record = Array.isArray(answer) ? answer[0] : answer;
  if (!isHaloObject(record)) throw new BadResponseError({ code: 'noCreatedId', args: ['HaloPSA'] });
  return String(record.id);
}

function options(settings: Values, secrets: Values, http: HttpOptions): HaloOptions {
  return {
    ...http,
    instance: originOf(settings.instance),
    tenant: settings.tenant?.trim() || undefined,
    scope: settings.scope?.trim() || 'all',
    sourceField: settings.sourceField?.trim() || undefined,
    clientId: (settings.clientId ?? '').trim(),
    clientSecret: (secrets.clientSecret ?? '').trim(),
  };
}

export const halopsaSource: LiveSource = {
  kind: 'halopsa',
  name: 'HaloPSA',
  fields: [
    { key: 'instance', secret: false, type: 'url' },
    { key: 'tenant', secret: false, type: 'text', optional: true },
    { key: 'clientId', secret: false, type: 'text' },
    { key: 'clientSecret', secret: true, type: 'password' },
    { key: 'scope', secret: false, type: 'text', default: 'all' },
    { key: 'sourceField', secret: false, type: 'text', optional: true },
    { key: 'flagsAs', secret: false, type: 'text', default: 'opportunity' },
  ],
  origin: (settings) => originOf(settings.instance),
  incremental: true,
  pages: (settings, secrets, from, since, http = {}) =>
    haloPages(options(settings, secrets, { ...http, ...testHttp(settings) }), from, since),
  test: (settings, secrets, http = {}) => testHalo(options(settings, secrets, http)),
  deliverFlag: (settings, secrets, flag, clientSourceId, http = {}) =>
    deliverHaloFlag({ ...options(settings, secrets, http), flagsAs: settings.flagsAs }, flag, clientSourceId),
};
