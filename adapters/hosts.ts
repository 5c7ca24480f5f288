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

export function contentScriptMatches(testHosts: boolean): string[] {
  return testHosts ? [...HOSTED_HELPDESK_MATCHES, ...TEST_HOST_MATCHES] : HOSTED_HELPDESK_MATCHES;
}
