import { SPECIFIC_ADAPTERS } from './registry';

/**
 * Help-desk products' hosted domains, as each adapter in adapters/helpdesks/ declares them (its
 * `hosted` list): the only sites the manifest asks for up front. Custom domains are granted by the
 * user at run time. The manifest takes them from the content script's matches (wxt.config.ts).
 */
export const HOSTED_HELPDESK_MATCHES: string[] = [...new Set(SPECIFIC_ADAPTERS.flatMap((a) => a.hosted))];

/**
 * Where `npm start` and the browser tests serve sample help-desk pages. Only in builds made with
 * WXT_TEST_HOSTS=1; store builds never include them.
 */
const TEST_HOST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Where the content script runs. Test builds also take the vendors' domains over http: the
 * browser tests serve fixture pages for them through a local proxy.
 */
export function contentScriptMatches(testHosts: boolean): string[] {
  if (!testHosts) return HOSTED_HELPDESK_MATCHES;
  return [...HOSTED_HELPDESK_MATCHES.map((p) => p.replace(/^https:/, '*:')), ...TEST_HOST_MATCHES];
}
