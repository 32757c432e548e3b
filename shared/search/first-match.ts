import { normalizeWithMap, originalEnd, originalStart, unitsToString } from './normalize';
import type { Highlight } from './types';

/**
 * Where the first occurrence of any of `terms` (as queryTerms gives them) is in `text`, as a
 * range of the original text, or null: what a record opened from a search hit selects. Matches
 * exactly as the index does (same normalisation), so a hit's record always has its match.
 */
export function firstMatch(text: string, terms: readonly string[]): Highlight | null {
  if (text === '' || terms.length === 0) return null;
  const { units, toOriginal } = normalizeWithMap(text);
  const normalized = unitsToString(units);
  let at = -1;
  let length = 0;
  for (const term of terms) {
    const found = normalized.indexOf(term);
    if (found >= 0 && (at < 0 || found < at || (found === at && term.length > length))) {
      at = found;
      length = term.length;
    }
  }
  if (at < 0) return null;
  return { start: originalStart(toOriginal, at), end: originalEnd(toOriginal, at + length) };
}
