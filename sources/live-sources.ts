/** Every live data source, as registered in live-source-registry.ts (a new CRM or PSA: README, Development). */
import type { LiveSource } from './live-source';
import * as registered from './live-source-registry';

/**
 * By product name, the order the options form lists them in (a module's exports have no order of
 * their own: they come sorted by their names).
 */
export const LIVE_SOURCES: readonly LiveSource[] = Object.values<LiveSource>(registered).sort((a, b) =>
  a.name.localeCompare(b.name, 'en'),
);

export function liveSource(kind: string): LiveSource | undefined {
  return LIVE_SOURCES.find((s) => s.kind === kind);
}
