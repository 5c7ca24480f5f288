/** A live source's sign-in from the options page (Salesforce's OAuth window): a new source's, or a saved one's again. */
import { browser } from '#imports';
import type { LiveSource, Values } from '@/sources/live-source';
import { runSignIn } from '@/sources/sign-in';
import { hostPattern } from '@/core/sites';

export type SignedIn = { secrets: Values; settings: Values };

/** The address a sign-in comes back to (the vendor's app must list it as its callback URL). */
export function redirectUrl(): string {
  const identity = (browser as { identity?: { getRedirectURL?: () => string } }).identity;
  return identity?.getRedirectURL?.() ?? `https://${browser.runtime.id}.chromiumapp.org/`;
}

/**
 * A source's sign-in in a browser window (identity.launchWebAuthFlow). The identity permission and
 * the sign-in's origins must be asked for in the click itself: call this before awaiting anything.
 */
export function signInWith(source: LiveSource, settings: Values): Promise<SignedIn | 'not granted'> {
  const origins = [...new Set(source.signIn!.origins(settings).map(hostPattern))];
  // Held already (Firefox and test builds declare it; Chrome once granted): not asked for again,
  // as Firefox refuses a request for a permission that is not optional.
  const held = !!(browser as { identity?: unknown }).identity;
  return browser.permissions
    .request({ permissions: held ? [] : ['identity'], origins })
    .then(async (granted): Promise<SignedIn | 'not granted'> =>
      granted
        ? runSignIn(source.signIn!, settings, redirectUrl(), (url) =>
            browser.identity.launchWebAuthFlow({ url, interactive: true }),
          )
        : 'not granted',
    );
}
