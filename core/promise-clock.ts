/**
 * The promise clock: a promise that states a time ("1-hour response", "on-site within 4 hours",
 * "same business day", "Reaktion innerhalb von 2 Stunden") read into a duration, and how much of
 * it a ticket opened at a given time has used. Pure: the sidebar passes the time.
 *
 * Business-hours promises are counted plainly (wall-clock time since the ticket was opened, no
 * guessing at office hours, weekends or holidays) and say so. A business day counts as 8 hours.
 * A promise whose time cannot be read gets no clock.
 */

export interface PromiseTime {
  /** The promised time in minutes. */
  minutes: number;
  /** Promised in business hours or days (counted plainly all the same). */
  businessHours: boolean;
}

type ClockLevel = 'ok' | 'amber' | 'red';

export interface PromiseClock extends PromiseTime {
  /** Whole minutes since the ticket was opened. */
  elapsedMinutes: number;
  /** ok; amber past 75% of the promised time; red past it. */
  level: ClockLevel;
}

/** The share of the promised time after which the clock turns amber. */
const AMBER_AT = 0.75;
/** Hours a business day counts for. */
const BUSINESS_DAY_HOURS = 8;

// Words that make a time a promise about answering or fixing, not "backups every 4 hours".
const CONTEXT =
  /\b(?:respon[sd]\w*|repl(?:y|ies)|answer\w*|call\s*-?\s*backs?|on\s*-?\s*site|onsite|within|turnaround|resol\w+|fix\w*|sla|restor\w+|reaktion\w*|reagier\w*|antwort\w*|rückruf\w*|vor\s*-?\s*ort|innerhalb|binnen|behebung\w*|behoben|lösung\w*|wiederherstell\w*|spätestens)/iu;

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  eight: 8,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
  ein: 1,
  eine: 1,
  einer: 1,
  einem: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  acht: 8,
  zehn: 10,
  zwölf: 12,
  fünfzehn: 15,
  dreißig: 30,
};

const NUMBER = `\\d+(?:[.,]5)?|${Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;
const BUSINESS_PREFIX = `(?:business|working|office)\\s*-?\\s*|geschäfts-?|arbeits-?`;
const UNIT = `minutes?|mins?|hours?|hrs?|h|business\\s+days?|working\\s+days?|days?|minuten?|min|stunden?|std|werktage?n?|arbeitstage?n?|geschäftstage?n?|tage?n?`;
// "1-hour", "4 hrs", "30 minutes", "2 Arbeitsstunden", "4-Stunden-", "2h", "eine Stunde".
const AMOUNT = new RegExp(`(?<![\\p{L}\\d])(${NUMBER})\\s*-?\\s*(${BUSINESS_PREFIX})?(${UNIT})(?![\\p{L}])`, 'iu');
const HALF_HOUR = /(?<![\p{L}])(?:half\s+an\s+hour|halben?\s+stunde)(?![\p{L}])/iu;
const SAME_DAY =
  /\bsame\s*-?\s*(business\s+|working\s+)?day\b|(?:am|noch am)\s+(?:selben|gleichen)\s+(werk|arbeits|geschäfts)?tag/iu;
const NEXT_DAY = /\bnext\s*-?\s*(business\s+|working\s+)?day\b|am\s+nächsten\s+(werk|arbeits|geschäfts)?tag/iu;
const BUSINESS_WORDS =
  /\b(?:business|working|office)\s+(?:hours?|days?)\b|geschäftszeit|arbeitszeit|bürozeit|werktag|arbeitstag|geschäftstag|arbeitsstunde|geschäftsstunde/iu;

/** The time a promise states, or undefined when it states none this can read. */
export function parsePromiseTime(promise: string): PromiseTime | undefined {
  const text = promise.normalize('NFC');
  if (!CONTEXT.test(text) && !SAME_DAY.test(text) && !NEXT_DAY.test(text)) return undefined;
  const business = BUSINESS_WORDS.test(text);
  const half = HALF_HOUR.exec(text);
  const amount = AMOUNT.exec(text);
  const same = SAME_DAY.exec(text);
  const next = NEXT_DAY.exec(text);
  // The first time the promise states wins ("1-hour response, on-site within 4 hours").
  const found = [
    half && { at: half.index, time: { minutes: 30, businessHours: business } },
    amount && { at: amount.index, time: fromAmount(amount, business) },
    same && { at: same.index, time: { minutes: BUSINESS_DAY_HOURS * 60, businessHours: true } },
    next && { at: next.index, time: { minutes: 2 * BUSINESS_DAY_HOURS * 60, businessHours: true } },
  ]
    .filter((f): f is { at: number; time: PromiseTime | undefined } => !!f)
    .sort((a, b) => a.at - b.at);
  return found.find((f) => f.time)?.time;
}

function fromAmount(m: RegExpExecArray, business: boolean): PromiseTime | undefined {
  const raw = m[1]!.toLowerCase();
  const n = WORD_NUMBERS[raw] ?? Number(raw.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const unit = m[3]!.toLowerCase();
  const prefixed = !!m[2];
  let minutes: number;
  let dayUnit = false;
  if (/^(?:minutes?|mins?|minuten?|min)$/.test(unit)) minutes = n;
  else if (/^(?:hours?|hrs?|h|stunden?|std)$/.test(unit)) minutes = n * 60;
  else {
    dayUnit = true;
    const businessDay = prefixed || /business|working|werk|arbeits|geschäfts/.test(unit) || business;
    // A plain day is 24 hours; a business day counts as 8, plainly.
    minutes = n * (businessDay ? BUSINESS_DAY_HOURS : 24) * 60;
    if (businessDay) return { minutes, businessHours: true };
  }
  // Beyond two weeks is not a response time ("30-day trial").
  if (minutes > 14 * 24 * 60 || (dayUnit && n > 14)) return undefined;
  return { minutes: Math.round(minutes), businessHours: business || prefixed };
}

/**
 * How far along the promise is for a ticket opened at `openedAt` (an ISO date-time), at `now`
 * (ms). Undefined when the opened time cannot be read or lies in the future by more than a
 * minute (a clock skew of a few seconds counts as just opened).
 */
export function promiseClock(time: PromiseTime, openedAt: string, now: number): PromiseClock | undefined {
  const opened = Date.parse(openedAt);
  if (!Number.isFinite(opened) || opened - now > 60_000) return undefined;
  const elapsedMinutes = Math.max(0, Math.floor((now - opened) / 60_000));
  const share = elapsedMinutes / time.minutes;
  const level: ClockLevel = share >= 1 ? 'red' : share >= AMBER_AT ? 'amber' : 'ok';
  return { ...time, elapsedMinutes, level };
}
