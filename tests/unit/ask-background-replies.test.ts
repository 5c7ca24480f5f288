import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground } from '@/messaging/ask-background';

beforeEach(() => fakeBrowser.reset());

// The content script talks to the background without webextension-polyfill (wxt.config.ts): a
// rejection in the background's listener then reaches it as the polyfill's wrapped object, not
// as an error. That is no answer, and is asked again like a lost one.
describe('a reply that is not the router’s', () => {
  it('is no answer, and the request is asked again', async () => {
    let asked = 0;
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      asked++;
      sendResponse(
        asked === 1 ? { __mozWebExtensionPolyfillReject__: true, message: 'storage failed' } : { ok: true, value: 1 },
      );
      return true;
    });
    let t = 0;
    const reply = await askBackground(
      { type: 'flags:deliver' },
      { patienceMs: 5_000, now: () => t, sleep: async (ms) => void (t += ms) },
    );
    expect(reply).toEqual({ ok: true, value: 1 });
    expect(asked).toBe(2);
  });
});
