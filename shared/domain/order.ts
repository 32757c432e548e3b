/**
 * Positions as fractional keys (strings that sort between any two others), so moving or
 * inserting one element writes that element only: no renumbering of its neighbours, and two
 * laptops reordering different elements never touch the same record or turn.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * The position for an element inserted at `index` of a list whose positions are `sorted`
 * (ascending). Two laptops may have given two elements the same position; the new one then
 * goes right after that tie, since no key sorts inside it.
 */
export function positionAt(sorted: readonly string[], index: number): string {
  const lo = index > 0 ? (sorted[index - 1] ?? null) : null;
  const hi = sorted.slice(index).find((key) => lo === null || key > lo) ?? null;
  return generateKeyBetween(lo, hi);
}

/** The position after every one of `sorted`. */
export function positionAfter(sorted: readonly string[]): string {
  return generateKeyBetween(sorted.at(-1) ?? null, null);
}

/** `n` ascending positions for a new list (or for migrating numbered data). */
export function firstPositions(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}
