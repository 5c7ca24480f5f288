import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sidebarCollapsed, storyPlace } from '@/storage/settings';
import type { TicketStory } from '@/services/ticket-story';
import type { StoryFeed, StoryPush } from '@/messaging/story-feed';
import { useSettings } from '@/components/useSettings';
import { BackstoryView } from '@/components/BackstoryView';
import { MatchLine } from '@/components/MatchLine';
import { AccountPicker } from '@/components/AccountPicker';
import { t } from '@/i18n/i18n';
import { FlagForm } from '@/components/FlagForm';
import { ConfirmButton } from '@/components/ConfirmButton';
import { askFind, askFlag, askPin } from './ask';
import { ShowMeWhere } from '@/components/ShowMeWhere';

type Shown = TicketStory | null | { error: string } | undefined;
const shown = (push: StoryPush | undefined): Shown => (push?.error ? { error: push.error } : push?.story);

/** The sidebar's requests (./ask.ts); the side panel's name the tab and ticket it shows. */
export interface Asks {
  find: typeof askFind;
  pin: typeof askPin;
  flag: typeof askFlag;
}

/**
 * In the browser's side panel (entrypoints/sidepanel): never folded, nothing to hide, and on a
 * tab without a ticket it says so and offers `search` (the popup's quick search).
 */
export interface PanelMode {
  search: ComponentChildren;
}

/**
 * The sidebar beside a ticket. It is an extension page, but framed inside the help-desk page: a
 * third-party context where IndexedDB may be blocked and Firefox offers no storage.session. So
 * the background tells it everything: it pushes the story of the ticket in this tab over the
 * channel (`feed`, messaging/story-feed.ts) at once and whenever the ticket, the data, the pins
 * or the flags change. Finding, pinning and flagging are requests (./ask.ts).
 */
export function SidebarApp({
  feed,
  asks = { find: askFind, pin: askPin, flag: askFlag },
  panel,
}: {
  feed: StoryFeed;
  asks?: Asks;
  panel?: PanelMode;
}) {
  const settings = useSettings();
  const [collapsed, setCollapsed] = useState(false);
  const [state, setState] = useState<Shown>(() => shown(feed.latest));
  const [picking, setPicking] = useState(false);
  // What went wrong with the technician's last pin (shown beside the story, until the next push).
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (panel) return;
    void sidebarCollapsed.getValue().then(setCollapsed);
    return sidebarCollapsed.watch((v) => setCollapsed(!!v));
  }, []);

  useEffect(() => {
    // A push that came between the first render and this effect.
    setState(shown(feed.latest));
    let ticket = ticketOf(shown(feed.latest));
    return feed.subscribe((push) => {
      const next = shown(push);
      // Another ticket: the account search of the last one closes.
      if (ticketOf(next) !== ticket) setPicking(false);
      ticket = ticketOf(next);
      setProblem(undefined);
      setState(next);
    });
  }, [feed]);

  const toggle = () => void sidebarCollapsed.setValue(!collapsed);
  if (collapsed) {
    return (
      <button class="collapsed-tab" onClick={toggle} aria-label={t('sidebar.show')} title={t('sidebar.showTitle')}>
        {t('sidebar.collapsedTab')}
      </button>
    );
  }

  const pin = async (accountId: string) => {
    if (!ref) return;
    try {
      const result = await asks.pin(accountId);
      if (!result.ok)
        return setProblem(result.error ? t(`sidebar.pinRefused.${result.error}`) : t('sidebar.pinFailed'));
    } catch (e) {
      return setProblem(e instanceof Error ? e.message : String(e));
    }
    // The background pushes the pinned account's story.
    setPicking(false);
  };

  const story = state && 'match' in state ? state : undefined;
  const failure = problem ?? (state && 'error' in state ? state.error : undefined);
  const ref = story?.ref;
  const title = story?.story?.account.name ?? (ref?.company || ref?.contactEmail || t('sidebar.thisTicket'));
  return (
    <div class={panel ? 'sidebar in-panel' : 'sidebar'} onKeyDown={(e) => !panel && e.key === 'Escape' && toggle()}>
      <header class="sidebar-head">
        <div style="flex:1;min-width:0">
          <div class="brand">{ref?.ticketId ? t('sidebar.brandTicket', [ref.ticketId]) : t('sidebar.brand')}</div>
          <h1 data-testid="account-name">{title}</h1>
          {story && (
            <MatchLine
              match={story.match}
              missing={ref?.missing ?? []}
              conflict={ref?.conflict}
              tooLarge={ref?.tooLarge}
              readBy={ref?.readBy}
            />
          )}
        </div>
        {!panel && (
          <button
            onClick={() => void storyPlace.setValue('panel')}
            aria-label={t('panel.moveThere')}
            title={t('panel.moveThereTitle')}
            data-testid="to-panel"
          >
            ⇥
          </button>
        )}
        {!panel && (
          <button onClick={toggle} aria-label={t('sidebar.hide')} title={t('sidebar.hideTitle')}>
            »
          </button>
        )}
      </header>
      <main class="sidebar-body" aria-live="polite">
        {state === undefined && <p class="section muted">{t('common.loading')}</p>}
        {state === null && (
          <p class="section muted" data-testid="no-ticket">
            {panel ? t('panel.noTicket') : t('sidebar.noTicket')}
          </p>
        )}
        {state === null && panel?.search}
        {failure && (
          <p class="section" role="alert">
            {t('sidebar.failed', [failure])}
          </p>
        )}
        {story?.story && <BackstoryView story={story.story} settings={settings} openedAt={ref?.openedAt} />}
        {story?.story && <FlagForm flags={story.flags ?? []} send={asks.flag} onSent={() => undefined} />}
        {story && story.match.status === 'ambiguous' && (
          <section class="section" data-testid="ambiguous">
            <p>{t('sidebar.ambiguous')}</p>
            <ul class="plain">
              {story.match.candidates.map((c) => (
                <li key={c.accountId} style="display:flex;justify-content:space-between;padding:2px 0">
                  <span>{c.name}</span>
                  <ConfirmButton
                    onConfirm={() => void pin(c.accountId)}
                    label={t('common.pinName', [c.name])}
                    confirm={t('guard.confirmPinName', [c.name])}
                  >
                    {t('common.pin')}
                  </ConfirmButton>
                </li>
              ))}
            </ul>
          </section>
        )}
        {story && story.match.status === 'none' && (
          <section class="section" data-testid="no-match">
            <p>
              {withStrong(
                t('sidebar.noHistory', ['\u0001']),
                ref?.company || ref?.contactEmail || t('sidebar.thisCustomer'),
              )}
            </p>
          </section>
        )}
        {story && (picking || story.match.status === 'none') && ref && (
          <section class="section">
            <AccountPicker
              find={asks.find}
              label={t('sidebar.findToPin')}
              initialQuery={ref.company ?? ''}
              onPick={(id) => void pin(id)}
            />
          </section>
        )}
        {story && story.match.status === 'matched' && !picking && (
          <p class="section small">
            <button class="link" onClick={() => setPicking(true)}>
              {t('sidebar.wrongAccount')}
            </button>
          </p>
        )}
        {story && <ShowMeWhere />}
      </main>
    </div>
  );
}

/** A translated sentence with its one placeholder (marked \u0001) shown in bold. */
function withStrong(sentence: string, value: string) {
  const [before = '', after = ''] = sentence.split('\u0001');
  return (
    <>
      {before}
      <strong>{value}</strong>
      {after}
    </>
  );
}

/** Which ticket a story is of (undefined: none shown). */
const ticketOf = (s: Shown) =>
  s && 'ref' in s ? JSON.stringify([s.ref.helpdesk, s.ref.ticketId, s.ref.url]) : undefined;
