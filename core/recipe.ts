/**
 * A site's reading recipe ("show me where"): where on that help desk's ticket page the company,
 * the requester's email and (optionally) the ticket number are, as the technician showed them by
 * clicking. Each is a CSS selector built by adapters/recipe.ts that found exactly one element.
 */
export interface ReadingRecipe {
  company?: string;
  contactEmail?: string;
  ticketId?: string;
}

/** A recipe as kept per site: when it was saved, and whether the organisation's policy set it (locked). */
export interface SavedRecipe extends ReadingRecipe {
  savedAt?: string;
  managed?: boolean;
}

export const RECIPE_FIELDS = ['company', 'contactEmail', 'ticketId'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

/** The longest locator kept (a robust one is short; anything longer is refused). */
export const LOCATOR_MAX = 300;

/** Whether a stored value is a recipe (storage is read by the content script without a schema). */
export function asRecipe(value: unknown): ReadingRecipe | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: ReadingRecipe = {};
  for (const field of RECIPE_FIELDS) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.length > 0 && v.length <= LOCATOR_MAX) out[field] = v;
  }
  return out.company || out.contactEmail ? out : undefined;
}
