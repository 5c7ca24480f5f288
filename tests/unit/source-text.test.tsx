/**
 * What a data source's sync and "Test connection" say besides errors (core/source-notes.ts) is
 * data, worded by the options page in the user's language: a sync's counts and notes, each
 * check's part. Runs and notes kept from before they had codes still show, as they were stored.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { note, type SyncSummary } from '@/core/source-notes';
import type { SyncRun } from '@/core/source-status';
import { noteText, runText, summaryText } from '@/i18n/source-text';
import { Checks } from '@/entrypoints/options/ConnectionChecks';
import { SavedSource } from '@/entrypoints/options/SavedSource';
import type { ConnectionCheck } from '@/sources/live-source';
import type { SourceConfig, SourceStatus } from '@/storage/source-configs';
import { useLanguage } from './catalog';

afterEach(() => useLanguage('en'));

const summary: SyncSummary = {
  counts: { account: 2, contact: 2, campaign: 1, deal: 2, note: 1 },
  skipped: 1,
  notes: [note('connectWiseCampaignsLeftOut', '/marketing/campaigns')],
};
const run: SyncRun = { at: '2026-12-06T10:00:00.000Z', ok: true, message: 'not shown', summary };
/** A run kept by a version before summaries had codes: its words as they were. */
const oldRun: SyncRun = {
  at: '2026-12-05T10:00:00.000Z',
  ok: true,
  message: '3 accounts, 2 contacts, 3 deals, 1 notes',
};

const checks: ConnectionCheck[] = [
  { what: 'signIn', ok: true, note: note('salesforceUsage', 1234, 15000) },
  { what: 'requestLimit', ok: true, note: note('autotaskUsage', 12, 10000) },
  {
    what: 'crmNotes',
    ok: false,
    optional: true,
    message: 'permission (CompanyNotes/query)',
    error: { code: 'permission', args: ['CompanyNotes/query'] },
  },
  { what: 'file', name: 'accounts.csv', ok: true },
];

function optionsCard(): string {
  const source: SourceConfig = {
    id: 'cw-1',
    kind: 'connectwise',
    label: 'CW',
    base: 'https://api-na.myconnectwise.net',
  };
  const status: SourceStatus = { lastSuccess: run.at, runs: [run, oldRun] };
  const root = document.createElement('div');
  const noop = () => undefined;
  render(
    <SavedSource
      source={source}
      status={status}
      savedAt={undefined}
      checks={checks}
      onSync={noop}
      onTest={noop}
      onSignIn={noop}
      onRemove={noop}
    />,
    root,
  );
  const text = root.textContent ?? '';
  render(null, root);
  return text;
}

describe("a source's sync and connection test, worded by the options page", () => {
  it('shows the last sync, its notes and each check in German', () => {
    useLanguage('de');
    const text = optionsCard();
    expect(text).toContain(
      '2 Konten, 2 Kontakte, 1 Kampagne, 2 Deals, 1 Notiz (1 Datensatz ohne Namen oder Firma übersprungen; ' +
        'Kampagnen nicht synchronisiert: Das API-Mitglied darf /marketing/campaigns nicht lesen)',
    );
    expect(text).toContain('✓ Anmeldung: Salesforce-API-Anfragen in den letzten 24 Stunden: 1.234 von 15.000');
    expect(text).toContain('✓ Anfragelimit: 12 von 10.000 Anfragen in dieser Stunde verbraucht');
    expect(text).toContain('! CRM-Notizen: Der Schlüssel darf CompanyNotes/query nicht lesen (403)');
    expect(text).toContain('✓ accounts.csv');
    // A run from before: as it was stored.
    expect(text).toContain('3 accounts, 2 contacts, 3 deals, 1 notes');
    for (const english of ['left out', 'sign-in', 'request limit', 'requests used', 'record without', 'CRM notes'])
      expect(text).not.toContain(english);
  });

  it('shows the same in English', () => {
    const text = optionsCard();
    expect(text).toContain(
      '2 accounts, 2 contacts, 1 campaign, 2 deals, 1 note (1 record without a name or company skipped; ' +
        'campaigns left out: the API member may not read /marketing/campaigns)',
    );
    expect(text).toContain('✓ sign-in: Salesforce API requests in the last 24 hours: 1,234 of 15,000');
    expect(text).toContain('✓ request limit: 12 of 10,000 requests used this hour');
    expect(text).toContain('! CRM notes: the key may not read CompanyNotes/query (403)');
  });

  it('words an incremental pass and an unchanged feed; keeps what it cannot read as it was stored', () => {
    const counts = { account: 1, contact: 0, campaign: 0, deal: 3, note: 2 };
    useLanguage('de');
    expect(summaryText({ counts, changed: 1, skipped: 0, notes: [] })).toBe(
      '1 geänderter Datensatz gelesen; jetzt 1 Konto, 0 Kontakte, 3 Deals, 2 Notizen',
    );
    expect(summaryText({ counts, unchanged: true, skipped: 2, notes: ['plain words of an older version'] })).toBe(
      'unverändert; 1 Konto, 0 Kontakte, 3 Deals, 2 Notizen (2 Datensätze ohne Namen oder Firma übersprungen; plain words of an older version)',
    );
    // Stored by another version: an unknown code, a summary of another shape.
    expect(noteText({ code: 'gone', args: [] } as never)).toBe('{"code":"gone","args":[]}');
    expect(runText({ ...oldRun, summary: {} as never })).toBe(oldRun.message);
    expect(runText(oldRun)).toBe(oldRun.message);
  });

  it('every note code is worded, differently in German, with its arguments', async () => {
    const { NOTE_CODES, CHECK_PARTS } = await import('@/core/source-notes');
    for (const code of NOTE_CODES) {
      const n = note(code, 'ARG1', 'ARG2');
      const english = noteText(n);
      useLanguage('de');
      const german = noteText(n);
      useLanguage('en');
      expect(english, code).not.toMatch(/\$\d|sourceText/);
      expect(german, code).not.toBe(english);
      if (english.includes('ARG1')) expect(german, code).toContain('ARG1');
    }
    render(<Checks result={CHECK_PARTS.map((what) => ({ what, ok: true }))} />, document.body);
    expect(document.body.textContent).not.toContain('sourceText');
    render(null, document.body);
  });
});
