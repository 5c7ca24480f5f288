/**
 * Applying the organisation's policy (core/policy.ts) to this browser's settings. What the policy
 * sets is written where the user's own choice would go, marked as managed where it is a list
 * entry (a site, a data source), so the options page shows it locked; what the policy no longer
 * sets is taken back (its sites and sources) or left to the user (a setting keeps its last value).
 * Idempotent: applied at every start of the background and whenever the policy changes.
 */
import { readPolicy, type PolicyContext, type PolicyRead, type PolicyRecipe, type PolicySource } from '@/core/policy';
import type { SavedRecipe } from '@/core/recipe';
import { SPECIFIC_ADAPTERS } from '@/adapters/registry';
import { liveSource } from '@/sources/live-sources';
import { forgetSync } from '@/sources/run-sync';
import { forgetRetries } from '@/sources/retry-state';
import { errorDetail } from '@/sources/http';
import { errorText } from '@/i18n/error-text';
import type { BackstoryDB } from '../storage/db';
import { deleteCredentials, loadCredentials, openSecrets, saveCredentials } from '../storage/secrets';
import { recipesItem, sitesItem } from '../storage/sites';
import { sourceStatusItem, sourcesItem, syncIntervalItem, type SourceConfig } from '../storage/source-configs';
import { displaySettings } from '../storage/settings';
import { policyAppliedItem, readManaged, salesContactItem, technicianItem } from '../storage/policy-store';
import { insightsConsentItem } from './insights';
import { removeSource } from '@/storage/record-writes';
import { refreshSearchIndex } from '../background-caches/search-snapshot';
import { refreshRelevanceIndexes } from './relevance-index';

/** Which products and data sources exist, for reading a policy. */
export const policyContext: PolicyContext = {
  products: [...SPECIFIC_ADAPTERS.filter((a) => a.selfHosted).map((a) => a.id), 'generic'],
  checkSource(kind, values) {
    const def = liveSource(kind);
    if (!def) {
      const named = JSON.stringify(kind);
      return { ok: false, code: 'unknownKind', args: [named], message: `the kind ${named} is unknown` };
    }
    const unknown = Object.keys(values).filter((k) => !def.fields.some((f) => f.key === k));
    if (unknown.length) {
      const named = unknown.map((k) => JSON.stringify(k)).join(', ');
      return { ok: false, code: 'unknownSourceSettings', args: [named], message: `unknown setting(s) ${named}` };
    }
    const settings: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const f of def.fields) {
      const value = values[f.key] || f.default || '';
      if (!value && !f.optional) {
        const named = JSON.stringify(f.key);
        return { ok: false, code: 'missingSetting', args: [named], message: `the setting ${named} is missing` };
      }
      (f.secret ? secrets : settings)[f.key] = value;
    }
    try {
      return { ok: true, base: def.origin(settings), settings, secrets };
    } catch (e) {
      // A source's own error is a code (sources/http.ts), worded by the page; its plain words as
      // the fallback (in the background's language).
      const raw = e instanceof Error ? e.message : String(e);
      const error = errorDetail(e);
      return {
        ok: false,
        code: 'sourceError',
        args: [raw],
        ...(error ? { error } : {}),
        message: errorText(raw, error),
      };
    }
  },
};

export async function loadPolicy(): Promise<PolicyRead> {
  return readPolicy(await readManaged(), policyContext);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Apply a policy; returns the ids of data sources that are new or changed and should sync now.
 * Sources the policy dropped go with their records, sync state and credentials.
 */
export async function applyPolicy(
  db: BackstoryDB,
  { policy, problems }: PolicyRead,
  now = new Date(),
): Promise<string[]> {
  // Help-desk sites: the policy's, then the user's own that the policy does not list.
  const sites = await sitesItem.getValue();
  const policySites = (policy.sites ?? []).map((p) => ({
    ...p,
    addedAt: sites.find((s) => s.origin === p.origin)?.addedAt ?? now.toISOString(),
    managed: true,
  }));
  const nextSites = [
    ...policySites,
    ...sites.filter((s) => !s.managed && !policySites.some((p) => p.origin === s.origin)),
  ];
  if (!same(nextSites, sites)) await sitesItem.setValue(nextSites);

  // Reading recipes ("show me where"): the policy's, locked, then the technician's own for other sites.
  const recipes = await recipesItem.getValue();
  const nextRecipes = withPolicyRecipes(recipes, policy.recipes ?? [], now);
  if (!same(nextRecipes, recipes)) await recipesItem.setValue(nextRecipes);

  // Data sources.
  const configs = await sourcesItem.getValue();
  const wanted = policy.sources ?? [];
  const toSync: string[] = [];
  const secretsDb = openSecrets();
  for (const p of wanted) {
    const before = configs.find((c) => c.id === p.id);
    const stored = await loadCredentials(secretsDb, p.id).catch(() => undefined);
    const changed = !before || !same(configOf(p), before);
    if (!same(stored ?? null, p.secrets)) await saveCredentials(secretsDb, p.id, p.secrets);
    // Other settings or keys: the next pass reads the source afresh.
    if (changed || !same(stored ?? null, p.secrets)) {
      if (before) await forgetSync(db, p.id);
      toSync.push(p.id);
    }
  }
  const dropped = configs.filter((c) => c.managed && !wanted.some((p) => p.id === c.id));
  const nextConfigs = [
    ...wanted.map(configOf),
    ...configs.filter((c) => !c.managed && !wanted.some((p) => p.id === c.id)),
  ];
  if (!same(nextConfigs, configs)) await sourcesItem.setValue(nextConfigs);
  for (const c of dropped) await forgetSource(db, c.id);

  if (policy.syncIntervalMinutes !== undefined && (await syncIntervalItem.getValue()) !== policy.syncIntervalMinutes)
    await syncIntervalItem.setValue(policy.syncIntervalMinutes);
  if (policy.display) {
    const current = await displaySettings.getValue();
    const { show, ...rest } = policy.display;
    const next = { ...current, ...rest, show: { ...current.show, ...show } };
    if (!same(next, current)) await displaySettings.setValue(next);
  }
  if (policy.ticketCounting !== undefined && (await insightsConsentItem.getValue()) !== policy.ticketCounting)
    await insightsConsentItem.setValue(policy.ticketCounting);
  if (policy.salesContact !== undefined && (await salesContactItem.getValue()) !== policy.salesContact)
    await salesContactItem.setValue(policy.salesContact);
  if (policy.technician && !same(await technicianItem.getValue(), policy.technician))
    await technicianItem.setValue(policy.technician);

  const applied = await policyAppliedItem.getValue();
  if (!same(applied?.problems ?? [], problems) || !applied)
    await policyAppliedItem.setValue({ at: now.toISOString(), problems });
  return toSync;
}

/**
 * The stored recipes with the policy's in place: each marked managed (Options locks it, a picker
 * cannot overwrite it), keeping the date it was first set while its locators stay the same. A
 * managed recipe the policy no longer lists goes; the technician's own for a site the policy
 * names is replaced by the policy's.
 */
function withPolicyRecipes(
  stored: Record<string, SavedRecipe>,
  wanted: readonly PolicyRecipe[],
  now: Date,
): Record<string, SavedRecipe> {
  const out: Record<string, SavedRecipe> = {};
  for (const [origin, r] of Object.entries(stored))
    if (!r.managed && !wanted.some((p) => p.origin === origin)) out[origin] = r;
  for (const { origin, ...locators } of wanted) {
    const before = stored[origin];
    const unchanged =
      before?.managed &&
      before.company === locators.company &&
      before.contactEmail === locators.contactEmail &&
      before.ticketId === locators.ticketId;
    out[origin] = { ...locators, savedAt: (unchanged && before.savedAt) || now.toISOString(), managed: true };
  }
  return out;
}

function configOf(p: PolicySource): SourceConfig {
  return { id: p.id, kind: p.kind, label: p.label, base: p.base, settings: p.settings, managed: true };
}

/** A data source's records, sync position, retries, credentials and status, gone. */
async function forgetSource(db: BackstoryDB, id: string): Promise<void> {
  await removeSource(db, id);
  await refreshSearchIndex(db);
  void refreshRelevanceIndexes(db);
  await forgetSync(db, id);
  await forgetRetries(id);
  await deleteCredentials(openSecrets(), id);
  const all = { ...(await sourceStatusItem.getValue()) };
  delete all[id];
  await sourceStatusItem.setValue(all);
}
