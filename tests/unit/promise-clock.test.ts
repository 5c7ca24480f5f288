import { describe, expect, it } from 'vitest';
import { parsePromiseTime, promiseClock } from '@/core/promise-clock';

describe('parsePromiseTime', () => {
  const cases: [string, number, boolean][] = [
    ['1-hour response on Dentrix issues', 60, false],
    ['Promised 1-hour response; she was burned by her last MSP', 60, false],
    ['on-site within 4 hours', 240, false],
    ['4h on-site for server outages', 240, false],
    ['30-minute response for outages', 30, false],
    ['Email security incidents answered within 30 minutes', 30, false],
    ['Phones down: call back within 15 minutes', 15, false],
    ['response within half an hour', 30, false],
    ['Respond within two hours', 120, false],
    ['same business day', 480, true],
    ['Same business day response for anything blocking a court filing', 480, true],
    ['Response within 2 business hours on athenahealth access problems', 120, true],
    ['Render workstations: next business day replacement', 960, true],
    ['1-hour response, on-site within 4 hours', 60, false],
    ['Reaktion innerhalb von 2 Stunden', 120, false],
    ['Reaktion innerhalb von 1 Stunde bei Störungen von DS-Win', 60, false],
    ['Vor Ort innerhalb von 4 Stunden bei Ausfall des Praxisservers', 240, false],
    ['Ausfall des DMS (Loco-Soft): Rückruf binnen 30 Minuten', 30, false],
    ['Antwort binnen einer Stunde', 60, false],
    ['4-Stunden-Reaktionszeit', 240, false],
    ['Reaktion innerhalb einer halben Stunde', 30, false],
    ['Reaktion innerhalb von 2 Arbeitsstunden', 120, true],
    ['In der Fristenzeit Rückruf am selben Werktag garantiert', 480, true],
    ['Werkstatt-Tablets: Ersatzgerät am nächsten Werktag', 960, true],
    ['Reaktion innerhalb von 4 Stunden während der Geschäftszeiten', 240, true],
  ];
  it.each(cases)('reads "%s"', (text, minutes, businessHours) => {
    expect(parsePromiseTime(text)).toEqual({ minutes, businessHours });
  });

  it.each([
    'Quarterly business review with the office manager',
    'Backups every 4 hours',
    'Free onboarding, 30-day money back',
    'Dedicated account manager',
    'Backup alle 4 Stunden',
    'Persönlicher Ansprechpartner',
    '24/7 monitoring',
  ])('reads no time from "%s"', (text) => {
    expect(parsePromiseTime(text)).toBeUndefined();
  });
});

describe('promiseClock', () => {
  const opened = '2026-11-23T07:12:00-08:00';
  const at = (minutes: number) => Date.parse(opened) + minutes * 60_000;
  const hour = { minutes: 60, businessHours: false };

  it('counts the minutes since the ticket was opened, green, amber past 75%, red past due', () => {
    expect(promiseClock(hour, opened, at(40))).toEqual({ ...hour, elapsedMinutes: 40, level: 'ok' });
    expect(promiseClock(hour, opened, at(47))).toEqual({ ...hour, elapsedMinutes: 47, level: 'amber' });
    expect(promiseClock(hour, opened, at(44))?.level).toBe('ok');
    expect(promiseClock(hour, opened, at(45))?.level).toBe('amber');
    expect(promiseClock(hour, opened, at(59))?.level).toBe('amber');
    expect(promiseClock(hour, opened, at(60))?.level).toBe('red');
    expect(promiseClock(hour, opened, at(60 * 24 * 13))).toMatchObject({ elapsedMinutes: 60 * 24 * 13, level: 'red' });
  });

  it('counts business-hours promises plainly and says they are', () => {
    const day = parsePromiseTime('same business day')!;
    expect(promiseClock(day, opened, at(7 * 60))).toEqual({ ...day, elapsedMinutes: 420, level: 'amber' });
    expect(promiseClock(day, opened, at(9 * 60))).toMatchObject({ businessHours: true, level: 'red' });
  });

  it('shows no clock for an unreadable or future opened time', () => {
    expect(promiseClock(hour, 'yesterday morning', at(10))).toBeUndefined();
    expect(promiseClock(hour, opened, at(-30))).toBeUndefined();
    // A few seconds of clock skew count as just opened.
    expect(promiseClock(hour, opened, at(-0.5))).toMatchObject({ elapsedMinutes: 0, level: 'ok' });
  });
});
