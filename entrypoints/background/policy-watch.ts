import { browser } from '#imports';
import { applyPolicy, loadPolicy } from '@/services/policy';
import { getDb } from '@/storage/db';
import { patternHost } from '@/core/policy';
import { i18nReady, t } from '@/i18n/i18n';
import { watchPolicyAccess } from '@/services/policy-access';
import { syncSource } from './source-sync';

/** One application at a time: the start of the worker and a change of policy may meet. */
let queue: Promise<unknown> = Promise.resolve();

/** Read the organisation's policy and apply it; new or changed data sources sync at once. */
export function applyManagedPolicy(): Promise<unknown> {
  queue = queue
    .then(async () => {
      const toSync = await applyPolicy(getDb(), await loadPolicy());
      for (const id of toSync) void syncSource(id).catch(() => undefined);
    })
    .catch((e: unknown) => console.error('Backstory: could not apply the browser policy', e));
  return queue;
}

/** A policy edited while the browser runs arrives as a change of the "managed" area (Chrome: ~5 s later). */
export function watchPolicy(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyManagedPolicy();
  });
  void applyManagedPolicy();
  watchPolicyAccess((missing) => void showPolicyAccess(missing).catch(() => undefined));
}

type ToolbarButton = typeof browser.action;

/**
 * Sites from policy that the browser has not allowed: the content script cannot run there, so
 * the toolbar button says so (a badge, and its tooltip naming the sites); its popup offers the
 * one "Allow". Chrome's action, Firefox's (Manifest V2) browserAction.
 */
export async function showPolicyAccess(
  missing: string[],
  button: ToolbarButton | undefined = browser.action ??
    (browser as unknown as { browserAction?: ToolbarButton }).browserAction,
): Promise<void> {
  if (!button) return;
  await i18nReady();
  const manifest = browser.runtime.getManifest() as Record<string, { default_title?: string } | undefined>;
  const name = manifest.action?.default_title ?? manifest.browser_action?.default_title ?? t('extName');
  await button.setBadgeText({ text: missing.length ? '!' : '' });
  if (!missing.length) return void (await button.setTitle({ title: name }));
  await button.setBadgeBackgroundColor({ color: '#b45309' });
  await button.setTitle({ title: `${name}: ${t('teamAccess.badge', [missing.map(patternHost).join(', ')])}` });
}
