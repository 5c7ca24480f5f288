import { useEffect, useMemo, useState } from 'preact/hooks';
import { parsePromiseTime, promiseClock } from '@/core/promise-clock';
import { t } from '@/i18n/i18n';

/** The time now, again every 30 s while shown. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "47 min", "3 h 5 min", "13 days". */
function formatElapsed(minutes: number): string {
  if (minutes < 60) return t('relevant.minutes', [String(minutes)]);
  if (minutes < 48 * 60) return t('relevant.hoursMinutes', [String(Math.floor(minutes / 60)), String(minutes % 60)]);
  return t('relevant.days', [String(Math.floor(minutes / (24 * 60)))]);
}

/**
 * How long the ticket has been open, beside a promise that states a time ("1-hour response"):
 * amber past 75% of it, red past it. Nothing when the promise states no time this can read or
 * the page showed no opened time.
 */
export function PromiseClock({ promise, openedAt }: { promise: string; openedAt?: string }) {
  const time = useMemo(() => parsePromiseTime(promise), [promise]);
  const now = useNow();
  if (!time || !openedAt) return null;
  const clock = promiseClock(time, openedAt, now);
  if (!clock) return null;
  const open = t('relevant.open', [formatElapsed(clock.elapsedMinutes)]);
  const state =
    clock.level === 'red' ? t('relevant.pastDue') : clock.level === 'amber' ? t('relevant.nearlyDue') : undefined;
  return (
    <span class={`clock clock-${clock.level}`} data-testid="promise-clock" data-level={clock.level}>
      {' · '}
      {open}
      {state && <strong>{` · ${state}`}</strong>}
      {clock.businessHours && <span class="muted">{` (${t('relevant.businessHours')})`}</span>}
    </span>
  );
}
