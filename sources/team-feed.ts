/**
 * A team feed: the organisation's data published as files at HTTPS addresses (a Backstory backup,
 * or CSV/JSON exports of accounts, contacts, campaigns, deals and notes, e.g. on SharePoint,
 * OneDrive, an intranet or object storage), so no CRM key has to sit in any browser. Each sync
 * asks with If-None-Match / If-Modified-Since; 304 keeps what is stored. A changed feed is read
 * in full with the same column mapping as a manual import and replaces the source's records as
 * one whole (a full pass: sources/run-sync.ts), so a broken or unreachable feed keeps the last
 * good data and says why.
 *
 * Facts it relies on: HTTP conditional requests (RFC 9110 §13.1.1 If-None-Match, §13.1.3
 * If-Modified-Since; a 304 has no body) and the validators ETag (§8.8.3) and Last-Modified
 * (§8.8.2); If-Modified-Since is sent with the server's own Last-Modified, never our clock.
 */
import { append } from '@/core/append';
import { emptyRecordSet, recordId, type AnyRecord, type RecordSet } from '@/core/model';
import { normalizeCompany } from '@/core/normalize';
import { parseImportFile } from './csv-import';
import { msg, type ImportError, type ImportParse, type Ref } from './import-types';

import { nameKey } from './rows-to-records';
import { isLoopback, SourceError, type HttpOptions } from './http';
import { failedCheck } from './api-client';
import type { ConnectionCheck, LiveSource, SourcePage, Values } from './live-source';

/** Feeds bigger than this are refused (a 100k-account backup is some 60 MB). */
const MAX_FEED_BYTES = 200 * 1024 * 1024;
const TIMEOUT_MS = 25_000;
/** The records' source while parsing; run-sync relabels them with the feed source's id. */
const PARSE_SOURCE = 'feed';

type Validators = Record<string, { etag?: string; lastModified?: string }>;

/** The feed's addresses: one or more, separated by spaces or line breaks, on one origin. */
export function feedUrls(settings: Values): string[] {
  const urls = (settings.feedUrl ?? '').split(/\s+/).filter(Boolean);
  if (!urls.length) throw new SourceError('feedNoAddress');
  const origins = new Set<string>();
  for (const address of urls) {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new SourceError('notWebAddress', [address]);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
      throw new SourceError('feedNotHttps', [address]);
    if (url.username || url.password) throw new SourceError('feedCredentialsInAddress');
    origins.add(url.origin);
  }
  if (origins.size > 1) throw new SourceError('feedOneServer');
  return urls;
}

/** "Bearer abc" is an Authorization header; "X-Api-Key: abc" names its own. */
export function feedHeaders(secrets: Values): Record<string, string> {
  const raw = (secrets.feedHeader ?? '').trim();
  if (!raw) return {};
  const named = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(raw);
  if (named && !/^bearer$/i.test(named[1]!)) return { [named[1]!]: named[2]! };
  return { Authorization: raw };
}

interface Fetched {
  url: string;
  status: 200 | 304;
  bytes?: Uint8Array;
  etag?: string;
  lastModified?: string;
}

async function get(url: string, headers: Record<string, string>, http: HttpOptions = {}): Promise<Fetched> {
  const doFetch = http.fetch ?? fetch;
  const where = (() => {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  })();
  let res: Response;
  try {
    res = await doFetch(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(http.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (e) {
    throw new SourceError('feedUnreachable', [where, e instanceof Error ? e.message : 'network error']);
  }
  if (res.status === 304) return { url, status: 304 };
  if (res.status === 401 || res.status === 403) throw new SourceError('feedRefused', [where, String(res.status)]);
  if (res.status === 404) throw new SourceError('feedMissing', [where]);
  if (!res.ok) throw new SourceError('feedAnswered', [where, String(res.status)]);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) throw new SourceError('feedTooLarge', [where, String(MAX_FEED_BYTES / 2 ** 20)]);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_FEED_BYTES) throw new SourceError('feedTooLarge', [where, String(MAX_FEED_BYTES / 2 ** 20)]);
  return {
    url,
    status: 200,
    bytes,
    ...(res.headers.get('etag') ? { etag: res.headers.get('etag')! } : {}),
    ...(res.headers.get('last-modified') ? { lastModified: res.headers.get('last-modified')! } : {}),
  };
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return decodeURIComponent(last ?? 'feed');
}

/**
 * The feed's files as one record set, all or nothing: any problem in any file throws, naming the
 * file, line and column, and nothing is read in. A backup keeps its records' own ids (in the
 * sourceId, so two sources' "123" stay apart); exports are read like a manual import.
 */
export function parseFeed(files: { name: string; bytes: Uint8Array }[]): RecordSet {
  const set = emptyRecordSet();
  const parses: ImportParse[] = [];
  for (const file of files) {
    const parse = parseImportFile({ fileName: file.name, bytes: file.bytes, source: PARSE_SOURCE });
    if (parse.errorCount) throw feedBroken(parse.errors[0]!, parse.errorCount - 1);
    if (parse.backup) {
      // Ids and references become "feed:<the backup's own id>", as the parse of an export would.
      const ref = (id: string | undefined) => (id === undefined ? {} : { [PARSE_SOURCE]: recordId(PARSE_SOURCE, id) });
      const keep = <T extends AnyRecord>(r: T): T => {
        const x = r as unknown as Record<string, string | undefined>;
        const out: Record<string, unknown> = {
          ...r,
          id: recordId(PARSE_SOURCE, r.id),
          source: PARSE_SOURCE,
          sourceId: r.id,
        };
        for (const key of ['accountId', 'campaignId', 'dealId'])
          if (x[key] !== undefined) out[key] = ref(x[key])[PARSE_SOURCE];
        return out as unknown as T;
      };
      const b = parse.backup.records;
      append(set.accounts, b.accounts.map(keep));
      append(set.contacts, b.contacts.map(keep));
      append(set.campaigns, b.campaigns.map(keep));
      append(set.deals, b.deals.map(keep));
      append(set.notes, b.notes.map(keep));
    } else parses.push(parse);
  }
  resolveWithin(set, parses);
  return set;
}

/**
 * References of exported files, resolved among the feed's own records (a feed is the whole of
 * its data: it never points at what another source holds). Ids first, then names.
 */
function resolveWithin(set: RecordSet, parses: ImportParse[]): void {
  for (const p of parses)
    append(
      set[`${p.kind as 'account'}s`] as AnyRecord[],
      p.records.map((r) => ({ ...r })),
    );
  const byId = new Set([...set.accounts, ...set.deals, ...set.campaigns].map((r) => r.id));
  const names = (list: { id: string; name: string }[], norm: (s: string) => string) => {
    const map = new Map<string, string[]>();
    for (const r of list) map.set(norm(r.name), [...(map.get(norm(r.name)) ?? []), r.id]);
    return map;
  };
  const accountNames = names(set.accounts, normalizeCompany);
  const dealNames = names(set.deals, nameKey);
  const campaignNames = names(set.campaigns, nameKey);
  const find = (
    ref: Ref | undefined,
    byName: Map<string, string[]>,
    norm: (s: string) => string,
    what: 'account' | 'campaign' | 'deal',
    file: string,
    line: number,
  ) => {
    if (!ref) return undefined;
    if (ref.id && byId.has(recordId(PARSE_SOURCE, ref.id))) return recordId(PARSE_SOURCE, ref.id);
    const found = ref.name ? byName.get(norm(ref.name)) : undefined;
    if (found?.length === 1) return found[0];
    const said = ref.id ? msg('withId', JSON.stringify(ref.id)) : msg('named', JSON.stringify(ref.name));
    const ids = (found ?? []).map((id) => id.slice(PARSE_SOURCE.length + 1)).join(', ');
    throw feedBroken({
      file,
      line,
      column: ref.column,
      ...(found?.length
        ? msg('ambiguousRef', String(found.length), msg(what), JSON.stringify(ref.name), ids)
        : msg('noRefInFeed', msg(what), said)),
    });
  };
  for (const p of parses) {
    p.records.forEach((_, i) => {
      const meta = p.rows[i]!;
      const list = set[`${p.kind as 'account'}s`] as AnyRecord[];
      const record = list[list.length - p.records.length + i] as unknown as Record<string, unknown>;
      if (meta.account)
        record.accountId = find(meta.account, accountNames, normalizeCompany, 'account', p.file, meta.line);
      if (meta.campaign) record.campaignId = find(meta.campaign, campaignNames, nameKey, 'campaign', p.file, meta.line);
      if (meta.deal) record.dealId = find(meta.deal, dealNames, nameKey, 'deal', p.file, meta.line);
    });
  }
}

/** A broken feed, nothing read: its first problem (file, line, column) and how many more there are. */
function feedBroken(first: ImportError, more = 0): SourceError {
  return more > 0
    ? new SourceError('feedBrokenMore', [first.code, String(more)], { importError: first })
    : new SourceError('feedBroken', [first.code], { importError: first });
}

/** When the feed last changed: the newest Last-Modified, else now (a new ETag without a date). */
function changedAt(fetched: Fetched[], now: Date): string {
  const dates = fetched.map((f) => Date.parse(f.lastModified ?? '')).filter((d) => !Number.isNaN(d));
  return new Date(dates.length ? Math.max(...dates) : now.getTime()).toISOString();
}

export const teamFeedSource: LiveSource = {
  kind: 'feed',
  name: 'Team feed',
  fields: [
    { key: 'feedUrl', secret: false, type: 'url' },
    { key: 'feedHeader', secret: true, type: 'password', optional: true },
  ],
  origin: (settings) => new URL(feedUrls(settings)[0]!).origin,
  // Every read is the whole feed (or a 304): deletions in the feed apply at once.
  incremental: false,
  async *pages(settings, secrets, _from, _since, http, known): AsyncGenerator<SourcePage> {
    const urls = feedUrls(settings);
    const headers = feedHeaders(secrets);
    let before: Validators = {};
    try {
      before = known ? (JSON.parse(known) as Validators) : {};
    } catch {
      before = {};
    }
    const conditional = (url: string) => {
      const v = before[url];
      return {
        ...headers,
        ...(v?.etag ? { 'If-None-Match': v.etag } : {}),
        ...(v?.lastModified ? { 'If-Modified-Since': v.lastModified } : {}),
      };
    };
    let fetched = await Promise.all(urls.map((url) => get(url, conditional(url), http)));
    const version = (list: Fetched[]) =>
      JSON.stringify(
        Object.fromEntries(
          list.map((f) => [f.url, f.status === 304 ? before[f.url] : { etag: f.etag, lastModified: f.lastModified }]),
        ),
      );
    if (fetched.every((f) => f.status === 304)) {
      yield {
        records: emptyRecordSet(),
        skipped: 0,
        warnings: [],
        next: null,
        unchanged: true,
        version: version(fetched),
      };
      return;
    }
    // One file changed: the others are read again too, since the feed is imported as a whole.
    fetched = await Promise.all(fetched.map((f) => (f.status === 200 ? f : get(f.url, headers, http))));
    const records = parseFeed(fetched.map((f) => ({ name: fileName(f.url), bytes: f.bytes! })));
    yield {
      records,
      skipped: 0,
      warnings: [],
      next: null,
      version: version(fetched),
      changedAt: changedAt(fetched, new Date()),
    };
  },
  async test(settings, secrets, http): Promise<ConnectionCheck[]> {
    const checks: ConnectionCheck[] = [];
    for (const url of feedUrls(settings)) {
      const name = fileName(url);
      try {
        const f = await get(url, feedHeaders(secrets), http);
        // Each file on its own: references to another file of the feed are settled by the sync.
        const parse = parseImportFile({ fileName: fileName(url), bytes: f.bytes!, source: PARSE_SOURCE });
        checks.push(
          parse.errorCount
            ? failedCheck('file', feedBroken(parse.errors[0]!, parse.errorCount - 1), false, { name })
            : { what: 'file', name, ok: true },
        );
      } catch (e) {
        checks.push(failedCheck('file', e, false, { name }));
      }
    }
    return checks;
  },
};
