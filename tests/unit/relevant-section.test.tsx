import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelevantSection } from '@/components/RelevantSection';
import type { RelevantItem } from '@/core/backstory';

const promise: RelevantItem = {
  kind: 'promise',
  text: '1-hour response on Dentrix issues',
  spans: [[19, 26]],
  terms: ['Dentrix'],
  promise: '1-hour response on Dentrix issues',
};
const note: RelevantItem = {
  kind: 'note',
  text: 'Scheduler <img src=x onerror=alert(1)> down for two days on Dentrix.',
  spans: [
    [0, 9],
    [60, 67],
  ],
  terms: ['Dentrix', 'Scheduler'],
  noteId: 'sample:n1',
  author: 'Priya Nair',
  date: '2025-03-14',
};
const opened = '2026-11-23T15:12:00.000Z';

function show(items: RelevantItem[] | undefined, minutesOpen: number) {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse(opened) + minutesOpen * 60_000);
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<RelevantSection items={items} openedAt={opened} />, root));
  return root;
}
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the relevant section', () => {
  it('shows each item with why, its matching words marked as text, and a clock beside a timed promise', () => {
    const root = show([promise, note], 47);
    const items = root.querySelectorAll('[data-testid="relevant-item"]');
    expect(items).toHaveLength(2);
    expect([...items[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Dentrix']);
    expect(items[0]!.textContent).toContain('1-hour response on Dentrix issues · open 47 min · nearly due');
    expect(items[0]!.querySelector('[data-testid="promise-clock"]')!.getAttribute('data-level')).toBe('amber');
    expect(items[0]!.querySelector('[data-testid="relevant-why"]')!.textContent).toBe('mentions Dentrix');
    expect([...items[1]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Scheduler', 'Dentrix']);
    // Sales text stays text.
    expect(items[1]!.querySelector('img')).toBeNull();
    expect(items[1]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(items[1]!.querySelector('[data-testid="promise-clock"]')).toBeNull();
  });

  it('turns the clock red past the promised time, and leaves it green before 75%', () => {
    expect(show([promise], 30).querySelector('[data-testid="promise-clock"]')!.getAttribute('data-level')).toBe('ok');
    const late = show([promise], 125).querySelector('[data-testid="promise-clock"]')!;
    expect(late.getAttribute('data-level')).toBe('red');
    expect(late.textContent).toBe(' · open 2 h 5 min · past due');
  });

  it('is not shown when nothing concerns the ticket', () => {
    expect(show([], 5).innerHTML).toBe('');
    expect(show(undefined, 5).innerHTML).toBe('');
  });
});
