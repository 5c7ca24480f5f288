import { Component } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ImportPlan } from '@/services/import-plan';
import { importThroughBackground } from '@/messaging/ask-data-writes';
import type { ImportInput } from '@/sources/csv-import';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { describeSummary } from './import-text';
import { t } from '@/i18n/i18n';
import { ImportFileReview, type FilePlan } from './ImportFileReview';
import { forgetImportFiles, planImportFiles, readImportFile, stageImportFiles, type ReadFile } from './import-reader';
import { throttleProgress } from './progress';

/** A chosen file: its summary here, its records where it was parsed (import-reader.ts). */
type Picked = ReadFile;
type Outcome = { tone: 'ok' | 'error'; text: string; details?: string[] } | undefined;
type Change = Pick<ImportInput, 'kind' | 'mapping' | 'sheet' | 'dateOrder'>;

/** The plan's findings for one file. */
function planOf(plan: ImportPlan | undefined, file: string): FilePlan | undefined {
  if (!plan) return undefined;
  return { createdAccounts: plan.createdAccounts.get(file) ?? 0, errors: plan.errors.filter((e) => e.file === file) };
}

type ReviewProps = { parsed: Picked['parsed']; plan: ImportPlan | undefined; onChange: (c: Change) => void };

/**
 * One file's review, drawn again only when its summary or the plan changes: the card's progress
 * reports while a big file is read or committed leave it alone (see bench/import-stall.ts).
 */
export class StableReview extends Component<ReviewProps> {
  override shouldComponentUpdate(next: ReviewProps): boolean {
    return next.parsed !== this.props.parsed || next.plan !== this.props.plan;
  }
  override render({ parsed, plan, onChange }: ReviewProps) {
    return <ImportFileReview parsed={parsed} plan={planOf(plan, parsed.file)} onChange={onChange} />;
  }
}

/**
 * Choose files, review what each will become (kind, columns, preview, every error), then commit
 * them together in one transaction. Nothing is stored until "Import" and then all or nothing.
 * The files' records never come to this page: the import worker parses, plans and stages them.
 */
export function ImportCard({ onDone }: { onDone: () => void }) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [progress, setProgress] = useState<[number, number]>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [plan, setPlan] = useState<ImportPlan>();
  const [reading, setReading] = useState<[number, number]>();
  const inputRef = useRef<HTMLInputElement>(null);

  /** The files as they stand, and what committing them would do (accounts created, references). */
  const review = async (list: Picked[]) => {
    setPicked(list);
    setPlan(undefined);
    try {
      setPlan(await planImportFiles(list.map((p) => p.key)));
    } catch {
      // The preview goes without the plan; the commit says what is wrong.
    }
  };

  // The reviews drawn again only when their file or the plan changes (not on every progress
  // report); their onChange reaches the latest reparse through this ref.
  const reparseRef = useRef<(i: number, change: Change) => Promise<void>>();

  const read = async (name: string, file: Blob, change: Change = {}): Promise<Picked> =>
    readImportFile(
      { fileName: name, ...change },
      file,
      throttleProgress((done, total) => setReading([done, total])),
    );

  const choose = async (files: FileList | null) => {
    setOutcome(undefined);
    forgetImportFiles(picked.map((p) => p.key));
    const list: Picked[] = [];
    try {
      for (const file of files ?? []) list.push(await read(file.name, file));
    } finally {
      setReading(undefined);
    }
    await review(list);
  };

  const reparse = async (i: number, change: Change) => {
    const p = picked[i]!;
    const next = await read(p.parsed.file, p.file, {
      kind: p.parsed.kind === 'backup' ? undefined : p.parsed.kind,
      sheet: p.parsed.sheet,
      dateOrder: p.parsed.dateOrder,
      ...change,
    });
    setReading(undefined);
    forgetImportFiles([p.key]);
    await review(picked.map((q, j) => (j === i ? next : q)));
  };
  reparseRef.current = reparse;

  const reset = () => {
    forgetImportFiles(picked.map((p) => p.key));
    setPlan(undefined);
    setPicked([]);
    if (inputRef.current) inputRef.current.value = '';
  };

  const commit = async () => {
    setProgress([0, 1]);
    setOutcome(undefined);
    try {
      // The background commits (it is the only writer of sales data) and reports progress.
      const keys = picked.map((p) => p.key);
      const outcome = await importThroughBackground(
        (stageId) => stageImportFiles(stageId, keys),
        throttleProgress((done, total) => setProgress([done, total])),
      );
      if (!outcome.ok) {
        setOutcome({
          tone: 'error',
          text: t('import.failed', [describeImportMessage(outcome.reason)]),
          details: outcome.errors.map(describeImportError),
        });
        return;
      }
      const { summary } = outcome;
      const names = picked.map((p) => p.parsed.file).join(', ');
      setOutcome({
        tone: 'ok',
        text: t('import.done', [names, describeSummary(summary)]),
        details: summary.warnings.map(describeImportMessage),
      });
      reset();
    } catch (e) {
      setOutcome({ tone: 'error', text: t('import.failed', [e instanceof Error ? e.message : String(e)]) });
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
        accept=".csv,.tsv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void choose(e.currentTarget.files)}
        disabled={!!progress || !!reading}
      />
      {reading && (
        <p>
          <progress aria-label={t('import.reading')} max={reading[1]} value={reading[0]} />{' '}
          {t('import.readingText', [Math.round((100 * reading[0]) / Math.max(1, reading[1])).toString()])}
        </p>
      )}
      {picked.map((p, i) => (
        <StableReview
          key={`${i}:${p.parsed.file}`}
          parsed={p.parsed}
          plan={plan}
          onChange={(change) => void reparseRef.current?.(i, change)}
        />
      ))}
      {picked.length > 0 && (
        <div class="row" style="margin-top:8px">
          <button
            type="button"
            class="primary"
            data-testid="import-commit"
            onClick={() => void commit()}
            disabled={!!progress || errorFiles > 0}
          >
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
