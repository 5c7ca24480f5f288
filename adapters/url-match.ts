/**
 * Whether a page URL is covered by one of these match patterns. Bad patterns match nothing.
 *
 * Written here rather than with WXT's MatchPattern because the content script needs it and every
 * kilobyte there loads on each help-desk page; same rules for the patterns Backstory uses:
 * scheme "*" means http or https, a "*." host also matches the bare domain, the port is
 * ignored, and the path glob is checked against the path (as WXT does).
 */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((p) => matchesPattern(u, p));
}

const ALL_URLS_SCHEMES = ['http', 'https', 'file', 'ftp', 'urn', 'ws', 'wss'];
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^*/:]+)(\/.*)$/;
const glob = (s: string) => new RegExp(`^${s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

function matchesPattern(u: URL, pattern: string): boolean {
  const protocol = u.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return ALL_URLS_SCHEMES.includes(protocol);
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = u.hostname;
  const wanted = host.toLowerCase();
  if (wanted !== '*') {
    const base = wanted.replace(/^\*\./, '');
    const hostOk = hostname === base || (wanted.startsWith('*.') && hostname.endsWith(`.${base}`));
    if (!hostOk) return false;
  }
  return glob(path).test(u.pathname);
}
