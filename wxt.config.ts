import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * WXT_TEST_HOSTS=1 (set by `npm start` and the browser tests) also lets the content script
 * run on http://127.0.0.1 and http://localhost, where the sample help-desk pages and test
 * fixtures are served. Store builds never include it.
 */
const testHostsOn = process.env.WXT_TEST_HOSTS === '1';
/** BACKSTORY_TEST_OUT: another folder for a test build, so two test runs can share a checkout. */
const testOut = process.env.BACKSTORY_TEST_OUT || '.output-test';
/**
 * The test build's public key (manifest "key"), so the unpacked extension has a fixed id,
 * nolekdabcliecikcbidflknhianiknnk, that a test policy can name (tests/e2e/policy.e2e.ts). Its
 * private key was thrown away: it can sign nothing. Store builds get their id from the store.
 */
export const TEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAowqIBAs+w0GmPdj41hl/UqpC7zL2rzkQdinYcQ4TJ9zKGslzoLdThWsn03EM/Hku0J+TMNGroIhjCVAOY+hTueTaabiTWMV3Zf0yzhIobT36aCBYffWDq2sT8EW/57lFcwA/l6W4AhCS2DZ74E3TazEMFwqRO8Rct8PtEkgXh4NsVn7Qw309fiKXAgkBM/XIf8kdlty9ZLP4bxOAVOpJfjcJZCbZp4behJDmY1+tyA3/4+JjS/9XjTNdVlGfMX5gEa0fZJr8H9ZYtnu/9ZPfpYkhz1WeGVXEqPv2M48Ip0TbpeuA00u4HNseXD58Pb50Kvtx0kv0g9enHRKPUd9sxQIDAQAB';

/**
 * Test builds only: "own domain" help desks used by the browser tests. Granted up front so that
 * permissions.request() answers without a prompt (a test cannot click the browser's dialog);
 * the content script still reaches them only by the run-time registration a user's site gets.
 */
export const TEST_CUSTOM_SITE_MATCHES = ['*://*.test/*'];

/**
 * What the manifest asks for up front: the sites its content script runs on, which are the hosted
 * domains each adapter declares (adapters/hosts.ts; so a new help desk needs no line here), plus
 * the test sites in a test build. Set once WXT has written the content script into the manifest:
 * this file is loaded without Vite, so it cannot read the adapters itself.
 */
export function askUpFront(
  manifest: { content_scripts?: { matches?: string[] }[]; host_permissions?: string[] },
  testHosts: boolean,
): void {
  const contentMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  manifest.host_permissions = [
    ...new Set([
      ...(manifest.host_permissions ?? []),
      ...contentMatches,
      ...(testHosts ? TEST_CUSTOM_SITE_MATCHES : []),
    ]),
  ];
}

/** Drops the module's alias of `wxt/browser` to the polyfill (@wxt-dev/webextension-polyfill) from one build's config. */
function withoutPolyfill(config: { resolve?: { alias?: unknown } }): void {
  const alias = config.resolve?.alias;
  const polyfill = (to: unknown) => typeof to === 'string' && to.includes('webextension-polyfill');
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((a: { replacement?: unknown }) => !polyfill(a.replacement));
  } else if (alias && typeof alias === 'object') {
    config.resolve!.alias = Object.fromEntries(Object.entries(alias).filter(([, to]) => !polyfill(to)));
  }
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: testHostsOn ? testOut : '.output',
  // Module workers: the import worker loads its XLSX reader as a chunk of its own, only when needed.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => askUpFront(manifest, testHostsOn),
    // The managed policy's schema: public/schema.json plus every registered data source's kind and
    // settings (scripts/managed-schema.ts), read from the sources themselves so a new source needs
    // no line in the schema. tsx loads them, as this file is loaded without Vite.
    'build:publicAssets': async (wxt, files) => {
      const schema = files.find((f) => f.relativeDest === 'schema.json');
      if (!schema) throw new Error('public/schema.json is missing');
      const { tsImport } = await import('tsx/esm/api');
      const { managedSchema } = (await tsImport(
        resolve(wxt.config.root, 'scripts/managed-schema.ts'),
        pathToFileURL(wxt.config.root + '/').href,
      )) as typeof import('./scripts/managed-schema');
      const base = 'contents' in schema ? schema.contents : readFileSync(schema.absoluteSrc, 'utf8');
      files.splice(files.indexOf(schema), 1, { relativeDest: 'schema.json', contents: managedSchema(base) });
    },
    // The content script, which loads on every help-desk page, without webextension-polyfill
    // (2.6 KB of its 17 KB gzip): it uses only APIs that return promises natively in both
    // browsers (runtime.sendMessage since Chrome 99, storage, runtime.getURL; Firefox's own
    // `browser`), and WXT's `wxt/browser` picks that `browser` or `chrome`. Every other
    // entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'content-script')) withoutPolyfill(config);
    },
    // The popup in a build of its own: built with the other pages, its first result waited for
    // three script files shared with them, and each file an extension page loads costs about
    // 10 ms before its script can run (bench/README.md, "where the popup's time goes"). Alone,
    // what its first result needs is one file, and the part it loads later imports from it.
    // This shapes the build and the zips; in `wxt` dev mode pages load from the dev server, and
    // its rebuilds on a change group the pages together again, which changes nothing there.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((g) => Array.isArray(g) && g.length > 1 && g.some((entry) => entry.type === 'popup'));
      if (Array.isArray(pages))
        groups.push(
          pages.splice(
            pages.findIndex((entry) => entry.type === 'popup'),
            1,
          ),
        );
    },
  },
  // The sources package Mozilla's review asks for: the code and how to build it, not test output.
  zip: { excludeSources: ['screenshots/**', 'test-results/**', 'bench/results/**', '.output-test/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: registering the content script on help-desk sites the user adds at run time.
    // alarms: scheduled syncs of the user's data sources (HubSpot).
    // identity: a sign-in window for sources such as Salesforce. Chrome asks for it at the first
    // sign-in; Firefox cannot have it optional (web-ext lint: invalid optional permission), so it
    // is held from install there (no install prompt names it); test builds hold it from the start,
    // as an automated browser cannot answer its prompt.
    // sidePanel (Chrome; added by WXT for the sidepanel entrypoint): the backstory in the browser's
    // own side panel, the Display option. contextMenus: that panel's entry in the menu of the
    // toolbar button and of help-desk pages, shown only in side-panel mode (SECURITY.md).
    permissions: [
      'storage',
      'contextMenus',
      'unlimitedStorage',
      'scripting',
      'alarms',
      ...(testHostsOn || browser === 'firefox' ? ['identity'] : []),
    ],
    // host_permissions: set by the build:manifestGenerated hook above (askUpFront).
    // What an administrator may preset through browser policy (public/schema.json, docs/deploy.md).
    // Firefox reads the same settings from its policies.json and needs no schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'schema.json' } }),
    ...(browser !== 'firefox' && testHostsOn ? { key: TEST_KEY } : {}),
    // Any other site only when the user adds it in options (permissions.request at that moment).
    // Manifest V2 (Firefox) has no optional_host_permissions: there they are optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*'] }
      : { optional_host_permissions: ['*://*/*'], optional_permissions: ['identity'] }),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        // In the user's language (locales/*.yml panel.command), as chrome://extensions/shortcuts shows it.
        description: '__MSG_panel_command__',
      },
    },
    web_accessible_resources: [
      {
        // The sidebar frame must load on user-added sites too, which are not known at build time.
        // It shows nothing unless this tab's own content script reported a ticket on the same
        // origin (checked by the background), and Chrome gives it a per-session dynamic URL.
        resources: ['sidebar.html'],
        matches: ['<all_urls>'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              // 140 (the current ESR): the first with data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected: data stays in the browser or goes to the user's own CRM.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
