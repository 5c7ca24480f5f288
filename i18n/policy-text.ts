/**
 * What is wrong with the organisation's policy, in the user's language (core/policy.ts's codes,
 * locales policyText.*): where it is ("site 2's \"address\""), then what. A problem stored by a
 * version before problems had codes, or with a code this version does not know, shows its
 * English message as it was stored.
 */
import { POLICY_CODES, type PolicyEntry, type PolicyProblem } from '@/core/policy-problems';
import { errorText } from './error-text';
import { t, tDynamic } from './i18n';

const isCoded = (p: PolicyProblem): p is PolicyProblem & Required<Pick<PolicyProblem, 'code'>> =>
  (POLICY_CODES as readonly string[]).includes(p.code as string) && (p.args === undefined || Array.isArray(p.args));

function entryText(e: PolicyEntry): string {
  const n = String(e.n);
  switch (e.list) {
    case 'site':
      return t('policyText.subject.site', [n]);
    case 'recipe':
      return t('policyText.subject.recipe', [n]);
    case 'source':
      return e.id === undefined
        ? t('policyText.subject.source', [n])
        : t('policyText.subject.sourceId', [n, JSON.stringify(e.id)]);
  }
}

/** Where in the field, in words: "site 2's \"address\"", "data source 1 (\"crm\")", "\"theme\"" or nothing. */
function policyWhere(p: Pick<PolicyProblem, 'entry' | 'key'>): string {
  const entry = p.entry && typeof p.entry.n === 'number' ? entryText(p.entry) : undefined;
  const key = typeof p.key === 'string' ? JSON.stringify(p.key) : undefined;
  if (entry && key) return t('policyText.subject.keyOf', [entry, key]);
  return entry ?? key ?? '';
}

/** A policy problem in the user's language (without its field, which the page shows as written). */
export function policyProblemText(p: PolicyProblem): string {
  if (!isCoded(p)) return typeof p.message === 'string' ? p.message : JSON.stringify(p);
  const args = (p.args ?? []).map(String);
  // A data source's own error is worded from its code (sources/http.ts) in place of its plain words.
  if (p.code === 'sourceError') args[0] = errorText(args[0], p.error);
  return tDynamic(`policyText.code.${p.code}`, [policyWhere(p), ...args]).trim();
}
