import { browser } from '#imports';
import type { HelpdeskSite } from '@/core/sites';
import type { ReadingRecipe } from '@/core/recipe';

/**
 * The two settings the content script needs, read straight from storage.local instead of through
 * WXT's storage items (storage/sites.ts, storage/settings.ts): that library would add more to
 * the content script, which loads on every help-desk page, than all of this script's own code.
 * WXT keeps an item named "local:x" under the key "x" (tests/unit/content-values.test.ts checks).
 */
const SITES_KEY = 'helpdeskSites';
const COLLAPSED_KEY = 'sidebarCollapsed';
/** storage/settings.ts storyPlace: 'panel' when the backstory shows in the browser's side panel. */
const PLACE_KEY = 'storyPlace';
const RECIPES_KEY = 'siteRecipes';

export interface LocalValues {
  sites: HelpdeskSite[];
  collapsed: boolean;
  /** The backstory shows in the browser's side panel: no sidebar in the page, only the report. */
  panel: boolean;
  /** This page's site's reading recipe, if the technician showed one. */
  recipe?: ReadingRecipe;
}

/** All of them in one storage read. */
export async function readLocalValues(): Promise<LocalValues> {
  const got = await browser.storage.local.get([SITES_KEY, COLLAPSED_KEY, PLACE_KEY, RECIPES_KEY]);
  const sites = got[SITES_KEY];
  // Checked when saved (services/recipes.ts); readByRecipe survives any value.
  const recipe = (got[RECIPES_KEY] as Record<string, ReadingRecipe> | undefined)?.[location.origin];
  return {
    sites: Array.isArray(sites) ? (sites as HelpdeskSite[]) : [],
    collapsed: !!got[COLLAPSED_KEY],
    panel: got[PLACE_KEY] === 'panel',
    recipe,
  };
}

/** Calls `fn` when the technician moves the backstory between the page and the side panel. */
export function watchPlace(fn: (panel: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, PLACE_KEY)) fn(changes[PLACE_KEY]!.newValue === 'panel');
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `fn` when the sidebar is folded or unfolded (in any tab, or by the keyboard command). */
export function watchCollapsed(fn: (collapsed: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, COLLAPSED_KEY)) fn(!!changes[COLLAPSED_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
