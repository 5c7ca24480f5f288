/**
 * A horizontal bar chart drawn as SVG, readable at a glance: one bar per row, its value at the
 * end. Rows marked `muted` (too few to compare) are drawn pale and say so. The chart is an image
 * with a text alternative; the table beside it carries the numbers for screen readers.
 */
export interface Bar {
  label: string;
  value: number;
  text: string;
  muted?: boolean;
}

export function BarChart({ bars, title, mutedNote }: { bars: Bar[]; title: string; mutedNote: string }) {
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const row = 22;
  const labelWidth = 220;
  const width = 640;
  const barSpace = width - labelWidth - 170;
  const height = bars.length * row + 4;
  const summary = bars.map((b) => `${b.label}: ${b.text}${b.muted ? ` (${mutedNote})` : ''}`).join('; ');
  return (
    <svg
      class="bar-chart"
      role="img"
      aria-label={`${title}. ${summary}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      data-testid="insights-chart"
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * row + 2;
        const w = Math.max(2, (b.value / max) * barSpace);
        return (
          <g key={`${b.label}-${i}`} class={b.muted ? 'muted-bar' : ''}>
            <text x={labelWidth - 6} y={y + 15} text-anchor="end" class="bar-label">
              {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={row - 8} rx={2} class="bar" />
            <text x={labelWidth + w + 6} y={y + 15} class="bar-value">
              {b.text}
              {b.muted ? ` · ${mutedNote}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
