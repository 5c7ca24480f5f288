/** Timing and summary helpers for the benchmarks. */
export const now = () => performance.now();

/** A full collection (node --expose-gc; nothing without it), so earlier garbage is not collected inside a timed step. */
export const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Waits without running anything on this thread, so a timed step after a forced collection does
 * not share the 2 cores with the collector's threads still sweeping.
 */
export const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
}

/**
 * Heap in MB after a full collection (needs node --expose-gc; else an estimate without GC),
 * typed arrays' buffers included: they live outside the JS heap.
 */
export function heapMb(): number {
  collect();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

export const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(0));
export const pct = (n: number) => (Number.isNaN(n) ? '-' : `${(n * 100).toFixed(1)}%`);

/** A plain-text table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Each item run in turn, timed. */
export const timeEach = async <T>(items: T[], run: (item: T) => Promise<unknown>): Promise<Latency> => {
  const times: number[] = [];
  for (const item of items) {
    const s = now();
    await run(item);
    times.push(now() - s);
  }
  return latency(times);
};
