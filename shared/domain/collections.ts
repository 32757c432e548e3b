/**
 * Fields that several people add to: stored as arrays, written element by element.
 *
 * A whole array in one field would make two laptops that each add a piece of evidence, or edit
 * different 问/答 turns, overwrite each other. So such a field is a collection: every element
 * has a key, a write names the elements it sets or removes (`turns/<id>`, `tags/<tag>`), and
 * each element keeps the dot of its last write in the record's `clocks` under that path. A
 * removed element leaves its clock behind as a tombstone, so a merge can tell "removed" from
 * "never seen".
 *
 * Two kinds:
 * - `items` (interview turns): elements with a stable id, ordered by a fractional key `pos`;
 *   the same turn edited on two laptops is a conflict, different turns merge cleanly.
 * - `set` (evidence, tags, focus areas): an element is what it is (its key is its identity);
 *   adding and removing concurrently keeps the element (add-wins). Stored in key order, so
 *   every laptop holds the same array after a merge.
 */

export type CollectionKind = 'items' | 'set';

export interface CollectionSpec<T = unknown> {
  readonly kind: CollectionKind;
  /** The element's identity: a turn's id, a tag's text, an evidence link's target. */
  key(element: T): string; // a method, so a spec of turns is also a spec of "some elements"
}

/** The collection fields of one table, by field name. */
export type Collections = Readonly<Record<string, CollectionSpec>>;

/** Elements addressed by path are separated from their field by this character. */
const SEP = '/';

export function elementPath(field: string, key: string): string {
  return `${field}${SEP}${key}`;
}

/** 'turns/01J…' → ['turns', '01J…']; a plain field → [field, undefined]. */
export function splitPath(path: string): readonly [field: string, key: string | undefined] {
  const at = path.indexOf(SEP);
  return at === -1 ? [path, undefined] : [path.slice(0, at), path.slice(at + 1)];
}

interface Ordered {
  readonly id: string;
  readonly pos: string;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of a stored collection: items by position (ties by id), sets by key. */
export function sortElements<T>(spec: CollectionSpec<T>, elements: readonly T[]): T[] {
  if (spec.kind === 'items') {
    return [...elements].sort((a, b) => {
      const x = a as unknown as Ordered;
      const y = b as unknown as Ordered;
      return byCodeUnits(x.pos, y.pos) || byCodeUnits(x.id, y.id);
    });
  }
  return [...elements].sort((a, b) => byCodeUnits(spec.key(a), spec.key(b)));
}

/** The element of `elements` with `key`, if any. */
export function findElement<T>(
  spec: CollectionSpec<T>,
  elements: readonly T[] | undefined,
  key: string,
): T | undefined {
  return elements?.find((e) => spec.key(e) === key);
}

/**
 * Applies element writes (`key → element`, or null to remove) to a stored array, keeping the
 * collection's order. Used by the write path and by the history replay.
 */
export function applyElements<T>(
  spec: CollectionSpec<T>,
  elements: readonly T[] | undefined,
  writes: ReadonlyMap<string, T | null>,
): T[] {
  const kept = (elements ?? []).filter((e) => !writes.has(spec.key(e)));
  for (const element of writes.values()) if (element !== null) kept.push(element);
  return sortElements(spec, kept);
}

/**
 * The element writes that turn `before` into `after`: what a form sends when the user changed
 * a collection. Only elements that differ are named, so an edit never touches the others.
 */
export function elementWrites<T>(
  field: string,
  spec: CollectionSpec<T>,
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
): Record<string, T | null> {
  const out: Record<string, T | null> = {};
  const old = new Map(before.map((e) => [spec.key(e), e]));
  const now = new Map(after.map((e) => [spec.key(e), e]));
  for (const [key, element] of now) {
    const was = old.get(key);
    if (was === undefined || !same(was, element)) out[elementPath(field, key)] = element;
  }
  for (const key of old.keys()) if (!now.has(key)) out[elementPath(field, key)] = null;
  return out;
}

/** Whether `path` names an element of one of `collections`. */
export function isElementPath(collections: Collections, path: string): boolean {
  const [field, key] = splitPath(path);
  return key !== undefined && Object.hasOwn(collections, field);
}
