/**
 * Ranking. Each found document gets one number that orders it, higher first:
 *
 *   terms found in the title × 2⁴² + occurrences × 2²¹ + (2²¹ − 1 − length)
 *
 * so title matches come first, then more occurrences, then shorter documents, all in one
 * comparison of doubles (a comparator reading three arrays and an id was the largest cost of
 * a search that finds thousands of documents). Occurrences and length saturate at 2²¹ − 1,
 * two million: beyond that, ties are broken by id like every other tie. The sum stays below
 * 2⁵³, so it is exact.
 */
const FIELD = 2 ** 21;
const MAX = FIELD - 1;

export function rankKey(titleTerms: number, occurrences: number, length: number): number {
  return (
    titleTerms * FIELD * FIELD + Math.min(occurrences, MAX) * FIELD + (MAX - Math.min(length, MAX))
  );
}

/**
 * Indices of the best `k` of `keys[0 … n)`, best first; equal keys in ascending order of
 * `idOf`. `scratch` (at least n long) is overwritten. Quickselect finds the k-th best key in linear time, and only the candidates at or
 * above it are sorted: a search that finds thousands of documents shows a page of 50.
 */
export function topK(
  keys: Float64Array,
  n: number,
  k: number,
  scratch: Float64Array,
  idOf: (i: number) => string,
): number[] {
  if (k <= 0 || n === 0) return [];
  let threshold = -Infinity;
  if (n > k) {
    scratch.set(keys.subarray(0, n));
    threshold = kthLargest(scratch.subarray(0, n), k - 1);
  }
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) if (keys[i]! >= threshold) chosen.push(i);
  chosen.sort((a, b) => keys[b]! - keys[a]! || (idOf(a) < idOf(b) ? -1 : 1));
  // Ties at the threshold can bring more than k.
  return chosen.length > k ? chosen.slice(0, k) : chosen;
}

/** The value that would sit at `index` if `values` were sorted descending (reorders them). */
function kthLargest(values: Float64Array, index: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (index <= j) hi = j;
    else if (index >= i) lo = i;
    else return values[index]!;
  }
  return values[lo]!;
}
