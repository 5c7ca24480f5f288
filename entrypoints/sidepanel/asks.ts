import type { Shown } from '@/core/messages';
import { ticketKey } from '@/core/story-port';
import type { StoryFeed } from '@/messaging/story-channel';
import { askFind, askFlag, askPin } from '../sidebar/ask';
import type { Asks } from '../sidebar/SidebarApp';

/**
 * The side panel's requests name what it was last pushed: that tab and its ticket. The
 * background acts on them only while that tab is still the active one of the panel's window and
 * still shows that ticket (services/panel-requests.ts), so a click made as the technician
 * switched tabs never lands on the other tab's customer.
 */
export function panelAsks(feed: StoryFeed): Asks {
  const shown = (): Shown | undefined => {
    const push = feed.latest;
    return push?.tab !== undefined && push.story ? { tabId: push.tab, ticket: ticketKey(push.story.ref) } : undefined;
  };
  return {
    find: (query) => askFind(query, shown()),
    pin: (accountId) => askPin(accountId, shown()),
    flag: (input) => askFlag({ ...input, shown: shown() }),
  };
}
