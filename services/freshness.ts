import { storage } from '#imports';
import type { Backstory, SourceInfo } from '@/core/backstory';
import { sourceStatusItem, sourcesItem } from '../storage/source-configs';

/** When each imported source (csv, sample, a backup's sources) was last written, by source id. */
export const importedAtItem = storage.defineItem<Record<string, string>>('local:importedAt', { fallback: {} });

export async function markImported(sources: Iterable<string>, at = new Date()): Promise<void> {
  const all = { ...(await importedAtItem.getValue()) };
  for (const s of sources) all[s] = at.toISOString();
  await importedAtItem.setValue(all);
}

/** What the sidebar says about how fresh each source's data is. */
export async function describeSources(ids: string[]): Promise<SourceInfo[]> {
  const [configs, status, imported] = await Promise.all([
    sourcesItem.getValue(),
    sourceStatusItem.getValue(),
    importedAtItem.getValue(),
  ]);
  return ids.map((id): SourceInfo => {
    const config = configs.find((c) => c.id === id);
    if (config) {
      const st = status[id];
      return { id, kind: 'sync', label: config.label, at: st?.lastSuccess, failing: !!st?.lastError };
    }
    return { id, kind: id === 'sample' ? 'sample' : 'import', at: imported[id] };
  });
}

/** The story with what the view says about its sources' freshness (kept out of loadBackstory, which runs where browser storage does not, e.g. the benchmarks). */
export async function withFreshness(story: Backstory): Promise<Backstory> {
  return { ...story, sourceInfo: await describeSources(story.sources) };
}
