// What the sources-*.e2e.ts files share: one browser per file with the options page open on its
// Sources tab, where each file adds its data source (a mock of the product's API on 127.0.0.1).
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';

export let h: Harness;
export let options: Page;

/**
 * Call once at the top of a file, after the hooks that start its mocks: launches the browser and
 * opens the options page before the tests, and closes the browser after them (before the mocks,
 * as after-hooks run in reverse order).
 */
export function useSourcesOptions(): void {
  beforeAll(async () => {
    h = await launch();
    options = await h.extensionPage('options.html#sources');
    await options.setViewportSize({ width: 1000, height: 1000 });
  });
  afterAll(async () => {
    await h?.close();
  });
}

/** The source's status line in the options page. */
export const status = () => options.getByTestId('source-status').textContent();
