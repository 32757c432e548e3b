/**
 * What every stored record carries, and the only way records change.
 *
 * Records are evidence and travel between laptops, so:
 * - nothing is hard-deleted: `deleted` is a tombstone that a merge can see;
 * - versions are causal, never clock-based: each write bumps this laptop's counter in the
 *   record's version vector `vv`, and every field (and every element of a collection, see
 *   collections.ts) remembers the write, its "dot", that last set it, so two people editing
 *   different fields of one record merge cleanly later;
 * - every write is a patch of fields and elements, returned with what it changed so the caller
 *   can keep a revision history.
 */
import {
  applyElements,
  findElement,
  sortElements,
  elementPath,
  splitPath,
  type Collections,
} from './collections';

export type DeviceId = string;
export type MemberId = string;

/** deviceId → how many writes that laptop has made to this record. */
export type VersionVector = Readonly<Record<DeviceId, number>>;

/** One write: the laptop that made it and that laptop's counter after it. */
export type Dot = readonly [DeviceId, number];

/** What last set one path: one write, or several concurrent writes of the same value. */
export type PathClock = Dot | readonly Dot[];

/** The writes of a path's clock, as a list. */
export function dotsOf(clock: PathClock): readonly Dot[] {
  return typeof clock[0] === 'string' ? [clock as Dot] : (clock as readonly Dot[]);
}

/** A value of a path that lost a conflict, with its write; null for a removed element. */
export interface Sibling {
  readonly value: unknown;
  readonly dot: Dot;
}

export interface RecordMeta {
  readonly id: string;
  readonly caseId: string;
  readonly createdAt: string;
  readonly createdBy: MemberId;
  readonly updatedAt: string;
  readonly updatedBy: MemberId;
  /** Number of writes this record has seen, on every laptop: shown as "第 N 版". */
  readonly rev: number;
  readonly vv: VersionVector;
  /**
   * For each field, and each collection element (`turns/<id>`), the write that last set it; or
   * the writes, when laptops that had not seen each other's write set the same value (a merge
   * keeps both, see merge.ts).
   */
  readonly clocks: Readonly<Record<string, PathClock>>;
  /**
   * Values written at the same time as the one shown, on laptops that had not seen each other's
   * write: a conflict, kept whole until a write that has seen them settles it (merge.ts).
   * Absent while there is none.
   */
  readonly siblings?: Readonly<Record<string, readonly Sibling[]>>;
  readonly deleted: boolean;
  readonly deletedAt?: string;
  readonly deletedBy?: MemberId;
  /**
   * This laptop's change sequence when the row was last stored (see write.ts). Local only:
   * it orders "what changed since" on this laptop and is never compared between laptops.
   */
  readonly seq: number;
}

export type Stored<T extends object> = Readonly<T> & RecordMeta;

/** Who writes, from which laptop, and when: passed in so this module has no clock. */
export interface WriteContext {
  readonly now: string;
  readonly deviceId: DeviceId;
  readonly memberId: MemberId;
}

/**
 * What a write sets: field name → value, or element path (`turns/<id>`) → element, with null
 * removing the element. Revisions store writes in this form.
 */
export type FieldChanges = Readonly<Record<string, unknown>>;
export type Patch = FieldChanges;

export const META_KEYS: ReadonlySet<string> = new Set([
  'id',
  'caseId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'rev',
  'vv',
  'clocks',
  'siblings',
  'deleted',
  'deletedAt',
  'deletedBy',
  'seq',
] satisfies (keyof RecordMeta)[]);

function nextDot(vv: VersionVector, deviceId: DeviceId): Dot {
  return [deviceId, (vv[deviceId] ?? 0) + 1];
}

/** Structural equality for the JSON-like values records hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** A new record: every field and every element is stamped with the first write of this laptop. */
export function createRecord<T extends object>(
  ids: { id: string; caseId: string },
  fields: T,
  ctx: WriteContext,
  collections: Collections = {},
): { record: Stored<T>; changes: FieldChanges } {
  const dot = nextDot({}, ctx.deviceId);
  const changes: Record<string, unknown> = {};
  const clocks: Record<string, Dot> = {};
  for (const [key, value] of Object.entries(domainFields(fields))) {
    const spec = Object.hasOwn(collections, key) ? collections[key] : undefined;
    if (spec && Array.isArray(value)) {
      changes[key] = sortElements(spec, value);
      for (const element of value) clocks[elementPath(key, spec.key(element))] = dot;
    } else {
      changes[key] = value;
      clocks[key] = dot;
    }
  }
  const meta: RecordMeta = {
    id: ids.id,
    caseId: ids.caseId,
    createdAt: ctx.now,
    createdBy: ctx.memberId,
    updatedAt: ctx.now,
    updatedBy: ctx.memberId,
    rev: 1,
    vv: { [ctx.deviceId]: 1 },
    clocks,
    deleted: false,
    seq: 0,
  };
  return { record: { ...changes, ...meta } as Stored<T>, changes };
}

/**
 * Applies a patch. Only fields and elements whose value really changes are written and
 * stamped; a patch that changes nothing returns null, so autosave of an unchanged form costs
 * nothing. A collection is written element by element (`tags/张三` → '张三' or null), never as
 * a whole array: a whole array from a stale copy would undo what others added.
 */
export function patchRecord<T extends object>(
  record: Stored<T>,
  patch: Patch,
  ctx: WriteContext,
  collections: Collections = {},
): { record: Stored<T>; changes: FieldChanges } | null {
  const changes = effectiveChanges(record, patch, collections);
  if (Object.keys(changes).length === 0) return null;
  return { record: stamp(record, changes, ctx, collections), changes };
}

/** The part of `patch` that would change `record`; throws on a malformed path (a bug). */
export function effectiveChanges(
  record: object,
  patch: Patch,
  collections: Collections = {},
): Record<string, unknown> {
  const current = record as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(patch)) {
    if (META_KEYS.has(path) || value === undefined) continue;
    const [field, key] = splitPath(path);
    const spec = Object.hasOwn(collections, field) ? collections[field] : undefined;
    if (spec) {
      if (key === undefined) throw new Error(`"${field}" is written element by element`);
      if (value !== null && spec.key(value) !== key) {
        throw new Error(`element written at "${path}" has another key`);
      }
      const was = findElement(spec, current[field] as unknown[] | undefined, key);
      if (value === null ? was !== undefined : !sameValue(was, value)) changes[path] = value;
    } else {
      if (key !== undefined) throw new Error(`"${field}" has no elements`);
      if (!sameValue(current[field], value)) changes[field] = value;
    }
  }
  return changes;
}

/**
 * Writes `value` at `path` even when the record holds it already: the resolution of a conflict,
 * a new write that has seen both sides (the record's version vector holds both), so every
 * laptop that receives it takes it over either side and the conflict never comes back.
 */
export function settle<T extends object>(
  record: Stored<T>,
  path: string,
  value: unknown,
  ctx: WriteContext,
  collections: Collections = {},
): { record: Stored<T>; changes: FieldChanges } {
  const changes = { [path]: value };
  return { record: stamp(record, changes, ctx, collections), changes };
}

/** Moves a record to the recycle bin: a write of `deleted`, so merges carry it to other laptops. */
export function tombstone<T extends object>(record: Stored<T>, ctx: WriteContext) {
  if (record.deleted) return null;
  const changes = { deleted: true };
  const stamped = stamp(record, changes, ctx, {});
  return {
    record: { ...stamped, deletedAt: ctx.now, deletedBy: ctx.memberId } as Stored<T>,
    changes: changes as FieldChanges,
  };
}

/** Brings a record back from the recycle bin. */
export function restore<T extends object>(record: Stored<T>, ctx: WriteContext) {
  if (!record.deleted) return null;
  const { deletedAt: _at, deletedBy: _by, ...rest } = stamp(record, { deleted: false }, ctx, {});
  return { record: rest as Stored<T>, changes: { deleted: false } as FieldChanges };
}

/** `record` with `changes` applied: values set, elements set or removed, all stamped. */
function stamp<T extends object>(
  record: Stored<T>,
  changes: Readonly<Record<string, unknown>>,
  ctx: WriteContext,
  collections: Collections,
): Stored<T> {
  const dot = nextDot(record.vv, ctx.deviceId);
  const next = applyPatch(record, changes, collections);
  const clocks: Record<string, PathClock> = { ...record.clocks };
  for (const path of Object.keys(changes)) clocks[path] = dot;
  // A write has seen every value of its path: it settles any conflict there.
  const siblings = { ...record.siblings };
  for (const path of Object.keys(changes)) delete siblings[path];
  if (Object.keys(siblings).length > 0) (next as { siblings?: object }).siblings = siblings;
  else delete (next as { siblings?: object }).siblings;
  return {
    ...next,
    updatedAt: ctx.now,
    updatedBy: ctx.memberId,
    rev: record.rev + 1,
    vv: { ...record.vv, [ctx.deviceId]: dot[1] },
    clocks,
  };
}

/**
 * `values` with a patch applied, without stamping anything: what a form shows (the stored
 * record and the edits not yet saved) and what history replays.
 */
export function applyPatch<T extends object>(
  values: T,
  patch: Patch,
  collections: Collections = {},
): T {
  const next = { ...values } as Record<string, unknown>;
  const elementWrites = new Map<string, Map<string, unknown>>();
  for (const [path, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const [field, key] = splitPath(path);
    if (key === undefined) {
      next[field] = value;
    } else {
      const writes = elementWrites.get(field) ?? new Map<string, unknown>();
      elementWrites.set(field, writes.set(key, value));
    }
  }
  for (const [field, writes] of elementWrites) {
    const spec = Object.hasOwn(collections, field) ? collections[field] : undefined;
    if (spec) next[field] = applyElements(spec, next[field] as unknown[] | undefined, writes);
  }
  return next as T;
}

function domainFields<T extends object>(fields: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!META_KEYS.has(key)) out[key] = value;
  return out;
}

export type Causality = 'same' | 'newer' | 'older' | 'concurrent';

/** How version vector `a` relates to `b`: the only notion of "newer" merges may use. */
export function compareVersions(a: VersionVector, b: VersionVector): Causality {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[device] ?? 0;
    const y = b[device] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'newer';
  if (bAhead) return 'older';
  return 'same';
}

/** Whether a replica at version `vv` has seen the write `dot`. */
export function hasSeen(vv: VersionVector, dot: Dot): boolean {
  return (vv[dot[0]] ?? 0) >= dot[1];
}
