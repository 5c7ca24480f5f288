import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FLAGS_CHANGED as SAID, onFlagsChanged } from '@/entrypoints/sidebar/flag-news';
import { FLAGS_CHANGED } from '@/core/messages';
import type { Browser } from 'wxt/browser';

beforeEach(() => fakeBrowser.reset());

describe("the sidebar's word that flags changed", () => {
  it('is the word the background says (kept apart from core/messages.ts, whose schemas the sidebar loads later)', () => {
    expect(SAID).toBe(FLAGS_CHANGED);
  });

  it("counts only the background's word, answers nothing, and stops when unsubscribed", async () => {
    let heard = 0;
    const noAnswer = () => expect.unreachable('the sidebar answered a message');
    const stop = onFlagsChanged(() => heard++);
    const own = fakeBrowser.runtime.id;
    // The background (no tab) says flags changed.
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'flags:changed' }, { id: own }, noAnswer)).toEqual([
      undefined,
    ]);
    expect(heard).toBe(1);
    // A content script or an extension tab (both have a tab), another extension, another word: nothing.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'flags:changed' },
      { id: own, tab: { id: 3 } as Browser.tabs.Tab },
      noAnswer,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'flags:changed' }, { id: 'someone-else' }, noAnswer);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'source:sync', id: 'x' }, { id: own }, noAnswer);
    await fakeBrowser.runtime.onMessage.trigger(null, { id: own }, noAnswer);
    expect(heard).toBe(1);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'flags:changed' }, { id: own }, noAnswer);
    expect(heard).toBe(1);
  });
});
