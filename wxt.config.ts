import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptMatches } from './adapters/hosts';

/**
 * WXT_TEST_HOSTS=1 (set by `npm start` and the browser tests) also lets the content script
 * run on http://127.0.0.1 and http://localhost, where the sample help-desk pages and test
 * fixtures are served. Store builds never include it.
 */
const testHostsOn = process.env.WXT_TEST_HOSTS === '1';
const hostMatches = contentScriptMatches(testHostsOn);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testHostsOn ? '.output-test' : '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The sales backstory beside every help-desk ticket: campaign, deal, promises and notes.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: hostMatches,
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the Backstory sidebar',
      },
    },
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: hostMatches,
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'backstory@backstory.example', strict_min_version: '115.0' } } }
      : {}),
  }),
});
