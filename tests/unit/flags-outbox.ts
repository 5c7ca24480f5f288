// What the flags-*.test.ts files share: the outbox of flags for sales, delivered to a mock HubSpot
// over real HTTP (Node's fetch). Before each test: the mock's sample data afresh, a new database
// synced from it, and HubSpot as the one source.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TicketRef } from '@/core/model';
import { RateLimiter } from '@/sources/http';
import { runSync } from '@/sources/run-sync';
import { openDb, type BackstoryDB } from '@/storage/db';
import type { DeliveryDeps } from '@/services/flag-delivery';
import { sourcesItem, type SourceConfig } from '@/storage/source-configs';
import { startMockHubSpot, sampleHubSpotData, type MockHubSpot } from '../mock-apis/hubspot-server';

export let mock: MockHubSpot;
export let config: SourceConfig;
export const http = { sleep: async () => undefined, limiter: new RateLimiter(1000, 1000) };
export const ref: TicketRef = {
  helpdesk: 'zendesk',
  ticketId: '1045',
  url: 'https://northwind.zendesk.com/agent/tickets/1045',
  emails: [],
  missing: [],
};
export const input = {
  kind: 'hardware-refresh' as const,
  note: 'Warehouse scanners are 7 years old; Zed asked about replacing all 12.',
  value: 9000,
  urgency: 'normal' as const,
};
export const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
  configs: [config],
  secrets: async () => ({ token: mock.token }),
  http,
  ...over,
});

/**
 * Call once at the top of a test file: starts the mock HubSpot, and before each test opens a new
 * database, hands it to `opened` (the test file keeps it: a test may reopen it) and syncs it.
 */
export function useFlagsOutbox(opened: (db: BackstoryDB) => void): void {
  beforeAll(async () => {
    mock = await startMockHubSpot();
  });
  afterAll(async () => mock.close());
  beforeEach(async () => {
    mock.data = sampleHubSpotData();
    mock.switches = {};
    mock.writes.length = 0;
    mock.searchLag = false;
    const db = openDb('flags-' + Math.random());
    opened(db);
    config = { id: 'hubspot-f1', kind: 'hubspot', label: 'HubSpot', base: mock.url };
    await sourcesItem.setValue([config]);
    await runSync(db, config, { token: mock.token }, http);
  });
}
