import { browser } from '#imports';
import type { MessageType, ReplyTo, Request } from '@/core/messages';

/**
 * One request to the background; undefined when no answer came. The browser may stop the
 * service worker at any moment (idle, update, crash): a message sent while it stops is refused
 * ("Receiving end does not exist"), and one it was working on loses its answer ("message channel
 * closed"). Either way the request is lost, not refused.
 */
async function sendOnce<T extends MessageType>(message: Request<T> & { type: T }): Promise<ReplyTo<T> | undefined> {
  try {
    // The one place a reply's type is asserted: the router answers each message with its
    // messageSchemas reply type (entrypoints/background/router.ts checks it).
    const reply: unknown = await browser.runtime.sendMessage(message);
    // Every answer of the router is { ok, … }; anything else (a rejection the polyfill in the
    // background wraps, for a content script without the polyfill) is no answer.
    return reply && typeof reply === 'object' && 'ok' in reply ? (reply as ReplyTo<T>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A request asked again, with growing pauses, while its answer is lost, for up to `patienceMs`
 * and while `wanted()` (a content script's ticket still on screen). Only for requests that may
 * safely run twice: each asking wakes a new worker, which joins or resumes the work (a sync from
 * its cursor, a delivery by flag id, a flag by its draft id, a ticket report by tab).
 */
export async function askBackground<T extends MessageType>(
  message: Request<T> & { type: T },
  {
    patienceMs = 1_500,
    wanted = (): boolean => true,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    now = Date.now,
  } = {},
): Promise<ReplyTo<T> | undefined> {
  const until = now() + patienceMs;
  let reply = await sendOnce<T>(message);
  for (let pause = 200; !reply && now() < until; pause = Math.min(pause * 2, 2_000)) {
    await sleep(pause);
    if (!wanted()) return undefined;
    reply = await sendOnce<T>(message);
  }
  return reply;
}
