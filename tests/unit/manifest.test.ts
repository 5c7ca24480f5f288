import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { HOSTED_HELPDESK_MATCHES } from '@/adapters/hosts';
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

describe('manifest permissions (store builds)', () => {
  it("Chrome MV3 asks for storage, scripting, alarms and the vendors' hosted domains; other sites only at run time", () => {
    const m = manifestFor('chrome', 3);
    // contextMenus: the side panel's entry in the toolbar button's and the page's menu (issue 22;
    // WXT adds sidePanel itself from the sidepanel entrypoint).
    expect(m.permissions).toEqual(['storage', 'contextMenus', 'unlimitedStorage', 'scripting', 'alarms']);
    expect(m.host_permissions).toEqual(HOSTED_HELPDESK_MATCHES);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    // A source's sign-in window (Salesforce), asked for when the user signs in.
    expect(m.optional_permissions).toEqual(['identity']);
    expect(HOSTED_HELPDESK_MATCHES).toEqual([
      'https://*.myconnectwise.net/*',
      'https://*.myconnectwise.com/*',
      'https://*.connectwise.net/*',
      'https://*.autotask.net/*',
      'https://*.halopsa.com/*',
      'https://*.haloitsm.com/*',
      'https://*.syncromsp.com/*',
      'https://bms.kaseya.com/*',
      'https://*.bms.kaseya.com/*',
      'https://*.zendesk.com/*',
      'https://*.freshdesk.com/*',
      'https://*.freshservice.com/*',
      'https://*.atlassian.net/*',
      'https://*.service-now.com/*',
    ]);
    expect(m.web_accessible_resources).toEqual([
      { resources: ['sidebar.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
    expect(m).not.toHaveProperty('content_security_policy');
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
