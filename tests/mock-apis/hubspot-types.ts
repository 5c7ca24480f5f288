/**
 * The mock HubSpot API's data, switches and handle (tests/mock-apis/hubspot-server.ts starts it),
 * and what each area's answers get from the server (HubSpotRequest).
 */
import type { IncomingMessage } from 'node:http';

export interface HsRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Associated object ids by type ("companies", "deals"). */
  associations?: Record<string, string[]>;
  /** hs_lastmodifieddate (ISO); 2026-11-20 when not given. */
  modified?: string;
}

export interface HsOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Deactivated: listed only with archived=true. */
  archived?: boolean;
}

export interface HsStage {
  id: string;
  label: string;
  /** HubSpot's deal stage metadata: isClosed "true"/"false", probability "0.0".."1.0". */
  metadata: { isClosed: string; probability: string };
}

export interface HsPipeline {
  id: string;
  label: string;
  stages: HsStage[];
}

export interface MockHubSpotData {
  companies: HsRecord[];
  contacts: HsRecord[];
  deals: HsRecord[];
  notes: HsRecord[];
  owners: HsOwner[];
  /** Deal pipelines (the default one unless a test adds more). */
  pipelines?: HsPipeline[];
  /** Marketing campaigns (none unless a test adds them: most accounts have no Marketing Hub). */
  campaigns?: HsRecord[];
}

export interface Switches {
  /** Answer this status to the next `times` requests (default: every request while set). */
  status?: number;
  times?: number;
  /** Only requests whose path starts with this get the status (e.g. "/crm/v3/objects/contacts"). */
  onlyPath?: string;
  /** Retry-After header sent with a 429 ("2" or an HTTP date). */
  retryAfter?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Never answer (requests on `onlyPath`, when set): the client's timeout has to end them. */
  hang?: boolean;
  /**
   * Carry out this one request ("POST /crm/v3/objects/notes", method and exact path) but never
   * answer it: the connection was cut after HubSpot acted, so the client cannot know it did.
   */
  lostAnswerTo?: string;
}

export interface MockHubSpot {
  url: string;
  token: string;
  data: MockHubSpotData;
  switches: Switches;
  /** Every request seen: method, path with query, and whether its token was accepted. */
  requests: { method: string; path: string; authorized: boolean }[];
  /** Notes created through the API (flags delivered), in order. */
  writes: { id: string; properties: Record<string, string | null>; companies: string[] }[];
  /** Paths the token lacks the scope for (403 MISSING_SCOPES), e.g. "/marketing/v3/campaigns". */
  forbidden: Set<string>;
  /** How deep one search may page (HubSpot: 10,000); deeper asks answer 400 as HubSpot does. */
  searchCap: number;
  /** While on, notes written are not found by search until indexNotes(). */
  searchLag: boolean;
  /** Make every note written so far findable by search. */
  indexNotes(): void;
  /** Associations per object in one batch-read answer. */
  associationPage: number;
  /** Keep every request's body and answer in `exchanges` (off: benchmarks make many). */
  record: boolean;
  /** Every request's body and every answer, in order, while `record` is on (for the contract test). */
  exchanges: { method: string; path: string; body?: unknown; status: number; answer: unknown }[];
  /** Replace the accepted token (the old one is then "revoked"). */
  setToken(token: string): void;
  /**
   * Hold every request from now on, unanswered and not yet seen (not in `requests`), until the
   * returned function is called: then each is handled as it would have been, except one whose
   * sender gave up meanwhile (its connection closed): that one never reached HubSpot.
   */
  hold(): () => void;
  close(): Promise<void>;
}

/** One request as the server hands it to an area's answers (auth, switches and scopes already checked). */
export interface HubSpotRequest {
  req: IncomingMessage;
  url: URL;
  body: string;
  mock: MockHubSpot;
  /** Notes written while searchLag was on, not yet found by search. */
  unindexed: Set<string>;
  /** Answers the request (JSON, or the text given); true, so that an area can `return send(...)`. */
  send: (status: number, body: unknown, headers?: Record<string, string>) => true;
  notFound: (message: string) => true;
}
