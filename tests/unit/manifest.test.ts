import { describe, expect, it } from 'vitest';
import config, { askUpFront } from '../../wxt.config';
import { HOSTED_HELPDESK_MATCHES, contentScriptMatches } from '@/adapters/hosts';
import helpdeskScript from '@/entrypoints/helpdesk.content';
import { catalog } from './catalog';

/**
 * The permissions the store builds ask for, written out in full: widening them has to change
 * this test, so it cannot slip in unnoticed.
 */
type ManifestFn = (env: {
  browser: string;
  manifestVersion: number;
  mode: string;
  command: string;
}) => Record<string, unknown>;
const manifestFor = (browser: string, manifestVersion: number) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });
/**
 * The manifest as WXT hands it to the build:manifestGenerated hook (the help-desk content script
 * written in with its own matches), after the hook: host_permissions are set there.
 */
const withHook = (m: Record<string, unknown>) => {
  const manifest = {
    ...m,
    content_scripts: [{ matches: helpdeskScript.matches, js: ['content-scripts/helpdesk.js'] }],
  };
  const hooks = config.hooks as Record<string, (wxt: unknown, manifest: unknown) => void>;
  hooks['build:manifestGenerated']!({}, manifest);
  return manifest as Record<string, unknown>;
};

describe('manifest permissions (store builds)', () => {
  it("Chrome MV3 asks for storage, scripting, alarms and the vendors' hosted domains; other sites only at run time", () => {
    const m = withHook(manifestFor('chrome', 3));
    // contextMenus: the side panel's entry in the toolbar button's and the page's menu (issue 22;
    // WXT adds sidePanel itself from the sidepanel entrypoint).
    expect(m.permissions).toEqual(['storage', 'contextMenus', 'unlimitedStorage', 'scripting', 'alarms']);
    expect(m.host_permissions).toEqual(HOSTED_HELPDESK_MATCHES);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    // A source's sign-in window (Salesforce), asked for when the user signs in.
    expect(m.optional_permissions).toEqual(['identity']);
    // Collected from the adapters' own `hosted` lists, in the order of their files.
    expect(HOSTED_HELPDESK_MATCHES).toEqual([
      'https://*.autotask.net/*',
      'https://*.myconnectwise.net/*',
      'https://*.myconnectwise.com/*',
      'https://*.connectwise.net/*',
      'https://*.freshdesk.com/*',
      'https://*.freshservice.com/*',
      'https://*.halopsa.com/*',
      'https://*.haloitsm.com/*',
      'https://*.atlassian.net/*',
      'https://bms.kaseya.com/*',
      'https://*.bms.kaseya.com/*',
      'https://*.service-now.com/*',
      'https://*.syncromsp.com/*',
      'https://*.zendesk.com/*',
    ]);
    expect(m.web_accessible_resources).toEqual([
      { resources: ['sidebar.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
    expect(m).not.toHaveProperty('content_security_policy');
  });

  it('asks up front for exactly where its content script runs, and a test build for the test sites too', () => {
    // Before the hook the manifest has no host list of its own: it cannot drift from the adapters'.
    expect(manifestFor('chrome', 3)).not.toHaveProperty('host_permissions');
    expect(helpdeskScript.matches).toEqual(HOSTED_HELPDESK_MATCHES);
    const test = { content_scripts: [{ matches: contentScriptMatches(true) }] } as Parameters<typeof askUpFront>[0];
    askUpFront(test, true);
    expect(test.host_permissions).toEqual([
      ...HOSTED_HELPDESK_MATCHES.map((p) => p.replace('https://', '*://')),
      'http://127.0.0.1/*',
      'http://localhost/*',
      '*://*.test/*',
    ]);
  });

  it('Firefox MV2 has its add-on id, no data collection, and optional permissions for other sites', () => {
    const m = manifestFor('firefox', 2);
    expect(m.optional_permissions).toEqual(['*://*/*']);
    // Firefox has no optional identity permission: the sign-in window's permission is held from install.
    expect(m.permissions).toEqual(['storage', 'contextMenus', 'unlimitedStorage', 'scripting', 'alarms', 'identity']);
    expect(m).not.toHaveProperty('optional_host_permissions');
    expect(m.browser_specific_settings).toEqual({
      gecko: {
        id: 'backstory@backstory.example',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});

describe('the keyboard command', () => {
  it.each([
    ['chrome', 3],
    ['firefox', 2],
  ] as const)('%s: Alt+Shift+B, described in the user language (a message of every catalogue)', (browser, version) => {
    const m = manifestFor(browser, version) as {
      commands: Record<string, { suggested_key: { default: string }; description: string }>;
    };
    const command = m.commands['toggle-sidebar']!;
    expect(command.suggested_key.default).toBe('Alt+Shift+B');
    const key = /^__MSG_(\w+)__$/.exec(command.description)?.[1];
    expect(key).toBe('panel_command');
    expect(catalog('en')[key!]?.message).toBe(
      "Open Backstory in the browser's side panel, or show or hide its sidebar on the page",
    );
    expect(catalog('de')[key!]?.message).toBe(
      'Backstory in der Seitenleiste des Browsers öffnen oder die Leiste auf der Seite ein- und ausblenden',
    );
  });
});
