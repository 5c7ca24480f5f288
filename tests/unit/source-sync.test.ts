// @vitest-environment node
// The background's sync runner: one sync per source at a time, a watchdog alarm only while syncs
// run (it wakes a new worker to resume a sync cut off by a stopped one), and the saved search
// index brought up to date after a sync.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RESUME_ALARM, resumeInterrupted, syncSource } from '@/entrypoints/background/source-sync';
import { getDb } from '@/storage/db';
import { openSecrets, saveCredentials } from '@/storage/secrets';
import { sourceStatusItem, sourcesItem } from '@/storage/source-configs';
import { openSavedSearch } from '@/background-caches/search-snapshot';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

let mock: MockHubSpot;
beforeAll(async () => {
  mock = await startMockHubSpot();
});
afterAll(async () => mock.close());
beforeEach(async () => {
  fakeBrowser.reset();
  mock.data = sampleHubSpotData();
  mock.switches = {};
  mock.setToken('pat-na1-mock-token');
  await sourcesItem.setValue([{ id: 'hubspot-w1', kind: 'hubspot', label: 'HubSpot', base: mock.url }]);
  await saveCredentials(openSecrets(), 'hubspot-w1', { token: mock.token });
});

describe('the background sync runner', () => {
  it('keeps a watchdog alarm only while a sync runs, and one sync per source', async () => {
    mock.switches = { delayMs: 150 };
    const first = syncSource('hubspot-w1');
    expect(syncSource('hubspot-w1')).toBe(first);
    await expect
      .poll(() => fakeBrowser.alarms.get(RESUME_ALARM))
      .toMatchObject({ name: RESUME_ALARM, periodInMinutes: 1 });
    const status = await first;
    expect(status.runs[0]).toMatchObject({ ok: true });
    expect(status.running).toBeFalsy();
    await expect.poll(() => fakeBrowser.alarms.get(RESUME_ALARM)).toBeUndefined();
  });

  it('starts no second sync for a request asked again after its sync finished elsewhere', async () => {
    const askedAt = Date.now();
    const done = await syncSource('hubspot-w1', askedAt);
    const seen = mock.requests.length;
    // The same request again (its answer was lost): answered by the run it started.
    expect(await syncSource('hubspot-w1', askedAt)).toEqual(done);
    expect(mock.requests.length).toBe(seen);
    // A later click does sync.
    const later = await syncSource('hubspot-w1', Date.parse(done.runs[0]!.at) + 1);
    expect(mock.requests.length).toBeGreaterThan(seen);
    expect(later.runs).toHaveLength(2);
  });

  it('resumes a sync that a stopped worker left marked running', async () => {
    await sourceStatusItem.setValue({ 'hubspot-w1': { runs: [], running: true } });
    await resumeInterrupted();
    const status = (await sourceStatusItem.getValue())['hubspot-w1']!;
    expect(status.running).toBeFalsy();
    expect(status.runs[0]).toMatchObject({ ok: true, summary: { counts: { account: 3 } } });
  });

  it('only reports a pass that completed in a worker stopped before it could say so, reading nothing again', async () => {
    const before = (await sourceStatusItem.getValue())['hubspot-w1'];
    const done = await syncSource('hubspot-w1');
    // As the status stood while that sync ran: its run not yet written, still marked running.
    await sourceStatusItem.setValue({
      'hubspot-w1': { ...before, runs: before?.runs ?? [], running: true, runningSince: done.runs[0]!.at },
    });
    const seen = mock.requests.length;
    await resumeInterrupted();
    expect(mock.requests.length).toBe(seen);
    const status = (await sourceStatusItem.getValue())['hubspot-w1']!;
    expect(status).toMatchObject({ running: false, runs: [done.runs[0]] });
    expect(status.runningSince).toBeUndefined();
    // A sync asked for after that pass does read the source again.
    await sourceStatusItem.setValue({
      'hubspot-w1': {
        ...status,
        running: true,
        runningSince: new Date(Date.parse(done.runs[0]!.at) + 1).toISOString(),
      },
    });
    await resumeInterrupted();
    expect(mock.requests.length).toBeGreaterThan(seen);
    expect((await sourceStatusItem.getValue())['hubspot-w1']!.runs).toHaveLength(status.runs.length + 1);
  });

  it('leaves the saved search index current after a sync', async () => {
    await syncSource('hubspot-w1');
    const how: string[] = [];
    await openSavedSearch(getDb(), undefined as never, (index, h) => {
      how.push(h);
      if (h === 'saved') expect(index.search('unknown widgets').accounts[0]?.title).toBe('Unknown Widgets Ltd');
    });
    expect(how).toEqual(['saved', 'saved']);
  });
});
