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
  hasSeen,
  sameValue,
  type Dot,
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

export function mergeVersionVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, number> = { ...a };
  for (const [device, n] of Object.entries(b)) out[device] = Math.max(out[device] ?? 0, n);
  return out;
}

const ELEMENT_ABSENT = Symbol('absent');

/** The record both copies become. `a` and `b` must be copies of one record (same id). */
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
  const clocks: Record<string, Dot> = {};
  const conflicts: Conflict[] = [];
  const elementValues = new Map<string, Map<string, unknown>>();

  const valueAt = (side: Record<string, unknown>, path: string): unknown => {
    const [field, key] = splitPath(path);
    if (key === undefined) return side[field];
    const spec = collections[field]!;
    const found = (side[field] as unknown[] | undefined)?.find((e) => spec.key(e) === key);
    return found === undefined ? ELEMENT_ABSENT : found;
  };

  for (const path of new Set([...Object.keys(a.clocks), ...Object.keys(b.clocks)])) {
    const da = a.clocks[path];
    const db = b.clocks[path];
    let pick: 'a' | 'b';
    if (!db || (da && da[0] === db[0] && da[1] === db[1])) pick = 'a';
    else if (!da) pick = 'b';
    else if (hasSeen(b.vv, da) && !hasSeen(a.vv, db)) pick = 'b';
    else if (hasSeen(a.vv, db) && !hasSeen(b.vv, da)) pick = 'a';
    else {
      // Written on both laptops, neither having seen the other's write.
      const x = valueAt(av, path);
      const y = valueAt(bv, path);
      const [field, key] = splitPath(path);
      const isSet = key !== undefined && collections[field]?.kind === 'set';
      if (isSet && (x === ELEMENT_ABSENT) !== (y === ELEMENT_ABSENT)) {
        pick = x === ELEMENT_ABSENT ? 'b' : 'a'; // add-wins
      } else {
        pick = dotWins(da, db) ? 'a' : 'b';
        if (!sameValue(x, y) && !isSet) {
          const [keep, lose] =
            pick === 'a'
              ? [
                  [x, da],
                  [y, db],
                ]
              : [
                  [y, db],
                  [x, da],
                ];
          conflicts.push({
            path,
            kept: { value: absentAsNull(keep[0]), dot: keep[1] as Dot },
            other: { value: absentAsNull(lose[0]), dot: lose[1] as Dot },
          });
        }
      }
    }
    const side = pick === 'a' ? av : bv;
    clocks[path] = (pick === 'a' ? da : db)!;
    const [field, key] = splitPath(path);
    if (key === undefined) {
      out[field] = side[field];
      if (field === 'deleted') copyDeletion(out, side);
    } else {
      const values = elementValues.get(field) ?? new Map<string, unknown>();
      elementValues.set(field, values.set(key, valueAt(side, path)));
    }
  }
  for (const [field, values] of elementValues) {
    const spec = collections[field]!;
    const present = [...values.values()].filter((v) => v !== ELEMENT_ABSENT);
    out[field] = sortElements(spec, present);
  }
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
