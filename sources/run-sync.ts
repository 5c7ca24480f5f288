/**
 * One sync of one source: read everything (a full pass), then make it the source's complete
 * content in ONE transaction (loadRecordSet). A failure anywhere before that leaves the last good
 * data as it was; records deleted upstream disappear only with a complete, successful pass.
 */
import type { BackstoryDB } from '@/storage/db';
import { loadRecordSet } from '@/storage/import';
import type { SourceConfig, SyncRun } from '@/storage/sources';
import { readHubSpot } from './hubspot';
import type { HttpOptions } from './http';

export interface SyncOutcome {
  run: SyncRun;
  counts?: Record<string, number>;
}

export async function runSync(db: BackstoryDB, config: SourceConfig, token: string | undefined, http: HttpOptions = {}, now = () => new Date()): Promise<SyncOutcome> {
  const at = now().toISOString();
  if (!token) return { run: { at, ok: false, message: 'no API token saved for this source' } };
  try {
    const { records, skipped } = await readHubSpot({ ...http, token, base: config.base });
    // Ids carry the source's own id, so two HubSpot portals never overwrite each other.
    const set = {
      accounts: records.accounts.map((r) => relabel(r, config.id)),
      contacts: records.contacts.map((r) => ({ ...relabel(r, config.id), ...(r.accountId ? { accountId: reid(r.accountId, config.id) } : {}) })),
      campaigns: [],
      deals: records.deals.map((r) => ({ ...relabel(r, config.id), accountId: reid(r.accountId, config.id) })),
      notes: records.notes.map((r) => ({ ...relabel(r, config.id), ...(r.accountId ? { accountId: reid(r.accountId, config.id) } : {}), ...(r.dealId ? { dealId: reid(r.dealId, config.id) } : {}) })),
    };
    await loadRecordSet(db, set, config.id);
    const counts = { account: set.accounts.length, contact: set.contacts.length, deal: set.deals.length, note: set.notes.length };
    const message = `${counts.account} accounts, ${counts.contact} contacts, ${counts.deal} deals, ${counts.note} notes${skipped ? ` (${skipped} records without a name or company skipped)` : ''}`;
    return { run: { at, ok: true, message }, counts };
  } catch (e) {
    return { run: { at, ok: false, message: e instanceof Error ? e.message : String(e) } };
  }
}

const reid = (id: string, source: string) => `${source}:${id.slice(id.indexOf(':') + 1)}`;
function relabel<T extends { id: string; source: string; sourceId: string }>(r: T, source: string): T {
  return { ...r, id: `${source}:${r.sourceId}`, source };
}
