/**
 * What a data source's sync or "Test connection" says besides its errors, in the user's language:
 * its notes, a sync's summary and what each check tried (core/source-notes.ts, locales
 * sourceText.*). A run or a note kept from before they had codes is a plain string: shown as it is.
 */
import { CHECK_PARTS, NOTE_CODES, type SourceNote, type SyncSummary } from '@/core/source-notes';
import type { SyncRun } from '@/core/source-status';
import type { ConnectionCheck } from '@/sources/live-source';
import { t, tDynamic, uiLocale } from './i18n';

const isNote = (n: unknown): n is SourceNote =>
  !!n &&
  typeof n === 'object' &&
  (NOTE_CODES as readonly string[]).includes((n as SourceNote).code) &&
  Array.isArray((n as SourceNote).args);

/** A number as the browser's locale writes it ("15,000", "15.000"); other arguments as they are. */
const arg = (a: unknown): string => {
  const s = String(a);
  return /^\d+$/.test(s) ? Number(s).toLocaleString(uiLocale()) : s;
};

/** A note in the user's language; a plain string (or anything unknown) as it was stored. */
export function noteText(n: SourceNote | string | undefined): string {
  if (n === undefined) return '';
  if (!isNote(n)) return typeof n === 'string' ? n : JSON.stringify(n);
  return tDynamic(`sourceText.note.${n.code}`, n.args.map(arg));
}

const count = (kind: keyof SyncSummary['counts'], n: number) => {
  const shown = arg(n);
  switch (kind) {
    case 'account':
      return t('sourceText.count.account', n, [shown]);
    case 'contact':
      return t('sourceText.count.contact', n, [shown]);
    case 'campaign':
      return t('sourceText.count.campaign', n, [shown]);
    case 'deal':
      return t('sourceText.count.deal', n, [shown]);
    case 'note':
      return t('sourceText.count.note', n, [shown]);
  }
};

/** "42 accounts, 80 contacts, 51 deals, 120 notes (…)" in the user's language. */
export function summaryText(s: SyncSummary): string {
  const c = s.counts;
  const counts = [
    count('account', c.account ?? 0),
    count('contact', c.contact ?? 0),
    ...(c.campaign ? [count('campaign', c.campaign)] : []),
    count('deal', c.deal ?? 0),
    count('note', c.note ?? 0),
  ].join(', ');
  const head = s.unchanged
    ? t('sourceText.unchanged', [counts])
    : s.changed !== undefined
      ? t('sourceText.changed', s.changed, [arg(s.changed), counts])
      : counts;
  const extra = [
    ...(s.skipped ? [t('sourceText.skipped', s.skipped, [arg(s.skipped)])] : []),
    ...(Array.isArray(s.notes) ? s.notes.map(noteText) : []),
  ];
  return extra.length ? t('sourceText.more', [head, extra.join('; ')]) : head;
}

const isSummary = (s: unknown): s is SyncSummary =>
  !!s && typeof s === 'object' && !!(s as SyncSummary).counts && typeof (s as SyncSummary).counts === 'object';

/** What a sync that worked read, in the user's language (a run kept from before: its words as they are). */
export const runText = (run: SyncRun): string => (isSummary(run.summary) ? summaryText(run.summary) : run.message);

/** What a check tried: its part in the user's language, or the name of the file or object. */
export function checkPartText(c: Pick<ConnectionCheck, 'what' | 'name'>): string {
  if (c.name !== undefined) return c.name;
  return (CHECK_PARTS as readonly string[]).includes(c.what) ? tDynamic(`sourceText.part.${c.what}`) : String(c.what);
}
