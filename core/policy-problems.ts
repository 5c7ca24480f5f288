/**
 * What is wrong with a managed policy (core/policy.ts), as data: a code, its arguments, and where
 * in the policy it is, with plain English words beside them for what cannot word the code
 * (i18n/policy-text.ts words it in the page's language). Pure.
 */
import type { ErrorDetail } from './sync-errors';

/**
 * What is wrong with a policy field, as a code; its words are locales policyText.code.<code>, with
 * where it is (`policyText.subject.*`) as $1 and the arguments as $2, $3... (arguments are not
 * words: names and values as the administrator wrote them, quoted, or numbers).
 */
export const POLICY_CODES = [
  'notSetting',
  'notText',
  'unknownFields',
  'notSiteList',
  'notSourceList',
  'notRecipeList',
  'notObject',
  'siteNotObject',
  'technicianNotObject',
  'recipeNotObject',
  'notSiteAddress',
  'unknownProduct',
  'siteTwice',
  'badId',
  'idTwice',
  'settingNotText',
  'unknownKind',
  'unknownSourceSettings',
  'missingSetting',
  'sourceError',
  'badTheme',
  'notBoolean',
  'notEmail',
  'badInterval',
  'tooManyRecipes',
  'recipeTwice',
  'mustBeType',
  'empty',
  'tooLong',
  'controlCharacter',
  'noWho',
  'badFormat',
  'invalid',
] as const;
export type PolicyCode = (typeof POLICY_CODES)[number];

/** Which entry of a list a problem is in: site, data source or recipe number n (from 1), and the source's id once read. */
export interface PolicyEntry {
  list: 'site' | 'source' | 'recipe';
  n: number;
  id?: string;
}

export interface PolicyProblem {
  /** The policy key ("dataSources"). */
  field: string;
  /** What is wrong (absent in a problem stored by a version before problems had codes). */
  code?: PolicyCode;
  args?: string[];
  /** Where in the field: the list entry, and the key inside it (or inside the field). */
  entry?: PolicyEntry;
  key?: string;
  /** A data source's own error (sources/http.ts), worded by the page in place of $2. */
  error?: ErrorDetail;
  /** What is wrong, in plain English: what the pages show when they cannot word the code (never a credential's value). */
  message: string;
}

/** Where in a field a problem is: a list entry, and a key inside it (or inside the field). */
export interface Where {
  entry?: PolicyEntry;
  key?: string;
}

export class Bad extends Error {
  constructor(readonly problem: Omit<PolicyProblem, 'field'>) {
    super(problem.message);
  }
}
export const quote = (s: string) => JSON.stringify(s);

/** Where, in English, for the plain-text message ("site 2's \"address\"", "\"theme\"", ""). */
export function subject({ entry, key }: Where): string {
  const e =
    entry &&
    (entry.list === 'site'
      ? `site ${entry.n}`
      : entry.list === 'recipe'
        ? `recipe ${entry.n}`
        : `data source ${entry.n}${entry.id === undefined ? '' : ` (${quote(entry.id)})`}`);
  const k = key === undefined ? undefined : quote(key);
  return e && k ? `${e}'s ${k}` : (e ?? k ?? '');
}

/** Leave the field out: what is wrong as a code, where, and its English words. */
export const fail = (code: PolicyCode, english: string, where: Where = {}, args: (string | number)[] = []): never => {
  throw new Bad({
    code,
    ...(args.length ? { args: args.map(String) } : {}),
    ...(where.entry ? { entry: where.entry } : {}),
    ...(where.key !== undefined ? { key: where.key } : {}),
    message: `${subject(where)} ${english}`.trim(),
  });
};
/** The same, worded in full by the caller (where the entry is not said first). */
export const failAt = (code: PolicyCode, message: string, entry: PolicyEntry, args: string[]): never => {
  throw new Bad({ code, args, entry, message });
};
