/**
 * The content script's "the ticket changed" nudges, listened for from the moment this page's
 * script runs (before Preact's effects), so none is lost between load and first render: a
 * subscriber that fetches after subscribing has seen every nudge that came before.
 */
const subscribers = new Set<() => void>();

window.addEventListener('message', (e) => {
  if (e.source !== window.parent || e.data !== 'backstory:refresh') return;
  for (const fn of subscribers) fn();
});

export function onNudge(fn: () => void): () => void {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}
