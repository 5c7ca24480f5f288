import type { SearchResults } from '@/core/search';
import { t } from '@/i18n/i18n';

export interface Row {
  group: string;
  id: string;
  accountId?: string;
  title: string;
  subtitle?: string;
}

const GROUPS = ['accounts', 'campaigns', 'deals', 'notes'] as const satisfies readonly (keyof Omit<
  SearchResults,
  'top'
>)[];

/** Results grouped by kind, best first, with the current ticket's account on top. */
export function flatten(results: SearchResults, ticketRow?: Row): Row[] {
  const rows: Row[] = ticketRow ? [ticketRow] : [];
  for (const key of GROUPS) {
    const label = t(`popup.group.${key}`);
    for (const r of results[key]) {
      rows.push({
        group: label,
        id: `${r.kind}:${r.id}`,
        accountId: r.accountId,
        title: r.title,
        subtitle: r.subtitle,
      });
    }
  }
  return rows;
}

interface Props {
  rows: Row[];
  selected: number;
  onHover: (i: number) => void;
  onOpen: (row: Row) => void;
}

export function ResultList({ rows, selected, onHover, onOpen }: Props) {
  return (
    <ul class="plain" id="results" role="listbox" aria-label={t('popup.results')}>
      {rows.map((row, i) => (
        <>
          {(i === 0 || rows[i - 1]!.group !== row.group) && (
            <li class="group-title" role="presentation" key={`g-${row.group}`}>
              {row.group}
            </li>
          )}
          <li
            key={row.id}
            id={`r-${i}`}
            class="result"
            role="option"
            aria-selected={i === selected}
            aria-disabled={!row.accountId}
            onMouseEnter={() => onHover(i)}
            onClick={() => onOpen(row)}
          >
            <div class="title">{row.title}</div>
            {row.subtitle && <div class="small muted">{row.subtitle}</div>}
          </li>
        </>
      ))}
    </ul>
  );
}
