import type { SourceInfo } from '@/core/backstory';
import { formatAgo } from '@/core/format';
import { t, uiLocale } from '../i18n/i18n';

/** A source's name as the technician knows it: the synced source's label, or what kind of import. */
export function sourceLabel(info: SourceInfo | undefined): string {
  if (!info) return t('source.import');
  return info.label ?? (info.kind === 'sample' ? t('source.sample') : t('source.import'));
}

/** Where the story's data comes from and how old it is: "Data: HubSpot, synced 5 minutes ago". */
export function SourcesLine({ infos }: { infos: SourceInfo[] }) {
  if (infos.length === 0) return null;
  const locale = uiLocale();
  return (
    <p class="small muted freshness" data-testid="freshness">
      {t('story.dataFrom')}{' '}
      {infos.map((info, i) => (
        <span key={info.id}>
          {i > 0 && '; '}
          {info.kind === 'sync'
            ? info.at
              ? t('story.synced', [sourceLabel(info), formatAgo(info.at, Date.now(), locale)])
              : t('story.syncedNever', [sourceLabel(info)])
            : info.at
              ? t('story.imported', [sourceLabel(info), formatAgo(info.at, Date.now(), locale)])
              : sourceLabel(info)}
          {info.failing && (
            <strong class="warn" data-testid="freshness-warning">
              {' '}
              ({t('story.syncFailing')})
            </strong>
          )}
        </span>
      ))}
    </p>
  );
}
