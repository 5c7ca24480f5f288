import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FlagForm } from '@/components/FlagForm';
import { PANEL_MOVED } from '@/core/messages';
import type { TicketRef } from '@/core/model';
import type { StoryFeed, StoryPush } from '@/messaging/story-feed';
import { panelAsks } from '@/entrypoints/sidepanel/asks';
import { useLanguage } from './catalog';

/**
 * The side panel's flag and search refused because its tab is no longer the one it shows: the
 * background answers a code (PANEL_MOVED), and the panel words it in the user's language.
 */
afterEach(() => useLanguage('en'));

const ref: TicketRef = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  company: 'Acme Dental Group',
  emails: [],
  missing: [],
};
const feed: StoryFeed = {
  latest: { type: 'story', story: { ref }, tab: 11 } as unknown as StoryPush,
  subscribe: () => () => undefined,
  close: () => undefined,
};

/** The background's answer to every request: refused, the panel's tab having moved on. */
function refuseAll(): unknown[] {
  const asked: unknown[] = [];
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    asked.push(message);
    return { ok: false, error: PANEL_MOVED };
  }) as typeof fakeBrowser.runtime.sendMessage;
  return asked;
}

describe("the side panel's refusals, in the user's language", () => {
  it('a refused flag is explained in German in the flag form, and the note is kept', async () => {
    useLanguage('de');
    const asked = refuseAll();
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<FlagForm flags={[]} send={panelAsks(feed).flag} onSent={() => undefined} />, root));
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
    const note = root.querySelector('textarea')!;
    act(() => {
      note.value = 'Fragt nach einem zweiten Standort.';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(
      async () =>
        void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toBe(
        'Die Seitenleiste zeigt jetzt einen anderen Tab oder ein anderes Ticket: Der Hinweis wurde nicht gesendet. Ihre Notiz bleibt erhalten; prüfen Sie das Ticket und senden Sie ihn erneut.',
      ),
    );
    expect(root.querySelector('textarea')?.value).toBe('Fragt nach einem zweiten Standort.');
    // It named the tab and ticket it was pushed, for the background to check.
    expect(asked).toMatchObject([{ type: 'sidebar:flag', shown: { tabId: 11 } }]);
    root.remove();
  });

  it('a refused search is worded too (English here), and other errors pass as they came', async () => {
    refuseAll();
    await expect(panelAsks(feed).find('acme')).rejects.toThrow(
      'The side panel now shows another tab or ticket: search again.',
    );
    useLanguage('de');
    await expect(panelAsks(feed).find('acme')).rejects.toThrow(
      'Die Seitenleiste zeigt jetzt einen anderen Tab oder ein anderes Ticket: Suchen Sie erneut.',
    );
    fakeBrowser.runtime.sendMessage = (async () => ({
      ok: false,
      error: 'that account no longer exists',
    })) as typeof fakeBrowser.runtime.sendMessage;
    await expect(panelAsks(feed).find('acme')).rejects.toThrow('that account no longer exists');
  });
});
