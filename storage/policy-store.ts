import { browser, storage } from '#imports';
import type { Technician } from '@/core/policy';
import type { PolicyProblem } from '@/core/policy-problems';

/**
 * The organisation's policy as the browser hands it over (chrome.storage.managed; in Firefox from
 * policies.json). Nothing set, or a browser without managed storage for this extension (Firefox
 * rejects when no policy names it): an empty object.
 */
export async function readManaged(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/**
 * What the last application of the policy did, for the options page's note. Its problems are
 * codes worded by the page (i18n/policy-text.ts); one stored before problems had codes has only
 * its field and English message, shown as it is.
 */
export interface PolicyApplied {
  at: string;
  problems: PolicyProblem[];
}
export const policyAppliedItem = storage.defineItem<PolicyApplied | null>('local:policyApplied', { fallback: null });

/** Who flags: from the policy when the directory provides it, else typed once in options. */
export const technicianItem = storage.defineItem<Technician | null>('local:technician', { fallback: null });

/** Who flags without a source that takes them are addressed to ("sales@msp.example"). */
export const salesContactItem = storage.defineItem<string>('local:salesContact', { fallback: '' });
