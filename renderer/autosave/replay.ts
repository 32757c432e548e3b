/**
 * What to do with journal edits found when a record opens (see journal.ts): apply the ones that
 * are ahead of what is stored, drop the ones already saved, and keep aside the ones that would
 * overwrite something newer. Pure, so every case is a unit test.
 *
 * Per written path (a field, or one element such as `turns/<id>`):
 * - the path has not been written since the version the edit was typed against: the edit was
 *   never saved; apply it (it changes only that path);
 * - it was written since, and what is stored contains what was typed (the same value, or a
 *   text that still holds the journalled text: the usual crash, where Chromium's copy of the
 *   journal on disk is an older draft of what IndexedDB committed later): nothing would be
 *   lost; drop it;
 * - this laptop wrote it since, and what was typed contains what is stored (typing went on
 *   while that write was under way, and the browser died before the next): the journal is the
 *   later draft; apply it;
 * - anything else (a text edited differently since, here or on another laptop): keep it aside,
 *   for the user to decide. Never applied over what is stored.
 * A record that is gone, or older than the edit's version (the database lost writes), keeps
 * every edit aside.
 */
import { splitPath, type Collections } from '../../shared/domain/collections';
import {
  compareVersions,
  dotsOf,
  hasSeen,
  sameValue,
  type Patch,
  type Stored,
} from '../../shared/domain/record';
import type { JournalEntry } from './journal';

export interface ReplayPlan {
  readonly apply: Patch;
  readonly aside: Patch;
  /** Why edits were kept aside, when any were. */
  readonly reason: 'stale' | 'deleted' | 'refused';
}

export function planReplay(
  entry: JournalEntry,
  stored: Stored<object> | undefined,
  deviceId: string,
  collections: Collections,
): ReplayPlan {
  if (!stored || stored.deleted) return { apply: {}, aside: entry.patch, reason: 'deleted' };
  // A note from before notes carried their version: nothing says what it may overwrite.
  if (!entry.base || Object.keys(entry.base).length === 0) {
    return { apply: {}, aside: entry.patch, reason: 'stale' };
  }
  const order = compareVersions(stored.vv, entry.base);
  if (order === 'same') return { apply: entry.patch, aside: {}, reason: 'stale' };
  if (order !== 'newer') return { apply: {}, aside: entry.patch, reason: 'stale' };

  const apply: Record<string, unknown> = {};
  const aside: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(entry.patch)) {
    const current = valueAt(stored, path, collections);
    if (sameValue(current, value)) continue;
    const clock = stored.clocks[path];
    const dots = clock ? dotsOf(clock) : [];
    if (dots.every((dot) => hasSeen(entry.base, dot))) apply[path] = value;
    else if (contains(current, value)) continue;
    else if (dots.every((dot) => dot[0] === deviceId) && contains(value, current))
      apply[path] = value;
    else aside[path] = value;
  }
  return { apply, aside, reason: 'stale' };
}

/**
 * Whether `outer` holds everything of `inner`: texts where the inner text is still there
 * (typing only added around it), other values equal, objects field by field (a turn whose
 * text grew).
 */
function contains(outer: unknown, inner: unknown): boolean {
  if (typeof outer === 'string' && typeof inner === 'string') return outer.includes(inner);
  if (inner === null || outer === null) return inner === outer;
  if (typeof outer !== 'object' || typeof inner !== 'object') return sameValue(outer, inner);
  if (Array.isArray(outer) || Array.isArray(inner)) return sameValue(outer, inner);
  const o = outer as Record<string, unknown>;
  return Object.entries(inner).every(([k, v]) => contains(o[k], v));
}

/** The stored value at a path: a field's value, or an element (null when absent). */
function valueAt(stored: object, path: string, collections: Collections): unknown {
  const [field, key] = splitPath(path);
  const value = (stored as Record<string, unknown>)[field];
  if (key === undefined) return value;
  const spec = Object.hasOwn(collections, field) ? collections[field] : undefined;
  return (value as unknown[] | undefined)?.find((e) => spec?.key(e) === key) ?? null;
}
