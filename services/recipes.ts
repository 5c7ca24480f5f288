import { browser } from '#imports';
import { asRecipe, type ReadingRecipe } from '@/core/recipe';
import { recipesItem } from '@/storage/sites';
import { checkEditedRecipe, storedRecipe, type EditProblem } from '@/core/recipe-schema';
import { msg, type ImportMessage } from '@/core/import-message';
import type { SavedRecipe } from '@/core/recipe';
import { ticketOnScreen } from './ticket-on-screen';

/**
 * Start picking in a tab: the sidebar's own tab, or (from the popup, which has no tab) the
 * active tab of the current window. Only the tab's top frame, where the content script reads.
 * From a tab (a sidebar frame, which any page may load), only while that tab shows a ticket its
 * content script reported and is still on that ticket's origin (`senderTabUrl`: the tab's address
 * as the browser gives it), as for the sidebar's pin and search.
 */
export async function startPicking(senderTabId: number, senderTabUrl?: string): Promise<null> {
  let tabId = senderTabId;
  if (tabId >= 0 && !(await ticketOnScreen(tabId, senderTabUrl))) throw new Error('no ticket on screen in this tab');
  if (tabId < 0) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (typeof tab?.id !== 'number') throw new Error('no tab');
    tabId = tab.id;
  }
  // Injected only now (entrypoints/show-me-where.ts): the content script stays small.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/show-me-where.js'] });
  return null;
}

/**
 * Save the recipe a content script's page was shown by: under that page's own origin only (the
 * sender's address, never one the message names), so a script on one site cannot teach another.
 * A recipe the organisation set (policy) stays as it set it.
 */
export async function saveRecipe(
  senderUrl: string | undefined,
  recipe: ReadingRecipe,
  now = new Date(),
): Promise<null> {
  const checked = asRecipe(recipe);
  if (!senderUrl || !checked) throw new Error('no recipe');
  const origin = new URL(senderUrl).origin;
  const all = await recipesItem.getValue();
  if (all[origin]?.managed) throw new Error('set by your organisation');
  await recipesItem.setValue({ ...all, [origin]: { ...checked, savedAt: now.toISOString() } });
  return null;
}

/**
 * Forget a site's recipe (Options). The content script hears the change and reads its page
 * again without it (entrypoints/helpdesk.content/local-values.ts watchRecipes). One the
 * organisation set cannot be removed here.
 */
export async function removeRecipe(origin: string): Promise<boolean> {
  const all = await recipesItem.getValue();
  if (!all[origin] || all[origin].managed) return false;
  const { [origin]: _gone, ...rest } = all;
  await recipesItem.setValue(rest);
  return true;
}

/**
 * Replace a site's recipe with locators edited in Options, checked with the same schema as a
 * backup's or the policy's recipe (an empty locator is left out; company and email both empty is
 * refused). Only an existing recipe of the technician's own: one the organisation set stays locked.
 * When the locators are refused, says why and leaves the stored recipe unchanged.
 */
export async function editRecipe(
  origin: string,
  locators: ReadingRecipe,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; problems: EditProblem[] }> {
  const all = await recipesItem.getValue();
  const old = all[origin];
  if (!old) throw new Error('no recipe for this site');
  if (old.managed) throw new Error('set by your organisation');
  const checked = checkEditedRecipe(locators);
  if (!checked.ok) return checked;
  await recipesItem.setValue({ ...all, [origin]: storedRecipe({ ...checked.recipe, savedAt: now.toISOString() }) });
  return { ok: true };
}

/**
 * Recipes from imported backups (checked in full when the backup was read, sources/backup.ts),
 * written after its records: each replaces the site's own recipe, never one the organisation set.
 * What happened, as import warnings.
 */
export async function restoreRecipes(backups: Record<string, SavedRecipe>[]): Promise<ImportMessage[]> {
  if (!backups.some((r) => Object.keys(r).length)) return [];
  const all = { ...(await recipesItem.getValue()) };
  const restored = new Set<string>();
  const managed = new Set<string>();
  for (const recipes of backups)
    for (const [origin, recipe] of Object.entries(recipes)) {
      if (all[origin]?.managed) managed.add(origin);
      else {
        all[origin] = storedRecipe({ ...recipe, managed: false });
        restored.add(origin);
      }
    }
  if (restored.size) await recipesItem.setValue(all);
  return [
    ...(restored.size ? [msg('recipesRestored', String(restored.size))] : []),
    ...[...managed].map((origin) => msg('recipeManaged', origin)),
  ];
}
