import type { ComponentChildren } from 'preact';
import type { RelevantItem } from '@/core/backstory';
import { formatDate } from '@/core/format';
import { PromiseClock } from './PromiseClock';
import { t, uiLocale } from '@/i18n/i18n';

/**
 * What sales said about this very problem, at the top of the backstory: at most three promises,
 * notes or items sold, each with why and its matching words highlighted (text and <mark>
 * elements, never HTML). Not shown when nothing concerns the ticket.
 */
export function RelevantSection({ items, openedAt }: { items: RelevantItem[] | undefined; openedAt?: string }) {
  if (!items?.length) return null;
  return (
    <section class="section relevant" aria-labelledby="relevant-title" data-testid="relevant">
      <h2 id="relevant-title" class="section-title">
        {t('relevant.title')}
      </h2>
      <ul class="plain">
        {items.map((item, i) => (
          <li key={`${item.kind}:${item.noteId ?? i}`} class="note" data-testid="relevant-item" data-kind={item.kind}>
            <div class="small muted">
              <span class="badge">{t(`relevant.kind.${item.kind}`)}</span>
              {item.author ? ` ${item.author}` : ''}
              {item.date ? ` · ${formatDate(item.date, uiLocale())}` : ''}
            </div>
            <div class="note-body">
              {highlighted(item.text, item.spans)}
              {item.promise && <PromiseClock promise={item.promise} openedAt={openedAt} />}
            </div>
            {item.terms.length > 0 && (
              <div class="small muted" data-testid="relevant-why">
                {t('relevant.why', [item.terms.join(', ')])}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The text with its spans in <mark>: Preact text nodes, so nothing in it is ever markup. */
function highlighted(text: string, spans: [number, number][]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
