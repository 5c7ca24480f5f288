/**
 * The parsed files of an import under review, held where they were parsed: in the import worker
 * (entrypoints/options/import-worker.ts), or in the page where no worker starts. The page only
 * ever gets each file's summary (what the review shows: the kind, the columns, the first rows,
 * the errors); the records stay here, are planned here (planImport reads the stored records)
 * and are staged here for the background's commit. So a 50 MB file never crosses to the page's
 * main thread, whose longest stall during an import stays under 100 ms (bench/import-stall.ts).
 *
 * Staging writes importStages only, never sales records: nothing of an import is visible before
 * the background commits it in one transaction (services/data-writes.ts).
 */
import { parseAnyImportFile, type ImportInput, type ImportParse } from '@/sources/csv-import';
import type { RowMeta } from '@/sources/import-types';
import { planImport, type ImportPlan } from '@/services/import-plan';
import type { BackstoryDB } from '@/storage/db';

export type Choices = Omit<ImportInput, 'bytes' | 'onProgress'>;
export type ReadProgress = (done: number, total: number) => void;

/** What the page shows of a parsed file: all of it but its records. */
export type ParseSummary = Omit<
  ImportParse,
  'records' | 'rows' | 'textNotes' | 'textNoteRows' | 'users' | 'contactRoles' | 'backup'
> & {
  /** The preview's rows (what its references will be resolved from). */
  rows: RowMeta[];
  /** Sales notes made from free-text columns. */
  textNoteCount: number;
  /** For kind 'user': how many users the file names. */
  userCount: number;
  /** For kind 'contactRole': how many opportunities its roles are on. */
  contactRoleCount: number;
};

export function summarize(p: ImportParse): ParseSummary {
  return {
    file: p.file,
    source: p.source,
    kind: p.kind,
    preset: p.preset,
    format: p.format,
    ...(p.delimiter !== undefined && { delimiter: p.delimiter }),
    ...(p.ambiguousDates && { ambiguousDates: p.ambiguousDates }),
    ...(p.dateOrder && { dateOrder: p.dateOrder }),
    ...(p.sheets && { sheets: p.sheets }),
    ...(p.sheet !== undefined && { sheet: p.sheet }),
    headers: p.headers,
    mapping: p.mapping,
    ignored: p.ignored,
    preview: p.preview,
    rows: p.rows.slice(0, p.preview.length),
    textNoteCount: p.textNotes.length,
    userCount: p.users?.length ?? 0,
    contactRoleCount: new Set((p.contactRoles ?? []).map((r) => r.opportunityId)).size,
    errors: p.errors,
    errorCount: p.errorCount,
    warnings: p.warnings,
    rowCount: p.rowCount,
  };
}

/** The held files, by key. One per page (or worker): keys are not shared between holders. */
export class HeldFiles {
  private readonly files = new Map<number, ImportParse>();
  private next = 1;

  constructor(private readonly db: () => BackstoryDB) {}

  /** Parse a file and hold it; the page gets its key and summary. */
  async parse(
    input: Choices,
    bytes: Uint8Array,
    onProgress?: ReadProgress,
  ): Promise<{ key: number; summary: ParseSummary }> {
    const parsed = await parseAnyImportFile({ ...input, bytes, onProgress });
    const key = this.next++;
    this.files.set(key, parsed);
    return { key, summary: summarize(parsed) };
  }

  /** Hold a parse made elsewhere (a file refused before it was read). */
  hold(parsed: ImportParse): { key: number; summary: ParseSummary } {
    const key = this.next++;
    this.files.set(key, parsed);
    return { key, summary: summarize(parsed) };
  }

  private get(keys: number[]): ImportParse[] {
    return keys.map((k) => {
      const p = this.files.get(k);
      if (!p) throw new Error('import-file-gone');
      return p;
    });
  }

  /** What committing these files would do (accounts created, references that will not resolve). */
  plan(keys: number[]): Promise<ImportPlan> {
    return planImport(this.db(), this.get(keys));
  }

  /**
   * Hand the files to the background: one row of importStages that the `data:import` message
   * names. Not sales data, so not visible anywhere until the background commits it.
   */
  async stage(stageId: string, keys: number[]): Promise<void> {
    const payload = this.get(keys);
    await this.db().importStages.put({ id: stageId, createdAt: new Date().toISOString(), payload });
  }

  forget(keys: number[]): void {
    for (const k of keys) this.files.delete(k);
  }
}
