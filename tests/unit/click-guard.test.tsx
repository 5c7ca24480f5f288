import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClickGuard, CONFIRM_MS, SETTLE_MS, confirmReady } from '@/core/click-guard';
import { ConfirmButton, ConfirmRisky } from '@/components/ConfirmButton';

describe('the click guard', () => {
  it('refuses every click until the frame is reported visible (no report: not known visible)', () => {
    const g = new ClickGuard();
    expect(g.refusal(0)).toBe('covered');
    expect(g.refusal(10_000)).toBe('covered');
    g.seen(false, 10_000);
    expect(g.refusal(20_000)).toBe('covered');
  });

  it('counts clicks only once the frame has been visible SETTLE_MS without a break', () => {
    const g = new ClickGuard();
    g.seen(true, 1_000);
    expect(g.refusal(1_000)).toBe('moved');
    expect(g.refusal(1_000 + SETTLE_MS - 1)).toBe('moved');
    expect(g.settlesAt(1_000)).toBe(1_000 + SETTLE_MS);
    expect(g.refusal(1_000 + SETTLE_MS)).toBeUndefined();
    // A second "visible" report does not restart the wait; a cover does, once lifted.
    g.seen(true, 5_000);
    expect(g.refusal(5_000)).toBeUndefined();
    g.seen(false, 6_000);
    expect(g.refusal(6_000)).toBe('covered');
    expect(g.settlesAt(6_000)).toBeUndefined();
    g.seen(true, 7_000);
    expect(g.refusal(7_000 + SETTLE_MS - 1)).toBe('moved');
    expect(g.refusal(7_000 + SETTLE_MS)).toBeUndefined();
  });

  it('refuses clicks for SETTLE_MS after each move or resize, and a cover beats a move', () => {
    const g = new ClickGuard();
    g.seen(true, 0);
    g.moved(10_000);
    expect(g.refusal(10_000)).toBe('moved');
    g.moved(10_400);
    expect(g.refusal(10_000 + SETTLE_MS)).toBe('moved');
    expect(g.settlesAt(10_500)).toBe(10_400 + SETTLE_MS);
    expect(g.refusal(10_400 + SETTLE_MS)).toBeUndefined();
    // A move reported late (an old time) never shortens a wait.
    g.moved(20_000);
    g.moved(19_000);
    expect(g.refusal(19_000 + SETTLE_MS)).toBe('moved');
    g.seen(false, 20_100);
    expect(g.refusal(20_100)).toBe('covered');
  });

  it('lets a confirming click count only CONFIRM_MS after the first', () => {
    expect(confirmReady(1_000, 1_000 + CONFIRM_MS - 1)).toBe(false);
    expect(confirmReady(1_000, 1_000 + CONFIRM_MS)).toBe(true);
  });
});

describe('a button for a risky action', () => {
  afterEach(() => vi.useRealTimers());

  function setup(confirm: boolean) {
    vi.useFakeTimers();
    const done = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <ConfirmRisky.Provider value={confirm}>
          <ConfirmButton onConfirm={done} label="Pin Acme" confirm="Confirm pin Acme">
            Pin
          </ConfirmButton>
        </ConfirmRisky.Provider>,
        root,
      ),
    );
    const button = () => root.querySelector('button')!;
    const click = () => act(() => button().click());
    return { done, button, click };
  }

  it('acts at once where no confirmation is asked (outside the framed sidebar)', () => {
    const b = setup(false);
    b.click();
    expect(b.done).toHaveBeenCalledTimes(1);
  });

  it('turns in place into a confirm button that counts only CONFIRM_MS later', () => {
    const b = setup(true);
    const first = b.button();
    b.click();
    expect(b.done).not.toHaveBeenCalled();
    expect(b.button()).toBe(first);
    expect(b.button().getAttribute('aria-label')).toBe('Confirm pin Acme');
    expect(b.button().disabled).toBe(true);
    // A second click timed right after the first (a forged double click) does nothing.
    b.click();
    act(() => void vi.advanceTimersByTime(CONFIRM_MS - 50));
    b.click();
    expect(b.done).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(100));
    expect(b.button().disabled).toBe(false);
    b.click();
    expect(b.done).toHaveBeenCalledTimes(1);
    expect(b.button().getAttribute('aria-label')).toBe('Pin Acme');
  });

  it('turns back when not confirmed in time', () => {
    const b = setup(true);
    b.click();
    act(() => void vi.advanceTimersByTime(11_000));
    expect(b.button().getAttribute('aria-label')).toBe('Pin Acme');
    b.click();
    expect(b.done).not.toHaveBeenCalled();
  });
});
