import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sidebarCollapsed } from '@/storage/settings';
import type { TicketStory } from '@/services/ticket-story';
import { useSettings } from '@/components/useSettings';
import { BackstoryView } from '@/components/BackstoryView';
import { MatchLine } from '@/components/MatchLine';
import { AccountPicker } from '@/components/AccountPicker';
import { t } from '@/i18n/i18n';
import { FlagForm } from '@/components/FlagForm';
import { askFind, askFlag, askPin, askStory, NoAnswer } from './ask';
import { onFlagsChanged } from './flag-news';
import { onNudge } from './nudges';

/** How often a "no ticket here" answer is asked again (after 1, 2, 4 s). */
const EMPTY_RETRIES = 3;
/** How long a frame opened early waits for the content script's first nudge before asking itself. */
const NUDGE_WAIT_MS = 3_000;

/**
 * The sidebar beside a ticket. It is an extension page, but framed inside the help-desk page: a
 * third-party context where IndexedDB may be blocked and Firefox offers no storage.session. So
 * it asks the background for everything, and the content script nudges it (a bare
 * "backstory:refresh" postMessage, no data) when the ticket on screen changes.
 */
export function SidebarApp({ first }: { first?: Promise<TicketStory | null> }) {
  const settings = useSettings();
  const [collapsed, setCollapsed] = useState(false);
  // `retry`: the how-manieth story request in a row that got no answer; the next goes out by itself.
  const [state, setState] = useState<TicketStory | null | { error: string; retry?: number }>();
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    void sidebarCollapsed.getValue().then(setCollapsed);
    return sidebarCollapsed.watch((v) => setCollapsed(!!v));
  }, []);

  // Only the latest request's answer is shown: an older one may arrive last.
  const latest = useRef(0);
  // Answers in a row that said "no ticket in this tab". The frame is only shown beside a ticket,
  // so that means the background has not got the tab's report yet: asked again a few times.
  const [empty, setEmpty] = useState(0);
  const refresh = useCallback(async (asked?: Promise<TicketStory | null>) => {
    const mine = ++latest.current;
    try {
      const story = await (asked ?? askStory());
      if (mine !== latest.current) return;
      setState(story);
      setEmpty((n) => (story === null ? n + 1 : 0));
    } catch (e) {
      if (mine !== latest.current) return;
      if (e instanceof NoAnswer)
        setState((prev) => ({
          error: t('sidebar.retrying'),
          retry: (prev && 'error' in prev ? (prev.retry ?? 0) : 0) + 1,
        }));
      else setState({ error: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  // A worker the browser stopped (or is slow to start) loses the request: ask again, at growing
  // intervals, rather than leave the technician a dead sidebar.
  const retry = state && 'error' in state ? state.retry : undefined;
  useEffect(() => {
    if (!retry) return;
    const timer = setTimeout(() => void refresh(), Math.min(1_000 * 2 ** retry, 30_000));
    return () => clearTimeout(timer);
  }, [retry, refresh]);
  useEffect(() => {
    if (!empty || empty > EMPTY_RETRIES) return;
    const timer = setTimeout(() => void refresh(), 500 * 2 ** empty);
    return () => clearTimeout(timer);
  }, [empty, refresh]);
  useEffect(() => {
    // The first answer (asked for at load), then one per nudge: a nudge newer than it wins. A
    // frame opened before its ticket was reported waits for its first nudge, but not forever.
    if (first) void refresh(first);
    const unwait = first ? undefined : setTimeout(() => latest.current === 0 && void refresh(), NUDGE_WAIT_MS);
    const unsubscribe = onNudge(() => {
      setPicking(false);
      void refresh();
    });
    return () => {
      clearTimeout(unwait);
      unsubscribe();
    };
  }, [refresh, first]);
  // A flag delivered (or failed) in the background meanwhile.
  useEffect(() => onFlagsChanged(() => void refresh()), [refresh]);

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
      const result = await askPin(accountId);
      if (!result.ok)
        return setState({ error: result.error ? t(`sidebar.pinRefused.${result.error}`) : t('sidebar.pinFailed') });
    } catch (e) {
      return setState({ error: e instanceof Error ? e.message : String(e) });
    }
    setPicking(false);
    await refresh();
  };

  const story = state && 'match' in state ? state : undefined;
  const ref = story?.ref;
  const title = story?.story?.account.name ?? (ref?.company || ref?.contactEmail || t('sidebar.thisTicket'));
  return (
    <div class="sidebar" onKeyDown={(e) => e.key === 'Escape' && toggle()}>
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
            />
          )}
        </div>
        <button onClick={toggle} aria-label={t('sidebar.hide')} title={t('sidebar.hideTitle')}>
          »
        </button>
      </header>
      <main class="sidebar-body" aria-live="polite">
        {state === undefined && <p class="section muted">{t('common.loading')}</p>}
        {state === null && <p class="section muted">{t('sidebar.noTicket')}</p>}
        {state && 'error' in state && (
          <p class="section" role="alert">
            {t('sidebar.failed', [state.error])}
          </p>
        )}
        {story?.story && <BackstoryView story={story.story} settings={settings} openedAt={ref?.openedAt} />}
        {story?.story && <FlagForm flags={story.flags ?? []} send={askFlag} onSent={() => void refresh()} />}
        {story && story.match.status === 'ambiguous' && (
          <section class="section" data-testid="ambiguous">
            <p>{t('sidebar.ambiguous')}</p>
            <ul class="plain">
              {story.match.candidates.map((c) => (
                <li key={c.accountId} style="display:flex;justify-content:space-between;padding:2px 0">
                  <span>{c.name}</span>
                  <button onClick={() => void pin(c.accountId)} aria-label={t('common.pinName', [c.name])}>
                    {t('common.pin')}
                  </button>
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
              find={askFind}
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
