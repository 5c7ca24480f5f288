/**
 * What committing parsed files would do, without writing: for the import preview. A read, so the
 * options page may run it itself; the commit is the background's (services/data-writes.ts).
 */
import type { ImportError, ImportParse } from '@/sources/import-types';
import type { BackstoryDB } from '@/storage/db';
import { recordTables } from '@/storage/record-writes';
import { resolveImports } from './resolve-refs';

export interface ImportPlan {
  /** Accounts that rows name and that exist nowhere yet, by file: they will be created. */
  createdAccounts: Map<string, number>;
  createdCampaigns: number;
  /** References that will not resolve (the commit would refuse them). */
  errors: ImportError[];
  errorCount: number;
}

/**
 * Resolve the files' references against the stored records in a read-only transaction, as the
 * commit will: what the preview says ("12 accounts will be created from this file") is what
 * the commit then does, unless the data changes in between.
 */
export async function planImport(db: BackstoryDB, files: ImportParse[]): Promise<ImportPlan> {
  const ok = files.filter((p) => p.errorCount === 0 && p.kind !== 'backup');
  if (!ok.length) return { createdAccounts: new Map(), createdCampaigns: 0, errors: [], errorCount: 0 };
  return db.transaction('r', recordTables(db), async () => {
    const { createdAccounts, createdCampaigns, errors, errorCount } = await resolveImports(db, ok);
    return { createdAccounts, createdCampaigns, errors, errorCount };
  });
}
