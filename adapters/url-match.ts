import { MatchPattern } from 'wxt/utils/match-patterns';

/** Whether a page URL is covered by one of these match patterns. Bad patterns match nothing. */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    try {
      return new MatchPattern(p).includes(url);
    } catch {
      return false;
    }
  });
}
