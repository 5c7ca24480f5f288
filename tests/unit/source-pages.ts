// A live source's read, page by page (sources/live-source.ts `SourcePage`), joined into one record
// set with every page's warnings, for the tests that check what a whole read brings.
import { emptyRecordSet, type RecordSet } from '@/core/model';
import type { SourceNote } from '@/core/source-notes';
import type { SourcePage } from '@/sources/live-source';

export async function readAllPages(
  pages: AsyncIterable<SourcePage>,
): Promise<{ records: RecordSet; warnings: SourceNote[] }> {
  const records = emptyRecordSet();
  const warnings: SourceNote[] = [];
  for await (const page of pages) {
    for (const kind of Object.keys(records) as (keyof RecordSet)[])
      (records[kind] as unknown[]).push(...page.records[kind]);
    warnings.push(...page.warnings);
  }
  return { records, warnings };
}
