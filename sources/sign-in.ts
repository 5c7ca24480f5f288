/**
 * The browser half of a source's sign-in (OAuth 2.0 authorization code with PKCE, RFC 7636), kept
 * apart from the browser itself: the options page hands in `launch` (identity.launchWebAuthFlow)
 * and the redirect address (identity.getRedirectURL()).
 */
import { SourceError, type HttpOptions } from './http';
import type { SourceSignIn, Values } from './live-source';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A fresh random verifier (43 characters of base64url, 32 random bytes). */
const pkceVerifier = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** PKCE's S256 challenge of a verifier. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * Run a sign-in: open the vendor's page through `launch`, check the state that comes back, and
 * exchange the code. Throws in plain words when the vendor answered an error or nothing usable.
 */
export async function runSignIn(
  signIn: SourceSignIn,
  settings: Values,
  redirectUri: string,
  launch: (url: string) => Promise<string | undefined>,
  http?: HttpOptions,
): Promise<{ secrets: Values; settings: Values }> {
  const verifier = pkceVerifier();
  const state = pkceVerifier();
  const url = signIn.authorizeUrl(settings, { redirectUri, challenge: await pkceChallenge(verifier), state });
  const back = await launch(url);
  if (!back) throw new SourceError('signInClosed');
  const answer = new URL(back);
  const params = new URLSearchParams(answer.search || answer.hash.slice(1));
  const error = params.get('error');
  if (error)
    throw new SourceError('signInRefused', [
      `${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`,
    ]);
  if (params.get('state') !== state) throw new SourceError('signInWrongState');
  const code = params.get('code');
  if (!code) throw new SourceError('signInNoCode');
  return signIn.exchange(settings, { code, verifier, redirectUri }, http);
}
