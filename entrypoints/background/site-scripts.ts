import { siteScriptId, sitePattern, type HelpdeskSite } from '@/core/sites';

/**
 * Keeps one registered content script per user-added help-desk site whose permission is
 * granted, and none for the others. Run at start-up, when the site list changes and when the
 * user grants or revokes a permission (also from chrome://extensions), so a revoked site loses
 * its content script at once. Written here rather than with webext-dynamic-content-scripts
 * because the registration must follow the site list (and its chosen product), not every
 * granted origin.
 */

export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
}
export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions?: boolean;
}

export const CONTENT_SCRIPT_FILE = 'content-scripts/helpdesk.js';

export async function syncSiteScripts(
  sites: readonly HelpdeskSite[],
  scripting: ScriptingApi,
  permissions: PermissionsApi,
): Promise<{ registered: string[]; unregistered: string[] }> {
  const wanted = new Map<string, HelpdeskSite>();
  for (const site of sites) {
    if (await permissions.contains({ origins: [sitePattern(site.origin)] }))
      wanted.set(siteScriptId(site.origin), site);
  }
  const current = (await scripting.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith('site:'));
  const unregistered = current.filter((id) => !wanted.has(id));
  const registered = [...wanted.keys()].filter((id) => !current.includes(id));
  if (unregistered.length) await scripting.unregisterContentScripts({ ids: unregistered });
  if (registered.length) {
    await scripting.registerContentScripts(
      registered.map((id) => ({
        id,
        matches: [sitePattern(wanted.get(id)!.origin)],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: false,
      })),
    );
  }
  return { registered, unregistered };
}

/**
 * syncSiteScripts with the current site list, one run at a time across the extension: the
 * options page runs it right after the user adds, grants or removes a site (so the change does
 * not wait for a worker the browser may have just stopped), and the background runs it on start-up
 * and on permission changes. A Web Lock (shared by the worker and the extension's pages) keeps
 * two runs from registering the same script twice.
 */
export async function keepSiteScripts(
  readSites: () => Promise<readonly HelpdeskSite[]>,
  scripting: ScriptingApi,
  permissions: PermissionsApi,
  locks: Pick<LockManager, 'request'> | null = globalThis.navigator?.locks ?? null,
): Promise<{ registered: string[]; unregistered: string[] }> {
  const run = async () => syncSiteScripts(await readSites(), scripting, permissions);
  return locks ? locks.request('backstory:site-scripts', run) : run();
}
