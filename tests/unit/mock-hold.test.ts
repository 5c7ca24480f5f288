// @vitest-environment node
// The HubSpot mock's hold (tests/mock-apis/serve.ts): held requests have not reached HubSpot yet,
// so one whose sender gives up meanwhile (a browser closed, a worker replaced by an update) never
// does, and the others are handled once released. The update browser test relies on it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { request } from 'node:http';
import { startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

let mock: MockHubSpot;
beforeAll(async () => {
  mock = await startMockHubSpot();
});
afterAll(async () => mock.close());

/** A GET that its sender gives up on once the server has it (the socket is destroyed). */
function abandoned(path: string): Promise<void> {
  return new Promise((done) => {
    const req = request(`${mock.url}${path}`, { headers: { authorization: `Bearer ${mock.token}` } });
    req.on('error', () => undefined);
    req.on('close', () => done());
    req.end(() => setTimeout(() => req.destroy(), 50));
  });
}

it('drops a request whose sender gave up while it was held, and handles the others when released', async () => {
  const release = mock.hold();
  await abandoned('/crm/v3/owners?gone=1');
  const kept = fetch(`${mock.url}/crm/v3/owners?kept=1`, { headers: { authorization: `Bearer ${mock.token}` } });
  // The server sees the closed connection (loopback: at once; room for a loaded machine).
  await new Promise((done) => setTimeout(done, 200));
  expect(mock.requests).toEqual([]);
  release();
  expect((await kept).status).toBe(200);
  expect(mock.requests.map((r) => r.path)).toEqual(['/crm/v3/owners?kept=1']);
});
