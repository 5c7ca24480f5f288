import type { MatchResult } from '@/core/match';

/** Why the sidebar shows this account, and how sure it is. */
export function MatchLine({ match, missing }: { match: MatchResult; missing: string[] }) {
  return (
    <p class="small muted" data-testid="match-reason" style="margin:4px 0 0">
      <span class={`badge ${match.confidence}`}>{match.confidence}</span> {match.reason}
      {missing.length > 0 && (
        <span data-testid="missing-fields"> · page layout: could not read {missing.join(', ')}</span>
      )}
    </p>
  );
}
