/** Why a sync or a request to a data source failed, as data the pages word (sources/http.ts makes them). */
import type { ImportError } from './import-message';

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
  // A source's own failures (sources/<product>.ts): no English sentence is thrown under sources/.
  'unknownSourceKind',
  'notWebAddress',
  'noCreatedId',
  'feedNoAddress',
  'feedNotHttps',
  'sourceNotHttps',
  'feedCredentialsInAddress',
  'feedOneServer',
  'feedUnreachable',
  'feedRefused',
  'feedMissing',
  'feedAnswered',
  'feedTooLarge',
  'feedBroken',
  'feedBrokenMore',
  'signInClosed',
  'signInRefused',
  'signInWrongState',
  'signInNoCode',
  'salesforceNoId',
  'salesforceNoAccessToken',
  'salesforceSignInAgain',
  'salesforceSessionRefused',
  'salesforceDailyLimit',
  'salesforceSignInFailed',
  'salesforceNoRefreshToken',
  'autotaskUnknownUser',
  'autotaskNoZone',
  'autotaskOtherHost',
  'autotaskLimit',
  'autotaskNoCompany',
  'autotaskFlagsAs',
  'autotaskNoOwner',
  'connectWiseNoMember',
  'connectWiseNoCompany',
  'connectWiseNoContact',
  'haloSignInRefused',
  'haloSignInRefusedTenant',
  'haloNoToken',
  'haloNoClient',
  'haloFlagsAs',
  'hubspotSearchDepth',
  'pipedriveDomain',
  'pipedriveNoOrg',
  'sourceRemoved',
  'accountGone',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ErrorDetail {
  code: ErrorCode;
  args: string[];
  /**
   * The error inside this one (a sign-in's failed request), or the first problem of a file (a
   * team feed's): worded, it takes the place of $1 (args[0] holds its plain words meanwhile).
   */
  inner?: ErrorDetail;
  importError?: ImportError;
}

/** An error's plain text for logs and stored runs: its code and arguments (the pages word it from the code). */
export const codeText = (d: ErrorDetail): string => (d.args.length ? `${d.code} (${d.args.join(', ')})` : d.code);
