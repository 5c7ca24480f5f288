import { storage } from '#imports';

/** What technicians see. Lives in storage.local: small, synchronous to watch, no secrets. */
export interface DisplaySettings {
  theme: 'auto' | 'light' | 'dark';
  hideDealValues: boolean;
  show: {
    campaign: boolean;
    deal: boolean;
    promises: boolean;
    contactRole: boolean;
    notes: boolean;
    matchReason: boolean;
  };
}

export const DEFAULT_SETTINGS: DisplaySettings = {
  theme: 'auto',
  hideDealValues: false,
  show: { campaign: true, deal: true, promises: true, contactRole: true, notes: true, matchReason: true },
};

export const displaySettings = storage.defineItem<DisplaySettings>('local:displaySettings', {
  fallback: DEFAULT_SETTINGS,
});

/** Whether the sidebar is folded to its slim tab. Read by the content script to size the frame. */
export const sidebarCollapsed = storage.defineItem<boolean>('local:sidebarCollapsed', {
  fallback: false,
});

/**
 * Where the backstory is shown: `page`, the sidebar over the help-desk page's right edge (the
 * default: it appears by itself beside every ticket), or `panel`, the browser's own side panel
 * (Chrome's side panel, Firefox's sidebar), where nothing of it enters the page. The content
 * script reads it straight from storage (entrypoints/helpdesk.content/local-values.ts).
 */
export type StoryPlace = 'page' | 'panel';
export const storyPlace = storage.defineItem<StoryPlace>('local:storyPlace', { fallback: 'page' });
