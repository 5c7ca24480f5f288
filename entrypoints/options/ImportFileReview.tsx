import { RECORD_KINDS, type AnyRecord, type RecordKind } from '@/core/model';
import { KIND_SPECS, TEMPLATE_FIELDS, missingRequired } from '@/sources/column-maps';
import type { ImportParse } from '@/sources/csv-import';
import { describeImportError, translateImportMessage } from '@/i18n/import-messages';
import type { RowMeta } from '@/sources/import-types';
import { kindPlural } from './import-text';
import { t } from '@/i18n/i18n';

const presetLabel = (preset: string) =>
  (['hubspot', 'salesforce', 'connectwise', 'backstory', 'generic'] as const).includes(preset as 'generic')
    ? t(`import.preset.${preset as 'generic'}`)
    : preset;

type Change = { kind?: RecordKind; mapping?: Record<string, number> };

/** One chosen file: what it was read as, its column mapping, the first rows, and its errors. */
export function ImportFileReview({ parsed, onChange }: { parsed: ImportParse; onChange: (c: Change) => void }) {
  const id = `f-${parsed.file.replace(/[^a-z0-9]/gi, '-')}`;
  if (parsed.kind === 'backup') {
    return (
      <div class="import-file" data-testid="import-file">
        <h3>{parsed.file}</h3>
        <p>{t('import.backup', [parsed.rowCount.toLocaleString()])}</p>
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
        <span class="muted">
          {t('import.readAs', [parsed.rowCount.toLocaleString(), presetLabel(parsed.preset)])}
          {parsed.delimiter && parsed.delimiter !== ','
            ? parsed.delimiter === '\t'
              ? t('import.separatedTabs')
              : t('import.separatedBy', [parsed.delimiter])
            : ''}
        </span>
      </div>
      {parsed.format === 'csv' && (
        <details open={missing.length > 0}>
          <summary>
            {t('import.columns', [String(Object.keys(parsed.mapping).length), String(parsed.headers.length)])}
          </summary>
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
        </details>
      )}
      {parsed.preview.length > 0 && <Preview kind={kind} records={parsed.preview} rows={parsed.rows} />}
      {parsed.warnings.map((w, i) => (
        <p key={i} class="muted">
          {translateImportMessage(w)}
        </p>
      ))}
      <ErrorList parsed={parsed} />
    </div>
  );
}

function ErrorList({ parsed }: { parsed: ImportParse }) {
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
