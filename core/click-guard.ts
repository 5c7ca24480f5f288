/**
 * When a click in the sidebar counts (issue 20, part 2). The sidebar is a frame inside a page we
 * do not trust: the page can cover it (an opaque element with `pointer-events: none` lets clicks
 * through to buttons the technician cannot see), move it, or make it transparent, and time all
 * that to a click it invites. So a click counts only while the frame has been seen visible
 * (IntersectionObserver v2 in Chromium, entrypoints/sidebar/guard.ts) for SETTLE_MS without a
 * break, and not within SETTLE_MS of the frame being moved or resized. Risky actions (pin, send a
 * flag) take a second click on a confirm button that appears in place, at least CONFIRM_MS after
 * the first (components/ConfirmButton.tsx). Pure logic: times are passed in.
 */

/** Why a click is refused now: covered (or not known visible), or moved a moment ago. */
export type Refusal = 'covered' | 'moved';

/** How long the sidebar must be seen visible and still before a click counts. */
export const SETTLE_MS = 600;
/** How long after the first click of a risky action its confirm button starts to count. */
export const CONFIRM_MS = 600;

export class ClickGuard {
  /** The last verdict: undefined until the observer's first report (refused: not known visible). */
  private visible?: boolean;
  private visibleSince = 0;
  private stillUntil = 0;

  constructor(private readonly settleMs = SETTLE_MS) {}

  /** The visibility observer's verdict at `now`. */
  seen(visible: boolean, now: number): void {
    if (visible && this.visible !== true) this.visibleSince = now;
    this.visible = visible;
  }

  /** The frame was moved, resized or restyled at `now`. */
  moved(now: number): void {
    this.stillUntil = Math.max(this.stillUntil, now + this.settleMs);
  }

  /** Why a click at `now` does not count, or undefined when it does. */
  refusal(now: number): Refusal | undefined {
    if (this.visible !== true) return 'covered';
    if (now < this.visibleSince + this.settleMs || now < this.stillUntil) return 'moved';
    return undefined;
  }

  /** When the current refusal ends by itself (undefined: not by time alone, or none). */
  settlesAt(now: number): number | undefined {
    if (this.refusal(now) !== 'moved') return undefined;
    return Math.max(this.visibleSince + this.settleMs, this.stillUntil);
  }
}

/** Whether the confirm click of a risky action armed at `armedAt` may count at `now`. */
export const confirmReady = (armedAt: number, now: number, wait = CONFIRM_MS): boolean => now - armedAt >= wait;

/** The content script's word to its sidebar frame that the page moved or restyled it. */
export const MOVED_MESSAGE = 'backstory:moved';
