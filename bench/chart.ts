/** An SVG line chart of p95 latency against data size, one line per search engine. */
export function latencyChart(series: { name: string; points: { size: number; p95: number }[] }[]): string {
  const W = 720,
    H = 360,
    L = 70,
    B = 40,
    T = 20,
    R = 220;
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.size)))].sort((a, b) => a - b);
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.p95)));
  const logMax = Math.log10(max * 1.5),
    logMin = Math.log10(0.01);
  const x = (size: number) => L + (sizes.indexOf(size) / Math.max(1, sizes.length - 1)) * (W - L - R);
  const y = (v: number) => T + (1 - (Math.log10(Math.max(v, 0.01)) - logMin) / (logMax - logMin)) * (H - T - B);
  const colours = ['#0b63c5', '#c5460b', '#17703a', '#8a5a00', '#7a2fb0', '#555'];
  const esc = (s: string) => s.replace(/[<&>]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '>': '&gt;' })[c]!);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<text x="${L}" y="14" font-size="13">Popup search: p95 per query (ms, log scale) by number of accounts</text>`,
  ];
  for (const v of [0.1, 1, 10, 100, 1000])
    if (v < max * 1.5)
      parts.push(
        `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
      );
  for (const s of sizes)
    parts.push(`<text x="${x(s)}" y="${H - B + 16}" text-anchor="middle">${s.toLocaleString('en')}</text>`);
  series.forEach((s, i) => {
    const c = colours[i % colours.length];
    const pts = s.points.map((p) => `${x(p.size)},${y(p.p95)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts}"/>`);
    parts.push(`<text x="${W - R + 10}" y="${T + 16 + i * 16}" fill="${c}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
