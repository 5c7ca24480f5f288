import { PageScanBuilder, type PatternKind } from '@/core/page-scan-build';
import { PageScanner } from '@/core/page-scan';

/** One text a scanner looks for, and whose account it names. */
export interface PagePattern {
  text: string;
  accountId: string;
  kind: PatternKind;
}

/**
 * A scanner over given patterns, built as core/page-scan-make.ts builds the product's from the
 * records (scannerFromRecords), for tests that name each pattern and its kind.
 */
export function scannerFromPatterns(patterns: Iterable<PagePattern>, minNameLength?: number): PageScanner {
  const b = new PageScanBuilder(minNameLength);
  for (const p of patterns) b.add(p.text, p.accountId, p.kind);
  return new PageScanner(b.build());
}
