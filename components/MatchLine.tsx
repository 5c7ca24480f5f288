import type { MatchResult } from '@/core/match';
import { explainMatch, fieldName, t } from '../i18n/i18n';

/** The reason in the user's language; a match found in the ticket's text says so. */
export function matchReason(match: MatchResult): string {
  if (!match.text) return explainMatch(match.explain);
  if (match.status === 'ambiguous') return t('matchText.ambiguous', [String(match.candidates.length)]);
  return t(`matchText.found.${match.text.kind}`, [match.text.value]);
}

/** Why the sidebar shows this account, and how sure it is. */
export function MatchLine({ match, missing }: { match: MatchResult; missing: string[] }) {
  return (
    <p class="small muted" data-testid="match-reason" style="margin:4px 0 0">
      <span class={`badge ${match.confidence}`}>{t(`match.confidence.${match.confidence}`)}</span> {matchReason(match)}
      {missing.length > 0 && (
        <span data-testid="missing-fields">{t('match.layout', [missing.map(fieldName).join(', ')])}</span>
      )}
    </p>
  );
}
