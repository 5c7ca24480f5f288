import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketStory } from '@/services/ticket-story';
import type { StoryFeed, StoryPush } from '@/messaging/story-feed';
import { SidebarApp } from '@/entrypoints/sidebar/SidebarApp';

/** A feed the test pushes to, as the background would over the port. */
function testFeed(latest?: StoryPush) {
  const subscribers = new Set<(p: StoryPush) => void>();
  const feed: StoryFeed = {
    get latest() {
      return latest;
    },
    subscribe: (fn) => (subscribers.add(fn), () => subscribers.delete(fn)),
    close: () => undefined,
  };
  const push = (p: StoryPush) =>
    act(() => {
      latest = p;
      subscribers.forEach((fn) => fn(p));
    });
  return { feed, push };
}

const none = (company: string, ticketId: string): TicketStory => ({
  ref: {
    helpdesk: 'generic',
    ticketId,
    url: `https://help.example.com/t/${ticketId}`,
    company,
    emails: [],
    missing: [],
  },
  match: {
    status: 'none',
    method: 'none',
    confidence: 'low',
    reason: `no account matches company "${company}"`,
    candidates: [],
    explain: { kind: 'none', parts: [{ what: 'company', value: company }] },
  },
});

describe('the sidebar shows what the background pushes', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('says it is loading until the first push, then shows each story pushed', async () => {
    const { feed, push } = testFeed();
    await act(() => render(<SidebarApp feed={feed} />, root));
    expect(root.textContent).toContain('Loading');
    await push({ type: 'story', story: none('Unknown Widgets Ltd', '1') });
    expect(root.querySelector('[data-testid=no-match]')?.textContent).toContain('Unknown Widgets Ltd');
    await push({ type: 'story', story: null });
    expect(root.textContent).toContain('No ticket on this page.');
    await push({ type: 'story', error: 'the database is closed' });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('the database is closed');
  });

  it('shows a story pushed before it rendered at once', async () => {
    const { feed } = testFeed({ type: 'story', story: none('Early Bird Inc', '2') });
    await act(() => render(<SidebarApp feed={feed} />, root));
    expect(root.querySelector('[data-testid=no-match]')?.textContent).toContain('Early Bird Inc');
  });
});
