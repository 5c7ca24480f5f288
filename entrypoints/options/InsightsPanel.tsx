import { useEffect, useRef, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { csvText } from '@/sources/csv-export';
import { BarChart } from '@/components/BarChart';
import { t, uiLocale } from '@/i18n/i18n';
import { formatDate, formatMoney } from '@/core/format';
import {
  FLAG_INSIGHT_CSV_COLUMNS,
  flagInsightRow,
  INSIGHT_CSV_COLUMNS,
  insightRow,
  kindsText,
  type FlagInsight,
  type InsightRow,
} from '@/core/insights';
import { kindLabel } from '@/components/FlagList';
import { getDb } from '@/storage/db';
import { insightsConsentItem, loadInsights } from '@/services/insights';
import { forgetTicketViewsThroughBackground } from '@/messaging/ask-data-writes';
import type { ManagedPolicy } from '@/core/policy';
import { Managed } from './policy-ui';

type View = 'campaigns' | 'channels';

/**
 * Campaign insights for marketing: per campaign or channel, the customers it won, their recurring
 * revenue and how many tickets they raise. Only with the technician's consent to count tickets.
 */
export function InsightsPanel({ policy = {} }: { policy?: ManagedPolicy }) {
  const [consent, setConsent] = useState<boolean>();
  const [data, setData] = useState<{
    campaigns: InsightRow[];
    channels: InsightRow[];
    views: number;
    flags: FlagInsight[];
  }>();
  const [view, setView] = useState<View>('campaigns');
  const [note, setNote] = useState<string>();

  /** The latest load wins: a slower earlier one (two flags in quick succession) is dropped. */
  const loads = useRef(0);
  const reload = () => {
    const load = ++loads.current;
    void loadInsights(getDb()).then((d) => load === loads.current && setData(d));
  };
  useEffect(() => {
    void insightsConsentItem.getValue().then(setConsent);
    return insightsConsentItem.watch((v) => setConsent(!!v));
  }, []);
  // Loaded now and again whenever a flag is raised or its status changes (the background delivers
  // them) or a ticket is counted, in this page or any other, as "My flags" follows the flags
  // (FlagsPanel.tsx).
  useEffect(() => {
    const db = getDb();
    const sub = liveQuery(() => Promise.all([db.flags.toArray(), db.ticketViews.count()])).subscribe({
      next: reload,
      error: reload,
    });
    return () => sub.unsubscribe();
  }, []);

  const toggle = async (on: boolean) => {
    await insightsConsentItem.setValue(on);
    setNote(on ? t('insights.consentOn') : t('insights.consentOff'));
  };
  const forget = async () => {
    // The background is the only writer of the database: it forgets them.
    try {
      await forgetTicketViewsThroughBackground();
      setNote(t('insights.forgotten'));
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
    reload();
  };

  const rows = data?.[view] ?? [];
  const locale = uiLocale();
  const name = (r: InsightRow) =>
    view === 'campaigns' ? r.label || t('insights.noCampaign') : r.label || t('insights.noChannel');
  const download = (csv: string, name: string) => {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `backstory-${name}-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const exportCsv = () => download(csvText(INSIGHT_CSV_COLUMNS, rows.map(insightRow)), `insights-${view}`);
  const flags = data?.flags ?? [];
  const exportFlags = () => download(csvText(FLAG_INSIGHT_CSV_COLUMNS, flags.map(flagInsightRow)), 'insights-flags');

  return (
    <>
      <section class="card" aria-labelledby="insights-consent-title">
        <h2 id="insights-consent-title">{t('insights.consentTitle')}</h2>
        <label>
          <input
            type="checkbox"
            checked={!!consent}
            disabled={policy.ticketCounting !== undefined}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />{' '}
          {t('insights.consentLabel')}
        </label>
        {policy.ticketCounting !== undefined && <Managed />}
        <p class="muted small">{t('insights.consentHint')}</p>
        {!!data?.views && (
          <button type="button" onClick={() => void forget()}>
            {t('insights.forget', [String(data.views)])}
          </button>
        )}
        {note && (
          <p role="status" class="small" data-testid="insights-note">
            {note}
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="insights-title">
        <h2 id="insights-title">{t('insights.title')}</h2>
        <div class="row" role="group" aria-label={t('insights.viewBy')}>
          <button
            type="button"
            aria-pressed={view === 'campaigns'}
            class={view === 'campaigns' ? 'primary' : ''}
            onClick={() => setView('campaigns')}
          >
            {t('insights.byCampaign')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'channels'}
            class={view === 'channels' ? 'primary' : ''}
            onClick={() => setView('channels')}
          >
            {t('insights.byChannel')}
          </button>
          <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
            {t('insights.export')}
          </button>
        </div>
        {rows.length === 0 ? (
          <p class="muted">{t('insights.empty')}</p>
        ) : (
          <>
            <p class="muted small">{t('insights.chartIntro')}</p>
            <BarChart
              title={t('insights.chartTitle')}
              mutedNote={t('insights.few')}
              bars={rows.map((r) => ({
                label: name(r),
                value: r.perCustomer,
                text: r.perCustomer.toFixed(1),
                muted: r.small,
              }))}
            />
            <div style="overflow-x:auto" tabIndex={0} role="region" aria-label={t('insights.chartTitle')}>
              <table class="grid insights-table" data-testid="insights-table">
                <thead>
                  <tr>
                    <th scope="col">{view === 'campaigns' ? t('insights.col.campaign') : t('insights.col.channel')}</th>
                    {view === 'campaigns' && <th scope="col">{t('insights.col.channel')}</th>}
                    <th scope="col">{t('insights.col.customers')}</th>
                    <th scope="col">{t('insights.col.mrr')}</th>
                    <th scope="col">{t('insights.col.tickets30')}</th>
                    <th scope="col">{t('insights.col.tickets90')}</th>
                    <th scope="col">{t('insights.col.perCustomer')}</th>
                    <th scope="col">{t('insights.col.per1k')}</th>
                    <th scope="col">{t('insights.col.cost')}</th>
                    <th scope="col">{t('insights.col.kinds')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key} class={r.small ? 'muted' : ''}>
                      <th scope="row">
                        {name(r)}
                        {r.small && (
                          <span class="badge" style="margin-left:6px">
                            {t('insights.few')}
                          </span>
                        )}
                      </th>
                      {view === 'campaigns' && <td>{r.channel}</td>}
                      <td>{r.customers}</td>
                      <td>{formatMoney(r.mrr, 'USD', locale)}</td>
                      <td>{r.tickets30}</td>
                      <td>{r.tickets90}</td>
                      <td>{r.perCustomer.toFixed(1)}</td>
                      <td>{r.per1kMrr === undefined ? '–' : r.per1kMrr.toFixed(1)}</td>
                      <td>{r.cost === undefined ? '–' : formatMoney(r.cost, 'USD', locale)}</td>
                      <td>{kindsText(r.kinds) || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <FlaggedSection flags={flags} onExport={exportFlags} />
    </>
  );
}

/** Opportunities technicians flagged, with the campaign that won the customer and who saw it. */
function FlaggedSection({ flags, onExport }: { flags: FlagInsight[]; onExport: () => void }) {
  const locale = uiLocale();
  return (
    <section class="card" aria-labelledby="insights-flags-title">
      <h2 id="insights-flags-title">{t('insightFlags.title')}</h2>
      <p class="muted small">{t('insightFlags.intro')}</p>
      <div class="row">
        <button type="button" onClick={onExport} disabled={flags.length === 0}>
          {t('insightFlags.export')}
        </button>
      </div>
      {flags.length === 0 ? (
        <p class="muted">{t('insightFlags.empty')}</p>
      ) : (
        <div style="overflow-x:auto" tabIndex={0} role="region" aria-label={t('insightFlags.title')}>
          <table class="grid" data-testid="insights-flags">
            <thead>
              <tr>
                <th scope="col">{t('insightFlags.col.date')}</th>
                <th scope="col">{t('insightFlags.col.account')}</th>
                <th scope="col">{t('insightFlags.col.campaign')}</th>
                <th scope="col">{t('insightFlags.col.kind')}</th>
                <th scope="col">{t('insightFlags.col.value')}</th>
                <th scope="col">{t('insightFlags.col.by')}</th>
                <th scope="col">{t('insightFlags.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id}>
                  <td>{formatDate(f.createdAt, locale)}</td>
                  <th scope="row">{f.account}</th>
                  <td>{f.campaign || t('insights.noCampaign')}</td>
                  <td>{kindLabel(f.kind)}</td>
                  <td>{f.value === undefined ? '–' : formatMoney(f.value, f.currency ?? 'USD', locale)}</td>
                  <td data-testid="flagged-by">
                    {!f.by ? (
                      <span class="muted">{t('insightFlags.nobody')}</span>
                    ) : f.byEmail ? (
                      // Whom to ask: one click to write to them.
                      <a href={`mailto:${encodeURIComponent(f.byEmail).replace(/%40/g, '@')}`}>{f.by}</a>
                    ) : (
                      f.by
                    )}
                  </td>
                  <td data-testid="flag-insight-status">{t(`insightFlags.status.${f.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
