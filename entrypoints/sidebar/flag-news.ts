import { browser } from '#imports';

// core/messages.ts's FLAGS_CHANGED (a unit test checks they agree), not imported: that module
// brings its zod schemas, a third of the sidebar's script, which its first render does not need.
export const FLAGS_CHANGED = 'flags:changed';

/**
 * The background's word that flags changed (a delivery round ran), so an open sidebar shows a
 * flag going from "waiting" to "sent" without a reload. The word carries no data: the sidebar
 * asks for its own ticket's story again. Only the background's word counts: content scripts and
 * extension tabs, whose broadcasts reach this frame too, have a tab.
 */
export function onFlagsChanged(fn: () => void): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    if (
      sender.id === browser.runtime.id &&
      !sender.tab &&
      (message as { type?: unknown } | null)?.type === FLAGS_CHANGED
    )
      fn();
    // Never an answer: messages meant for the background pass this frame too.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
