import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The keyboard command (Alt+Shift+B) in Firefox, where the browser tests cannot press it (a key
 * pressed through WebDriver BiDi reaches the page, not Firefox's shortcuts: tried in
 * tests/e2e/firefox.e2e.ts). Firefox opens its sidebar (sidebar_action) only from a user action's
 * handler, before it awaits anything: in panel mode the command opens it at once; in page mode
 * it does not, and the caller folds the in-page sidebar instead.
 */
describe('the keyboard command in Firefox (sidebarAction)', () => {
  it('opens the sidebar synchronously in panel mode, and leaves it to the in-page sidebar in page mode', async () => {
    const opened: string[] = [];
    const popups: string[] = [];
    Object.assign(fakeBrowser, {
      sidebarAction: { open: () => (opened.push('open'), Promise.resolve()) },
      browserAction: {
        setPopup: ({ popup }: { popup: string }) => (popups.push(popup), Promise.resolve()),
        onClicked: { addListener: () => undefined },
      },
      contextMenus: undefined,
      sidePanel: undefined,
    });
    Object.assign(fakeBrowser, { action: undefined });
    vi.resetModules();
    const { watchPanelMode, commandOpensPanel } = await import('@/entrypoints/background/side-panel');
    const { storyPlace } = await import('@/storage/settings');
    await storyPlace.setValue('panel');
    watchPanelMode([]);
    await vi.waitFor(() => expect(popups).toEqual(['']));

    const answer = commandOpensPanel(3);
    // Called before the handler's first await: Firefox still counts it as the user's action.
    expect(opened).toEqual(['open']);
    expect(await answer).toBe(true);

    await storyPlace.setValue('page');
    await vi.waitFor(() => expect(popups).toEqual(['', 'popup.html']));
    expect(await commandOpensPanel(3)).toBe(false);
    expect(opened).toEqual(['open']);
  });
});
