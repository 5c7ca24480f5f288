import { useRef, useState } from 'preact/hooks';
import { importThroughBackground } from '@/messaging/data-writes';
import { parseImportFile, type ImportParse } from '@/sources/csv-import';
import { describeImportError, translateImportMessage } from '@/i18n/import-messages';
import { describeSummary } from './import-text';
import { t } from '@/i18n/i18n';
import { ImportFileReview } from './ImportFileReview';

interface Picked {
  bytes: Uint8Array;
  parsed: ImportParse;
}
type Outcome = { tone: 'ok' | 'error'; text: string; details?: string[] } | undefined;

/**
 * Choose files, review what each will become (kind, columns, preview, every error), then commit
 * them together in one transaction. Nothing is stored until "Import" and then all or nothing.
 */
export function ImportCard({ onDone }: { onDone: () => void }) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [progress, setProgress] = useState<[number, number]>();
  const [outcome, setOutcome] = useState<Outcome>();
  const inputRef = useRef<HTMLInputElement>(null);

  const choose = async (files: FileList | null) => {
    setOutcome(undefined);
    const list = await Promise.all(
      [...(files ?? [])].map(async (file) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return { bytes, parsed: parseImportFile({ fileName: file.name, bytes }) };
      }),
    );
    setPicked(list);
  };

  const reparse = (i: number, change: Pick<Parameters<typeof parseImportFile>[0], 'kind' | 'mapping'>) => {
    setPicked((list) =>
      list.map((p, j) =>
        j === i ? { ...p, parsed: parseImportFile({ fileName: p.parsed.file, bytes: p.bytes, ...change }) } : p,
      ),
    );
  };

  const reset = () => {
    setPicked([]);
    if (inputRef.current) inputRef.current.value = '';
  };

  const commit = async () => {
    setProgress([0, 1]);
    setOutcome(undefined);
    try {
      const outcome = await importThroughBackground(
        picked.map((p) => p.parsed),
        (done, total) => setProgress([done, total]),
      );
      if (!outcome.ok) {
        setOutcome({
          tone: 'error',
          text: t('import.failed', [translateImportMessage(outcome.message)]),
          details: outcome.errors.map(describeImportError),
        });
        return;
      }
      const { summary } = outcome;
      const names = picked.map((p) => p.parsed.file).join(', ');
      setOutcome({
        tone: 'ok',
        text: t('import.done', [names, describeSummary(summary)]),
        details: summary.warnings.map((w) => translateImportMessage(w)),
      });
      reset();
    } catch (e) {
      setOutcome({
        tone: 'error',
        text: t('import.failed', [translateImportMessage(e instanceof Error ? e.message : String(e))]),
      });
    } finally {
      setProgress(undefined);
      onDone();
    }
  };

  const errorFiles = picked.filter((p) => p.parsed.errorCount > 0).length;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p class="muted">{t('import.intro')}</p>
      <label for="import-files">{t('import.files')} </label>
      <input
        ref={inputRef}
        id="import-files"
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        onChange={(e) => void choose(e.currentTarget.files)}
        disabled={!!progress}
      />
      {picked.map((p, i) => (
        <ImportFileReview key={`${i}:${p.parsed.file}`} parsed={p.parsed} onChange={(change) => reparse(i, change)} />
      ))}
      {picked.length > 0 && (
        <div class="row" style="margin-top:8px">
          <button type="button" class="primary" onClick={() => void commit()} disabled={!!progress || errorFiles > 0}>
            {picked.length === 1
              ? t('import.importOne', [picked[0]!.parsed.file])
              : t('import.importMany', [String(picked.length)])}
          </button>
          <button type="button" onClick={reset} disabled={!!progress}>
            {t('common.cancel')}
          </button>
          {errorFiles > 0 && <span class="errors">{t('import.fixFirst')}</span>}
        </div>
      )}
      {progress && (
        <p>
          <progress aria-label={t('import.progress')} max={progress[1]} value={progress[0]} />{' '}
          {t('import.progressText', [progress[0].toLocaleString(), progress[1].toLocaleString()])}
        </p>
      )}
      {outcome && (
        <div
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          data-testid="import-outcome"
          class={outcome.tone === 'error' ? 'errors' : ''}
        >
          <p>{outcome.text}</p>
          {!!outcome.details?.length && (
            <ul>
              {outcome.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
