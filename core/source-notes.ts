/**
 * What a data source's sync or "Test connection" tells the user besides its errors (those are
 * core/sync-errors.ts): parts left out, the request limit's use, a sync's counts, what each check
 * tried. All of it data, worded only by the pages (i18n/source-text.ts, locales sourceText.*), so
 * no English sentence is written under sources/.
 */
import type { RecordKind } from './model';

/**
 * A note's code; its words are locales sourceText.note.<code>, with the arguments as $1, $2...
 * (arguments are not words: scopes, paths, numbers).
 */
export const NOTE_CODES = [
  // HubSpot: the token lacks the campaigns scope ($1), or the account has no Marketing Hub campaigns.
  'hubspotCampaignsLeftOut',
  // HubSpot: the token may not read the deal pipelines.
  'hubspotStagesLeftOut',
  // ConnectWise: the API member may not read $1 (campaigns, company notes).
  'connectWiseCampaignsLeftOut',
  'connectWiseNotesLeftOut',
  // HaloPSA: the API application may not read $1 (CRM notes).
  'haloNotesLeftOut',
  // Autotask: the API user may not read $1 (CRM notes).
  'autotaskNotesLeftOut',
  // Pipedrive: the token may not list users.
  'pipedriveOwnersLeftOut',
  // Salesforce: $1 of $2 API requests used in the last 24 hours.
  'salesforceUsage',
  // Autotask: $1 of $2 requests used this hour.
  'autotaskUsage',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export interface SourceNote {
  code: NoteCode;
  args: string[];
}

export const note = (code: NoteCode, ...args: (string | number)[]): SourceNote => ({ code, args: args.map(String) });

/** A note's plain text for logs and stored runs: its code and arguments (the pages word it from the code). */
const noteCodeText = (n: SourceNote | string): string =>
  typeof n === 'string' ? n : n.args.length ? `${n.code} (${n.args.join(', ')})` : n.code;

/** The same note once (a page of every step may say it again). */
export function uniqueNotes<T extends SourceNote | string>(notes: readonly T[]): T[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = JSON.stringify(n);
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * What a complete sync read, as data: the source's records by kind after the pass, and what it
 * says besides. Kept with the run (storage, IndexedDB) and worded by the options page.
 */
export interface SyncSummary {
  counts: Record<RecordKind, number>;
  /** An incremental pass: how many changed records it read. */
  changed?: number;
  /** The source said nothing changed (a feed's 304): the data stayed as it was. */
  unchanged?: boolean;
  /** Records that could not be used (no name, no company). */
  skipped: number;
  /** Parts left out and the like; a plain string is one kept from before notes had codes. */
  notes: (SourceNote | string)[];
}

/** A summary's plain text for logs and stored runs (the pages word it from the data). */
export function summaryCodeText(s: SyncSummary): string {
  const counts = Object.entries(s.counts).map(([k, n]) => `${k} ${n}`);
  return [
    ...(s.unchanged ? ['unchanged'] : s.changed !== undefined ? [`changed ${s.changed}`] : []),
    counts.join(', '),
    ...(s.skipped ? [`skipped ${s.skipped}`] : []),
    ...s.notes.map(noteCodeText),
  ].join('; ');
}

/**
 * What a "Test connection" check tried, as a code (locales sourceText.part.<code>). `file` and
 * `object` are named rather than worded: a team feed's file, a Salesforce object ("Account").
 */
export const CHECK_PARTS = [
  'signIn',
  'zone',
  'requestLimit',
  'companyInfo',
  'key',
  'owners',
  'user',
  'companies',
  'clients',
  'organizations',
  'contacts',
  'persons',
  'deals',
  'opportunities',
  'notes',
  'crmNotes',
  'campaigns',
  'dealFields',
  'file',
  'object',
] as const;
export type CheckPart = (typeof CHECK_PARTS)[number];
