/**
 * The one binary search of the code base: the first position in a sorted range whose value is
 * not below a target. Numbers and strings compare with `<` alike (typed arrays of term ids,
 * sorted keys, sorted ids).
 */
export function firstAtLeast<T extends number | string>(
  sorted: ArrayLike<T>,
  target: T,
  lo = 0,
  hi = sorted.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The same search where the value at a position is computed (`below(i)`: position i sorts before the target). */
export function firstWhereNot(lo: number, hi: number, below: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
