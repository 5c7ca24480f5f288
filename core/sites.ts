/**
 * Help-desk sites on the MSP's own domains: what the user types in options becomes an origin
 * that Backstory asks permission for and registers its content script on.
 */

export interface HelpdeskSite {
  /** "https://help.example.com" (scheme + host [+ port]); no path. */
  origin: string;
  /** The product chosen for the site, or "detect" to let the adapters decide. */
  adapterId: string;
  /** ISO date-time. */
  addedAt: string;
  /** Set by the organisation's browser policy: not the user's to change or remove. */
  managed?: boolean;
}

type SiteError = 'empty' | 'notUrl' | 'scheme' | 'credentials' | 'host' | 'wildcard';
/** On failure: what is wrong (worded by the UI) and the part of the input it is about. */
export type SiteParse = { ok: true; origin: string } | { ok: false; error: SiteError; value: string };

/** "help.example.com/tickets" or "https://help.example.com:8443/x" -> its origin, or why not. */
export function parseSiteUrl(input: string): SiteParse {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty', value: '' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'notUrl', value: text };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'scheme', value: url.protocol };
  if (url.username || url.password) return { ok: false, error: 'credentials', value: '' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    return { ok: false, error: 'host', value: url.hostname };
  if (url.hostname.includes('*')) return { ok: false, error: 'wildcard', value: url.hostname };
  return { ok: true, origin: url.origin };
}

/**
 * The host-permission match pattern of everything at an address: scheme and host, no port, no
 * path ("https://crm.example.com:8443/api" -> "https://crm.example.com/*"). Match patterns carry
 * no port: Firefox refuses a pattern with one (MDN, "Match patterns"; Firefox bug 1362809) and
 * Chrome ignores it, any port matching (developer.chrome.com, "Match patterns"). The port stays in
 * the address the requests go to.
 */
export function hostPattern(address: string): string {
  const url = new URL(address);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The match pattern of everything on a site (any port: see `hostPattern`). */
export const sitePattern = (origin: string): string => hostPattern(origin);

/** The content-script registration id of a site (stable, so re-registering replaces it). */
export const siteScriptId = (origin: string) => `site:${origin}`;

export function siteFor(sites: readonly HelpdeskSite[], pageUrl: string): HelpdeskSite | undefined {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return undefined;
  }
  return sites.find((s) => s.origin === origin);
}
