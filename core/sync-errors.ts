/** Why a sync or a request to a data source failed, as data the pages word (sources/http.ts makes them). */
/**
 * What went wrong, as a code and its arguments (texts that are not words: hosts, paths, numbers,
 * a vendor's own message). Each code has a message in locales/*.yml under syncError.<code>, with
 * the arguments as $1, $2...
 */
export const ERROR_CODES = [
  'auth',
  'permission',
  'rateLimit',
  'server',
  'network',
  'timeout',
  'refused',
  'refusedSaying',
  'notJson',
  'badAnswer',
  'unknownCompany',
  'campaignsScope',
  'noKey',
  'diskFull',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ErrorDetail {
  code: ErrorCode;
  args: string[];
}
