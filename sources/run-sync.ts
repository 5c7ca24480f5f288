/**
 * One sync of one source: read everything (a full pass), then make it the source's complete
 * content in ONE transaction (loadRecordSet). A failure anywhere before that leaves the last good
 * data as it was; records deleted upstream disappear only with a complete, successful pass.
 */
import type { BackstoryDB } from '@/storage/db';
import { loadRecordSet } from '@/storage/import';
import type { SourceConfig, SyncRun } from '@/storage/sources';
import type { HttpOptions } from './http';
import { liveSource } from './live-sources';
import type { Values } from './live-source';

export interface SyncOutcome {
  run: SyncRun;
  counts?: Record<string, number>;
}

export async function runSync(db: BackstoryDB, config: SourceConfig, secrets: Values | undefined, http: HttpOptions = {}, now = () => new Date()): Promise<SyncOutcome> {
  const at = now().toISOString();
  const source = liveSource(config.kind);
  if (!source) return { run: { at, ok: false, message: `unknown kind of source "${config.kind}"` } };
  const missing = source.fields.filter((f) => f.secret && !secrets?.[f.key]?.trim());
  if (!secrets || missing.length) return { run: { at, ok: false, message: 'no API key saved for this source' } };
  try {
    const settings = { base: config.base, ...config.settings };
    const { records, skipped, warnings } = await source.read(settings, secrets, http);
    // Ids carry the source's own id, so two portals of one CRM never overwrite each other.
    const re = (id: string) => reid(id, config.id);
    const set = {
      accounts: records.accounts.map((r) => relabel(r, config.id)),
      contacts: records.contacts.map((r) => ({ ...relabel(r, config.id), ...(r.accountId ? { accountId: re(r.accountId) } : {}) })),
      campaigns: records.campaigns.map((r) => relabel(r, config.id)),
      deals: records.deals.map((r) => ({ ...relabel(r, config.id), accountId: re(r.accountId), ...(r.campaignId ? { campaignId: re(r.campaignId) } : {}) })),
      notes: records.notes.map((r) => ({ ...relabel(r, config.id), ...(r.accountId ? { accountId: re(r.accountId) } : {}), ...(r.dealId ? { dealId: re(r.dealId) } : {}) })),
    };
    await loadRecordSet(db, set, config.id);
    const counts = { account: set.accounts.length, contact: set.contacts.length, campaign: set.campaigns.length, deal: set.deals.length, note: set.notes.length };
    const parts = [`${counts.account} accounts`, `${counts.contact} contacts`, ...(counts.campaign ? [`${counts.campaign} campaigns`] : []), `${counts.deal} deals`, `${counts.note} notes`];
    const extra = [...(skipped ? [`${skipped} records without a name or company skipped`] : []), ...warnings];
    return { run: { at, ok: true, message: parts.join(', ') + (extra.length ? ` (${extra.join('; ')})` : '') }, counts };
  } catch (e) {
    return { run: { at, ok: false, message: isQuotaError(e) ? 'the browser has no storage space left for Backstory' : e instanceof Error ? e.message : String(e) } };
  }
}

/** A full disk, as the browser reports it (Dexie may wrap it as the inner error of an abort). */
function isQuotaError(e: unknown): boolean {
  const { inner, failures } = (e ?? {}) as { inner?: unknown; failures?: Record<number, unknown> };
  return [e, inner, ...Object.values(failures ?? {})].some((x) => (x as { name?: string } | undefined)?.name === 'QuotaExceededError');
}

const reid = (id: string, source: string) => `${source}:${id.slice(id.indexOf(':') + 1)}`;
function relabel<T extends { id: string; source: string; sourceId: string }>(r: T, source: string): T {
  return { ...r, id: `${source}:${r.sourceId}`, source };
}
