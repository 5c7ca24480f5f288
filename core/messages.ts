import * as z from 'zod/mini';
import { FLAG_KINDS, URGENCIES, type Flag } from './flags';
import type { SearchHit } from './search/types';
import type { SourceStatus } from './source-status';
import { PANEL_PORT, SIDEBAR_PORT } from './story-port';
import type { ImportOutcome, ImportSummary } from './import-message';
import { LOCATOR_MAX } from './recipe';
import { TICKET_URL_MAX } from './ticket-url';

/**
 * Every runtime message Backstory sends, with its schema and the sender kinds allowed to send it.
 * The background router refuses anything that does not parse or comes from the wrong kind of
 * sender. Content scripts can only report the ticket on screen: they never receive sales data.
 */

const short = (max: number) => z.string().check(z.maxLength(max));

/** The most characters of a ticket page's visible text read (services/page-text.ts). */
export const TICKET_TEXT_MAX = 100_000;

const ticketRefSchema = z.object({
  helpdesk: short(40).check(z.regex(/^[a-z0-9-]+$/)),
  ticketId: z.optional(short(64)),
  url: short(TICKET_URL_MAX),
  company: z.optional(short(200)),
  contactName: z.optional(short(200)),
  contactEmail: z.optional(short(254)),
  ticketType: z.optional(short(60)),
  openedAt: z.optional(short(40).check(z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/))),
  emails: z.array(short(254)).check(z.maxLength(50)),
  missing: z.array(short(40)).check(z.maxLength(20)),
  conflict: z.optional(z.array(short(40)).check(z.maxLength(10))),
  tooLarge: z.optional(z.boolean()),
  urlTicketId: z.optional(short(64)),
  readBy: z.optional(z.literal('recipe')),
});

/** `panel`: the side panel page (sidepanel.html) in the browser's own side panel, in no tab. */
export type SenderKind = 'content' | 'sidebar' | 'panel' | 'extension-page';

/**
 * A page's id, made by its content script (a random UUID), given to the sidebar frame it opens
 * (in the frame's URL) and sent with its ticket reports: the background tells that frame only a
 * ticket its own page reported, never the one its tab showed before (a frame opens while the
 * page is still being parsed, before its ticket is read).
 */
const pageId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

/**
 * The long-lived connection (runtime.connect) over which the background pushes the story of the
 * ticket in the sidebar's tab, at once and whenever that ticket, the data or the pins change.
 * The port's name says which page's sidebar it is (`backstory:sidebar:<page id>`); everything
 * else the background takes from the port's sender (its tab), never from the page. This says
 * which sidebar a port's name names, or undefined when the name is not a sidebar's.
 */
export function parsePortName(
  name: string,
): { role: 'sidebar'; page: string } | { role: 'panel'; windowId: number } | undefined {
  if (name.startsWith(PANEL_PORT)) {
    const id = name.slice(PANEL_PORT.length);
    return /^\d{1,10}$/.test(id) ? { role: 'panel', windowId: Number(id) } : undefined;
  }
  if (!name.startsWith(SIDEBAR_PORT)) return undefined;
  const page = pageId.safeParse(name.slice(SIDEBAR_PORT.length));
  return page.success ? { role: 'sidebar', page: page.data } : undefined;
}

/**
 * What a side panel shows, sent with its pin and flag: the tab and ticket it was pushed (the
 * background's own push, never the panel's choice). The background acts only while that tab is
 * still the active tab of a window whose panel shows it, and still shows that ticket.
 */
const shownSchema = z.object({
  tabId: z.number().check(z.int(), z.gte(0)),
  ticket: short(2200),
});
export type Shown = z.infer<typeof shownSchema>;

/**
 * The background's refusal of a side panel's flag or search whose tab is no longer the one it
 * shows (a code, not words: the panel words it in the user's language, entrypoints/sidepanel/asks.ts).
 * A pin's refusal is its reply's own `moved`.
 */
export const PANEL_MOVED = 'panel:moved';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** An account the sidebar's search found, to pin. */
export type AccountHit = Pick<SearchHit, 'title' | 'subtitle'> & { accountId: string };

/** Why a pin was refused, worded by the sidebar. */
/** `moved`: the side panel's tab is no longer its window's active tab, or shows another ticket now. */
type PinRefusal = 'noTicket' | 'noAccount' | 'noKey' | 'moved';
export type PinOutcome = { ok: boolean; error?: PinRefusal };

/**
 * A message's reply type, beside its schema: `reply: replyOf<T>()`. A type only (the value is
 * never read), so the router and every caller share it: the router must answer with it, a caller
 * gets it (messaging/ask-background.ts).
 */
const replyOf = <T>() => undefined as unknown as T;

export const messageSchemas = {
  /**
   * Content script: the ticket now on screen in this tab (null: not a ticket page). No customer
   * text is sent: the background reads the ticket's subject and first message from the tab, and
   * its visible text only when the fields match nothing (services/page-text.ts).
   */
  'ticket:update': {
    from: ['content'] as SenderKind[],
    schema: z.object({
      type: z.literal('ticket:update'),
      ref: z.nullable(ticketRefSchema),
      // The page the report is from (see pageId): the sidebar frame it opened is told only its ticket.
      page: z.optional(pageId),
    }),
    reply: replyOf<Reply<null>>(),
  },
  /** Sidebar iframe: accounts matching a query, to pin one to the ticket's company. */
  'sidebar:find': {
    from: ['sidebar', 'panel'] as SenderKind[],
    schema: z.object({ type: z.literal('sidebar:find'), query: short(200), shown: z.optional(shownSchema) }),
    reply: replyOf<Reply<AccountHit[]>>(),
  },
  /** Options page: sync this data source now (the background runs it, so closing the page is fine). */
  'source:sync': {
    from: ['extension-page'] as SenderKind[],
    // askedAt: when the user asked (ms), the same on every retry of the request; see syncSource.
    schema: z.object({
      type: z.literal('source:sync'),
      id: short(100),
      askedAt: z.optional(z.number().check(z.gte(0))),
    }),
    reply: replyOf<Reply<SourceStatus>>(),
  },
  /** Sidebar iframe: flag the ticket in my tab for sales (its account and ticket come from the background's own record). */
  'sidebar:flag': {
    from: ['sidebar', 'panel'] as SenderKind[],
    schema: z.object({
      type: z.literal('sidebar:flag'),
      // From the side panel: the tab and ticket it shows (checked; see shownSchema).
      shown: z.optional(shownSchema),
      // The draft's id, made by the sidebar: asked again after a lost answer, the same flag.
      draftId: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
      kind: z.enum(FLAG_KINDS),
      note: z.string().check(z.minLength(1), z.maxLength(2000)),
      value: z.optional(z.number().check(z.gte(0), z.lte(1e10))),
      urgency: z.enum(URGENCIES),
    }),
    reply: replyOf<Reply<Flag>>(),
  },
  /** Options page: try delivering waiting flags now, ignoring their backoff. */
  'flags:deliver': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('flags:deliver') }),
    // How many flags were delivered.
    reply: replyOf<Reply<number>>(),
  },
  /** Options page: the user says the mailed flags went out (the background writes flags too). */
  'flags:handedOver': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('flags:handedOver'), ids: z.array(short(100)).check(z.maxLength(10_000)) }),
    // How many flags were marked.
    reply: replyOf<Reply<number>>(),
  },
  /**
   * Options page: commit the parsed files it handed over in the importStages table. The
   * background is the only writer of sales data (services/data-writes.ts); it reports progress
   * with IMPORT_PROGRESS.
   */
  'data:import': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({
      type: z.literal('data:import'),
      stageId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
    }),
    reply: replyOf<Reply<ImportOutcome>>(),
  },
  /** Options page: make the built-in sample data the content of source "sample". */
  'data:sample': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('data:sample') }),
    reply: replyOf<Reply<ImportSummary>>(),
  },
  /** Options page: clear every sales record, pin and saved index. */
  'data:clear': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('data:clear') }),
    reply: replyOf<Reply<null>>(),
  },
  /** Options page: remove a live source with its records, cursor, keys and status. */
  'source:remove': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('source:remove'), id: short(100) }),
    reply: replyOf<Reply<null>>(),
  },
  /** Options page: forget every counted ticket (services/ticket-views.ts; the background writes them). */
  'insights:forget': {
    from: ['extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('insights:forget') }),
    reply: replyOf<Reply<null>>(),
  },
  /** Sidebar iframe: remember this account for the ticket in my tab. */
  'sidebar:pin': {
    from: ['sidebar', 'panel'] as SenderKind[],
    schema: z.object({ type: z.literal('sidebar:pin'), accountId: short(300), shown: z.optional(shownSchema) }),
    reply: replyOf<Reply<PinOutcome>>(),
  },
  // "Show me where" (core/recipe.ts, adapters/recipe.ts).
  /** Sidebar or popup: let the technician show where this tab's page (the popup: the active tab's) is read. */
  'recipe:start': {
    from: ['sidebar', 'extension-page'] as SenderKind[],
    schema: z.object({ type: z.literal('recipe:start') }),
    reply: replyOf<Reply<null>>(),
  },
  /** Content script: the recipe the technician showed on this page, for this page's own site only. */
  'recipe:save': {
    from: ['content'] as SenderKind[],
    schema: z.object({
      type: z.literal('recipe:save'),
      recipe: z.object({
        company: z.optional(short(LOCATOR_MAX)),
        contactEmail: z.optional(short(LOCATOR_MAX)),
        ticketId: z.optional(short(LOCATOR_MAX)),
      }),
    }),
    reply: replyOf<Reply<null>>(),
  },
} as const;

export type MessageType = keyof typeof messageSchemas;
export type Message<T extends MessageType = MessageType> = z.infer<(typeof messageSchemas)[T]['schema']>;
/** A message as a sender writes it (optional fields may be left out). */
export type Request<T extends MessageType = MessageType> = z.input<(typeof messageSchemas)[T]['schema']>;
/** The value of a successful reply to a message of type T. */
export type ReplyValue<T extends MessageType> = (typeof messageSchemas)[T]['reply'] extends Reply<infer V> ? V : never;
/** What the background answers a message of type T. */
export type ReplyTo<T extends MessageType> = Reply<ReplyValue<T>>;

/**
 * Sent by the background to the extension's pages while it commits an import: how far it is.
 * Counts only; the router does not accept it.
 */
export const IMPORT_PROGRESS = 'import:progress';

/** Parse an unknown payload into a known message, or undefined. Never throws. */
export function parseMessage(payload: unknown): Message | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const type = (payload as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) return undefined;
  const result = messageSchemas[type as MessageType].schema.safeParse(payload);
  return result.success ? (result.data as Message) : undefined;
}
