import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetRetries, retryMemory } from '@/storage/retry-memory';

beforeEach(() => fakeBrowser.reset());

describe("a data source's retry state in session storage", () => {
  it('is read back by a new worker (a fresh memory object), per source, and cleared', async () => {
    await retryMemory('hubspot-1').set('GET https://api.hubapi.com/a ', { attempts: 2, notBefore: 5 });
    expect(await retryMemory('hubspot-1').get('GET https://api.hubapi.com/a ')).toEqual({ attempts: 2, notBefore: 5 });
    expect(await retryMemory('hubspot-2').get('GET https://api.hubapi.com/a ')).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual(['httpRetries:hubspot-1']);
    // Never on disk.
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    await retryMemory('hubspot-1').clear('GET https://api.hubapi.com/a ');
    expect(await retryMemory('hubspot-1').get('GET https://api.hubapi.com/a ')).toBeUndefined();
  });

  it('forgets tries from a past episode, keeps only the latest few, and all of a removed source', async () => {
    let t = 0;
    const memory = retryMemory('cw', () => t);
    await memory.set('old', { attempts: 4, notBefore: 0 });
    t = 11 * 60_000;
    expect(await memory.get('old')).toBeUndefined();
    for (let i = 0; i < 12; i++) {
      t += 1;
      await memory.set(`k${i}`, { attempts: 1, notBefore: t });
    }
    expect(await memory.get('k0')).toBeUndefined();
    expect(await memory.get('k11')).toEqual({ attempts: 1, notBefore: t });
    const stored = (await fakeBrowser.storage.session.get('httpRetries:cw'))['httpRetries:cw'] as object;
    expect(Object.keys(stored)).toHaveLength(8);
    await forgetRetries('cw');
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });
});
