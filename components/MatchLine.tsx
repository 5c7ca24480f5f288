import type { MatchResult } from '@/core/match';
import { explainMatch, fieldName, t } from './i18n';

/** Why the sidebar shows this account, and how sure it is. */
export function MatchLine({ match, missing }: { match: MatchResult; missing: string[] }) {
  return (
    <p class="small muted" data-testid="match-reason" style="margin:4px 0 0">
      <span class={`badge ${match.confidence}`}>{t(`match.confidence.${match.confidence}`)}</span> {explainMatch(match.explain)}
      {missing.length > 0 && <span data-testid="missing-fields">{t('match.layout', [missing.map(fieldName).join(', ')])}</span>}
    </p>
  );
}
