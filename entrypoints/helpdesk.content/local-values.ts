import { browser } from '#imports';
import type { HelpdeskSite } from '@/core/sites';
import type { SavedRecipe } from '@/core/recipe';

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
  recipe?: SavedRecipe;
}

/** All of them in one storage read. */
export async function readLocalValues(): Promise<LocalValues> {
  const got = await browser.storage.local.get([SITES_KEY, COLLAPSED_KEY, PLACE_KEY, RECIPES_KEY]);
  const sites = got[SITES_KEY];
  // Checked when saved (services/recipes.ts); readByRecipe survives any value.
  const recipe = (got[RECIPES_KEY] as Record<string, SavedRecipe> | undefined)?.[location.origin];
  return {
    sites: Array.isArray(sites) ? (sites as HelpdeskSite[]) : [],
    collapsed: !!got[COLLAPSED_KEY],
    panel: got[PLACE_KEY] === 'panel',
    recipe,
  };
}

/** Calls `fn` with a storage.local key's new value whenever it changes. */
function watchKey(key: string, fn: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, key)) fn(changes[key]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `fn` when the technician moves the backstory between the page and the side panel. */
export const watchPlace = (fn: (panel: boolean) => void) => watchKey(PLACE_KEY, (v) => fn(v === 'panel'));

/** Calls `fn` when the sidebar is folded or unfolded (in any tab, or by the keyboard command). */
export const watchCollapsed = (fn: (collapsed: boolean) => void) => watchKey(COLLAPSED_KEY, (v) => fn(!!v));

/**
 * Calls `fn` when any site's recipe is saved, removed (Options), imported or set by policy: the
 * page is then read again, so a removed recipe stops being used at once, not at the next reload.
 */
export const watchRecipes = (fn: () => void) => watchKey(RECIPES_KEY, () => fn());
