import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FlagForm } from '@/components/FlagForm';
import type { Flag } from '@/core/flags';

const delivered: Flag = {
  id: 'bsflag1',
  createdAt: '2026-12-01T10:00:00.000Z',
  kind: 'more-seats',
  note: 'x',
  urgency: 'normal',
  ticket: { helpdesk: 'generic', ticketId: '1', url: 'https://h.example/tickets/1' },
  accountId: 'csv:a',
  accountName: 'Acme',
  source: 'csv',
  status: 'delivered',
  attempts: 1,
};

function setup(flags: Flag[] = [], answer: Flag = delivered, fail?: () => boolean) {
  const sent: unknown[] = [];
  const drafts: string[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  const send = async ({ draftId, ...input }: { draftId: string }) => {
    drafts.push(draftId);
    if (fail?.()) throw new Error('Backstory did not answer; reload the page.');
    sent.push(input);
    return answer;
  };
  const show = (list: Flag[]) =>
    act(() => render(<FlagForm flags={list} send={send} onSent={() => undefined} />, root));
  show(flags);
  act(() => root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
    act(() => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = () =>
    act(
      async () =>
        void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
  return {
    root,
    sent,
    drafts,
    type,
    submit,
    show,
    note: () => root.querySelector('textarea')!,
    value: () => root.querySelector<HTMLInputElement>('input[inputmode=decimal]')!,
  };
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

  it('reads the value as either language writes it, and refuses what is not one amount', async () => {
    for (const [typed, value] of [
      ['9.000 €', 9000],
      ['1.200,50', 1200.5],
      ['12k', 12000],
      ['9,5', 9.5],
    ] as const) {
      const f = setup();
      f.type(f.note(), 'Hiring');
      f.type(f.value(), typed);
      await f.submit();
      expect(f.sent, typed).toEqual([{ kind: 'new-project', note: 'Hiring', urgency: 'normal', value }]);
    }
    const g = setup();
    g.type(g.note(), 'Hiring');
    g.type(g.value(), '3-5k');
    await g.submit();
    expect(g.root.querySelector('[role=alert]')?.textContent).toBe('“3-5k” is not an amount.');
    expect(g.sent).toEqual([]);
  });

  it('asks for a note first', async () => {
    const f = setup();
    await f.submit();
    expect(f.root.querySelector('[role=alert]')?.textContent).toBe('Write a short note for sales first.');
    expect(f.sent).toEqual([]);
  });

  it('closes on Escape without letting the sidebar collapse, keeps the draft, and gives focus back', () => {
    const f = setup();
    const collapsed: string[] = [];
    f.root.addEventListener('keydown', (e) => collapsed.push(e.key));
    f.type(f.note(), 'Three new doctors in March');
    act(() => void f.note().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(f.root.querySelector('form')).toBeNull();
    expect(collapsed).toEqual([]);
    expect(document.activeElement).toBe(f.root.querySelector('[data-testid=flag-open]'));
    act(() => f.root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
    expect(f.note().value).toBe('Three new doctors in March');
    expect(document.activeElement).toBe(f.root.querySelector('select'));
  });

  it('names each draft: sent again after a failure it keeps its id, the next draft gets a new one', async () => {
    let failing = true;
    const f = setup([], delivered, () => failing);
    f.type(f.note(), 'Second office');
    await f.submit();
    expect(f.root.querySelector('[role=alert]')?.textContent).toContain('did not answer');
    failing = false;
    await f.submit();
    expect(f.drafts).toHaveLength(2);
    expect(f.drafts[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(f.drafts[1]).toBe(f.drafts[0]);
    act(() => f.root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
    f.type(f.note(), 'Third office');
    await f.submit();
    expect(f.drafts[2]).toMatch(/^[0-9a-f]{32}$/);
    expect(f.drafts[2]).not.toBe(f.drafts[0]);
  });

  it('sends with Ctrl+Enter from the note', async () => {
    const f = setup();
    f.type(f.note(), 'Second office');
    await act(
      async () =>
        void f
          .note()
          .dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
          ),
    );
    expect(f.sent).toEqual([{ kind: 'new-project', note: 'Second office', urgency: 'normal' }]);
  });

  it('sends one flag while Ctrl+Enter repeats', async () => {
    let answer: (flag: Flag) => void = () => undefined;
    const sent: unknown[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <FlagForm
          flags={[]}
          send={(input) => (sent.push(input), new Promise<Flag>((r) => (answer = r)))}
          onSent={() => undefined}
        />,
        root,
      ),
    );
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
    const note = root.querySelector('textarea')!;
    act(() => {
      note.value = 'Second office';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const press = () =>
      note.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
      );
    // Repeats before and after the form re-renders as busy.
    await act(async () => void (press(), press()));
    await act(async () => void press());
    expect(sent).toHaveLength(1);
    await act(async () => answer(delivered));
    expect(root.querySelector('[data-testid=flag-outcome]')?.textContent).toBe('Flag saved. Sent to sales.');
  });

  it('shows the earlier flag of the chosen kind before a second one is sent', () => {
    const earlier: Flag = { ...delivered, kind: 'new-project', note: 'Wants a <b>second</b> office\nnext year' };
    const f = setup([earlier]);
    expect(f.root.querySelector('[data-testid=flag-duplicate]')?.textContent).toMatch(
      /^Already flagged as New project on .*2026.*: “Wants a <b>second<\/b> office next year”\. Send it again only if this is something new\.$/,
    );
    expect(f.root.querySelector('[data-testid=flag-duplicate] b')).toBeNull();
    const select = f.root.querySelector('select')!;
    act(() => {
      select.value = 'referral';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(f.root.querySelector('[data-testid=flag-duplicate]')).toBeNull();
  });

  it("lists an earlier flag's value in its customer's currency", () => {
    const f = setup([
      { ...delivered, value: 9000, currency: 'EUR' },
      { ...delivered, id: 'bsflag9', value: 500 },
    ]);
    const lines = [...f.root.querySelectorAll('[data-testid=flags] li .muted')].map((el) => el.textContent);
    expect(lines[0]).toContain('€9,000');
    expect(lines[1]).toContain('$500');
  });

  it('shows what became of the sent flag as the sidebar learns it', async () => {
    const waiting: Flag = {
      ...delivered,
      id: 'bsflag2',
      status: 'pending',
      attempts: 1,
      lastError: 'HubSpot answered 503',
    };
    const f = setup([], waiting);
    f.type(f.note(), 'Hiring five people');
    await f.submit();
    expect(f.root.querySelector('[data-testid=flag-outcome]')?.textContent).toBe(
      'Flag saved. Waiting to be sent (HubSpot answered 503); retried automatically.',
    );
    f.show([{ ...waiting, status: 'delivered', lastError: undefined }]);
    expect(f.root.querySelector('[data-testid=flag-outcome]')?.textContent).toBe('Flag saved. Sent to sales.');
  });
});

describe('the outbox panel', () => {
  it('asks again when a stopped worker drops "Send waiting flags now", and says when nothing answers', async () => {
    const { FlagsPanel } = await import('@/entrypoints/options/FlagsPanel');
    const { getDb } = await import('@/storage/db');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    await getDb().flags.put({ ...delivered, id: 'bsflag-wait', status: 'pending', attempts: 1 });
    const answers: unknown[] = [undefined, { ok: true, value: 1 }];
    const asked: unknown[] = [];
    // The first request is dropped (a stopped worker's "Receiving end does not exist").
    fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
      asked.push(message);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer;
    }) as typeof fakeBrowser.runtime.sendMessage;
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<FlagsPanel />, root));
    const button = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Send waiting flags now')!;
    await vi.waitFor(() => expect(button().disabled).toBe(false));
    await act(async () => button().click());
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=flags-note]')?.textContent).toBe('The flag was sent.'),
    );
    expect(asked).toEqual([{ type: 'flags:deliver' }, { type: 'flags:deliver' }]);

    // Nothing answers for its whole patience (30 s): the user is told, not left with no word at all.
    await getDb().flags.put({ ...delivered, id: 'bsflag-wait', status: 'pending', attempts: 1 });
    await vi.waitFor(() => expect(button().disabled).toBe(false));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    answers.push(...Array(40).fill(undefined));
    await act(async () => button().click());
    await act(async () => void (await vi.advanceTimersByTimeAsync(31_000)));
    vi.useRealTimers();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=flags-note]')?.textContent).toBe(
        'Backstory did not answer; reload the page.',
      ),
    );
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.length).toBeLessThan(30);
    await getDb().flags.clear();
  });
});
