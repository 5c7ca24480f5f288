// What the connectwise-*.test.ts files that talk to ConnectWise share: the mock ConnectWise API
// on 127.0.0.1 (Node's own fetch reaches it: happy-dom's fetch applies CORS), reset before each
// test, and the client's options for it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { CwOptions } from '@/sources/connectwise';
import { RateLimiter } from '@/sources/http';
import { sampleConnectWiseData, startMockConnectWise, type MockConnectWise } from '../mock-apis/connectwise-server';

export let mock: MockConnectWise;
export const fast = { sleep: async () => undefined, limiter: new RateLimiter(10_000, 1000) };
export const opts = (over: Partial<CwOptions> = {}): CwOptions => ({
  site: mock.url,
  companyId: mock.companyId,
  clientId: mock.clientId,
  publicKey: mock.publicKey,
  privateKey: mock.privateKey,
  ...fast,
  ...over,
});

/** Call once at the top of a test file: starts the mock, and gives each test its sample data afresh. */
export function useMockConnectWise(): void {
  beforeAll(async () => {
    mock = await startMockConnectWise();
  });
  afterAll(async () => mock.close());
  beforeEach(() => {
    mock.data = sampleConnectWiseData();
    mock.switches = {};
    mock.forbidden.clear();
    mock.requests.length = 0;
    mock.writes.length = 0;
    mock.forecastShape = 'list';
  });
}
