/**
 * Managed configuration: what an administrator presets for every technician through browser
 * policy (chrome.storage.managed; Firefox's policies.json "3rdparty" section). The policy is read
 * field by field: a field that is malformed is left out whole, with a note saying why, and the
 * others still apply; nothing is ever half-applied. Pure: the caller says which products and
 * data sources exist.
 */
import { hostPattern, parseSiteUrl } from './sites';
import { policyRecipeSchema, RECIPES_MAX } from './recipe-schema';
import type { ReadingRecipe } from './recipe';

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

export interface PolicyProblem {
  /** The policy key ("dataSources"). */
  field: string;
  /** What is wrong, in plain words (never a credential's value). */
  message: string;
}

type SourceCheck =
  | { ok: true; base: string; settings: Record<string, string>; secrets: Record<string, string> }
  | { ok: false; message: string };

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

class Bad extends Error {}
const fail = (message: string): never => {
  throw new Bad(message);
};
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, what: string, max = 500): string =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : fail(`${what} must be a text`);
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function onlyKeys(v: Record<string, unknown>, keys: readonly string[], what: string): void {
  const extra = Object.keys(v).filter((k) => !keys.includes(k));
  if (extra.length) fail(`${what} has unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
}

function sites(v: unknown, ctx: PolicyContext): PolicySite[] {
  if (!Array.isArray(v)) return fail('must be a list of sites');
  const seen = new Set<string>();
  return v.map((item, i) => {
    const what = `site ${i + 1}`;
    if (!isObject(item)) return fail(`${what} must be an object with "address" and "product"`);
    onlyKeys(item, ['address', 'product'], what);
    const parsed = parseSiteUrl(text(item.address, `${what}'s "address"`));
    if (!parsed.ok) return fail(`${what}'s "address" is not a help-desk address (${parsed.error})`);
    const product = item.product === undefined ? 'detect' : text(item.product, `${what}'s "product"`);
    if (product !== 'detect' && !ctx.products.includes(product))
      fail(`${what}'s "product" ${JSON.stringify(product)} is unknown (one of: detect, ${ctx.products.join(', ')})`);
    if (seen.has(parsed.origin)) fail(`${parsed.origin} is listed twice`);
    seen.add(parsed.origin);
    return { origin: parsed.origin, adapterId: product };
  });
}

function sources(v: unknown, ctx: PolicyContext): PolicySource[] {
  if (!Array.isArray(v)) return fail('must be a list of data sources');
  const seen = new Set<string>();
  return v.map((item, i) => {
    const what = `data source ${i + 1}`;
    if (!isObject(item)) return fail(`${what} must be an object`);
    onlyKeys(item, ['id', 'kind', 'name', 'settings'], what);
    const id = text(item.id, `${what}'s "id"`, 40);
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) fail(`${what}'s "id" may hold only letters, digits and "-"`);
    if (seen.has(id)) fail(`the id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
    const kind = text(item.kind, `${what}'s "kind"`);
    const raw = item.settings ?? {};
    if (!isObject(raw)) return fail(`${what}'s "settings" must be an object`);
    const values: Record<string, string> = {};
    for (const [k, x] of Object.entries(raw)) {
      if (typeof x !== 'string') fail(`${what}'s setting ${JSON.stringify(k)} must be a text`);
      values[k] = (x as string).trim();
    }
    const checked = ctx.checkSource(kind, values);
    if (!checked.ok) return fail(`${what} (${JSON.stringify(id)}): ${checked.message}`);
    const label = item.name === undefined ? id : text(item.name, `${what}'s "name"`, 80);
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
  if (!isObject(v)) return fail('must be an object');
  onlyKeys(v, ['theme', 'hideDealValues', 'show'], 'display');
  const out: PolicyDisplay = {};
  if (v.theme !== undefined) {
    if (v.theme !== 'auto' && v.theme !== 'light' && v.theme !== 'dark')
      fail('"theme" must be "auto", "light" or "dark"');
    out.theme = v.theme as ThemeChoice;
  }
  if (v.hideDealValues !== undefined) {
    if (typeof v.hideDealValues !== 'boolean') fail('"hideDealValues" must be true or false');
    out.hideDealValues = v.hideDealValues as boolean;
  }
  if (v.show !== undefined) {
    const show = v.show;
    if (!isObject(show)) return fail('"show" must be an object');
    onlyKeys(show, SHOW_KEYS, '"show"');
    out.show = {};
    for (const [k, x] of Object.entries(show)) {
      if (typeof x !== 'boolean') fail(`"show.${k}" must be true or false`);
      out.show[k as ShowKey] = x as boolean;
    }
  }
  return out;
}

function technician(v: unknown): Technician {
  if (!isObject(v)) return fail('must be an object with "name" and "email"');
  onlyKeys(v, ['name', 'email'], 'technician');
  const name = text(v.name, '"name"', 120);
  const email = text(v.email, '"email"', 200);
  if (!EMAIL.test(email)) fail(`"email" is not an email address`);
  return { name, email };
}

/**
 * Reading recipes, checked as a recipe from a backup is (core/recipe-schema.ts): the site's
 * address, and a locator for the company and/or the requester's email (optionally the ticket
 * number). One bad entry leaves the whole list out, named.
 */
function recipes(v: unknown): PolicyRecipe[] {
  if (!Array.isArray(v)) return fail('must be a list of recipes');
  if (v.length > RECIPES_MAX) fail(`lists more than ${RECIPES_MAX} recipes`);
  const seen = new Set<string>();
  return v.map((item, i) => {
    const what = `recipe ${i + 1}`;
    const checked = policyRecipeSchema.safeParse(item);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const where = issue.path.length ? `'s ${issue.path.map((p) => JSON.stringify(String(p))).join('.')}` : '';
      const said =
        issue.code === 'unrecognized_keys'
          ? `has unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
          : issue.code === 'invalid_type'
            ? `must be ${issue.expected === 'object' ? 'an object with "address" and "company" or "contactEmail"' : `a ${issue.expected === 'string' ? 'text' : issue.expected}`}`
            : issue.message;
      return fail(`${what}${where} ${said}`);
    }
    const parsed = parseSiteUrl(checked.data.address);
    if (!parsed.ok) return fail(`${what}'s "address" is not a help-desk address (${parsed.error})`);
    if (seen.has(parsed.origin)) fail(`${parsed.origin} has two recipes`);
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
      : fail('must be a whole number of minutes from 5 to 1440'),
  display,
  ticketCounting: (v) => (typeof v === 'boolean' ? v : fail('must be true or false')),
  salesContact: (v) => text(v, 'the sales contact', 300),
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
    if (!known.includes(key)) problems.push({ field: key, message: 'is not a Backstory setting' });
  for (const [field, key] of Object.entries(POLICY_KEYS) as [keyof ManagedPolicy, string][]) {
    if (raw[key] === undefined) continue;
    try {
      (policy as Record<string, unknown>)[field] = READERS[field](raw[key], ctx);
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      problems.push({ field: key, message: e.message });
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
