import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketStory } from '@/services/ticket-story';

// The sidebar's requests to the background, answered by each test.
const askStory = vi.fn<() => Promise<TicketStory | null>>();
vi.mock('@/entrypoints/sidebar/ask', async (original) => ({
  ...(await original<object>()),
  askStory: () => askStory(),
}));
const { NoAnswer } = await import('@/entrypoints/sidebar/ask');
const { SidebarApp } = await import('@/entrypoints/sidebar/SidebarApp');

describe('the sidebar when the background does not answer', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    askStory.mockReset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  const show = () => act(() => render(<SidebarApp first={askStory()} />, root));
  const wait = (ms: number) =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  const alert = () => root.querySelector('[role=alert]')?.textContent ?? '';

  it('says it is trying again, and asks again by itself until it gets the story', async () => {
    askStory
      .mockRejectedValueOnce(new NoAnswer('no answer'))
      .mockRejectedValueOnce(new NoAnswer('no answer'))
      .mockResolvedValue(null);
    await show();
    await wait(0);
    expect(alert()).toBe('Backstory: Backstory did not answer; trying again…');
    expect(askStory).toHaveBeenCalledTimes(1);
    await wait(1_999);
    expect(askStory).toHaveBeenCalledTimes(1);
    await wait(1);
    expect(askStory).toHaveBeenCalledTimes(2);
    // The second miss waits twice as long.
    await wait(3_999);
    expect(askStory).toHaveBeenCalledTimes(2);
    await wait(1);
    expect(askStory).toHaveBeenCalledTimes(3);
    expect(alert()).toBe('');
    expect(root.textContent).toContain('No ticket on this page.');
  });

  it('asks again, three times, when told the tab shows no ticket (its report not yet there)', async () => {
    askStory.mockResolvedValue(null);
    await show();
    await wait(0);
    expect(root.textContent).toContain('No ticket on this page.');
    const calls: number[] = [];
    for (const ms of [1_000, 2_000, 4_000]) {
      await wait(ms - 1);
      calls.push(askStory.mock.calls.length);
      await wait(1);
    }
    expect(calls).toEqual([1, 2, 3]);
    expect(askStory).toHaveBeenCalledTimes(4);
    await wait(60_000);
    expect(askStory).toHaveBeenCalledTimes(4);
  });

  it('asks by itself when a frame opened early gets no nudge within 3 s', async () => {
    askStory.mockResolvedValue(null);
    await act(() => render(<SidebarApp />, root));
    await wait(2_999);
    expect(askStory).not.toHaveBeenCalled();
    await wait(1);
    expect(askStory).toHaveBeenCalledTimes(1);
  });

  it('does not ask again after a refusal, which says why', async () => {
    askStory.mockRejectedValue(new Error('no ticket on screen in this tab'));
    await show();
    await wait(60_000);
    expect(alert()).toBe('Backstory: no ticket on screen in this tab');
    expect(askStory).toHaveBeenCalledTimes(1);
  });
});
