/** Searching sorted Int32Arrays: postings, and the index's document ranges. */

/** First index in a[from, n) whose value is >= value (n when none). */
export function lowerBound(a: Int32Array, n: number, value: number, from: number): number {
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Like lowerBound, for a run of increasing values: gallops from `from` (1, 2, 4… steps) and
 * then bisects, so walking a short list through a long one costs O(short × log(long/short))
 * and walking two lists of similar size costs about as much as a merge.
 */
export function gallop(a: Int32Array, n: number, value: number, from: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < n && a[hi]! < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  return lowerBound(a, Math.min(hi, n), value, lo);
}
