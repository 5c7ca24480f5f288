import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { emptyResults, type SearchHit, type SearchIndex, type SearchResults } from '@/core/search';
import type { Backstory } from '@/core/backstory';
import type { Flag } from '@/core/flags';
import type { DisplaySettings } from '@/storage/settings';
import { applyTheme } from '@/components/theme';
import { ShowMeWhere } from '@/components/ShowMeWhere';
import { t } from '@/i18n/i18n';
import { ResultList, flatten, type Row } from './ResultList';
import { later, onIndex } from './saved-index';

/**
 * How long the popup waits after the index came in, or after the last keystroke, before loading
 * the rest (Dexie; this ticket's account and the flags under an empty search; the account view).
 */
const LATER_MS = 150;
const NO_INDEX_MS = 500;

/** Quick search: type, arrow to a result, Enter opens the account's full backstory. */
export function PopupApp() {
  // The rest of the popup (Dexie, settings, flags, the account view), loaded a moment later (below).
  const [more, setMore] = useState<Awaited<ReturnType<typeof later>>>();
  const [settings, setSettings] = useState<DisplaySettings>();
  const [index, setIndex] = useState<SearchIndex>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [ticketRow, setTicketRow] = useState<Row>();
  const [open, setOpen] = useState<Backstory>();
  const input = useRef<HTMLInputElement>(null);
  const [flags, setFlags] = useState<Flag[]>([]);

  useEffect(() => {
    input.current?.focus();
    // The saved index at once; a rebuilt one replaces it if the data changed since it was saved.
    return onIndex((next, how) => {
      setIndex(next);
      // Said on the page for the browser test that checks no opening rebuilds needlessly.
      document.body.dataset.searchIndex = how;
    });
  }, []);
  // The rest is loaded once the popup has been quiet for a moment after the index came in (no
  // keystroke for LATER_MS), so loading it never holds back the first results; without a saved
  // index (being built), a little later anyway.
  useEffect(() => {
    if (more) return;
    const soon = setTimeout(() => void later().then(setMore), index ? LATER_MS : NO_INDEX_MS);
    return () => clearTimeout(soon);
  }, [index, query, more]);
  useEffect(() => {
    if (!more) return;
    void more.recentFlags().then(setFlags);
    void more.currentTicketRow().then(setTicketRow);
    return more.watchSettings(setSettings);
  }, [more]);
  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);

  // Names on the keystroke; notes just after, so they never hold the names back.
  const names: SearchResults = useMemo(
    () => (index && query.trim() ? index.search(query, { limitPerGroup: 5, scope: 'names' }) : emptyResults()),
    [index, query],
  );
  const [notes, setNotes] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (!index || !query.trim()) return setNotes([]);
    const soon = setTimeout(() => setNotes(index.search(query, { limitPerGroup: 5, scope: 'notes' }).notes));
    return () => clearTimeout(soon);
  }, [index, query]);
  const rows = useMemo(
    () => flatten({ ...names, notes: query.trim() ? notes : [] }, query.trim() ? undefined : ticketRow),
    [names, notes, ticketRow, query],
  );
  useEffect(() => setSelected(0), [query]);
  useEffect(() => setSelected((s) => Math.min(s, Math.max(0, rows.length - 1))), [rows]);

  const openRow = async (row: Row | undefined) => {
    const accountId = row?.accountId;
    if (!accountId) return;
    const rest = await later();
    const story = await rest.openAccount(accountId);
    setMore(rest);
    if (story) setOpen(story);
  };

  if (open && more) {
    const { BackstoryView } = more;
    return (
      <div>
        <div class="detail-head">
          <button
            onClick={() => {
              setOpen(undefined);
              setTimeout(() => input.current?.focus());
            }}
            aria-label={t('popup.back')}
          >
            ←
          </button>
          <h1 data-testid="popup-account-name">{open.account.name}</h1>
        </div>
        <BackstoryView story={open} settings={settings ?? more.DEFAULT_SETTINGS} />
      </div>
    );
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, rows.length - 1));
    else if (e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0));
    else if (e.key === 'Enter') void openRow(rows[selected]);
    else return;
    e.preventDefault();
  };

  return (
    <div>
      <div class="search-bar">
        <label class="sr-only" for="q">
          {t('popup.searchLabel')}
        </label>
        <input
          id="q"
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls="results"
          aria-activedescendant={rows[selected] ? `r-${selected}` : undefined}
          placeholder={t('popup.placeholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKey}
          autoFocus
        />
      </div>
      {more && <more.PolicyOffer />}
      {!index && <p class="empty muted">{t('common.loading')}</p>}
      {index && query.trim() && rows.length === 0 && <p class="empty muted">{t('popup.nothingFound', [query])}</p>}
      {index && !query.trim() && !ticketRow && <p class="empty muted small">{t('popup.hint')}</p>}
      <ResultList rows={rows} selected={selected} onHover={setSelected} onOpen={(r) => void openRow(r)} />
      {!query.trim() && ticketRow && <ShowMeWhere onStarted={() => window.close()} />}
      {!query.trim() && flags.length > 0 && more && (
        <section class="popup-flags" aria-labelledby="popup-flags-title">
          <h2 id="popup-flags-title" class="section-title">
            {t('flags.panel.title')}
          </h2>
          <more.FlagList flags={flags} showAccount testId="popup-flags" />
        </section>
      )}
    </div>
  );
}
