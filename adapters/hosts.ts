/**
 * Help-desk products' hosted domains: the only sites the manifest asks for up front.
 * Custom domains are granted by the user at run time.
 */
export const HOSTED_HELPDESK_MATCHES = [
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
];

/**
 * Where `npm start` and the browser tests serve sample help-desk pages. Only in builds made with
 * WXT_TEST_HOSTS=1; store builds never include them.
 */
export const TEST_HOST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Test builds only: "own domain" help desks used by the browser tests. Granted up front so that
 * permissions.request() answers without a prompt (a test cannot click the browser's dialog);
 * the content script still reaches them only by the run-time registration a user's site gets.
 */
export const TEST_CUSTOM_SITE_MATCHES = ['*://*.test/*'];

/**
 * Where the content script runs. Test builds also take the vendors' domains over http: the
 * browser tests serve fixture pages for them through a local proxy.
 */
export function contentScriptMatches(testHosts: boolean): string[] {
  if (!testHosts) return HOSTED_HELPDESK_MATCHES;
  return [...HOSTED_HELPDESK_MATCHES.map((p) => p.replace(/^https:/, '*:')), ...TEST_HOST_MATCHES];
}

/** What the manifest asks for up front. */
export function hostPermissions(testHosts: boolean): string[] {
  return testHosts ? [...contentScriptMatches(true), ...TEST_CUSTOM_SITE_MATCHES] : HOSTED_HELPDESK_MATCHES;
}
