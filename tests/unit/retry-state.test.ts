import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetRetries, retryStore } from '@/sources/retry-state';

beforeEach(() => fakeBrowser.reset());

describe("a data source's retry state in session storage", () => {
  it('is read back by a new worker (a fresh memory object), per source, and cleared', async () => {
    await retryStore('hubspot-1').set('GET https://api.hubapi.com/a ', { attempts: 2, notBefore: 5 });
    expect(await retryStore('hubspot-1').get('GET https://api.hubapi.com/a ')).toEqual({ attempts: 2, notBefore: 5 });
    expect(await retryStore('hubspot-2').get('GET https://api.hubapi.com/a ')).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual(['httpRetries:hubspot-1']);
    // Never on disk.
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    await retryStore('hubspot-1').clear('GET https://api.hubapi.com/a ');
    expect(await retryStore('hubspot-1').get('GET https://api.hubapi.com/a ')).toBeUndefined();
  });

  it('reads session storage once per sync, and writes every change through', async () => {
    const store = retryStore('cw');
    let reads = 0;
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    fakeBrowser.storage.session.get = ((...args: Parameters<typeof get>) => (reads++, get(...args))) as typeof get;
    for (let i = 0; i < 5; i++) await store.get(`GET /page/${i} `);
    const afterGets = reads;
    await store.set('GET /page/5 ', { attempts: 1, notBefore: 9 });
    await store.get('GET /page/5 ');
    expect(reads).toBe(afterGets);
    // The first get read the item (WXT's storage may take more than one call for it); no other did.
    expect(afterGets).toBeGreaterThan(0);
    expect(afterGets).toBeLessThanOrEqual(2);
    // A new worker's memory sees what this one wrote, and its clear reaches storage too.
    expect(await retryStore('cw').get('GET /page/5 ')).toEqual({ attempts: 1, notBefore: 9 });
    await store.clear('GET /page/5 ');
    expect(await retryStore('cw').get('GET /page/5 ')).toBeUndefined();
  });

  it('forgets tries from a past episode, keeps only the latest few, and all of a removed source', async () => {
    let t = 0;
    const store = retryStore('cw', () => t);
    await store.set('old', { attempts: 4, notBefore: 0 });
    t = 11 * 60_000;
    expect(await store.get('old')).toBeUndefined();
    for (let i = 0; i < 12; i++) {
      t += 1;
      await store.set(`k${i}`, { attempts: 1, notBefore: t });
    }
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k11')).toEqual({ attempts: 1, notBefore: t });
    const stored = (await fakeBrowser.storage.session.get('httpRetries:cw'))['httpRetries:cw'] as object;
    expect(Object.keys(stored)).toHaveLength(8);
    await forgetRetries('cw');
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });
});
