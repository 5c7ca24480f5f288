/**
 * The content script's "the ticket changed" nudges, listened for from the moment this page's
 * script runs (before Preact's effects), so none is lost between load and first render: a nudge
 * that came before anyone subscribed is passed to the first subscriber.
 */
const subscribers = new Set<() => void>();
let missed = false;

window.addEventListener('message', (e) => {
  if (e.source !== window.parent || e.data !== 'backstory:refresh') return;
  if (!subscribers.size) missed = true;
  for (const fn of subscribers) fn();
});

export function onNudge(fn: () => void): () => void {
  subscribers.add(fn);
  if (missed) {
    missed = false;
    fn();
  }
  return () => subscribers.delete(fn);
}
