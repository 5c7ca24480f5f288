import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocalValues, watchCollapsed, watchPlace } from '@/entrypoints/helpdesk.content/local-values';
import { sitesItem } from '@/storage/sites';
import { sidebarCollapsed, storyPlace } from '@/storage/settings';

/** The content script reads two WXT storage items by their raw keys: they must stay in step. */
describe('content script settings', () => {
  it('has defaults before anything was stored', async () => {
    expect(await readLocalValues()).toEqual({ sites: [], collapsed: false, panel: false });
  });

  it('reads what the WXT items stored', async () => {
    const site = { origin: 'https://help.example.com', adapterId: 'halopsa', addedAt: '2025-01-01T00:00:00.000Z' };
    await sitesItem.setValue([site]);
    await sidebarCollapsed.setValue(true);
    await storyPlace.setValue('panel');
    expect(await readLocalValues()).toEqual({ sites: [site], collapsed: true, panel: true });
  });

  it('ignores a stored value of the wrong shape', async () => {
    await fakeBrowser.storage.local.set({ helpdeskSites: 'nonsense' });
    expect((await readLocalValues()).sites).toEqual([]);
  });

  it('hears the sidebar folded and unfolded until unwatched', async () => {
    const seen = vi.fn();
    const unwatch = watchCollapsed(seen);
    await sidebarCollapsed.setValue(true);
    await sidebarCollapsed.setValue(false);
    unwatch();
    await sidebarCollapsed.setValue(true);
    expect(seen.mock.calls).toEqual([[true], [false]]);
  });

  it('hears the backstory moved to the side panel and back', async () => {
    const seen = vi.fn();
    const unwatch = watchPlace(seen);
    await storyPlace.setValue('panel');
    await storyPlace.setValue('page');
    unwatch();
    await storyPlace.setValue('panel');
    expect(seen.mock.calls).toEqual([[true], [false]]);
  });
});
