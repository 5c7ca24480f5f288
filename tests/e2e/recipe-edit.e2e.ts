import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, type Harness } from './harness';

/** Editing a site's reading recipe in Options, in the built extension. */
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const SITE = 'https://desk.example.test';
type Store = {
  chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };
};

describe('a reading recipe edited in Options', () => {
  it('saves a changed locator, and refuses one that is no CSS selector, keeping the recipe as it was', async () => {
    const options = await h.extensionPage('options.html#sites');
    await options.evaluate(
      (site) =>
        (globalThis as unknown as Store).chrome.storage.local.set({
          siteRecipes: {
            [site]: { company: '#org-name', contactEmail: 'a.requester', savedAt: '2026-12-06T10:00:00Z' },
          },
        }),
      SITE,
    );
    const stored = () =>
      options.evaluate(
        async () => (await (globalThis as unknown as Store).chrome.storage.local.get('siteRecipes')).siteRecipes,
      );
    const row = options.locator(`[data-testid="recipes"] tr[data-origin="${SITE}"]`);
    await row.waitFor({ timeout: 20_000 });

    await row.getByRole('button', { name: `Edit the recipe of ${SITE}` }).click();
    const form = options.getByTestId('recipe-edit');
    await form.locator('input').nth(0).fill('[data-field="organization"]');
    await screenshot(options, 'options-recipe-edit');
    await form.getByRole('button', { name: `Save the recipe of ${SITE}` }).click();
    await expect
      .poll(stored)
      .toMatchObject({ [SITE]: { company: '[data-field="organization"]', contactEmail: 'a.requester' } });

    await row.getByRole('button', { name: `Edit the recipe of ${SITE}` }).click();
    await form.locator('input').nth(0).fill('div[');
    await form.getByRole('button', { name: `Save the recipe of ${SITE}` }).click();
    await expect
      .poll(() => options.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('not a CSS selector'));
    expect(await stored()).toMatchObject({ [SITE]: { company: '[data-field="organization"]' } });
    // Escape leaves the form without saving.
    await form.locator('input').nth(0).press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ [SITE]: { company: '[data-field="organization"]' } });
    await options.close();
  });
});
