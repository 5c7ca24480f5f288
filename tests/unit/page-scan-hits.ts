// What the page-scan-*.test.ts files share: a pattern in one call, and hits made easy to read.
import type { PageHit, PatternKind } from '@/core/page-scan';
import { scannerFromPatterns, type PagePattern } from '../page-scanner';

export const P = (text: string, accountId: string, kind: PatternKind = 'name'): PagePattern => ({
  text,
  accountId,
  kind,
});
/** Hits as "kind:accounts:what the page says", easy to read in a failure. */
export const found = (hits: PageHit[], text: string) =>
  hits.map((h) => `${h.kind}:${h.accountIds.join('+')}:${text.slice(h.start, h.end)}`);
export const scanOf = (patterns: PagePattern[], text: string) =>
  found(scannerFromPatterns(patterns).scan(text).hits, text);
