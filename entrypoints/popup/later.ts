/**
 * Everything of the popup that the first search result does not need, loaded just after the
 * first render (PopupApp.tsx): Dexie and the stores read through it, the settings, the flags
 * panel and the account view. The first result comes from the saved index, read without Dexie
 * (background-caches/search-snapshot.ts openSavedSearchFirst).
 */
import { browser } from '#imports';
import { getDb } from '@/storage/db';
import { loadBackstory } from '@/services/backstory';
import { tabTicketItem } from '@/storage/tab-tickets';
import { loadTicketStory } from '@/services/ticket-story';
import { allFlags } from '@/services/flags';
import { withFreshness } from '@/services/freshness';
import { displaySettings, DEFAULT_SETTINGS, type DisplaySettings } from '@/storage/settings';
import { t } from '@/i18n/i18n';
import type { Row } from './ResultList';

export { BackstoryView } from '@/components/BackstoryView';
export { FlagList } from '@/components/FlagList';
export { PolicyOffer } from './PolicyOffer';
export { DEFAULT_SETTINGS };

export const db = getDb();

/** The display settings now and whenever they change; returns the unsubscribe. */
export function watchSettings(fn: (settings: DisplaySettings) => void): () => void {
  void displaySettings.getValue().then(fn);
  return displaySettings.watch((v) => fn(v ?? DEFAULT_SETTINGS));
}

/** The five newest flags, for the panel under an empty search. */
export async function recentFlags() {
  return (await allFlags(db)).slice(0, 5);
}

/** An account's full backstory, with its sources' freshness. */
export async function openAccount(accountId: string) {
  const story = await loadBackstory(db, accountId);
  return story ? withFreshness(story) : undefined;
}

/** The account of the ticket in the active tab, if the sidebar recognised one. */
export async function currentTicketRow(): Promise<Row | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (typeof tab?.id !== 'number') return undefined;
  const ref = await tabTicketItem(tab.id).getValue();
  if (!ref) return undefined;
  // The content script reports tickets, not pages that are not one: a tab that has moved on
  // from the ticket it reported keeps the report, so check it is still that page.
  const page = (url: string) => url.replace(/#.*$/, '');
  if (tab.url && ref.url && page(tab.url) !== page(ref.url)) return undefined;
  const { story } = await loadTicketStory(db, ref);
  if (!story) return undefined;
  return {
    group: t('popup.thisTicket'),
    id: story.account.id,
    accountId: story.account.id,
    title: story.account.name,
    subtitle: t('popup.ticketLine', [ref.ticketId ?? '', story.originCampaign?.name ?? t('popup.noCampaign')]),
  };
}
