/**
 * Two copies of one record, from two laptops, made one: by version vectors and per-field dots,
 * never by clock. The result is the same whichever copy is "local" (so every laptop converges),
 * and nothing anyone wrote is dropped without a trace: a field written on both laptops without
 * either seeing the other is a conflict, whose losing side is returned for the 组长 to review
 * (and stays in the revisions either way).
 *
 * Collections merge element by element (collections.ts): different turns or evidence never
 * conflict; a set element added on one laptop and removed on another stays (add-wins).
 */
import { splitPath, sortElements, type Collections } from './collections';
import {
  compareVersions,
  dotsOf,
  hasSeen,
  sameValue,
  type Dot,
  type PathClock,
  type Sibling,
  type Stored,
  type VersionVector,
} from './record';

export interface Conflict {
  readonly path: string;
  /** The value kept (the same on every laptop) and the one set aside, with their writes. */
  readonly kept: { readonly value: unknown; readonly dot: Dot };
  readonly other: { readonly value: unknown; readonly dot: Dot };
}

export interface Merged<T extends object> {
  readonly record: Stored<T>;
  readonly conflicts: readonly Conflict[];
}

/** Later counter first, then the greater device id: an arbitrary order every laptop agrees on. */
function dotWins(a: Dot, b: Dot): boolean {
  return a[1] !== b[1] ? a[1] > b[1] : a[0] > b[0];
}

function sameDot(x: Dot, y: Dot): boolean {
  return x[0] === y[0] && x[1] === y[1];
}

const byDot = (x: Dot, y: Dot) => (x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] - y[1]);

function sortByDot<E extends { dot: Dot }>(entries: readonly E[]): E[] {
  return [...entries].sort((x, y) => byDot(x.dot, y.dot));
}

/** One write as it is; several sorted, so every laptop stores the same clock. */
function clockOf(dots: readonly Dot[]): PathClock {
  return dots.length === 1 ? dots[0]! : [...dots].sort(byDot);
}

export function mergeVersionVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, number> = { ...a };
  for (const [device, n] of Object.entries(b)) out[device] = Math.max(out[device] ?? 0, n);
  return out;
}

const ELEMENT_ABSENT = Symbol('absent');

/** One write of one path as a merge sees it: the value it set, and the write. */
interface Entry {
  readonly value: unknown;
  readonly dot: Dot;
}

/**
 * The record both copies become. `a` and `b` must be copies of one record (same id).
 *
 * Each path is a multi-value register: the writes that stand are those each side holds (as the
 * path's clock or as a sibling) that the other side holds too or has not seen. Of those, the
 * latest write's value is shown (the same choice on every laptop), with every write of that same
 * value as its clock; writes of other values stay as siblings, the conflict, which travel with
 * the record until a write that has seen them all settles it. So the result depends only on the
 * writes, never on the order copies met: merging is idempotent, commutative and associative.
 */
export function mergeRecords<T extends object>(
  a: Stored<T>,
  b: Stored<T>,
  collections: Collections = {},
): Merged<T> {
  const order = compareVersions(a.vv, b.vv);
  if (order === 'same' || order === 'newer') return { record: a, conflicts: [] };
  if (order === 'older') return { record: b, conflicts: [] };

  const av = a as Record<string, unknown>;
  const bv = b as Record<string, unknown>;
  const out: Record<string, unknown> = { ...av };
  const clocks: Record<string, PathClock> = {};
  const siblings: Record<string, Sibling[]> = {};
  const conflicts: Conflict[] = [];
  const elementValues = new Map<string, Map<string, unknown>>();

  const valueAt = (side: Record<string, unknown>, path: string): unknown => {
    const [field, key] = splitPath(path);
    if (key === undefined) return side[field];
    const spec = collections[field]!;
    const found = (side[field] as unknown[] | undefined)?.find((e) => spec.key(e) === key);
    return found === undefined ? ELEMENT_ABSENT : found;
  };
  const entriesOf = (side: Stored<T>, path: string): Entry[] => {
    const clock = side.clocks[path];
    const value = valueAt(side, path);
    const isElement = splitPath(path)[1] !== undefined;
    return [
      ...(clock ? dotsOf(clock) : []).map((dot) => ({ value, dot })),
      ...(side.siblings?.[path] ?? []).map((s) => ({
        value: isElement && s.value === null ? ELEMENT_ABSENT : s.value,
        dot: s.dot,
      })),
    ];
  };

  const paths = new Set([
    ...Object.keys(a.clocks),
    ...Object.keys(b.clocks),
    ...Object.keys(a.siblings ?? {}),
    ...Object.keys(b.siblings ?? {}),
  ]);
  for (const path of paths) {
    const ea = entriesOf(a, path);
    const eb = entriesOf(b, path);
    const inA = (dot: Dot) => ea.some((e) => sameDot(e.dot, dot));
    const inB = (dot: Dot) => eb.some((e) => sameDot(e.dot, dot));
    let live = [
      ...ea.filter((e) => inB(e.dot) || !hasSeen(b.vv, e.dot)),
      ...eb.filter((e) => !inA(e.dot) && !hasSeen(a.vv, e.dot)),
    ];
    if (live.length === 0) live = ea.length > 0 ? ea : eb; // cannot arise from real histories
    const [field, key] = splitPath(path);
    const isSet = key !== undefined && collections[field]?.kind === 'set';
    // A set element added on one laptop and removed on another stays (add-wins); the removal
    // stays a sibling, not a conflict, so every order of merging keeps the same writes.
    const present = live.filter((e) => e.value !== ELEMENT_ABSENT);
    const candidates = isSet && present.length > 0 ? present : live;
    const winner = candidates.reduce((x, y) => (dotWins(y.dot, x.dot) ? y : x));
    const others = live.filter((e) => !sameValue(e.value, winner.value));
    clocks[path] = clockOf(live.filter((e) => sameValue(e.value, winner.value)).map((e) => e.dot));
    if (others.length > 0) {
      siblings[path] = sortByDot(others).map((e) => ({ value: absentAsNull(e.value), dot: e.dot }));
      for (const e of isSet ? [] : others) {
        // New to `a` (this laptop, when it merges what arrived): not a sibling there already.
        if (!(a.siblings?.[path] ?? []).some((x) => sameDot(x.dot, e.dot))) {
          const kept = { value: absentAsNull(winner.value), dot: winner.dot };
          conflicts.push({ path, kept, other: { value: absentAsNull(e.value), dot: e.dot } });
        }
      }
    }
    // The deletion's time and author belong to the value shown: take them from a side that
    // shows the winning write (in its clock, not as a sibling), the same on every laptop.
    const shows = (side: Stored<T>) => {
      const clock = side.clocks[path];
      return clock !== undefined && dotsOf(clock).some((d) => sameDot(d, winner.dot));
    };
    const from = shows(a) ? av : shows(b) ? bv : av;
    if (key === undefined) {
      out[field] = winner.value;
      if (field === 'deleted') copyDeletion(out, from);
    } else {
      const values = elementValues.get(field) ?? new Map<string, unknown>();
      elementValues.set(field, values.set(key, winner.value));
    }
  }
  for (const [field, values] of elementValues) {
    const spec = collections[field]!;
    const present = [...values.values()].filter((v) => v !== ELEMENT_ABSENT);
    out[field] = sortElements(spec, present);
  }
  if (Object.keys(siblings).length > 0) out.siblings = siblings;
  else delete out.siblings;
  const vv = mergeVersionVectors(a.vv, b.vv);
  // For display only (who wrote last); ties broken so that every laptop agrees.
  const aLater =
    a.updatedAt !== b.updatedAt ? a.updatedAt > b.updatedAt : a.updatedBy >= b.updatedBy;
  const later = aLater ? a : b;
  return {
    record: {
      ...(out as Stored<T>),
      updatedAt: later.updatedAt,
      updatedBy: later.updatedBy,
      rev: Object.values(vv).reduce((n, c) => n + c, 0),
      vv,
      clocks,
      seq: a.seq,
    },
    conflicts,
  };
}

function absentAsNull(value: unknown): unknown {
  return value === ELEMENT_ABSENT ? null : value;
}

function copyDeletion(out: Record<string, unknown>, side: Record<string, unknown>) {
  for (const key of ['deletedAt', 'deletedBy']) {
    if (side[key] === undefined) delete out[key];
    else out[key] = side[key];
  }
}
