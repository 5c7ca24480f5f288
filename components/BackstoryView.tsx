import type { Backstory } from '@/core/backstory';
import type { DisplaySettings } from '@/storage/settings';
import { formatDate, formatMoney, formatMonth } from '@/core/format';
import { NotesList } from './NotesList';
import { RelevantSection } from './RelevantSection';
import { PromiseClock } from './PromiseClock';
import { SourcesLine, sourceLabel } from './SourcesLine';
import { t, uiLocale } from '../i18n/i18n';

interface Props {
  story: Backstory;
  settings: DisplaySettings;
  /** When the ticket on screen was opened (ISO), if its page says: promises with a time get a clock. */
  openedAt?: string;
}

/** The "origin story" of an account: campaign, winning deal, what was sold and promised, notes. */
export function BackstoryView({ story, settings, openedAt }: Props) {
  const { account, originCampaign, winningDeal, promises, contact, notes } = story;
  const show = settings.show;
  const deal = winningDeal;
  // With several sources merged, each fact says where it came from.
  const infos = story.sourceInfo ?? [];
  const from =
    story.sources.length > 1
      ? (source: string) => t('story.from', [sourceLabel(infos.find((i) => i.id === source))])
      : undefined;
  return (
    <article aria-label={t('story.label', [account.name])}>
      <RelevantSection items={story.relevant} openedAt={openedAt} />
      <section class="section" aria-labelledby="origin-title">
        <h2 id="origin-title" class="section-title">
          {t('story.origin')}
        </h2>
        <dl class="kv">
          {show.campaign && (
            <>
              <dt>{t('story.campaign')}</dt>
              <dd data-testid="campaign">
                {originCampaign ? (
                  <>
                    <strong>{originCampaign.name}</strong>
                    <span class="muted">
                      {' · '}
                      {originCampaign.channel}
                      {originCampaign.startDate ? ` · ${formatMonth(originCampaign.startDate, uiLocale())}` : ''}
                    </span>
                  </>
                ) : account.leadSource ? (
                  <span>
                    {account.leadSource} <span class="muted">{t('story.leadSource')}</span>
                  </span>
                ) : (
                  <span class="muted">{t('story.notRecorded')}</span>
                )}
              </dd>
            </>
          )}
          {show.deal && deal && (
            <>
              <dt>{t('story.wonBy')}</dt>
              <dd data-testid="deal">
                <strong>{deal.name}</strong>
                <div class="muted small">
                  {!settings.hideDealValues && dealValue(deal.valueRecurring, deal.valueOneTime, deal.currency)}
                  {deal.closeDate
                    ? ` ${t('story.closed', [formatDate(deal.closeDate, uiLocale())])}`
                    : ` ${deal.stage}`}
                  {from && ` · ${from(deal.source)}`}
                </div>
              </dd>
              <dt>{t('story.soldBy')}</dt>
              <dd data-testid="rep">{deal.salesRep || <span class="muted">{t('story.unknown')}</span>}</dd>
              {deal.productsSold && (
                <>
                  <dt>{t('story.sold')}</dt>
                  <dd data-testid="sold">{deal.productsSold}</dd>
                </>
              )}
            </>
          )}
          {show.contactRole && contact && (
            <>
              <dt>{t('story.contact')}</dt>
              <dd data-testid="contact">
                {contact.name}
                {contact.role ? (
                  <span class="badge" style="margin-left:6px">
                    {contact.role}
                  </span>
                ) : null}
                {contact.title ? <div class="muted small">{contact.title}</div> : null}
                {contact.leadSource ? (
                  <div class="muted small" data-testid="contact-source">
                    {contact.leadSource} {t('story.leadSource')}
                  </div>
                ) : null}
              </dd>
            </>
          )}
        </dl>
        {show.promises && promises.length > 0 && (
          <div style="margin-top:6px">
            <div class="section-title">{t('story.promised')}</div>
            <ul class="promises" data-testid="promises">
              {promises.map((p) => (
                <li key={p}>
                  {p}
                  <PromiseClock promise={p} openedAt={openedAt} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {show.notes && (
        <section class="section" aria-labelledby="notes-title">
          <h2 id="notes-title" class="section-title">
            {t('story.notes', [String(notes.length)])}
          </h2>
          <NotesList notes={notes} from={from} />
        </section>
      )}
      <SourcesLine infos={infos} />
    </article>
  );
}

function dealValue(recurring: number | undefined, oneTime: number | undefined, currency: string): string {
  const parts: string[] = [];
  if (recurring) parts.push(t('story.perMonth', [formatMoney(recurring, currency, uiLocale())]));
  if (oneTime) parts.push(t('story.oneTime', [formatMoney(oneTime, currency, uiLocale())]));
  return parts.length ? parts.join(' + ') + ' ·' : '';
}
