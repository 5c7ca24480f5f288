/**
 * Managed configuration: what an administrator presets for every technician through browser
 * policy (chrome.storage.managed; Firefox's policies.json "3rdparty" section). The policy is read
 * field by field: a field that is malformed is left out whole, with a note saying why, and the
 * others still apply; nothing is ever half-applied. Pure: the caller says which products and
 * data sources exist.
 */
import { hostPattern, parseSiteUrl } from './sites';
import type * as z from 'zod/mini';
import { policyRecipeSchema, RECIPE_CHECKS, RECIPES_MAX } from './recipe-schema';
import type { ReadingRecipe } from './recipe';
import type { ErrorDetail } from './sync-errors';
import { Bad, fail, failAt, quote, subject, type PolicyEntry, type PolicyProblem, type Where } from './policy-problems';

type ThemeChoice = 'auto' | 'light' | 'dark';
const SHOW_KEYS = ['campaign', 'deal', 'promises', 'contactRole', 'notes', 'matchReason'] as const;
type ShowKey = (typeof SHOW_KEYS)[number];

interface PolicySite {
  origin: string;
  /** A product id, or "detect". */
  adapterId: string;
}

export interface PolicySource {
  /** The source's id in Backstory: "policy-" and the id the policy gives it. */
  id: string;
  kind: string;
  label: string;
  base: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
}

interface PolicyDisplay {
  theme?: ThemeChoice;
  hideDealValues?: boolean;
  show?: Partial<Record<ShowKey, boolean>>;
}

/** A site's reading recipe the organisation deploys ("show me where", taught once for the team). */
export interface PolicyRecipe extends ReadingRecipe {
  origin: string;
}

export interface Technician {
  name: string;
  email: string;
}

/** Every field the policy may set; absent ones are the user's. */
export interface ManagedPolicy {
  sites?: PolicySite[];
  sources?: PolicySource[];
  syncIntervalMinutes?: number;
  display?: PolicyDisplay;
  ticketCounting?: boolean;
  salesContact?: string;
  technician?: Technician;
  recipes?: PolicyRecipe[];
}

/** The policy's own key for each field (what administrators write, see docs/deploy.md). */
export const POLICY_KEYS = {
  sites: 'helpdeskSites',
  sources: 'dataSources',
  syncIntervalMinutes: 'syncIntervalMinutes',
  display: 'display',
  ticketCounting: 'ticketCounting',
  salesContact: 'salesContact',
  technician: 'technician',
  recipes: 'readingRecipes',
} as const satisfies Record<keyof ManagedPolicy, string>;

/** Why a data source's kind and settings make no source: a code (POLICY_CODES) and its arguments. */
interface SourceRefusal {
  ok: false;
  code: 'unknownKind' | 'unknownSourceSettings' | 'missingSetting' | 'sourceError';
  args: string[];
  error?: ErrorDetail;
  message: string;
}
type SourceCheck =
  { ok: true; base: string; settings: Record<string, string>; secrets: Record<string, string> } | SourceRefusal;

export interface PolicyContext {
  /** Product ids a site may name (besides "detect"). */
  products: readonly string[];
  /** Kinds of data source there are, and whether these values make one. */
  checkSource(kind: string, values: Record<string, string>): SourceCheck;
}

export interface PolicyRead {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, where: Where, max = 500): string =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : fail('notText', 'must be a text', where);
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function onlyKeys(v: Record<string, unknown>, keys: readonly string[], where: Where): void {
  const extra = Object.keys(v)
    .filter((k) => !keys.includes(k))
    .map(quote)
    .join(', ');
  if (extra) fail('unknownFields', `has unknown field(s) ${extra}`, where, [extra]);
}

function sites(v: unknown, ctx: PolicyContext): PolicySite[] {
  if (!Array.isArray(v)) return fail('notSiteList', 'must be a list of sites');
  const seen = new Set<string>();
  return v.map((item, i) => {
    const entry: PolicyEntry = { list: 'site', n: i + 1 };
    if (!isObject(item)) return fail('siteNotObject', 'must be an object with "address" and "product"', { entry });
    onlyKeys(item, ['address', 'product'], { entry });
    const at = { entry, key: 'address' };
    const parsed = parseSiteUrl(text(item.address, at));
    if (!parsed.ok) return fail('notSiteAddress', `is not a help-desk address (${parsed.error})`, at, [parsed.error]);
    const product = item.product === undefined ? 'detect' : text(item.product, { entry, key: 'product' });
    if (product !== 'detect' && !ctx.products.includes(product)) {
      const known = ctx.products.join(', ');
      fail('unknownProduct', `${quote(product)} is unknown (one of: detect, ${known})`, { entry, key: 'product' }, [
        quote(product),
        known,
      ]);
    }
    if (seen.has(parsed.origin)) failAt('siteTwice', `${parsed.origin} is listed twice`, entry, [parsed.origin]);
    seen.add(parsed.origin);
    return { origin: parsed.origin, adapterId: product };
  });
}

function sources(v: unknown, ctx: PolicyContext): PolicySource[] {
  if (!Array.isArray(v)) return fail('notSourceList', 'must be a list of data sources');
  const seen = new Set<string>();
  return v.map((item, i) => {
    const entry: PolicyEntry = { list: 'source', n: i + 1 };
    if (!isObject(item)) return fail('notObject', 'must be an object', { entry });
    onlyKeys(item, ['id', 'kind', 'name', 'settings'], { entry });
    const id = text(item.id, { entry, key: 'id' }, 40);
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) fail('badId', 'may hold only letters, digits and "-"', { entry, key: 'id' });
    if (seen.has(id)) failAt('idTwice', `the id ${quote(id)} is used twice`, entry, [quote(id)]);
    seen.add(id);
    const kind = text(item.kind, { entry, key: 'kind' });
    const raw = item.settings ?? {};
    if (!isObject(raw)) return fail('notObject', 'must be an object', { entry, key: 'settings' });
    const values: Record<string, string> = {};
    for (const [k, x] of Object.entries(raw)) {
      if (typeof x !== 'string')
        failAt('settingNotText', `${subject({ entry })}'s setting ${quote(k)} must be a text`, entry, [quote(k)]);
      values[k] = (x as string).trim();
    }
    const checked = ctx.checkSource(kind, values);
    if (!checked.ok) {
      const named = { ...entry, id };
      throw new Bad({
        code: checked.code,
        args: checked.args,
        entry: named,
        ...(checked.error ? { error: checked.error } : {}),
        message: `${subject({ entry: named })}: ${checked.message}`,
      });
    }
    const label = item.name === undefined ? id : text(item.name, { entry, key: 'name' }, 80);
    return {
      id: `policy-${id}`,
      kind,
      label,
      base: checked.base,
      settings: checked.settings,
      secrets: checked.secrets,
    };
  });
}

function display(v: unknown): PolicyDisplay {
  if (!isObject(v)) return fail('notObject', 'must be an object');
  onlyKeys(v, ['theme', 'hideDealValues', 'show'], {});
  const out: PolicyDisplay = {};
  if (v.theme !== undefined) {
    if (v.theme !== 'auto' && v.theme !== 'light' && v.theme !== 'dark')
      fail('badTheme', 'must be "auto", "light" or "dark"', { key: 'theme' });
    out.theme = v.theme as ThemeChoice;
  }
  if (v.hideDealValues !== undefined) {
    if (typeof v.hideDealValues !== 'boolean') fail('notBoolean', 'must be true or false', { key: 'hideDealValues' });
    out.hideDealValues = v.hideDealValues as boolean;
  }
  if (v.show !== undefined) {
    const show = v.show;
    if (!isObject(show)) return fail('notObject', 'must be an object', { key: 'show' });
    onlyKeys(show, SHOW_KEYS, { key: 'show' });
    out.show = {};
    for (const [k, x] of Object.entries(show)) {
      if (typeof x !== 'boolean') fail('notBoolean', 'must be true or false', { key: `show.${k}` });
      out.show[k as ShowKey] = x as boolean;
    }
  }
  return out;
}

function technician(v: unknown): Technician {
  if (!isObject(v)) return fail('technicianNotObject', 'must be an object with "name" and "email"');
  onlyKeys(v, ['name', 'email'], {});
  const name = text(v.name, { key: 'name' }, 120);
  const email = text(v.email, { key: 'email' }, 200);
  if (!EMAIL.test(email)) fail('notEmail', 'is not an email address', { key: 'email' });
  return { name, email };
}

/**
 * A recipe's first schema issue as a code: zod's own English is never passed on. The refinements
 * of core/recipe-schema.ts say which they are by `params.code`; anything else is "not valid", named.
 */
function recipeIssue(issue: z.core.$ZodIssue, entry: PolicyEntry): never {
  const where: Where = { entry, ...(issue.path.length ? { key: issue.path.map(String).join('.') } : {}) };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const extra = issue.keys.map(quote).join(', ');
      return fail('unknownFields', `has unknown field(s) ${extra}`, where, [extra]);
    }
    case 'invalid_type':
      return issue.expected === 'object'
        ? fail('recipeNotObject', 'must be an object with "address" and "company" or "contactEmail"', where)
        : issue.expected === 'string'
          ? fail('notText', 'must be a text', where)
          : fail('mustBeType', `must be a ${issue.expected}`, where, [issue.expected]);
    case 'too_small':
      return fail('empty', 'is empty', where);
    case 'too_big':
      return fail('tooLong', `is longer than ${issue.maximum} characters`, where, [String(issue.maximum)]);
    case 'invalid_format':
      return fail('badFormat', `is not in the expected form (${issue.format})`, where, [issue.format]);
    case 'custom':
      if (issue.params?.code === RECIPE_CHECKS.control)
        return fail('controlCharacter', 'holds a control character', where);
      if (issue.params?.code === RECIPE_CHECKS.noWho)
        return fail('noWho', 'names neither "company" nor "contactEmail"', where);
      return fail('invalid', 'is not valid', where);
    default:
      return fail('invalid', 'is not valid', where);
  }
}

/**
 * Reading recipes, checked as a recipe from a backup is (core/recipe-schema.ts): the site's
 * address, and a locator for the company and/or the requester's email (optionally the ticket
 * number). One bad entry leaves the whole list out, named.
 */
function recipes(v: unknown): PolicyRecipe[] {
  if (!Array.isArray(v)) return fail('notRecipeList', 'must be a list of recipes');
  if (v.length > RECIPES_MAX) fail('tooManyRecipes', `lists more than ${RECIPES_MAX} recipes`, {}, [RECIPES_MAX]);
  const seen = new Set<string>();
  return v.map((item, i) => {
    const entry: PolicyEntry = { list: 'recipe', n: i + 1 };
    const checked = policyRecipeSchema.safeParse(item);
    if (!checked.success) return recipeIssue(checked.error.issues[0]!, entry);
    const at = { entry, key: 'address' };
    const parsed = parseSiteUrl(checked.data.address);
    if (!parsed.ok) return fail('notSiteAddress', `is not a help-desk address (${parsed.error})`, at, [parsed.error]);
    if (seen.has(parsed.origin)) failAt('recipeTwice', `${parsed.origin} has two recipes`, entry, [parsed.origin]);
    seen.add(parsed.origin);
    const { address: _a, ...locators } = checked.data;
    const out: PolicyRecipe = { origin: parsed.origin };
    for (const [k, x] of Object.entries(locators) as [keyof ReadingRecipe, string | undefined][]) if (x) out[k] = x;
    return out;
  });
}

const READERS: { [K in keyof ManagedPolicy]-?: (v: unknown, ctx: PolicyContext) => ManagedPolicy[K] } = {
  sites,
  sources,
  syncIntervalMinutes: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 5 && v <= 1440
      ? v
      : fail('badInterval', 'must be a whole number of minutes from 5 to 1440'),
  display,
  ticketCounting: (v) => (typeof v === 'boolean' ? v : fail('notBoolean', 'must be true or false')),
  salesContact: (v) => text(v, {}, 300),
  technician,
  recipes,
};

/**
 * The policy as Backstory applies it, and what was left out. Unknown top-level keys are noted
 * (a typo would otherwise leave the administrator wondering why nothing happened).
 */
export function readPolicy(raw: unknown, ctx: PolicyContext): PolicyRead {
  const policy: ManagedPolicy = {};
  const problems: PolicyProblem[] = [];
  if (!isObject(raw)) return { policy, problems };
  const known = Object.values(POLICY_KEYS) as string[];
  for (const key of Object.keys(raw))
    if (!known.includes(key)) problems.push({ field: key, code: 'notSetting', message: 'is not a Backstory setting' });
  for (const [field, key] of Object.entries(POLICY_KEYS) as [keyof ManagedPolicy, string][]) {
    if (raw[key] === undefined) continue;
    try {
      (policy as Record<string, unknown>)[field] = READERS[field](raw[key], ctx);
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      problems.push({ field: key, ...e.problem });
    }
  }
  return { policy, problems };
}

/** Whether the policy sets anything at all. */
export const hasPolicy = (policy: ManagedPolicy) => Object.keys(policy).length > 0;

/**
 * The host patterns the browser must allow for the policy's help-desk sites and data sources, one
 * per host, in the order given: scheme and host without a port. Firefox's match patterns take no
 * port (MDN, "Match patterns", Firefox bug 1362809: with one, permissions.contains answers false);
 * Chrome's treat a missing port as any port (developer.chrome.com, "Match patterns").
 */
export function accessPatterns(sites: readonly { origin: string }[], sources: readonly { base: string }[]): string[] {
  return [...new Set([...sites.map((s) => hostPattern(s.origin)), ...sources.map((s) => hostPattern(s.base))])];
}

/** "support.your-msp.com" from "https://support.your-msp.com/*", for saying which sites. */
export const patternHost = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');
