import { browser } from '#imports';
import { readByRecipe } from '@/adapters/recipe';
import type { ReadingRecipe } from '@/core/recipe';

/** What a site's saved recipe reads on a page, for Options' "Test on the open tab". */
export interface RecipeTestResult {
  company?: string;
  contactEmail?: string;
  ticketId?: string;
  /** Fields the recipe names but finds on this page not exactly once, or reads nothing from. */
  missing: string[];
}

/**
 * Injected by Options only when asked ("Test on the open tab"), into the top frame of a tab on
 * the recipe's site: reads the page with the recipe stored for this page's own origin, exactly as
 * the content script would (adapters/recipe.ts), and returns what it read to Options (nothing
 * goes into the page). No recipe stored for this origin: null.
 */
export default defineUnlistedScript(async (): Promise<RecipeTestResult | null> => {
  const got = await browser.storage.local.get('siteRecipes');
  const recipe = (got.siteRecipes as Record<string, ReadingRecipe> | undefined)?.[location.origin];
  if (!recipe) return null;
  const { company, contactEmail, ticketId, missing } = readByRecipe(document, recipe);
  return { company, contactEmail, ticketId, missing };
});
