import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';

/**
 * The options page's tables of sites (help-desk sites, reading recipes): the site, the columns
 * given, and a last column of row actions whose header only screen readers read. The rows are
 * the caller's; the table is named by a label or by the heading it sits under.
 */
export function SiteTable({
  label,
  labelledBy,
  testId,
  columns,
  children,
}: {
  label?: string;
  labelledBy?: string;
  testId: string;
  columns: string[];
  children: ComponentChildren;
}) {
  return (
    <table class="grid" aria-label={label} aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          {[t('sites.site'), ...columns].map((name) => (
            <th scope="col" key={name}>
              {name}
            </th>
          ))}
          <th scope="col">
            <span class="sr-only">{t('sites.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
