import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOSTED_HELPDESK_MATCHES } from './adapters/hosts';

/**
 * BACKSTORY_TEST_HOSTS=1 (set by `npm start` and the browser tests) also lets the content script
 * run on http://127.0.0.1 and http://localhost, where the sample help-desk pages and test
 * fixtures are served. Store builds never include it.
 */
const testHosts = process.env.BACKSTORY_TEST_HOSTS === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testHosts.length ? '.output-test' : '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The sales backstory beside every help-desk ticket: campaign, deal, promises and notes.',
    permissions: ['storage', 'unlimitedStorage', 'tabs'],
    host_permissions: [...HOSTED_HELPDESK_MATCHES, ...testHosts],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the Backstory sidebar',
      },
    },
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: [...HOSTED_HELPDESK_MATCHES, ...testHosts],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'backstory@backstory.example', strict_min_version: '115.0' } } }
      : {}),
  }),
});
