import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { emptyResults, type SearchHit, type SearchIndex, type SearchLabels, type SearchResults } from '@/core/search';
import type { Backstory } from '@/core/backstory';
import { getDb } from '@/storage/db';
import { openSavedSearch } from '@/storage/search-snapshot';
import { loadBackstory } from '@/storage/backstory';
import { tabTicketItem } from '@/storage/tab-tickets';
import { loadTicketStory } from '@/storage/ticket-story';
import { useSettings } from '@/components/useSettings';
import { BackstoryView } from '@/components/BackstoryView';
import { FlagList } from '@/components/FlagList';
import type { Flag } from '@/core/flags';
import { allFlags } from '@/storage/flags';
import { withFreshness } from '@/storage/freshness';
import { t } from '@/components/i18n';
import { ResultList, flatten, type Row } from './ResultList';

const db = getDb();
const SEARCH_LABELS: SearchLabels = {
  contact: (who) => t('popup.label.contact', [who]),
  alias: (name) => t('popup.label.alias', [name]),
  sold: (what) => t('popup.label.sold', [what]),
  rep: (who) => t('popup.label.rep', [who]),
};

/** Quick search: type, arrow to a result, Enter opens the account's full backstory. */
export function PopupApp() {
  const settings = useSettings();
  const [index, setIndex] = useState<SearchIndex>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [ticketRow, setTicketRow] = useState<Row>();
  const [open, setOpen] = useState<Backstory>();
  const input = useRef<HTMLInputElement>(null);
  const [flags, setFlags] = useState<Flag[]>([]);

  useEffect(() => {
    input.current?.focus();
    void allFlags(db).then((all) => setFlags(all.slice(0, 5)));
    // The saved index at once; a rebuilt one replaces it if the data changed since it was saved.
    void openSavedSearch(db, SEARCH_LABELS, (next, how) => {
      setIndex(next);
      // Said on the page for the browser test that checks no opening rebuilds needlessly.
      document.body.dataset.searchIndex = how;
    });
    void currentTicketRow().then(setTicketRow);
  }, []);

  // Names on the keystroke; notes just after, so they never hold the names back.
  const names: SearchResults = useMemo(
    () => (index && query.trim() ? index.search(query, { limitPerGroup: 5, scope: 'names' }) : emptyResults()),
    [index, query],
  );
  const [notes, setNotes] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (!index || !query.trim()) return setNotes([]);
    const later = setTimeout(() => setNotes(index.search(query, { limitPerGroup: 5, scope: 'notes' }).notes));
    return () => clearTimeout(later);
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
    const story = await loadBackstory(db, accountId);
    if (story) setOpen(await withFreshness(story));
  };

  if (open) {
    return (
      <div>
        <div class="detail-head">
          <button onClick={() => { setOpen(undefined); setTimeout(() => input.current?.focus()); }} aria-label={t('popup.back')}>
            ←
          </button>
          <h1 data-testid="popup-account-name">{open.account.name}</h1>
        </div>
        <BackstoryView story={open} settings={settings} />
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
        <label class="sr-only" for="q">{t('popup.searchLabel')}</label>
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
      {!index && <p class="empty muted">{t('common.loading')}</p>}
      {index && query.trim() && rows.length === 0 && <p class="empty muted">{t('popup.nothingFound', [query])}</p>}
      {index && !query.trim() && !ticketRow && (
        <p class="empty muted small">{t('popup.hint')}</p>
      )}
      <ResultList rows={rows} selected={selected} onHover={setSelected} onOpen={(r) => void openRow(r)} />
      {!query.trim() && flags.length > 0 && (
        <section class="popup-flags" aria-labelledby="popup-flags-title">
          <h2 id="popup-flags-title" class="section-title">{t('flags.panel.title')}</h2>
          <FlagList flags={flags} showAccount testId="popup-flags" />
        </section>
      )}
    </div>
  );
}

/** The account of the ticket in the active tab, if the sidebar recognised one. */
async function currentTicketRow(): Promise<Row | undefined> {
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
