import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { FlagForm } from '@/components/FlagForm';
import type { Flag } from '@/core/flags';

const delivered: Flag = {
  id: 'bsflag1', createdAt: '2026-12-01T10:00:00.000Z', kind: 'more-seats', note: 'x', urgency: 'normal',
  ticket: { helpdesk: 'generic', ticketId: '1', url: 'https://h.example/tickets/1' }, accountId: 'csv:a', accountName: 'Acme', source: 'csv', status: 'delivered', attempts: 1,
};

function setup() {
  const sent: unknown[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<FlagForm flags={[]} send={async (input) => (sent.push(input), delivered)} onSent={() => undefined} />, root));
  act(() => root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
    act(() => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = () => act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  return { root, sent, type, submit, note: () => root.querySelector('textarea')!, value: () => root.querySelector<HTMLInputElement>('input[inputmode=decimal]')! };
}

describe('the flag form', () => {
  it('refuses a value that is not an amount, and sends nothing', async () => {
    const f = setup();
    f.type(f.note(), 'Hiring five people');
    f.type(f.value(), 'lots');
    await f.submit();
    expect(f.root.querySelector('[role=alert]')?.textContent).toBe('“lots” is not an amount.');
    expect(f.sent).toEqual([]);
  });

  it('reads "$9,000" as 9000 and leaves the value out when empty', async () => {
    const f = setup();
    f.type(f.note(), 'Hiring five people');
    f.type(f.value(), '$9,000');
    await f.submit();
    expect(f.sent).toEqual([{ kind: 'new-project', note: 'Hiring five people', urgency: 'normal', value: 9000 }]);
    expect(f.root.querySelector('[data-testid=flag-outcome]')?.textContent).toContain('Sent to sales.');
    const g = setup();
    g.type(g.note(), 'Second office');
    await g.submit();
    expect(g.sent).toEqual([{ kind: 'new-project', note: 'Second office', urgency: 'normal' }]);
  });

  it('asks for a note first', async () => {
    const f = setup();
    await f.submit();
    expect(f.root.querySelector('[role=alert]')?.textContent).toBe('Write a short note for sales first.');
    expect(f.sent).toEqual([]);
  });
});
