/**
 * The contract of a live data source (a CRM or PSA read over its API). One file per source
 * implements it (sources/hubspot.ts, sources/connectwise.ts) and sources/live-source-registry.ts
 * lists them; the options form, the sync and "Test connection" work from this description alone.
 */
import type { RecordSet } from '@/core/model';
import type { Flag } from '@/core/flags';
import type { CheckPart, SourceNote } from '@/core/source-notes';
import { isLoopback, SourceError, type ErrorDetail, type HttpOptions } from './http';

interface SourceField {
  key: string;
  /** Kept encrypted (storage/secrets.ts) and never shown again; otherwise a plain setting. */
  secret: boolean;
  type: 'text' | 'url' | 'password';
  default?: string;
  /** May be left empty. */
  optional?: boolean;
  /** Filled by the source's sign-in (`LiveSource.signIn`), never typed: the form does not show it. */
  fromSignIn?: boolean;
}

/**
 * A sign-in in the browser (OAuth 2.0 authorization code with PKCE, through the browser's
 * identity API) that fills the source's `fromSignIn` fields. The options form shows a sign-in
 * button for a source that has one; no client secret is involved.
 */
export interface SourceSignIn {
  /** Origins the sign-in and the API talk to (asked for in the click, before the sign-in window). */
  origins(settings: Values): string[];
  /** The vendor's sign-in page. */
  authorizeUrl(settings: Values, p: { redirectUri: string; challenge: string; state: string }): string;
  /** The code the sign-in page handed back -> the secrets to keep (encrypted) and settings learnt. */
  exchange(
    settings: Values,
    p: { code: string; verifier: string; redirectUri: string },
    http?: HttpOptions,
  ): Promise<{ secrets: Values; settings: Values }>;
}

export interface ConnectionCheck {
  /** What was tried, as a code the page words: "owners", "signIn"... (core/source-notes.ts). */
  what: CheckPart;
  /** For `file` and `object`: its name (a feed's file, a Salesforce object), shown as it is. */
  name?: string;
  ok: boolean;
  /** What went wrong, as plain text for logs (never the key); the page words `error`. */
  message?: string;
  /** What a check that worked has to say (the request limit's use), worded by the page. */
  note?: SourceNote;
  /** The same as a code and its arguments, for the page to word in the user's language. */
  error?: ErrorDetail;
  /** The source syncs without this (e.g. campaigns): failing it is a gap, not a broken connection. */
  optional?: boolean;
}

export interface SourceRead {
  records: RecordSet;
  /** Records that could not be used (no name, no company). */
  skipped: number;
  /** Parts left out and the like, as codes the page words (core/source-notes.ts). */
  warnings: SourceNote[];
}

export type Values = Record<string, string>;

/** Where a read stands: which step (object type, in the source's own order) and its paging token. */
export interface ReadPosition {
  step: number;
  after?: string;
}

/** One page of a read, and where the next one starts (null: the read is complete). */
export interface SourcePage {
  records: RecordSet;
  skipped: number;
  warnings: SourceNote[];
  next: ReadPosition | null;
  /**
   * Nothing changed since the read that left `known` (a feed answering 304 Not Modified): the
   * pass ends here and the stored data stays as it is, even on a full pass.
   */
  unchanged?: boolean;
  /** A token of what was read (a feed's ETag and Last-Modified), handed back as `known` next time. */
  version?: string;
  /** When the source's content last changed, as the source says (ISO date-time). */
  changedAt?: string;
}

/** What a flag's delivery knows from earlier attempts, and how it keeps what it writes. */
export interface FlagDelivery {
  /** The id of what an earlier attempt wrote, if its answer arrived. */
  remoteId?: string;
  /** Keep the id of what was just written with the flag, so a retry looks it up by id. */
  remember?: (remoteId: string) => Promise<void>;
}

export interface LiveSource {
  kind: string;
  /** The product's name ("HubSpot"). */
  name: string;
  fields: SourceField[];
  /** Keys come from a sign-in in the browser rather than being typed. */
  signIn?: SourceSignIn;
  /** The origin to ask host permission for; throws an Error saying what is wrong with the values. */
  origin(settings: Values): string;
  /** Whether `pages` can read only what changed since a time (else every pass is a full one). */
  incremental: boolean;
  /**
   * Read page by page from `from`; with `since`, only records modified since then. The caller
   * stores each page with its `next` position, so a read cut off anywhere resumes there.
   * `known`: the `version` the last complete read gave (sources that read conditionally).
   */
  pages(
    settings: Values,
    secrets: Values,
    from: ReadPosition,
    since: string | undefined,
    http?: HttpOptions,
    known?: string,
  ): AsyncGenerator<SourcePage>;
  test(settings: Values, secrets: Values, http?: HttpOptions): Promise<ConnectionCheck[]>;
  /**
   * Write a technician's flag to the account in this source (sources that take writes only).
   * Must be idempotent by `flag.id`: look up what an earlier attempt wrote (by the remembered id,
   * then by the flag id), then write, and hand the new id to `remember` before anything else.
   */
  deliverFlag?(
    settings: Values,
    secrets: Values,
    flag: Flag,
    accountSourceId: string,
    http?: HttpOptions,
    delivery?: FlagDelivery,
  ): Promise<{ remoteId: string; created: boolean }>;
}

/**
 * An https address's origin, or a clear error. Plain http only on this machine's loopback (a
 * local test server): elsewhere the source's key and its sales data would cross the network
 * unencrypted.
 */
export function originOf(address: string | undefined): string {
  let url: URL;
  try {
    url = new URL((address ?? '').trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw new SourceError('notWebAddress', [address ?? '']);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) throw new SourceError('sourceNotHttps', [url.origin]);
  return url.origin;
}
