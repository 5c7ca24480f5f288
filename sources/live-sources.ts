/** Every live data source in one place: a new CRM or PSA adds its import and its entry here (README, Development). */
import type { LiveSource } from './live-source';
import { hubspotSource } from './hubspot';
import { connectwiseSource } from './connectwise';
import { halopsaSource } from './halopsa';
import { autotaskSource } from './autotask';
import { pipedriveSource } from './pipedrive';
import { salesforceSource } from './salesforce';
import { teamFeedSource } from './team-feed';

export const LIVE_SOURCES: readonly LiveSource[] = [
  hubspotSource,
  connectwiseSource,
  halopsaSource,
  autotaskSource,
  pipedriveSource,
  salesforceSource,
  teamFeedSource,
];

export function liveSource(kind: string): LiveSource | undefined {
  return LIVE_SOURCES.find((s) => s.kind === kind);
}
