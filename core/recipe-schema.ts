/**
 * The checks a reading recipe passes whenever it comes from outside the picker: a backup being
 * imported, or the organisation's policy. Kept apart from core/recipe.ts, which the content script
 * imports, so zod stays out of that script.
 */
import * as z from 'zod/mini';
import { LOCATOR_MAX, RECIPE_FIELDS, type ReadingRecipe, type RecipeField, type SavedRecipe } from './recipe';

/** More recipes than this in one backup or policy is not a team's help desks: refused. */
export const RECIPES_MAX = 200;

/**
 * Which refinement an issue comes from (its `params.code`), so a reader words it by code rather
 * than by zod's message (core/policy.ts); the messages stay for a backup's note.
 */
export const RECIPE_CHECKS = { control: 'control', noWho: 'noWho' } as const;

/** A locator: a CSS selector on one line, of the length the picker keeps. */
const locator = z.string().check(
  z.minLength(1, 'is empty'),
  z.maxLength(LOCATOR_MAX, `is longer than ${LOCATOR_MAX} characters`),
  z.refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    error: 'holds a control character',
    params: { code: RECIPE_CHECKS.control },
  }),
);

/** The locators alone (what a policy entry or a backup entry says where to read). */
const recipeFields = {
  company: z.optional(locator),
  contactEmail: z.optional(locator),
  ticketId: z.optional(locator),
};

const hasWho = (r: { company?: string; contactEmail?: string }) => !!r.company || !!r.contactEmail;
const WHO = { error: 'names neither "company" nor "contactEmail"', params: { code: RECIPE_CHECKS.noWho } };

/** One recipe in a backup: its locators and when it was saved. */
const backupRecipeSchema = z
  .strictObject({
    ...recipeFields,
    savedAt: z.optional(z.iso.datetime({ error: 'is not a date and time like "2026-12-06T10:00:00Z"' })),
  })
  .check(z.refine(hasWho, WHO));

/** "https://desk.example.com" (scheme, host and port only), or undefined. */
function originOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === address ? address : undefined;
  } catch {
    return undefined;
  }
}

/** Recipes by origin, as a backup keeps them. */
export const backupRecipesSchema = z
  .record(
    z
      .string()
      .check(z.refine((k) => originOf(k) !== undefined, 'is not a site origin like "https://desk.example.com"')),
    backupRecipeSchema,
  )
  .check(z.refine((r) => Object.keys(r).length <= RECIPES_MAX, `more than ${RECIPES_MAX} recipes`));

/** One recipe in the organisation's policy: the site's address and its locators. */
export const policyRecipeSchema = z
  .strictObject({
    address: z.string(),
    ...recipeFields,
  })
  .check(z.refine(hasWho, WHO));

/** A recipe as edited in Options: its locators only (an empty one is left out before the check). */
const editedRecipeSchema = z.strictObject({ ...recipeFields }).check(z.refine(hasWho, WHO));

/**
 * Why an edited recipe is refused: a locator too long, holding a control character or (checked by
 * the page, which has a CSS parser) not a selector; or neither company nor email.
 */
export type EditProblem =
  { field: RecipeField; why: 'long' | 'control' | 'selector' } | { field?: undefined; why: 'noWho' };

/**
 * Check locators edited in Options with the schema above: blank ones are left out (the field is
 * then not read by the recipe), the rest kept as typed but trimmed.
 */
export function checkEditedRecipe(
  locators: ReadingRecipe,
): { ok: true; recipe: ReadingRecipe } | { ok: false; problems: EditProblem[] } {
  const input: ReadingRecipe = {};
  for (const f of RECIPE_FIELDS) {
    const v = locators[f]?.trim();
    if (v) input[f] = v;
  }
  const got = editedRecipeSchema.safeParse(input);
  if (got.success) return { ok: true, recipe: got.data };
  const problems: EditProblem[] = got.error.issues.map((issue) => {
    const field = RECIPE_FIELDS.find((f) => f === issue.path[0]);
    if (!field) return { why: 'noWho' };
    return { field, why: issue.code === 'too_big' ? 'long' : 'control' };
  });
  return { ok: false, problems };
}

/** Only the locators, a saved date and the lock: what is stored per site. */
export function storedRecipe(r: SavedRecipe): SavedRecipe {
  const out: SavedRecipe = {};
  if (r.company) out.company = r.company;
  if (r.contactEmail) out.contactEmail = r.contactEmail;
  if (r.ticketId) out.ticketId = r.ticketId;
  if (r.savedAt) out.savedAt = r.savedAt;
  if (r.managed) out.managed = true;
  return out;
}
