/**
 * The sites and data sources the organisation's policy added that the browser has not allowed
 * Backstory to open yet. Without that permission the content script does not run on a policy
 * site at all, so no sidebar can ask: the toolbar button shows a badge and the popup offers one
 * "Allow" for all of them (entrypoints/popup/PolicyOffer.tsx), as Options does.
 */
import { browser } from '#imports';
import { accessPatterns } from '@/core/policy';
import { sitesItem } from '../storage/sites';
import { sourcesItem } from '../storage/source-configs';

export interface PermissionCheck {
  contains(p: { origins: string[] }): Promise<boolean>;
}

/** Host patterns of the policy's sites and sources that are not granted, in the policy's order. */
export async function missingPolicyAccess(permissions: PermissionCheck = browser.permissions): Promise<string[]> {
  const [sites, sources] = await Promise.all([sitesItem.getValue(), sourcesItem.getValue()]);
  const wanted = accessPatterns(
    sites.filter((s) => s.managed),
    sources.filter((s) => s.managed),
  );
  const granted = await Promise.all(wanted.map((o) => permissions.contains({ origins: [o] }).catch(() => false)));
  return wanted.filter((_o, i) => !granted[i]);
}

/** Calls `fn` now and whenever the policy's sites or sources or the granted permissions change. */
export function watchPolicyAccess(fn: (missing: string[]) => void): () => void {
  const check = () => void missingPolicyAccess().then(fn, () => undefined);
  check();
  const unwatch = [sitesItem.watch(check), sourcesItem.watch(check)];
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  return () => {
    for (const u of unwatch) u();
    browser.permissions.onAdded.removeListener(check);
    browser.permissions.onRemoved.removeListener(check);
  };
}
