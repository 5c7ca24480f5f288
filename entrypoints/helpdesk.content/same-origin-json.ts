import type { GetJson } from '@/adapters/types';

const TIMEOUT_MS = 5000;

/**
 * GET a path of the help desk this page belongs to, as JSON, with the technician's own session:
 * only what the logged-in page could fetch itself. Never another origin.
 */
export const sameOriginJson: GetJson = async (path, headers = {}) => {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a same-origin path: ${path}`);
  const url = new URL(path, location.origin);
  if (url.origin !== location.origin) throw new Error(`not a same-origin path: ${path}`);
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${res.status} from ${url.pathname}`);
  return res.json();
};
