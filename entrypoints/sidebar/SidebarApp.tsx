import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sidebarCollapsed } from '@/storage/settings';
import type { TicketStory } from '@/storage/ticket-story';
import { useSettings } from '@/components/useSettings';
import { BackstoryView } from '@/components/BackstoryView';
import { MatchLine } from '@/components/MatchLine';
import { AccountPicker } from '@/components/AccountPicker';
import { askFind, askPin, askStory } from './ask';
import { onNudge } from './nudges';

/**
 * The sidebar beside a ticket. It is an extension page, but framed inside the help-desk page: a
 * third-party context where IndexedDB may be blocked and Firefox offers no storage.session. So
 * it asks the background for everything, and the content script nudges it (a bare
 * "backstory:refresh" postMessage, no data) when the ticket on screen changes.
 */
export function SidebarApp() {
  const settings = useSettings();
  const [collapsed, setCollapsed] = useState(false);
  const [state, setState] = useState<TicketStory | null | { error: string }>();
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    void sidebarCollapsed.getValue().then(setCollapsed);
    return sidebarCollapsed.watch((v) => setCollapsed(!!v));
  }, []);

  // Only the latest request's answer is shown: an older one may arrive last.
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const story = await askStory();
      if (mine === latest.current) setState(story);
    } catch (e) {
      if (mine === latest.current) setState({ error: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  useEffect(() => {
    const unsubscribe = onNudge(() => {
      setPicking(false);
      void refresh();
    });
    void refresh();
    return unsubscribe;
  }, [refresh]);

  const toggle = () => void sidebarCollapsed.setValue(!collapsed);
  if (collapsed) {
    return (
      <button class="collapsed-tab" onClick={toggle} aria-label="Show Backstory sidebar" title="Show Backstory (Alt+Shift+B)">
        Backstory
      </button>
    );
  }

  const pin = async (accountId: string) => {
    if (!ref) return;
    try {
      const result = await askPin(accountId);
      if (!result.ok) return setState({ error: result.error ?? 'Could not pin the account.' });
    } catch (e) {
      return setState({ error: e instanceof Error ? e.message : String(e) });
    }
    setPicking(false);
    await refresh();
  };

  const story = state && 'match' in state ? state : undefined;
  const ref = story?.ref;
  const title = story?.story?.account.name ?? (ref?.company || ref?.contactEmail || 'This ticket');
  return (
    <div class="sidebar" onKeyDown={(e) => e.key === 'Escape' && toggle()}>
      <header class="sidebar-head">
        <div style="flex:1;min-width:0">
          <div class="brand">Backstory{ref?.ticketId ? ` · ticket ${ref.ticketId}` : ''}</div>
          <h1 data-testid="account-name">{title}</h1>
          {story && <MatchLine match={story.match} missing={ref?.missing ?? []} />}
        </div>
        <button onClick={toggle} aria-label="Hide Backstory sidebar" title="Hide (Esc, Alt+Shift+B)">
          »
        </button>
      </header>
      <main class="sidebar-body" aria-live="polite">
        {state === undefined && <p class="section muted">Loading…</p>}
        {state === null && <p class="section muted">No ticket on this page.</p>}
        {state && 'error' in state && (
          <p class="section" role="alert">
            Backstory: {state.error}
          </p>
        )}
        {story?.story && <BackstoryView story={story.story} settings={settings} />}
        {story && story.match.status === 'ambiguous' && (
          <section class="section" data-testid="ambiguous">
            <p>Several accounts fit. Pick the right one; Backstory remembers it for this company.</p>
            <ul class="plain">
              {story.match.candidates.map((c) => (
                <li key={c.accountId} style="display:flex;justify-content:space-between;padding:2px 0">
                  <span>{c.name}</span>
                  <button onClick={() => void pin(c.accountId)} aria-label={`Pin ${c.name}`}>
                    Pin
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {story && story.match.status === 'none' && (
          <section class="section" data-testid="no-match">
            <p>
              No sales history for <strong>{ref?.company || ref?.contactEmail || 'this customer'}</strong>.
            </p>
          </section>
        )}
        {story && (picking || story.match.status === 'none') && ref && (
          <section class="section">
            <AccountPicker find={askFind} label="Find the account to pin" initialQuery={ref.company ?? ''} onPick={(id) => void pin(id)} />
          </section>
        )}
        {story && story.match.status === 'matched' && !picking && (
          <p class="section small">
            <button class="link" onClick={() => setPicking(true)}>
              Not the right account?
            </button>
          </p>
        )}
      </main>
    </div>
  );
}
