import type { MatchResult } from '@/core/match';
import { explainMatch, fieldName, t } from '../i18n/i18n';

/** The reason in the user's language; a match found in the ticket's text says so. */
export function matchReason(match: MatchResult): string {
  if (!match.text) return explainMatch(match.explain);
  if (match.status === 'ambiguous') return t('matchText.ambiguous', [String(match.candidates.length)]);
  return t(`matchText.found.${match.text.kind}`, [match.text.value]);
}

/**
 * Why the sidebar shows this account, and how sure it is; when readings of the page disagreed
 * (`conflict`) or the page was too large to read, it says so.
 */
export function MatchLine({
  match,
  missing,
  conflict = [],
  tooLarge = false,
  readBy,
}: {
  match: MatchResult;
  missing: string[];
  conflict?: string[];
  tooLarge?: boolean;
  readBy?: 'recipe';
}) {
  return (
    <p class="small muted" data-testid="match-reason" style="margin:4px 0 0">
      <span class={`badge ${match.confidence}`}>{t(`match.confidence.${match.confidence}`)}</span> {matchReason(match)}
      {conflict.length > 0 && (
        <span data-testid="reading-conflict">{t('reader.conflict', [conflict.map(fieldName).join(', ')])}</span>
      )}
      {readBy === 'recipe' && <span data-testid="read-as-shown">{t('showme.readAsShown')}</span>}
      {tooLarge && <span data-testid="page-too-large">{t('reader.tooLarge')}</span>}
      {missing.length > 0 && (
        <span data-testid="missing-fields">{t('match.layout', [missing.map(fieldName).join(', ')])}</span>
      )}
    </p>
  );
}
