import { ClickGuard, MOVED_MESSAGE, type Refusal } from '@/core/click-guard';

/**
 * Clicks in the sidebar count only while it is really visible (issue 20, part 2; the rules are in
 * core/click-guard.ts). The frame measures this itself: in Chromium, IntersectionObserver v2
 * (`trackVisibility`) says whether anything covers the frame, or makes it transparent, filtered or
 * transformed beyond a plain move, which works inside a cross-origin frame such as this extension
 * page in a help-desk page. Without v2 (Firefox) only v1 is known (the frame is on screen and not
 * clipped away): covering cannot be seen there, and the confirm step of risky actions is what
 * remains (SECURITY.md). A resize of the frame, and the content script's "moved" message, pause
 * clicks for a moment. That message is not authenticated (the page could send it too), and need
 * not be: all it can do is refuse clicks for a moment, never allow one.
 *
 * Refused: a click or form submission is stopped before it reaches any button (a capturing
 * listener on the window), and `tell` is called with the reason; a click that counts calls it
 * with undefined. A keyboard's click or submission is refused only while covered. `data-actions` on the root element says clicks count now (tests wait for it).
 */
export function guardClicks(target: Element, tell: (refusal: Refusal | undefined) => void): void {
  const guard = new ClickGuard();
  const now = () => performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    clearTimeout(timer);
    const at = now();
    document.documentElement.toggleAttribute('data-actions', !guard.refusal(at));
    const settles = guard.settlesAt(at);
    if (settles !== undefined) timer = setTimeout(update, settles - at + 1);
  };
  const moved = () => {
    guard.moved(now());
    update();
  };
  const v2 = 'isVisible' in IntersectionObserverEntry.prototype;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries)
        guard.seen(e.isIntersecting && (!v2 || (e as { isVisible?: boolean }).isVisible === true), now());
      update();
    },
    (v2 ? { trackVisibility: true, delay: 100 } : {}) as IntersectionObserverInit,
  );
  observer.observe(target);
  addEventListener('resize', moved);
  addEventListener('message', (e) => {
    if (e.source === parent && e.data === MOVED_MESSAGE) moved();
  });
  const check = (e: Event) => {
    let refusal = guard.refusal(now());
    // The keyboard acts where the focus is, not where the pointer is: a move cannot aim it (and
    // the page cannot type into this frame), so only a cover stops it. Keyboard clicks have detail 0.
    if (refusal === 'moved' && (e.type === 'submit' || (e as MouseEvent).detail === 0)) refusal = undefined;
    if (refusal) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    tell(refusal);
  };
  addEventListener('click', check, true);
  addEventListener('submit', check, true);
  update();
}
