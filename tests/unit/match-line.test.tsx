import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { MatchLine } from '@/components/MatchLine';
import { matchTicket } from '@/core/match';
import type { TicketRef } from '@/core/model';
import { sampleMatchIndex } from '../sample-match-index';
import { useLanguage } from './catalog';

/**
 * The sidebar's match line (components/MatchLine.tsx, as SidebarApp draws it from the ticket's
 * report) when two readings of the page disagreed, and when the page was too large to read: it
 * says so, in English and in German, and a disagreement is never shown as a high-confidence match.
 */
afterEach(() => {
  useLanguage('en');
  document.body.replaceChildren();
});

const ticket = (fields: Partial<TicketRef>): TicketRef => ({
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  emails: [],
  missing: [],
  ...fields,
});

/** The line as the sidebar draws it for this ticket report. */
async function line(ref: TicketRef): Promise<HTMLElement> {
  const match = await matchTicket(ref, sampleMatchIndex);
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <MatchLine
        match={match}
        missing={ref.missing}
        conflict={ref.conflict}
        tooLarge={ref.tooLarge}
        readBy={ref.readBy}
      />,
      root,
    ),
  );
  return root.querySelector<HTMLElement>('[data-testid=match-reason]')!;
}

// Dana's email names Acme Dental Group; the page's company field said one thing and another
// reading (say, the help desk's API) another.
const disagreeing = ticket({
  contactEmail: 'dana@acmedental.com',
  emails: ['dana@acmedental.com'],
  conflict: ['company'],
});
// Past the reader's budget its fields are not used: nothing to match by, and the page says why.
const tooLarge = ticket({ tooLarge: true, missing: ['company', 'contactEmail'] });

describe('the match line says the readings disagree', () => {
  it.each([
    [
      'en',
      'low',
      'low matched by contact email dana@acmedental.com · the page shows two different values for company: check which is right',
      ' · the page shows two different values for company: check which is right',
    ],
    [
      'de',
      'niedrig',
      'niedrig erkannt über Kontakt-E-Mail dana@acmedental.com · die Seite zeigt zwei verschiedene Werte für Firma: bitte prüfen',
      ' · die Seite zeigt zwei verschiedene Werte für Firma: bitte prüfen',
    ],
  ])('%s', async (lang, badge, whole, conflict) => {
    useLanguage(lang);
    const shown = await line(disagreeing);
    expect(shown.textContent).toBe(whole);
    expect(shown.querySelector('[data-testid=reading-conflict]')!.textContent).toBe(conflict);
    const confidence = shown.querySelector('.badge')!;
    expect(confidence.textContent).toBe(badge);
    expect(confidence.classList.contains('high')).toBe(false);
  });

  it('and without the disagreement the same ticket is a high-confidence match with no such words', async () => {
    const shown = await line({ ...disagreeing, conflict: undefined });
    expect(shown.querySelector('.badge')!.classList.contains('high')).toBe(true);
    expect(shown.querySelector('[data-testid=reading-conflict]')).toBeNull();
  });
});

describe('the match line says the page is too large to read', () => {
  it.each([
    ['en', ' · page too large to read', 'could not read company, contact email'],
    ['de', ' · Seite zu groß zum Lesen', 'nicht lesbar: Firma, Kontakt-E-Mail'],
  ])('%s', async (lang, words, missing) => {
    useLanguage(lang);
    const shown = await line(tooLarge);
    expect(shown.querySelector('[data-testid=page-too-large]')!.textContent).toBe(words);
    expect(shown.textContent).toContain(words);
    expect(shown.querySelector('[data-testid=missing-fields]')!.textContent).toContain(missing);
  });

  it('and a page read in full does not say it', async () => {
    const shown = await line({ ...tooLarge, tooLarge: undefined });
    expect(shown.querySelector('[data-testid=page-too-large]')).toBeNull();
  });
});
