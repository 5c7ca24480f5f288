import { SIDEBAR_PORT } from '@/core/story-port';
import { openEarlyPort, type Connects } from '@/messaging/early-port';

/**
 * The sidebar frame's first script (sidebar.html loads it before its main script): opens the
 * story port at once, so the background pushes the story while the frame loads the rest
 * (messaging/early-port.ts). Kept tiny, without the browser polyfill: `runtime.connect` is the
 * same call in Chrome and Firefox.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as { browser?: { runtime?: Connects }; chrome?: { runtime?: Connects } };
  const runtime = (g.browser ?? g.chrome)?.runtime;
  const page = new URLSearchParams(location.search).get('page') ?? '';
  if (runtime?.connect) openEarlyPort(runtime, SIDEBAR_PORT + page);
});
