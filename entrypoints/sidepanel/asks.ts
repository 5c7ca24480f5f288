import { PANEL_MOVED, type Shown } from '@/core/messages';
import { ticketKey } from '@/core/story-port';
import { t } from '@/i18n/i18n';
import type { StoryFeed } from '@/messaging/story-feed';
import { askFind, askFlag, askPin } from '../sidebar/ask';
import type { Asks } from '../sidebar/SidebarApp';

/**
 * The side panel's requests name what it was last pushed: that tab and its ticket. The
 * background acts on them only while that tab is still the active one of the panel's window and
 * still shows that ticket (services/panel-requests.ts), so a click made as the technician
 * switched tabs never lands on the other tab's customer. Its refusal comes as a code
 * (PANEL_MOVED), worded here in the user's language.
 */
export function panelAsks(feed: StoryFeed): Asks {
  const shown = (): Shown | undefined => {
    const push = feed.latest;
    return push?.tab !== undefined && push.story ? { tabId: push.tab, ticket: ticketKey(push.story.ref) } : undefined;
  };
  return {
    find: (query) => askFind(query, shown()).catch(worded('panel.findMoved')),
    pin: (accountId) => askPin(accountId, shown()),
    flag: (input) => askFlag({ ...input, shown: shown() }).catch(worded('panel.flagMoved')),
  };
}

/** The background's PANEL_MOVED refusal in words; any other error as it came. */
const worded = (key: 'panel.flagMoved' | 'panel.findMoved') => (e: unknown) => {
  throw e instanceof Error && e.message === PANEL_MOVED ? new Error(t(key)) : e;
};
