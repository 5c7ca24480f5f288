import { RECORD_KINDS, type AnyRecord, type RecordKind } from '@/core/model';
import { KIND_SPECS, PRESETS, TEMPLATE_FIELDS, missingRequired } from '@/sources/column-maps';
import type { ParseSummary } from './import-files';
import { describeImportError, describeImportMessage } from '@/i18n/import-messages';
import { msg, type ImportError, type RowMeta } from '@/sources/import-types';
import { kindPlural } from './import-text';
import { t, tDynamic } from '@/i18n/i18n';
import { useEffect, useState } from 'preact/hooks';

/** The product a file was recognised as, from the one list of presets (sources/column-maps/presets.ts). */
const presetLabel = (preset: string) =>
  (PRESETS as readonly string[]).includes(preset) ? tDynamic(`import.preset.${preset}`) : preset;

type Change = { kind?: RecordKind; mapping?: Record<string, number>; sheet?: number; dateOrder?: 'mdy' | 'dmy' };

/** What the commit would do with this file beyond its own rows (from planImport). */
export interface FilePlan {
  createdAccounts: number;
  errors: ImportError[];
}

/** One chosen file: what it was read as, its column mapping, the first rows, and its errors. */
export function ImportFileReview({
  parsed,
  plan,
  onChange,
}: {
  parsed: ParseSummary;
  plan?: FilePlan;
  onChange: (c: Change) => void;
}) {
  const sheets = parsed.sheets;
  const id = `f-${parsed.file.replace(/[^a-z0-9]/gi, '-')}`;
  if (parsed.kind === 'backup' || parsed.kind === 'user' || parsed.kind === 'contactRole') {
    return (
      <div class="import-file" data-testid="import-file">
        <h3>{parsed.file}</h3>
        <p data-testid="import-read-as">
          {parsed.kind === 'backup'
            ? t('import.backup', [parsed.rowCount.toLocaleString()])
            : parsed.kind === 'user'
              ? t('import.users', [String(parsed.userCount)])
              : t('importRoles.file', [String(parsed.contactRoleCount)])}
        </p>
        <ErrorList parsed={parsed} />
      </div>
    );
  }
  const kind = parsed.kind;
  const missing = missingRequired(kind, parsed.mapping);
  return (
    <div class="import-file" data-testid="import-file">
      <h3>{parsed.file}</h3>
      <div class="row">
        <label for={`${id}-kind`}>{t('import.holds')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => onChange({ kind: e.currentTarget.value as RecordKind })}
        >
          {RECORD_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindPlural(k)}
            </option>
          ))}
        </select>
        {sheets && sheets.length > 1 && (
          <>
            <label for={`${id}-sheet`}>{t('import.sheet')}</label>
            <select
              id={`${id}-sheet`}
              value={String(parsed.sheet ?? 0)}
              onChange={(e) => onChange({ sheet: Number(e.currentTarget.value) })}
            >
              {sheets.map((name, i) => (
                <option key={i} value={String(i)}>
                  {name}
                </option>
              ))}
            </select>
          </>
        )}
        <span class="muted" data-testid="import-read-as">
          {t('import.readAs', [parsed.rowCount.toLocaleString(), presetLabel(parsed.preset)])}
          {parsed.delimiter && parsed.delimiter !== ','
            ? parsed.delimiter === '\t'
              ? t('import.separatedTabs')
              : t('import.separatedBy', [parsed.delimiter])
            : ''}
        </span>
      </div>
      {!!parsed.ambiguousDates?.length && (
        <div class="row">
          <label for={`${id}-dates`}>{t('import.dateOrder', [parsed.ambiguousDates.join(', ')])}</label>
          <select
            id={`${id}-dates`}
            value={parsed.dateOrder ?? ''}
            onChange={(e) => onChange({ dateOrder: e.currentTarget.value as 'mdy' | 'dmy' })}
          >
            <option value="">{t('import.dateOrderAsk')}</option>
            <option value="mdy">{t('import.dateOrderMdy')}</option>
            <option value="dmy">{t('import.dateOrderDmy')}</option>
          </select>
        </div>
      )}
      {parsed.format !== 'json' && (
        <ColumnMapping kind={kind} parsed={parsed} startOpen={missing.length > 0} onChange={onChange} />
      )}
      {parsed.preview.length > 0 && <LaterPreview kind={kind} records={parsed.preview} rows={parsed.rows} />}
      {!!plan?.createdAccounts && (
        <p data-testid="import-creates">
          {describeImportMessage(msg('accountsWillBeCreated', String(plan.createdAccounts)))}
        </p>
      )}
      {parsed.textNoteCount > 0 && (
        <p class="muted">{describeImportMessage(msg('notesFromText', parsed.textNoteCount.toLocaleString()))}</p>
      )}
      {parsed.ignored.length > 0 && (
        <p class="muted" data-testid="import-ignored">
          {describeImportMessage(msg('ignoredColumns', parsed.ignored.map((h) => `“${h}”`).join(', ')))}
        </p>
      )}
      {parsed.warnings.map((w, i) => (
        <p key={i} class="muted">
          {describeImportMessage(w)}
        </p>
      ))}
      <ErrorList parsed={parsed} />
      {!!plan?.errors.length && (
        <div class="errors" role="alert" data-testid="import-plan-errors">
          <ul>
            {plan.errors.map((e, i) => (
              <li key={i}>{describeImportError(e)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * Which column fills which field: a select per field, drawn only while the list is open (a dozen
 * selects of every header each; most files need no change, and a big file's review then draws
 * in one short task).
 */
function ColumnMapping({
  kind,
  parsed,
  startOpen,
  onChange,
}: {
  kind: RecordKind;
  parsed: ParseSummary;
  startOpen: boolean;
  onChange: (c: Change) => void;
}) {
  const [open, setOpen] = useState(startOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('import.columns', [String(Object.keys(parsed.mapping).length), String(parsed.headers.length)])}
      </summary>
      {open && (
        <div class="mapping">
          {Object.keys(KIND_SPECS[kind].fields).map((field) => (
            <label key={field}>
              <span>
                {field}
                {KIND_SPECS[kind].required.some((g) => g.includes(field)) ? ' *' : ''}
              </span>
              <select
                value={String(parsed.mapping[field] ?? -1)}
                onChange={(e) => {
                  const mapping = { ...parsed.mapping };
                  const col = Number(e.currentTarget.value);
                  if (col < 0) delete mapping[field];
                  else mapping[field] = col;
                  onChange({ kind, mapping });
                }}
              >
                <option value="-1">{t('import.notImported')}</option>
                {parsed.headers.map((h, i) => (
                  <option key={i} value={String(i)}>
                    {h || t('import.columnN', [String(i + 1)])}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
    </details>
  );
}

function ErrorList({ parsed }: { parsed: ParseSummary }) {
  if (!parsed.errorCount) return null;
  const more = parsed.errorCount - parsed.errors.length;
  return (
    <div class="errors" role="alert" data-testid="import-errors">
      <p>{t('import.problems', parsed.errorCount, [parsed.errorCount.toLocaleString(), parsed.file])}</p>
      <ul>
        {parsed.errors.map((e, i) => (
          <li key={i}>{describeImportError(e)}</li>
        ))}
        {more > 0 && <li>{t('import.more', [more.toLocaleString()])}</li>}
      </ul>
    </div>
  );
}

/**
 * The preview, drawn in a task after the rest of the review: the review of a file just read is
 * then two short main-thread tasks instead of one long one (bench/import-stall.ts).
 */
function LaterPreview(props: { kind: RecordKind; records: AnyRecord[]; rows: RowMeta[] }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <Preview {...props} /> : null;
}

/** The first rows as they will be stored; references show what they will be resolved from. */
function Preview({ kind, records, rows }: { kind: RecordKind; records: AnyRecord[]; rows: RowMeta[] }) {
  const fields = TEMPLATE_FIELDS[kind];
  return (
    <div style="overflow-x:auto">
      <table class="grid" aria-label={t('import.preview')}>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f} scope="col">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={r.id}>
              {fields.map((f) => {
                const text = cellText(r, f, rows[i]);
                return (
                  <td key={f} title={text}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellText(record: AnyRecord, field: string, meta: RowMeta | undefined): string {
  if (field === 'id') return record.sourceId;
  const value = (record as unknown as Record<string, unknown>)[field];
  if (value === undefined || value === '') {
    const ref =
      field === 'accountId'
        ? meta?.account
        : field === 'dealId'
          ? meta?.deal
          : field === 'campaignId'
            ? meta?.campaign
            : undefined;
    return ref ? (ref.name ?? ref.id ?? '') : '';
  }
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? t('import.yes') : t('import.no');
  if (typeof value === 'object' && value)
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('; ');
  return String(value);
}
