/**
 * Progress as often as a person can see it: `fn` is called at most once per `ms` (the first
 * report at once, the last one, done = total, always), so a big file's parse or commit does not
 * post a message and draw the page for every few thousand rows. The import worker posts its
 * progress through it, and the options page draws what it hears through it.
 */
export type Progress = (done: number, total: number) => void;

export function throttleProgress(fn: Progress, ms = 200, now: () => number = () => performance.now()): Progress {
  let last = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const at = now();
    if (done < total && at - last < ms) return;
    last = at;
    fn(done, total);
  };
}
