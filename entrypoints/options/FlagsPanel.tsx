import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { csvText } from '@/sources/csv-export';
import { FLAG_CSV_COLUMNS, flagEmail, flagEmailText, flagRow, type Flag } from '@/core/flags';
import { FlagList } from '@/components/FlagList';
import { t } from '@/i18n/i18n';
import { askBackground } from '@/messaging/ask-background';
import { getDb } from '@/storage/db';
import { allFlags } from '@/services/flags';
import { salesContactItem } from '@/storage/policy-store';

/**
 * "My flags": every flag raised from a ticket with what became of it. Flags without a source that
 * takes writes wait here: exported as CSV for sales, or copied into an email.
 */
export function FlagsPanel() {
  const [flags, setFlags] = useState<Flag[]>([]);
  const [note, setNote] = useState<string>();
  /** Outbox flags just copied or exported: offered to be marked as sent once the user has. */
  const [handed, setHanded] = useState<string[]>();
  const [salesContact, setSalesContact] = useState('');
  useEffect(() => {
    void salesContactItem.getValue().then(setSalesContact);
    return salesContactItem.watch((v) => setSalesContact(v ?? ''));
  }, []);
  useEffect(() => {
    const sub = liveQuery(() => allFlags(getDb())).subscribe({
      next: setFlags,
      error: (e: unknown) => setNote(String(e)),
    });
    return () => sub.unsubscribe();
  }, []);

  // Only the outbox: a pending flag still goes to its CRM by itself, and mailing it as well would
  // tell sales twice.
  const outbox = flags.filter((f) => f.status === 'outbox');

  const exportCsv = () => {
    const csv = csvText(FLAG_CSV_COLUMNS, flags.map(flagRow));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `backstory-flags-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setHanded(outbox.length ? outbox.map((f) => f.id) : undefined);
  };

  const copy = async () => {
    const email = flagEmail(outbox, salesContact);
    try {
      await navigator.clipboard.writeText(flagEmailText(email));
      setNote(t('flagMail.copiedTo', outbox.length, [String(outbox.length), email.to]));
      setHanded(outbox.map((f) => f.id));
    } catch (e) {
      setHanded(undefined);
      // Refused (no focus, or a browser policy): say so instead of claiming it was copied.
      setNote(t('flagMail.copyFailed', [e instanceof Error ? e.message : String(e)]));
    }
  };

  // Backstory cannot see the email go out, so the user says when it has: the flags then show as
  // sent (here and in the sidebar) and the next copy leaves them out.
  const markSent = async (ids: string[]) => {
    // The background writes the flags (it is their one writer); marking twice marks nothing more.
    const reply = await askBackground({ type: 'flags:handedOver', ids }, { patienceMs: 10_000 });
    if (!reply?.ok) return setNote(reply?.error ?? t('sidebar.noAnswer'));
    setHanded(undefined);
    setNote(t('flagMail.marked', reply.value, [String(reply.value)]));
  };

  const deliver = async () => {
    // A worker the browser stopped mid-request drops the answer; delivery is idempotent (by flag
    // id), so asking again is safe.
    const reply = await askBackground({ type: 'flags:deliver' }, { patienceMs: 30_000 });
    setNote(
      reply?.ok ? t('flagMail.sentNow', reply.value, [String(reply.value)]) : (reply?.error ?? t('sidebar.noAnswer')),
    );
  };

  return (
    <section class="card" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('flags.panel.title')}</h2>
      <p class="muted small">{t('flags.panel.intro')}</p>
      <div class="row">
        <button type="button" onClick={exportCsv} disabled={flags.length === 0}>
          {t('flags.panel.export')}
        </button>
        <button type="button" onClick={() => void copy()} disabled={outbox.length === 0}>
          {t('flags.panel.copy')}
        </button>
        <button type="button" onClick={() => void deliver()} disabled={!flags.some((f) => f.status === 'pending')}>
          {t('flags.panel.deliver')}
        </button>
      </div>
      {note && (
        <p role="status" data-testid="flags-note">
          {note}
        </p>
      )}
      {handed && (
        <p>
          <button type="button" onClick={() => void markSent(handed)}>
            {t('flagMail.markSent', handed.length, [String(handed.length)])}
          </button>
        </p>
      )}
      <FlagList flags={flags} showAccount testId="my-flags" />
    </section>
  );
}
