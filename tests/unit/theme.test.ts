import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedTheme } from '@/storage/stored-theme';
import { DEFAULT_SETTINGS, displaySettings } from '@/storage/settings';

beforeEach(() => fakeBrowser.reset());

/** The popup reads the chosen theme by the WXT item's raw key: they must stay in step. */
describe('the theme read before the settings load', () => {
  it('is the system one before anything was stored', async () => {
    expect(await storedTheme()).toBe('auto');
  });

  it('is what the settings item stored', async () => {
    await displaySettings.setValue({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await storedTheme()).toBe('dark');
    await displaySettings.setValue({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(await storedTheme()).toBe('light');
  });

  it('ignores a stored value of the wrong shape', async () => {
    await fakeBrowser.storage.local.set({ displaySettings: { theme: 'neon' } });
    expect(await storedTheme()).toBe('auto');
    await fakeBrowser.storage.local.set({ displaySettings: 'nonsense' });
    expect(await storedTheme()).toBe('auto');
  });
});
