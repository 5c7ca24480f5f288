import { useEffect, useRef, useState } from 'preact/hooks';
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import { exportBackup, serializeBackup } from '@/sources/backup';
import { getDb } from '@/storage/db';
import { recipesItem } from '@/storage/sites';
import { countsByKind } from '@/storage/record-store';
import { clearThroughBackground, loadSampleThroughBackground } from '@/messaging/ask-data-writes';
import { ImportCard } from './ImportCard';
import { describeSummary, kindPlural } from './import-text';
import { t } from '@/i18n/i18n';

type Status = { tone: 'ok' | 'error'; text: string } | undefined;

/** Counts, import, sample data, backup and clearing: everything about the stored sales data. */
export function DataPanel() {
  const [counts, setCounts] = useState<Record<RecordKind, number>>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDialogElement>(null);

  const refresh = () =>
    void countsByKind(getDb()).then(setCounts, (e) =>
      setStatus({ tone: 'error', text: t('data.readFailed', [String(e)]) }),
    );
  useEffect(refresh, []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ tone: 'ok', text: await work() });
    } catch (e) {
      setStatus({ tone: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const loadSample = () =>
    run(async () => {
      const summary = await loadSampleThroughBackground();
      return t('data.sampleLoaded', [describeSummary(summary)]);
    });

  const exportAll = () =>
    run(async () => {
      const backup = await exportBackup(getDb(), await recipesItem.getValue());
      const url = URL.createObjectURL(new Blob([serializeBackup(backup)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `backstory-backup-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return t('data.exported', [a.download]);
    });

  const clearAll = () =>
    run(async () => {
      await clearThroughBackground();
      return t('data.cleared');
    });

  const total = counts ? RECORD_KINDS.reduce((n, k) => n + counts[k], 0) : 0;
  return (
    <>
      <section class="card" aria-labelledby="counts-title">
        <h2 id="counts-title">{t('data.stored')}</h2>
        <div class="counts" data-testid="counts">
          {RECORD_KINDS.map((k) => (
            <div key={k} data-kind={k}>
              <strong>{counts ? counts[k].toLocaleString() : '…'}</strong>
              <span class="muted">{kindPlural(k)}</span>
            </div>
          ))}
        </div>
        {counts && total === 0 && <p class="muted">{t('data.empty')}</p>}
      </section>

      <ImportCard onDone={refresh} />

      <section class="card" aria-labelledby="manage-title">
        <h2 id="manage-title">{t('data.manage')}</h2>
        <div class="row">
          <button type="button" onClick={loadSample} disabled={busy}>
            {t('data.loadSample')}
          </button>
          <button type="button" onClick={exportAll} disabled={busy || total === 0}>
            {t('data.exportAll')}
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => confirmRef.current?.showModal()}
            disabled={busy || total === 0}
          >
            {t('data.clearAll')}
          </button>
        </div>
        <p class="muted">{t('data.sampleHint')}</p>
        {status && (
          <p
            role={status.tone === 'error' ? 'alert' : 'status'}
            class={status.tone === 'error' ? 'errors' : ''}
            data-testid="data-status"
          >
            {status.text}
          </p>
        )}
      </section>

      <dialog
        ref={confirmRef}
        aria-labelledby="confirm-title"
        onClose={(e) => e.currentTarget.returnValue === 'delete' && clearAll()}
      >
        <form method="dialog">
          <h2 id="confirm-title">{t('data.confirmTitle')}</h2>
          <p>{t('data.confirmBody', [total.toLocaleString()])}</p>
          <div class="row">
            <button value="cancel" autofocus>
              {t('common.cancel')}
            </button>
            <button value="delete" class="danger">
              {t('data.confirmDelete')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
