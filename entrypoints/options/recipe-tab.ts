import { browser } from '#imports';
import type { RecipeTestResult } from '@/entrypoints/recipe-test';

export type TabTest = { ok: true; url: string; read: RecipeTestResult } | { ok: false; why: 'noTab' | 'failed' };

/**
 * "Test on the open tab": the most recently used tab showing a page of `origin` is read with that
 * site's stored recipe by entrypoints/recipe-test.ts, injected just for this (its top frame only).
 * Tabs whose address the browser does not let Backstory see are not considered.
 */
export async function testRecipeOnOpenTab(origin: string): Promise<TabTest> {
  const tabs = (await browser.tabs.query({})).filter((tab) => {
    try {
      return !!tab.url && new URL(tab.url).origin === origin;
    } catch {
      return false;
    }
  });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (typeof tab?.id !== 'number') return { ok: false, why: 'noTab' };
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [0] },
      files: ['/recipe-test.js'],
    });
    const read = first?.result as RecipeTestResult | null | undefined;
    return read ? { ok: true, url: tab.url!, read } : { ok: false, why: 'failed' };
  } catch {
    return { ok: false, why: 'failed' };
  }
}
