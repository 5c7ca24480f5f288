import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground } from '@/messaging/ask-background';

beforeEach(() => fakeBrowser.reset());

/** A clock that the pauses move, so the test runs in no time. */
function clock() {
  let t = 0;
  const pauses: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (pauses.push(ms), (t += ms)), pauses };
}

/** A background no asking reaches; returns how many askings it refused. */
function unreachable(): () => number {
  let asked = 0;
  fakeBrowser.runtime.onMessage.addListener(() => {
    asked++;
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  return () => asked;
}

describe('asking the background while the browser stops its worker', () => {
  it('asks again while the answer is lost, and returns the first answer', async () => {
    let asked = 0;
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      asked++;
      // The first two askings reach a worker that is then stopped: the channel closes.
      if (asked <= 2)
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      sendResponse({ ok: true, value: asked });
      return true;
    });
    const c = clock();
    expect(await askBackground({ type: 'source:sync', id: 'x' }, { patienceMs: 10_000, ...c })).toEqual({
      ok: true,
      value: 3,
    });
    expect(c.pauses).toEqual([200, 400]);
  });

  it('gives up after its patience, with growing pauses of at most 2 s', async () => {
    const asked = unreachable();
    const c = clock();
    expect(await askBackground({ type: 'flags:deliver' }, { patienceMs: 8_000, ...c })).toBeUndefined();
    expect(c.pauses).toEqual([200, 400, 800, 1600, 2000, 2000, 2000]);
    expect(asked()).toBe(8);
  });

  it('stops asking once the request is no longer wanted (the ticket left the screen)', async () => {
    const asked = unreachable();
    const c = clock();
    let wanted = true;
    const sleep = async (ms: number) => {
      await c.sleep(ms);
      if (c.pauses.length === 3) wanted = false;
    };
    expect(
      await askBackground({ type: 'flags:deliver' }, { patienceMs: 20_000, wanted: () => wanted, now: c.now, sleep }),
    ).toBeUndefined();
    expect(c.pauses).toEqual([200, 400, 800]);
    expect(asked()).toBe(3);
  });

  it('passes on a refusal as it came: a refused request is answered, not lost', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse({ ok: false, error: 'no data source "x"' });
      return true;
    });
    const c = clock();
    expect(await askBackground({ type: 'source:sync', id: 'x' }, { ...c })).toEqual({
      ok: false,
      error: 'no data source "x"',
    });
    expect(c.pauses).toEqual([]);
  });
});
