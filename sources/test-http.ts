/**
 * Test builds only (WXT_TEST_HOSTS=1, which store builds never set): a source's stored settings
 * may shorten the request timeout (`testTimeoutMs`), so the browser test of an API that never
 * answers takes seconds instead of five 25-second attempts. The options form has no such field;
 * the test writes it into storage. In any other build this returns nothing and users get
 * sources/http.ts's own timeout and retries.
 */
import type { HttpOptions } from './http';
import type { Values } from './live-source';

export function testHttp(settings: Values, testBuild = import.meta.env?.WXT_TEST_HOSTS === '1'): HttpOptions {
  const ms = Number(settings.testTimeoutMs);
  return testBuild && Number.isInteger(ms) && ms > 0 ? { timeoutMs: ms, retries: 1 } : {};
}
